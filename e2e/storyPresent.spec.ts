// Presenting a story (issue #25, items 3, 4 and 7): a three-step story put in a link, presented with
// the buttons and Page Up / Page Down, each step a permalink, a story file from another origin, the
// story's embed in another origin's page, reduced motion, Arabic, axe, and captions that carry
// script payloads running nothing.
import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startOtherOrigin, type OtherOrigin } from './otherOrigin.ts';
import { addStep, EMPTY_STORY, renameStory, type Story } from '../src/story/story.ts';
import { encodeStoryParam, storyToJson } from '../src/story/storyCodec.ts';
import { XSS_PAYLOADS } from '../src/testing/hostileText.ts';

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT) || 4173}/`;

/** Three steps of the September 2022 clashes, each with its own window and filters. */
const STORY: Story = renameStory(
  addStep(
    addStep(
      addStep(EMPTY_STORY, 'from=2022-09-12&to=2022-09-16', { caption: 'The **clashes** of 13 September, and what followed.', sources: ['https://example.org/clashes', 'Armenian MoD, 13 Sept 2022'] }),
      'from=2022-09-13&to=2022-09-15&types=ceasefire',
      { caption: 'Two ceasefires: the *Russian* one failed; the second held.' },
    ),
    'from=2022-09-13T12:00Z&to=2022-09-15T12:00Z&types=protest&lanes=actor',
    { caption: 'Protests in Yerevan, Gyumri and Stepanakert.' },
  ),
  'September 2022',
);
const STORY_PARAM = encodeStoryParam(STORY)!;
const CAPTIONS = ['The clashes of 13 September, and what followed.', 'Two ceasefires: the Russian one failed; the second held.', 'Protests in Yerevan, Gyumri and Stepanakert.'];
const SHOWING = ['Showing 12 of 16 events', 'Showing 2 of 16 events', 'Showing 3 of 16 events'];

type Where = Page | FrameLocator;
const status = (where: Where) => where.getByRole('status').filter({ hasText: /^Showing/ });
const card = (where: Where) => where.locator('.step-card');
const stepParam = (page: Page) => new URL(page.url()).searchParams.get('step');

async function expectStep(where: Where, n: number) {
  await expect(card(where).locator('.step-count')).toHaveText(`${n} of 3`);
  await expect(card(where).locator('.step-caption')).toHaveText(CAPTIONS[n - 1]!);
  await expect(status(where)).toHaveText(SHOWING[n - 1]!);
}

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

let other: OtherOrigin;
let hostHtml = '';
let storyFile = '';

/** Another origin: a host page for the embed, and story files with and without CORS. */
test.beforeAll(async () => {
  other = await startOtherOrigin((req, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    if (req.url === '/story.json') return void res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(storyFile);
    if (req.url === '/no-cors.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(storyFile);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostHtml);
  });
});

test.afterAll(() => other.close());

test('a three-step story from a link: Present, Next, Page Down and Up, Escape; the window, N, the caption and step= follow', async ({ page }) => {
  await page.goto(`./?story=${STORY_PARAM}`);
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await expect(card(page)).toHaveCount(0);

  const present = page.getByRole('button', { name: 'Present', exact: true });
  await present.click();
  const presenter = page.getByRole('region', { name: 'September 2022', exact: true });
  await expect(presenter).toBeVisible();
  await expectStep(page, 1);
  await expect(presenter.locator('.step-caption strong')).toHaveText('clashes');
  await expect(presenter.getByRole('link', { name: 'https://example.org/clashes' })).toHaveAttribute('href', 'https://example.org/clashes');
  await expect(presenter.getByText('Armenian MoD, 13 Sept 2022')).toBeVisible();
  await expect(presenter.getByRole('link')).toHaveCount(1);
  await expect(page.locator('.step-announcer')).toHaveText(`Step 1 of 3: ${CAPTIONS[0]}`);
  await expect.poll(() => stepParam(page)).toBe('1');
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2022-09-12');
  // The keyboard went to Next, and stays there when Next is pressed.
  const next = presenter.getByRole('button', { name: 'Next', exact: true });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expectStep(page, 2);
  await expect(next).toBeFocused();
  await expect(page.locator('.step-announcer')).toHaveText(`Step 2 of 3: ${CAPTIONS[1]}`);
  await expect.poll(() => stepParam(page)).toBe('2');
  await expect.poll(() => new URL(page.url()).searchParams.get('types')).toBe('ceasefire');
  // The view stays in use behind the card: the timeline and its lanes are there, and zoom works.
  await expect(page.getByRole('region', { name: /^Timeline of events/ })).toBeVisible();
  await expect(page.locator('.lane-label', { hasText: 'Ceasefire' })).toBeVisible();

  // Page Down and Page Up move between steps; the arrows stay the timeline's.
  await page.keyboard.press('PageDown');
  await expectStep(page, 3);
  await expect(page.locator('.lane-label').first()).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('lanes')).toBe('actor');
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('PageDown');
  await expectStep(page, 3);
  await page.getByRole('region', { name: /^Timeline of events/ }).focus();
  await page.keyboard.press('PageUp');
  await expectStep(page, 2);
  // The arrows stay the timeline's: they move to an event (and may move the window), not to a step.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#timeline-focus')).toContainText('ceasefire');
  await expect(card(page).locator('.step-count')).toHaveText('2 of 3');

  // Escape ends it: the card goes, and step= leaves the address; the view stays.
  await next.focus();
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await expect.poll(() => stepParam(page)).toBeNull();
  await expect(present).toBeFocused();
  await expect(page.getByRole('button', { name: 'Remove filter Type: Ceasefire' })).toBeVisible();
  // Entering was one history entry: Back returns to the view before the presentation.
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
});

test('End and Back both leave the presentation; Forward comes back to the step', async ({ page }) => {
  await page.goto(`./?story=${STORY_PARAM}`);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expectStep(page, 1);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, 2);
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await expect(card(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expectStep(page, 1);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expectStep(page, 3);
  // The step's view reaches the address once the view settles (as a zoom's does).
  await expect.poll(() => new URL(page.url()).searchParams.get('lanes')).toBe('actor');
  await page.goBack();
  await expect(card(page)).toHaveCount(0);
  await expect(status(page)).toHaveText(SHOWING[1]!);
  await page.goForward();
  await expectStep(page, 3);
});

test('a step permalink: the page opens presenting that step, and a reload lands on it again', async ({ page }) => {
  await page.goto(`./?story=${STORY_PARAM}&step=2`);
  await expectStep(page, 2);
  await expect(page.getByRole('region', { name: 'September 2022', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, 3);
  await expect.poll(() => stepParam(page)).toBe('3');
  await page.reload();
  await expectStep(page, 3);
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('bad values are named in the notice of what the link held that was ignored, and the page still works', async ({ page }) => {
  const cases: [string, string][] = [
    [`story=${STORY_PARAM}&step=0`, 'step "0" is not a step number (steps count from 1)'],
    [`story=${STORY_PARAM}&step=abc`, 'step "abc" is not a step number (1, 2, 3…)'],
    [`story=${STORY_PARAM}&step=99`, "step 99 is past the story's last step (it has 3 steps)"],
    ['story=z1.AAAA&step=2', 'The story in the link is damaged (it does not decompress); step 2 was not shown: the link has no story that could be opened'],
    ['step=2', 'step 2 was not shown: the link has no story (story=)'],
  ];
  for (const [query, reason] of cases) {
    await page.goto(`./?${query}&from=2022-09-12&to=2022-09-16`);
    await expect(page.locator('.notice')).toContainText(`Ignored from the link: ${reason}.`);
    await expect(card(page)).toHaveCount(0);
    await expect(status(page)).toHaveText('Showing 12 of 16 events');
    // The step the link named is not presented, so it leaves the address.
    await expect.poll(() => stepParam(page)).toBeNull();
  }
  // With a good story, the Present button still presents it from the first step.
  await page.goto(`./?story=${STORY_PARAM}&step=99`);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expectStep(page, 1);
});

test('a story from an http(s) address on another origin (CORS), and the reasons when it cannot be read', async ({ page }) => {
  const file = JSON.parse(storyToJson(STORY));
  file.steps.push({ caption: 'A step without a view' });
  storyFile = JSON.stringify(file);
  await page.goto(`./?story=${encodeURIComponent(`${other.origin}/story.json`)}&step=3`);
  await expectStep(page, 3);
  await expect(page.locator('.notice')).toContainText(`Ignored from the link: The story at ${other.origin}/story.json: step 4 was left out (view:`);
  // The address keeps the link's story as the link wrote it.
  await expect.poll(() => new URL(page.url()).searchParams.get('story')).toBe(`${other.origin}/story.json`);

  await page.goto(`./?story=${encodeURIComponent(`${other.origin}/no-cors.json`)}&step=1`);
  await expect(page.locator('.notice').first()).toContainText(`The story at ${other.origin}/no-cors.json could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS).`);
  await expect(page.locator('.notice').nth(1)).toContainText('step 1 was not shown: the link has no story that could be opened');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');

  await page.goto('./?story=javascript:alert(1)&step=1');
  await expect(page.locator('.notice').first()).toContainText('The story link "javascript:alert(1)" is not an http(s) URL, so it was not opened.');
  await expect(card(page)).toHaveCount(0);
});

test('the story’s embed in another origin’s page: its caption, "1 of 3", Next and Previous, its height to the host, and no history', async ({ page }) => {
  // The embed code the Share dialog gives for the story.
  await page.goto(`./?story=${STORY_PARAM}`);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog.getByRole('heading', { name: 'Share the story' })).toBeVisible();
  const snippet = await dialog.getByRole('textbox', { name: 'Embed code of the story' }).inputValue();
  const src = snippet.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
  expect(new URL(src).searchParams.get('embed')).toBe('1');
  expect(new URL(src).searchParams.get('step')).toBe('1');
  expect(new URL(src).searchParams.get('story')).toBe(STORY_PARAM);
  const link = await dialog.getByRole('textbox', { name: 'Link to the story' }).inputValue();
  expect(new URL(link).searchParams.get('story')).toBe(STORY_PARAM);

  hostHtml = `<!doctype html><html lang="en"><head><title>A report</title></head><body>
