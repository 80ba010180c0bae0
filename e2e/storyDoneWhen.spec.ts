// Issue #25's "done when", in one walk through the UI: an analyst builds a five-step story of the
// September 2022 clashes in the Story panel, presents it, sends a link to a step (which opens on
// that step), embeds the story in another site's report, and exports the self-contained HTML,
// which a colleague opens offline (file://, every network request refused) and steps through.
import { test, expect, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { startOtherOrigin } from './otherOrigin.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const panel = (page: Page) => page.getByRole('region', { name: 'Story' });
const card = (page: Page) => page.locator('.step-card');

const CAPTIONS = [
  'Fighting breaks out near **Goris** and *Jermuk*.',
  'Two ceasefires: the Russian one fails, the second holds.',
  'Protests in Yerevan over the peace-treaty remarks.',
  'Who is involved: one lane per actor.',
  'Where it happened, on the map.',
];
const plain = (caption: string) => caption.replace(/[*_]/g, '');

async function addStep(page: Page, n: number) {
  await panel(page).getByRole('button', { name: 'Add this view as a step' }).click();
  await panel(page).getByRole('button', { name: `Edit the caption of step ${n}` }).click();
  await panel(page).getByRole('textbox', { name: `Caption of step ${n}` }).fill(CAPTIONS[n - 1]!);
  await panel(page).getByRole('button', { name: 'Done' }).click();
}

test('an analyst builds a five-step story, presents it, links a step, embeds it, and exports an HTML file that opens offline', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await panel(page).getByRole('textbox', { name: 'Story title' }).fill('September 2022');
  await panel(page).getByRole('textbox', { name: 'Story title' }).press('Enter');

  // Five views, set up with the app's own controls.
  await page.getByLabel('From', { exact: true }).fill('2022-09-12');
  await page.getByLabel('To', { exact: true }).fill('2022-09-15');
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  await addStep(page, 1);
  const types = page.getByRole('group', { name: 'Event types' });
  await types.getByRole('checkbox', { name: /^Ceasefire \d+$/ }).check();
  await expect(status(page)).toHaveText('Showing 2 of 16 events');
  await addStep(page, 2);
  await types.getByRole('checkbox', { name: /^Ceasefire \d+$/ }).uncheck();
  await page.getByRole('searchbox', { name: 'Search events' }).fill('Yerevan');
  await expect(page.getByRole('button', { name: 'Remove filter Text: “Yerevan”' })).toBeVisible();
  await addStep(page, 3);
  await page.getByRole('button', { name: 'Remove filter Text: “Yerevan”' }).click();
  await page.getByRole('radio', { name: 'Actor' }).check();
  await addStep(page, 4);
  await page.getByRole('radio', { name: 'Event type' }).check();
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await expect(page.locator('canvas.map-marks, .map-panel canvas').first()).toBeVisible();
  await addStep(page, 5);
  await expect(panel(page).getByRole('list', { name: 'Steps' }).locator(':scope > li')).toHaveCount(5);

  // Present: one step at a time, each step in the address.
  await panel(page).getByRole('button', { name: /Present/ }).click();
  await expect(card(page).locator('.step-count')).toHaveText('1 of 5');
  await expect(card(page).locator('.step-caption')).toHaveText(plain(CAPTIONS[0]!));
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  await page.keyboard.press('PageDown');
  await expect(card(page).locator('.step-count')).toHaveText('2 of 5');
  await expect(status(page)).toHaveText('Showing 2 of 16 events');
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2');
  const stepLink = page.url();
  expect(new URL(stepLink).searchParams.get('story')).toMatch(/^z1\./);

  // The link to step 2, opened by a colleague in a fresh browser: it lands on that step.
  const colleague = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' });
  const theirs = await colleague.newPage();
  await theirs.goto(stepLink);
  await expect(card(theirs).locator('.step-count')).toHaveText('2 of 5');
  await expect(card(theirs).locator('.step-caption')).toHaveText(plain(CAPTIONS[1]!));
  await expect(status(theirs)).toHaveText('Showing 2 of 16 events');
  await colleague.close();

  // The embed code, in another site's report.
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  const snippet = await dialog.getByRole('textbox', { name: 'Embed code of the story' }).inputValue();
  await page.keyboard.press('Escape');
  const report = await startOtherOrigin((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Report</title></head><body><h1>Our report</h1>${snippet.replace('<iframe ', '<iframe id="frame" ')}</body></html>`);
  });
  try {
    const host = await browser.newPage();
    await host.goto(`${report.origin}/`);
    const frame = host.frameLocator('#frame');
    await expect(frame.locator('.step-count')).toHaveText('1 of 5');
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(frame.locator('.step-count')).toHaveText('2 of 5');
    await expect(frame.locator('.step-caption')).toHaveText(plain(CAPTIONS[1]!));
    await host.close();
  } finally {
    await report.close();
  }

  // Export story: one HTML file, opened offline by the colleague.
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export story', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.story\.html$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const offline = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' });
  const requests: string[] = [];
  await offline.route('**', (route) => {
    if (/^(file|data|blob):/.test(route.request().url())) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const reader = await offline.newPage();
  await reader.goto(pathToFileURL(file).href);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('September 2022');
  await expect(reader.locator('article.step')).toHaveCount(5);
  for (const [i, caption] of CAPTIONS.entries()) await expect(reader.locator('article.step').nth(i)).toContainText(plain(caption));
  const viewer = reader.getByRole('region', { name: 'Interactive story' });
  await expect(viewer.locator('.story-viewer-count')).toHaveText('Step 1 of 5');
  await expect(viewer.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText('Showing 12 of 16 events');
  await viewer.getByRole('button', { name: 'Next' }).click();
  await expect(viewer.locator('.story-viewer-count')).toHaveText('Step 2 of 5');
  await expect(viewer.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText('Showing 2 of 16 events');
  expect(requests).toEqual([]);
  await offline.close();
});
