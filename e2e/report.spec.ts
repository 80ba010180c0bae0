// Putting a view into a report: the embed inside another origin's iframe, the Share dialog, the
// exports (SVG, PNG, CSV, JSON) and print.
import { test, expect, type Page, type Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startOtherOrigin, type OtherOrigin } from './otherOrigin.ts';
import Papa from 'papaparse';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT) || 4173}/`;
const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const shownCount = async (page: Page) => Number((await status(page).textContent())!.match(/^Showing (\d+)/)![1]);

/** A host page on another port (another origin) that records every message its iframe sends. */
function hostPage(src: string, width = 800): string {
  return `<!doctype html><html lang="en"><head><title>Host article</title></head><body>
<h1>A report that embeds a timeline</h1>
<script>
  window.received = [];
  window.addEventListener('message', (e) => {
    window.received.push({ origin: e.origin, data: e.data });
    if (e.data && e.data.type === 'conflict-timeline:resize') document.getElementById('frame').height = String(e.data.height);
  });
</script>
<iframe id="frame" src="${src}" width="${width}" height="200" style="border:1px solid #ccc"></iframe>
</body></html>`;
}

let host: OtherOrigin;
let hostOrigin = '';
let hostHtml = '';

test.beforeAll(async () => {
  host = await startOtherOrigin((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostHtml);
  });
  hostOrigin = host.origin;
});

test.afterAll(() => host.close());

test.describe('embed mode', () => {
  test('inside another origin’s iframe: no chrome, the view from the link, and only the resize message', async ({ page }) => {
    const query = '?embed=1&title=Border+clashes+and+the+ceasefire&from=2022-09-12&to=2022-09-16&types=clash,ceasefire';
    hostHtml = hostPage(`${APP}${query}`);
    await page.goto(`${hostOrigin}/`);
    const frame = page.frameLocator('#frame');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Border clashes and the ceasefire');
    await expect(frame.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText('Showing 3 of 16 events');
    await expect(frame.getByText('Filtered: Type: Clash or Ceasefire')).toBeVisible();
    await expect(frame.getByRole('figure', { name: 'Legend' })).toContainText('Ceasefire');
    await expect(frame.getByText(/^Source: Al Jazeera Arabic/)).toBeVisible();
    // No app chrome: no filter panel, no file controls, no events table, no share or export.
    await expect(frame.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
    await expect(frame.getByLabel('Open data file')).toHaveCount(0);
    await expect(frame.getByRole('table', { name: 'Events' })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Share' })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Zoom in' })).toBeVisible();

    const full = frame.getByRole('link', { name: /Open in full view/ });
    await expect(full).toHaveAttribute('target', '_blank');
    const href = new URL((await full.getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe(APP);
    expect(href.searchParams.get('from')).toBe('2022-09-12');
    expect(href.searchParams.get('types')).toBe('clash,ceasefire');
    expect(href.searchParams.has('embed')).toBe(false);
    expect(href.searchParams.has('title')).toBe(false);

    // The resize message arrives from the app's origin, and the host sizes the iframe with it.
    await expect.poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length)).toBeGreaterThan(0);
    const received = await page.evaluate(() => (window as unknown as { received: { origin: string; data: { type: string; height: number } }[] }).received);
    for (const message of received) {
      expect(message.origin).toBe(APP.slice(0, -1));
      expect(Object.keys(message.data).sort()).toEqual(['height', 'type']);
      expect(message.data.type).toBe('conflict-timeline:resize');
      expect(message.data.height).toBeGreaterThan(200);
    }
    const last = received.at(-1)!.data.height;
    await expect(page.locator('#frame')).toHaveAttribute('height', String(last));

  });

  test('follows the iframe’s width, and hover, zoom and selection work in it', async ({ page }) => {
    hostHtml = hostPage(`${APP}?embed=1&from=2022-09-14T12:00Z&to=2022-09-14T20:00Z&height=300`, 900);
    await page.goto(`${hostOrigin}/`);
    const frame = page.frameLocator('#frame');
    const canvas = frame.locator('canvas.marks');
    await expect(canvas).toBeVisible();
    const wide = (await canvas.boundingBox())!.width;
    await page.evaluate(() => (document.getElementById('frame')!.style.width = '520px'));
    await expect.poll(async () => (await canvas.boundingBox())!.width).toBeLessThan(wide - 300);
    await page.evaluate(() => (document.getElementById('frame')!.style.width = '900px'));
    await expect.poll(async () => (await canvas.boundingBox())!.width).toBeCloseTo(wide, 0);

    const box = (await canvas.boundingBox())!;
    const lane = (await frame.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!;
    const x = box.x + box.width * 0.5; // 16:00 UTC is the middle of the window
    const y = lane.y + 2 + 12;
    await page.mouse.move(x, y);
    await expect(frame.getByRole('tooltip')).toContainText('Negotiated ceasefire');
    const entries = await page.evaluate(() => history.length);
    await page.mouse.click(x, y);
    await expect(frame.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(/Negotiated ceasefire/);
    await expect(frame.getByRole('link', { name: /Open in full view/ })).toHaveAttribute('href', /event=2022-09-14-ceasefire/);
    // Selecting is a history entry in the full app; an embed writes none into the host's Back button.
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await frame.getByRole('button', { name: 'Zoom out' }).click();
    const full = frame.getByRole('link', { name: /Open in full view/ });
    await expect(full).toHaveAttribute('href', /from=2022-09-14T08:00Z&to=2022-09-15(&|$)/);

    // A plain wheel belongs to the host page: the embed says how to zoom and does not zoom.
    const before = await full.getAttribute('href');
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -200);
    await expect(frame.getByText('Hold Ctrl (⌘ on a Mac) and scroll to zoom, or use + and −')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await full.getAttribute('href')).toBe(before);
    // With Ctrl (as a trackpad pinch reports it), the wheel zooms.
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect(full).not.toHaveAttribute('href', before!);
  });

  test('a small embed with the details open still shows every lane', async ({ page }) => {
    await page.setViewportSize({ width: 760, height: 520 });
    await page.goto('./?embed=1&from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire');
    await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
    const labels = page.locator('.lane-label');
    await expect(labels).toHaveCount(7);
    const timeline = (await page.getByRole('region', { name: /^Timeline/ }).boundingBox())!;
    for (const label of await labels.all()) {
      const box = (await label.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(timeline.y + timeline.height + 1);
    }
  });

  test('controls=0 hides the zoom buttons, theme=dark darkens the page, and bad values are explained', async ({ page }) => {
    await page.goto('./?embed=1&controls=0&theme=dark&height=abc');
    await expect(page.getByRole('button', { name: 'Zoom in' })).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    await expect(page.getByText('Ignored from the link: height "abc" is not a whole number of pixels.')).toBeVisible();
  });
});

test.describe('sharing', () => {
  test('the Share dialog gives the permalink, an iframe snippet for a chosen size, and a live preview', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP.slice(0, -1) });
    await page.goto('./?from=2022-09-12&to=2022-09-16&types=ceasefire');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect(dialog).toBeVisible();
    const link = dialog.getByRole('textbox', { name: 'Link to this view' });
    await expect(link).toHaveValue(`${APP}?from=2022-09-12&to=2022-09-16&types=ceasefire`);
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${APP}?from=2022-09-12&to=2022-09-16&types=ceasefire`);

    await dialog.getByRole('checkbox', { name: 'Full width' }).uncheck();
    await dialog.getByRole('spinbutton', { name: 'Width (px)' }).fill('640');
    await dialog.getByRole('spinbutton', { name: 'Height (px)' }).fill('420');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Ceasefires <b>');
    const snippet = dialog.getByRole('textbox', { name: 'Embed code' });
    await expect(snippet).toHaveValue(
      `<iframe src="${APP}?embed=1&amp;title=Ceasefires+%3Cb%3E&amp;from=2022-09-12&amp;to=2022-09-16&amp;types=ceasefire" width="640" height="420" title="Ceasefires &lt;b&gt;" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
    const preview = dialog.frameLocator('iframe[title="Preview of the embed"]');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Ceasefires <b>');
    await expect(preview.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(/^Showing \d+ of 16 events$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('with an event open, the preview does not take the keyboard from the Share dialog, and Escape closes it', async ({ page }) => {
    await page.goto('./?from=2022-09-12&to=2022-09-16&event=2022-09-14-ceasefire');
    await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    const preview = dialog.frameLocator('iframe[title="Preview of the embed"]');
    // The embed shows the same event's details, and leaves the focus where it was.
    await expect(preview.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(/^Negotiated ceasefire takes effect/);
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

async function download(page: Page, name: string): Promise<{ file: Download; body: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await waiting;
  return { file, body: readFileSync((await file.path())!) };
}

test.describe('exports', () => {
  const query = './?from=2022-09-12&to=2022-09-16&types=clash,ceasefire,casualty-report';

  test('Export SVG: a self-contained image with labels, legend, filters in words, source and date', async ({ page }) => {
    await page.goto(query);
    await expect(status(page)).toHaveText(/^Showing \d+ of 16 events$/);
    await page.getByRole('button', { name: 'Export' }).click();
    const { file, body } = await download(page, 'Export SVG');
    expect(file.suggestedFilename()).toBe('armenia-azerbaijan-border-clashes-september-2022-2022-09-12-to-2022-09-16.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        external: [...doc.querySelectorAll('[href], image, script, foreignObject')].length,
      };
    }, body.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.external).toBe(0);
    expect(parsed.texts).toContain('Armenia–Azerbaijan border clashes, September 2022');
    expect(parsed.texts.some((t) => t.startsWith('Negotiated ceasefire'))).toBe(true);
    expect(parsed.texts).toEqual(expect.arrayContaining(['Clash', 'Ceasefire', 'Casualty report']));
    expect(parsed.texts).not.toContain('Statement'); // a filtered-out type has no lane and no legend entry
    expect(parsed.texts).toContain('Filters: Type: Clash, Ceasefire or Casualty report');
    expect(parsed.texts.some((t) => /^Source: Al Jazeera Arabic/.test(t))).toBe(true);
    expect(parsed.texts.some((t) => /^Exported \d{1,2} \w+ \d{4} from Conflict Timeline$/.test(t))).toBe(true);
  });

  test('Export PNG: decodes at twice the size of the view', async ({ page }) => {
    await page.goto(query);
    await page.getByRole('button', { name: 'Export' }).click();
    const svg = (await download(page, 'Export SVG')).body.toString('utf8');
    const [, w, h] = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const { file, body } = await download(page, 'Export PNG');
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Decoded by an <img>: the app's policy lets images, not fetch(), read data: URLs.
    const size = await page.evaluate(async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, body.toString('base64'));
    expect(size).toEqual([Math.round(Number(w) * 2), Math.round(Number(h) * 2)]);
  });

  test('Export CSV and JSON: the filtered events, all of them or only the visible window', async ({ page }) => {
    await page.goto('./?types=clash,ceasefire,statement');
    const all = await shownCount(page);
    expect(all).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('radio', { name: `All that pass the filters (${all})` })).toBeChecked();
    const csv = (await download(page, 'Export CSV')).body.toString('utf8');
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(all);
    expect(rows.meta.fields).toEqual(expect.arrayContaining(['id', 'type', 'title', 'start', 'actors', 'sources']));
    expect(new Set(rows.data.map((r) => r.type))).toEqual(new Set(['clash', 'ceasefire', 'statement']));

    await page.goto('./?types=clash,ceasefire,statement&from=2022-09-12&to=2022-09-16');
    const inWindow = await shownCount(page);
    expect(inWindow).toBeLessThan(all);
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('radio', { name: `Only those in the visible window (${inWindow})` }).check();
    expect(Papa.parse((await download(page, 'Export CSV')).body.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data).toHaveLength(inWindow);
    const json = JSON.parse((await download(page, 'Export JSON')).body.toString('utf8'));
    expect(json.events).toHaveLength(inWindow);
    expect(json.title).toBe('Armenia–Azerbaijan border clashes, September 2022');
    expect(json.description).toMatch(/^Exported \d{4}-\d{2}-\d{2} from Conflict Timeline: the events passing the filters \(Type: Clash, Ceasefire or Statement\), from 12 Sept 2022 to 16 Sept 2022\. Seed dataset/);

    // The exported JSON opens again in the app with the same events.
    await page.getByLabel('Open data file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    await expect(status(page)).toHaveText(`Showing ${inWindow} of ${inWindow} events`);
  });

  test('Export CSV and JSON of 25,000 events: written in batches, every event once and in order, JSON unindented', async ({ page }) => {
    test.setTimeout(120_000);
    const rows = generatedAcledRows(25_000, 6);
    await page.goto('./');
    await page.getByLabel('Open data file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(rows)) });
    await expect(status(page)).toHaveText('Showing 25,000 of 25,000 events', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Export' }).click();
    const csv = Papa.parse<Record<string, string>>((await download(page, 'Export CSV')).body.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data).toHaveLength(25_000);
    expect(new Set(csv.data.map((r) => r.id)).size).toBe(25_000);
    const starts = csv.data.map((r) => Date.parse(r.start!));
    expect(starts.every((t, i) => i === 0 || t >= starts[i - 1]!)).toBe(true);
    const text = (await download(page, 'Export JSON')).body.toString('utf8');
    // Over 10,000 events the file is not indented, as `npm run import` writes it.
    expect(text.startsWith('{"title":')).toBe(true);
    const json = JSON.parse(text);
    expect(json.events.map((e: { id: string }) => e.id)).toEqual(csv.data.map((r) => r.id));
    await expect(page.locator('.export-note').filter({ hasText: /^Images show the timeline/ })).toBeVisible();
  });
});

test('print: one clean landscape page of the view', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16&types=clash,ceasefire');
  await expect(status(page)).toHaveText(/^Showing/);
  const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
  // What was printed: the view image, with the filters in words, and none of the app's chrome.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-view svg')).toBeVisible();
  await expect(page.locator('.print-view')).toContainText('Filters: Type: Clash or Ceasefire');
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Events' })).toBeHidden();
});