<h1>A report on September 2022</h1>
<script>window.received = []; window.addEventListener('message', (e) => { window.received.push(e.data); if (e.data && e.data.type === 'conflict-timeline:resize') document.getElementById('frame').height = String(e.data.height); });</script>
${snippet.replace('width="100%"', 'width="720"').replace('<iframe ', '<iframe id="frame" ')}
</body></html>`;
  await page.goto(`${other.origin}/`);
  const frame = page.frameLocator('#frame');
  await expectStep(frame, 1);
  const entries = await page.evaluate(() => history.length);
  await frame.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(frame, 2);
  await expect(frame.getByRole('button', { name: 'Next', exact: true })).toBeFocused();
  await page.keyboard.press('PageDown');
  await expectStep(frame, 3);
  await frame.getByRole('button', { name: 'Previous', exact: true }).click();
  await expectStep(frame, 2);
  // No End in an embed, and Escape keeps the step.
  await expect(frame.getByRole('button', { name: 'End', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expectStep(frame, 2);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  // "Open in full view" presents the step the reader is on.
  const full = new URL((await frame.getByRole('link', { name: /Open in full view/ }).getAttribute('href'))!);
  expect(full.searchParams.get('step')).toBe('2');
  expect(full.searchParams.get('story')).toBe(STORY_PARAM);
  expect(full.searchParams.has('embed')).toBe(false);
  // The host hears the embed's height, which grows with the caption card, and sizes the iframe.
  await expect.poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length)).toBeGreaterThan(0);
  const last = await page.evaluate(() => (window as unknown as { received: { height: number }[] }).received.at(-1)!.height);
  await expect(page.locator('#frame')).toHaveAttribute('height', String(last));
  // It fits its container's width.
  await page.evaluate(() => (document.getElementById('frame')!.style.width = '400px'));
  const inner = page.frames().find((f) => f.url().startsWith(APP)) as Frame;
  await expect.poll(() => inner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(frame.getByRole('button', { name: 'Next', exact: true })).toBeInViewport();
});

test('a story too long for a link: the Share dialog says to save and publish it, and links its published address', async ({ page }) => {
  let long = renameStory(EMPTY_STORY, 'A long story');
  let seed = 11;
  const word = () => (seed = (seed * 48271) % 2147483647).toString(36);
  for (let i = 0; i < 40; i++) long = addStep(long, `from=2022-09-${10 + (i % 9)}&to=2022-09-20`, { caption: Array.from({ length: 30 }, word).join(' ') });
  expect(encodeStoryParam(long)).toBeNull();
  storyFile = storyToJson(long);
  const address = `${other.origin}/story.json`;
  await page.goto(`./?story=${encodeURIComponent(address)}`);
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog.getByText('This story is too long to fit in a link.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Embed code of the story' })).toHaveCount(0);
  const published = dialog.getByRole('textbox', { name: 'Address of the published story file' });
  await published.fill('file:///home/me/story.json');
  await expect(dialog.getByText('The story link "file:///home/me/story.json" is not an http(s) URL, so it was not opened.')).toBeVisible();
  await published.fill(address);
  const link = new URL(await dialog.getByRole('textbox', { name: 'Link to the story' }).inputValue());
  expect(link.searchParams.get('story')).toBe(address);
  expect(link.searchParams.get('step')).toBe('1');
  const snippet = await dialog.getByRole('textbox', { name: 'Embed code of the story' }).inputValue();
  expect(snippet).toContain(`embed=1&amp;story=${encodeURIComponent(address)}&amp;step=1`);
  // The link opens the story at its first step.
  await page.goto(link.href);
  await expect(card(page).locator('.step-count')).toHaveText('1 of 40');
});

test('between steps the window glides, except under prefers-reduced-motion, where it jumps', async ({ page }) => {
  /** The timeline's label (its window in words) at every change while moving from step 2 to step 3. */
  const labelsDuringMove = async () => {
    await page.goto(`./?story=${STORY_PARAM}&step=2`);
    await expectStep(page, 2);
    const timeline = page.locator('#timeline');
    const before = await timeline.getAttribute('aria-label');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const el = document.getElementById('timeline')!;
      new MutationObserver(() => seen.push(el.getAttribute('aria-label')!)).observe(el, { attributes: true, attributeFilter: ['aria-label'] });
    });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expectStep(page, 3);
    await expect(timeline).toHaveAttribute('aria-label', /13 Sept 2022, 12:00 to 15 Sept 2022, 12:00 UTC/);
    const after = await timeline.getAttribute('aria-label');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    return seen.filter((label) => label !== before && label !== after);
  };
  expect((await labelsDuringMove()).length).toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await labelsDuringMove()).toEqual([]);
});

test('in Arabic: the card right to left, its words and numbers in Arabic, an Arabic caption in its own direction; axe finds nothing serious', async ({ page }) => {
  const arabic = renameStory(
    addStep(addStep(STORY, 'from=2022-09-13&to=2022-09-15&types=ceasefire', { caption: 'وقفان لإطلاق النار: **فشل** الأول وصمد الثاني.' }), 'types=protest', { caption: 'Protests, in English.' }),
    'سبتمبر 2022',
  );
  await page.goto(`./?lang=ar&story=${encodeStoryParam(arabic)!}&step=4`);
  const presenter = page.getByRole('region', { name: 'سبتمبر 2022', exact: true });
  await expect(presenter).toBeVisible();
  const [four, five] = await page.evaluate(() => [new Intl.NumberFormat('ar').format(4), new Intl.NumberFormat('ar').format(5)]);
  await expect(presenter.locator('.step-count')).toHaveText(`${four} من ${five}`);
  await expect(presenter.getByRole('button', { name: 'التالي' })).toBeVisible();
  await expect(presenter.getByRole('button', { name: 'السابق' })).toBeVisible();
  await expect(presenter.getByRole('button', { name: 'إنهاء' })).toBeVisible();
  const caption = presenter.locator('.step-caption p');
  await expect(caption).toHaveText('وقفان لإطلاق النار: فشل الأول وصمد الثاني.');
  await expect(caption).toHaveAttribute('dir', 'auto');
  expect(await caption.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  await expect(page.locator('.step-announcer')).toHaveText(`الخطوة ${four} من ${five}: وقفان لإطلاق النار: فشل الأول وصمد الثاني.`);
  // Next is on the left in a right-to-left page.
  const previous = (await presenter.getByRole('button', { name: 'السابق' }).boundingBox())!;
  const next = (await presenter.getByRole('button', { name: 'التالي' }).boundingBox())!;
  expect(next.x).toBeLessThan(previous.x);
  await page.locator('.lane-label').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await presenter.getByRole('button', { name: 'التالي' }).click();
  await expect(presenter.locator('.step-caption p')).toHaveText('Protests, in English.');
  expect(await presenter.locator('.step-caption p').evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
});

test('axe finds nothing serious in the presenter, the Share dialog with a story, and a story’s embed', async ({ page }) => {
  await page.goto(`./?story=${STORY_PARAM}&step=1`);
  await expectStep(page, 1);
  await page.locator('.lane-label').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('heading', { name: 'Share the story' })).toBeVisible();
  expect(await seriousViolations(page, '.share-dialog')).toEqual([]);
  await page.goto(`./?embed=1&story=${STORY_PARAM}&step=2`);
  await expectStep(page, 2);
  await page.locator('.lane-label').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test('captions and sources carrying script payloads run nothing, in the presenter and in the embed', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  let hostile = renameStory(EMPTY_STORY, XSS_PAYLOADS[1]);
  const halves = [XSS_PAYLOADS.slice(0, 6), XSS_PAYLOADS.slice(6)];
  for (const payloads of halves) {
    hostile = addStep(hostile, 'from=2022-09-12&to=2022-09-16', {
      caption: `${payloads.join('\n\n')}\n\n[click](javascript:window.__xss=1) **<b>bold</b>**`,
      sources: ['javascript:window.__xss=1', 'data:text/html,<script>window.__xss=1</script>', XSS_PAYLOADS[0]],
    });
  }
  const param = encodeStoryParam(hostile)!;
  const noScript = async (where: Page | Frame) => {
    expect(await where.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await where.locator('.step-card img, .step-card svg, .step-card iframe, .step-card script, .step-card details, .step-card math, .step-card b').count()).toBe(0);
    for (const href of await where.locator('.step-card a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^https?:/);
  };
  await page.goto(`./?story=${param}&step=1`);
  const presenter = page.locator('.step-card.presenter');
  await expect(presenter.locator('.step-caption')).toContainText('<script>window.__xss=1</script>');
  await expect(presenter.locator('.step-caption')).toContainText('<img src=x onerror="window.__xss=1;alert(1)">');
  await expect(presenter.locator('.step-sources')).toContainText('javascript:window.__xss=1');
  await expect(page.locator('.step-announcer')).toContainText('<script>window.__xss=1</script>');
  await noScript(page);
  await page.keyboard.press('PageDown');
  await expect(presenter.locator('.step-count')).toHaveText('2 of 2');
  await expect(presenter.locator('.step-caption')).toContainText('{{constructor.constructor("window.__xss=1")()}}');
  await noScript(page);

  hostHtml = `<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe id="frame" src="${APP}?embed=1&amp;story=${param}&amp;step=1" width="800" height="500"></iframe></body></html>`;
  await page.goto(`${other.origin}/`);
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('.step-caption')).toContainText('<script>window.__xss=1</script>');
  await frame.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(frame.locator('.step-count')).toHaveText('2 of 2');
  const inner = page.frames().find((f) => f.url().startsWith(APP)) as Frame;
  await noScript(inner);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(errors).toEqual([]);
});
