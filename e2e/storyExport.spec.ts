// The story's HTML file (issue #25, item 6): opened at file:// with every network request refused,
// it shows the title, each step's caption, sources and picture, and an interactive timeline of
// the events it carries, with Previous/Next; hostile captions run nothing; JavaScript off, the
// steps still read; printed, it gives one page per step. The file is written in Node by the same
// writer as "Export story" (e2e/storyFile.ts): the Story panel that builds a story in the page
// comes with another part of #25.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { pathToFileURL } from 'node:url';
import { hostileStory, septemberStory } from '../src/testing/storyFixture.ts';
import { writeStory } from './storyFile.ts';

/** Refuses every request that is not to the file itself or a data:/blob: URL, and lists them all. */
async function offline(context: BrowserContext) {
  const requests: string[] = [];
  await context.route('**', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) requests.push(request.url());
  });
  return requests;
}

/** Payloads set window.__xss or open a dialog; CSP violations and page errors are problems too. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => {
    const state = await page.evaluate(() => ({ csp: (window as unknown as { __cspViolations: string[] }).__cspViolations, xss: (window as unknown as { __xss?: unknown }).__xss }));
    expect([...problems, ...state.csp.map((v) => `CSP: ${v}`), ...(state.xss === undefined ? [] : ['a payload ran'])]).toEqual([]);
  };
}

const viewer = (page: Page) => page.getByRole('region', { name: 'Interactive story' });
const staticSteps = (page: Page) => page.locator('article.step');

test('the story file opens at file:// with the network refused: title, captions, sources and a picture per step', async ({ page, context }) => {
  const file = await writeStory(septemberStory(), test.info().outputPath());
  const requests = await offline(context);
  const check = await watch(page);
  await page.goto(pathToFileURL(file.path).href);
  await expect(page).toHaveTitle('The September 2022 border clashes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The September 2022 border clashes');
  await expect(page.locator('.story-note')).toContainText('This file holds all 16 events loaded when it was exported.');
  await expect(staticSteps(page)).toHaveCount(5);
  const story = septemberStory();
  for (const [i, step] of story.steps.entries()) {
    const article = staticSteps(page).nth(i);
    await expect(article.getByRole('heading', { level: 3 })).toHaveText(`Step ${i + 1} of 5 · The September 2022 border clashes`);
    await expect(article.locator('svg')).toHaveCount(1);
    // The picture is the view's: its summary line counts what the step shows.
    await expect(article.locator('svg text.summary')).toContainText(/showing \d+ of 16 events/);
    for (const source of step.sources) await expect(article.locator('.step-sources')).toContainText(source);
  }
  await expect(staticSteps(page).nth(0).locator('.caption')).toHaveText('Fighting breaks out along the border on 13 September, near Goris and Jermuk.');
  await expect(staticSteps(page).nth(0).locator('.caption strong')).toHaveText('13 September');
  await expect(staticSteps(page).nth(2).getByRole('link', { name: 'Read more' })).toHaveAttribute('href', 'https://example.org/calm');
  await expect(staticSteps(page).nth(3).getByRole('link', { name: 'mailto:desk@example.org' })).toHaveAttribute('href', 'mailto:desk@example.org');
  // Each picture draws its marks inside its own clip path (ids unique to the step).
  const clipIds = await page.locator('svg clipPath').evaluateAll((clips) => clips.map((c) => c.id));
  expect(new Set(clipIds).size).toBe(clipIds.length);
  await expect(viewer(page)).toBeVisible();
  expect(requests).toEqual([]);
  await check();
});

test('the interactive part shows the timeline of the embedded events; Next, Previous and Page Down move between steps; the timeline zooms', async ({ page, context }) => {
  const file = await writeStory(septemberStory(), test.info().outputPath());
  const requests = await offline(context);
  const check = await watch(page);
  await page.goto(pathToFileURL(file.path).href);
  const region = viewer(page);
  const status = region.getByRole('status').filter({ hasText: /^Showing/ });
  await expect(region.locator('.story-viewer-count')).toHaveText('Step 1 of 5');
  await expect(region.locator('.story-viewer-caption')).toHaveText('Fighting breaks out along the border on 13 September, near Goris and Jermuk.');
  await expect(status).toHaveText('Showing 1 of 16 events');
  await expect(region.locator('.lane-label')).toHaveText(['Clash']);
  await expect(region.getByRole('button', { name: 'Previous' })).toBeDisabled();

  await region.getByRole('button', { name: 'Next' }).click();
  await expect(region.locator('.story-viewer-count')).toHaveText('Step 2 of 5');
  await expect(region.locator('.story-viewer-caption')).toHaveText('A Russian-brokered ceasefire from 09:00 Moscow time fails within hours.');
  await expect(status).toHaveText('Showing 2 of 16 events');
  await expect(region.locator('.lane-label')).toHaveText(['Ceasefire']);
  // The step's selected event is open in the details.
  await expect(region.locator('.detail-panel h2')).toContainText('Russian-brokered ceasefire');

  await page.keyboard.press('PageDown');
  await expect(region.locator('.story-viewer-count')).toHaveText('Step 3 of 5');
  await expect(region.locator('.story-viewer-caption')).toContainText('The ceasefire of 20:00 holds.');
  await region.getByRole('button', { name: 'Previous' }).click();
  await expect(region.locator('.story-viewer-count')).toHaveText('Step 2 of 5');

  const timeline = region.locator('#timeline');
  const before = await timeline.getAttribute('aria-label');
  await region.getByRole('button', { name: 'Zoom in' }).click();
  await expect(timeline).not.toHaveAttribute('aria-label', before!);
  expect(requests).toEqual([]);
  await check();
});

test('captions, sources and a title of script payloads run nothing, in the static part or the interactive one', async ({ page, context }) => {
  const story = hostileStory();
  const file = await writeStory(story, test.info().outputPath());
  await offline(context);
  const check = await watch(page);
  await page.goto(pathToFileURL(file.path).href);
  await expect(staticSteps(page)).toHaveCount(story.steps.length);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);
  // Each payload is on the page as the text it was typed as.
  await expect(staticSteps(page).nth(0).locator('.caption p').first()).toHaveText(story.steps[0]!.caption.split('\n\n')[0]!);
  await expect(viewer(page).locator('.story-viewer-caption p').first()).toHaveText(story.steps[0]!.caption.split('\n\n')[0]!);
  for (let i = 1; i < story.steps.length; i++) {
    await viewer(page).getByRole('button', { name: 'Next' }).click();
    await expect(viewer(page).locator('.story-viewer-count')).toHaveText(`Step ${i + 1} of ${story.steps.length}`);
  }
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
      const href = el.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:)/.test(href)) found.push(`${el.tagName} href=${href}`);
    }
    for (const tag of ['img', 'iframe', 'details', 'math', 'object', 'embed']) if (document.querySelector(tag)) found.push(tag);
    // Scripts: the two JSON blocks and the viewer, nothing else.
    found.push(...[...document.scripts].filter((s) => s.type !== 'application/json' && s.type !== 'module').map((s) => `script ${s.type}`));
    if (document.scripts.length !== 3) found.push(`${document.scripts.length} scripts`);
    return found;
  });
  expect(injected).toEqual([]);
  await check();
});

test('with JavaScript off, every step reads: caption, sources and picture, and a note says the interactive view needs JavaScript', async ({ browser }) => {
  const file = await writeStory(septemberStory(), test.info().outputPath());
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file.path).href);
  await expect(page.locator('.story-noscript')).toHaveText('The interactive view needs JavaScript. Every step is below, with its picture.');
  await expect(page.locator('#story-viewer')).toBeHidden();
  await expect(staticSteps(page)).toHaveCount(5);
  await expect(staticSteps(page).locator('svg')).toHaveCount(5);
  await expect(staticSteps(page).nth(4).locator('.caption')).toHaveText('Both sides count their dead; the CSTO sends a mission.');
  await context.close();
});

test('printed, the file gives one page per step, without the interactive part', async ({ page }) => {
  const file = await writeStory(septemberStory(), test.info().outputPath());
  await page.goto(pathToFileURL(file.path).href);
  await expect(viewer(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#story-viewer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  expect(await staticSteps(page).evaluateAll((steps) => steps.map((s) => getComputedStyle(s).breakAfter))).toEqual(['page', 'page', 'page', 'page', 'auto']);
  const pdf = (await page.pdf({ format: 'A4', landscape: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(5);
});

test('in Arabic the file is right to left, with Arabic words, and axe finds no serious violation', async ({ page, context }) => {
  const file = await writeStory(septemberStory(), test.info().outputPath(), { lang: 'ar' });
  await offline(context);
  const check = await watch(page);
  await page.goto(pathToFileURL(file.path).href);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const region = page.getByRole('region', { name: 'القصة التفاعلية' });
  await expect(region.getByRole('button', { name: 'التالي' })).toBeVisible();
  await expect(region.locator('.story-viewer-caption p')).toHaveAttribute('dir', 'auto');
  await region.getByRole('button', { name: 'التالي' }).click();
  const two = await page.evaluate(() => [new Intl.NumberFormat('ar').format(2), new Intl.NumberFormat('ar').format(5)]);
  await expect(region.locator('.story-viewer-count')).toHaveText(`الخطوة ${two[0]} من ${two[1]}`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  await check();
});

test('in the app, Export story and Print story wait for a story with steps, and say so', async ({ page }) => {
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const panel = page.getByRole('group', { name: 'Export' });
  await expect(panel.getByRole('button', { name: 'Export story' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Print story' })).toBeDisabled();
  await expect(panel).toContainText('Add a step to the story to export or print it.');
});
