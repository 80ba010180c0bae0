// Takes screenshots of the built app for the README and for looking at what we built:
// `npm run screenshots` (after `vite build`; starts its own preview server).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { acledCsv, acledRow, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { readFileSync } from 'node:fs';
import { encodeStoryParam, storyFromJson } from '../src/story/storyCodec.ts';

// The example story (issue #25), in the link as Share writes it.
const example = storyFromJson(readFileSync('public/stories/september-2022.story.json', 'utf8'), 'september-2022.story.json');
if (!example.ok) throw new Error(example.problems.join('; '));
const storyParam = encodeStoryParam(example.story)!;

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const port = Number(process.env.SCREENSHOT_PORT) || 4179;
const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({ executablePath, args });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
  const views: [string, string][] = [
    ['main', ''],
    ['september-2022', '?from=2022-09-12&to=2022-09-16'],
    ['ceasefire-detail', '?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire'],
    ['actor-lanes', '?from=2022-09-12&to=2022-09-16&lanes=actor'],
    ['arabic', '?lang=ar&from=2022-09-12&to=2022-09-16'],
    ['arabic-detail', '?lang=ar&from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire'],
    ['arabic-actor-lanes', '?lang=ar&from=2022-09-12&to=2022-09-16&lanes=actor'],
    // The map panel (issue #24): beside the timeline, with an area drawn, and in Arabic.
    ['map', '?from=2022-09-12&to=2022-09-16&map=45.3,40.1,7'],
    ['map-area', '?from=2022-09-12&to=2022-09-16&map=45.3,40.1,7&bbox=43.5,39.5,45,40.9&event=2022-09-14-yerevan-protests'],
    ['map-place-lanes', '?from=2022-09-12&to=2022-09-16&map=45.3,40.1,7&lanes=place'],
    ['arabic-map', '?lang=ar&from=2022-09-12&to=2022-09-16&map=45.3,40.1,7'],
    // Stories (issue #25): presenting the example story, in English and Arabic.
    ['story-present', `?story=${storyParam}&step=1`],
    ['story-present-step-3', `?story=${storyParam}&step=3`],
    ['story-present-arabic', `?lang=ar&story=${storyParam}&step=4`],
    ...(process.env.EXTRA_VIEWS ? (JSON.parse(process.env.EXTRA_VIEWS) as [string, string][]) : []),
  ];
  for (const [name, query] of views) {
    await page.goto(`http://127.0.0.1:${port}/${query}`);
    await page.waitForSelector('.lane-label');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
    console.log(`${out}/${name}.png`);
  }
  // Opening data: the import report after an ACLED file with a bad row, and the mapping dialog.
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('.lane-label');
  const acled = acledCsv(
    [acledRow(), acledRow({ event_id_cnty: 'ARM101', event_date: '31 September 2022' }), acledRow({ event_id_cnty: 'ARM102', event_date: '14 September 2022', location: ' Jermuk ' })],
    { layout: 'pre2023', hxl: true },
  );
  await page.getByLabel('Open data file').setInputFiles({ name: 'acled-sample.csv', mimeType: 'text/csv', buffer: Buffer.from(acled) });
  await page.getByRole('region', { name: /Import report/ }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/import-report.png` });
  console.log(`${out}/import-report.png`);
  const plain = 'Day,What happened,Category,Parties\n14/09/2022,Ceasefire holds,ceasefire,Government of Armenia\n15/09/2022,Rally in Yerevan,protest,Protesters\n';
  await page.getByLabel('Open data file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(plain) });
  await page.getByRole('dialog').waitFor();
  // With the title chosen, as a user sees it before Import: its enabled button once went unseen.
  await page.getByRole('dialog').getByLabel(/^Title \(required\)/).selectOption('What happened');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/mapping-dialog.png` });
  console.log(`${out}/mapping-dialog.png`);
  // Files opened here are kept in the browser (IndexedDB) and would come back on every later page.
  const forgetKeptFiles = () =>
    page.evaluate(async () => {
      for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
    });
  await forgetKeptFiles();
  // Many events: busy lanes draw their density, with a hover count.
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('.lane-label');
  await page.getByLabel('Open data file').setInputFiles({ name: 'acled-20000.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(generatedAcledRows(20_000))) });
  await page.getByText('Showing 20,000 of 20,000 events').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Close report' }).click();
  const plot = (await page.locator('canvas.marks').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.45, plot.y + 50);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/density.png` });
  console.log(`${out}/density.png`);
  await forgetKeptFiles();

  // Putting a view into a report: the Share dialog, the Export menu, embeds, the exported PNG, print.
  await page.goto(`http://127.0.0.1:${port}/?from=2022-09-12&to=2022-09-16&types=clash,ceasefire,casualty-report`);
  await page.waitForSelector('.lane-label');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.frameLocator('iframe[title="Preview of the embed"]').locator('.lane-label').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/share-dialog.png` });
  console.log(`${out}/share-dialog.png`);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.screenshot({ path: `${out}/export-menu.png`, clip: { x: 700, y: 0, width: 700, height: 500 } });
  console.log(`${out}/export-menu.png`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await (await downloading).saveAs(`${out}/export.png`);
  console.log(`${out}/export.png`);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.screenshot({ path: `${out}/print.png`, fullPage: true });
  console.log(`${out}/print.png`);
  await page.emulateMedia({ media: 'screen' });
  const embed = await browser.newPage({ viewport: { width: 760, height: 520 }, locale: 'en-GB', timezoneId: 'UTC' });
  for (const [name, query] of [
    ['embed', '?embed=1&from=2022-09-12&to=2022-09-16&types=clash,ceasefire,casualty-report&title=Border+clashes,+13%E2%80%9314+September+2022'],
    ['embed-dark', '?embed=1&theme=dark&from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire'],
    ['embed-map', '?embed=1&from=2022-09-12&to=2022-09-16&map=45.3,40.1,7&title=Where+the+border+clashes+happened'],
  ]) {
    await embed.goto(`http://127.0.0.1:${port}/${query}`);
    await embed.waitForSelector('.lane-label');
    await embed.waitForTimeout(300);
    await embed.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    console.log(`${out}/${name}.png`);
  }
  // The Story panel with the example story open, and the story's embed.
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('.lane-label');
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await page.getByLabel('Open a story file').setInputFiles('public/stories/september-2022.story.json');
  await page.getByText('Opened the story').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/story-panel.png` });
  console.log(`${out}/story-panel.png`);
  await page.evaluate(async () => {
    for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
  });
  await embed.goto(`http://127.0.0.1:${port}/?embed=1&story=${storyParam}&step=2`);
  await embed.waitForSelector('.lane-label');
  await embed.waitForTimeout(800);
  await embed.screenshot({ path: `${out}/embed-story.png`, fullPage: true });
  console.log(`${out}/embed-story.png`);
  await embed.goto(`http://127.0.0.1:${port}/?embed=1&lang=ar&from=2022-09-12&to=2022-09-16`);
  await embed.waitForSelector('.lane-label');
  await embed.waitForTimeout(300);
  await embed.screenshot({ path: `${out}/embed-arabic.png`, fullPage: true });
  console.log(`${out}/embed-arabic.png`);

  // The keyboard: the focus ring on an event (light and dark), and the shortcuts dialog in both languages.
  for (const [name, query] of [
    ['keyboard-focus', '?from=2022-09-12&to=2022-09-16'],
    ['keyboard-focus-dark', '?theme=dark&from=2022-09-12&to=2022-09-16'],
  ]) {
    await page.goto(`http://127.0.0.1:${port}/${query}`);
    await page.waitForSelector('.lane-label');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    await page.locator('.timeline').screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
  for (const [name, query] of [['keyboard-help', '?'], ['keyboard-help-arabic', '?lang=ar']]) {
    await page.goto(`http://127.0.0.1:${port}/${query}`);
    await page.waitForSelector('.lane-label');
    await page.keyboard.press('?');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
  // An image exported from the Arabic UI.
  await page.goto(`http://127.0.0.1:${port}/?lang=ar&from=2022-09-12&to=2022-09-16&types=clash,ceasefire,casualty-report`);
  await page.waitForSelector('.lane-label');
  await page.getByRole('button', { name: 'تصدير' }).click();
  const arabicDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير PNG' }).click();
  await (await arabicDownload).saveAs(`${out}/export-arabic.png`);
  console.log(`${out}/export-arabic.png`);

  // On a phone (390 × 844, touch): the first screen, in both languages; the filters drawer; the
  // details sheet; and the embed in a phone-wide iframe. phone.png is public/screenshot-phone.png.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, locale: 'en-GB', timezoneId: 'UTC' });
  for (const [name, query, then] of [
    ['phone', '?from=2022-09-12&to=2022-09-16&types=clash,ceasefire,casualty-report,statement,diplomacy', null],
    ['phone-arabic', '?lang=ar&from=2022-09-12&to=2022-09-16', null],
    ['phone-filters', '?from=2022-09-12&to=2022-09-16&types=clash,ceasefire', 'filters'],
    ['phone-detail', '?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire', null],
    ['phone-detail-arabic', '?lang=ar&from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire', null],
    ['phone-embed', '?embed=1&from=2022-09-12&to=2022-09-16&title=Border+clashes,+13%E2%80%9314+September+2022', null],
    ['phone-map', '?from=2022-09-12&to=2022-09-16&map=45.3,40.1,6', null],
    ['phone-map-arabic', '?lang=ar&from=2022-09-12&to=2022-09-16&map=45.3,40.1,6', null],
    ['phone-story', `?story=${storyParam}&step=2`, null],
  ] as const) {
    await phone.goto(`http://127.0.0.1:${port}/${query}`);
    await phone.waitForSelector('.lane-label');
    if (then === 'filters') await phone.locator('.filters-button').tap();
    await phone.waitForTimeout(300);
    await phone.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
  await browser.close();
} finally {
  server.kill();
}
