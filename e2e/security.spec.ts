// Untrusted data and links: hostile text in every field stays text on screen and in every export,
// the app runs under its Content Security Policy without a violation, and hostile URL parameters
// neither run script nor break the page.
import { test, expect, type Page, type Frame } from '@playwright/test';
import { readFileSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { startOtherOrigin, type OtherOrigin } from './otherOrigin.ts';
import Papa from 'papaparse';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { hostileDataset } from '../src/testing/hostileText.ts';

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT) || 4173}/`;
const status = (page: Page | ReturnType<Page['frameLocator']>) => page.getByRole('status').filter({ hasText: /^Showing/ });

/** Records, in every frame, each CSP violation and whether a payload ran (payloads set __xss). */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return {
    problems,
    /** Every frame's violations and payload flag, with the page's own problems. */
    async check() {
      const found = [...problems];
      for (const frame of page.frames()) {
        const state = await frame
          .evaluate(() => ({ csp: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [], xss: (window as unknown as { __xss?: unknown }).__xss }))
          .catch(() => ({ csp: [] as string[], xss: undefined }));
        found.push(...state.csp.map((v) => `CSP in ${frame.url()}: ${v}`));
        if (state.xss !== undefined) found.push(`a payload ran in ${frame.url()}`);
      }
      expect(found).toEqual([]);
    },
  };
}

async function download(page: Page, name: string) {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

/** Elements or attributes that only markup made from data could have put into the page. */
async function injectedMarkup(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
      const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      if (/^\s*(javascript|data|vbscript):/i.test(href)) found.push(`${el.tagName} ${href}`);
    }
    for (const el of document.querySelectorAll('img[src="x"], iframe[srcdoc], math, mglyph, details[ontoggle], body script:not([src])')) found.push(el.outerHTML.slice(0, 80));
    return found;
  });
}

let host: OtherOrigin;
let hostOrigin = '';
let hostHtml = '';
const SMALL_ACLED = acledCsv(generatedAcledRows(3, 9));

/** Another origin: a host page for embeds, and data files served with and without CORS. */
test.beforeAll(async () => {
  host = await startOtherOrigin((req, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    if (req.url === '/ok.csv') return void res.writeHead(200, { 'content-type': 'text/csv', ...cors }).end(SMALL_ACLED);
    if (req.url === '/no-cors.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(SMALL_ACLED);
    if (req.url === '/huge.csv') {
      // Says it is 600 MB and sends a little; the app must refuse it from the header.
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(600 * 1048576), ...cors });
      res.write(SMALL_ACLED);
      req.on('close', () => res.destroy());
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostHtml);
  });
  hostOrigin = host.origin;
});

test.afterAll(() => host.close());

test.describe('Content Security Policy', () => {
  test('the app is served with its policy and reports no violation while importing, exporting and sharing', async ({ page }) => {
    const watcher = await watch(page);
    const response = await page.goto('/');
    const header = response!.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain('frame-ancestors *');
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval/);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'/);
    await expect(status(page)).toHaveText('Showing 16 of 16 events');

    // An inline script is refused: the policy is in force, and the listener hears violations.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await page.evaluate(() => ((window as unknown as { __cspViolations: string[] }).__cspViolations = []));
    watcher.problems.length = 0;

    // Import in the Web Worker, then every export.
    await page.getByLabel('Open data file').setInputFiles({ name: 'acled.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(generatedAcledRows(200, 4))) });
    await expect(status(page)).toHaveText(/of 200 events$/);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    for (const name of ['Export SVG', 'Export PNG', 'Export CSV', 'Export JSON', 'Export Parquet']) {
      const file = await download(page, name);
      expect(file.body.length).toBeGreaterThan(100);
    }
    // The Share dialog's live preview frames the app itself.
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.frameLocator('iframe[title="Preview of the embed"]').getByRole('status').filter({ hasText: /^Showing/ })).toBeVisible();
    await watcher.check();
  });

  test('the embed works inside another origin’s frame under the policy, posts only its resize message and ignores messages sent to it', async ({ page }) => {
    const watcher = await watch(page);
    hostHtml = `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<script>window.received = []; window.addEventListener('message', (e) => window.received.push(e.data));</script>
<iframe id="frame" src="${APP}?embed=1&from=2022-09-12&to=2022-09-16" width="800" height="400"></iframe></body></html>`;
    await page.goto(`${hostOrigin}/`);
    const frame = page.frameLocator('#frame');
    await expect(status(frame)).toHaveText(/^Showing \d+ of 16 events$/);
    const before = await status(frame).textContent();
    // Hostile messages from the host: the embed listens to none, so nothing changes and nothing runs.
    await page.evaluate(() => {
      const target = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
      for (const data of [
        { type: 'conflict-timeline:resize', height: 1e9 },
        { type: 'conflict-timeline:load', url: 'javascript:window.__xss=1' },
        '<img src=x onerror="window.__xss=1">',
        { __proto__: { polluted: true } },
        null,
      ])
        target.postMessage(data, '*');
    });
    await page.waitForTimeout(300);
    await expect(status(frame)).toHaveText(before!);
    const received = await page.evaluate(() => (window as unknown as { received: { type: string; height: number }[] }).received);
    expect(received.length).toBeGreaterThan(0);
    for (const message of received) expect(Object.keys(message).sort()).toEqual(['height', 'type']);
    await watcher.check();
  });
});

test.describe('hostile text in every field', () => {
  test('browsing, hovering, selecting and exporting a hostile dataset runs nothing and exports no markup or formula', async ({ page }) => {
    test.setTimeout(60_000);
    const watcher = await watch(page);
    await page.goto('/');
    const dataset = hostileDataset();
    const events = dataset.events as { id: string; title: { en: string } }[];
    await page.getByLabel('Open data file').setInputFiles({ name: '<img src=x onerror=alert(1)>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
    await expect(status(page)).toHaveText(`Showing ${events.length} of ${events.length} events`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror="window.__xss=1"> Hostile dataset');
    await expect(page.getByRole('region', { name: /^Import report:/ })).toContainText(`${events.length} imported`);

    // Hover across every lane of the canvas: the tooltip shows titles as text.
    const canvas = page.locator('canvas.marks');
    const box = (await canvas.boundingBox())!;
    let tooltips = 0;
    for (let y = box.y + 8; y < box.y + box.height; y += 24) {
      for (let x = box.x + 10; x < box.x + box.width; x += 40) {
        await page.mouse.move(x, y);
        if (await page.getByRole('tooltip').isVisible()) tooltips++;
      }
    }
    expect(tooltips).toBeGreaterThan(0);

    // Select every event from the Events table and look at its details: sources with hostile URLs are text.
    const table = page.getByRole('table', { name: 'Events' });
    const details = page.getByRole('complementary', { name: 'Event details' });
    const rows = table.locator('tbody tr[aria-rowindex]');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(10);
    for (let i = 0; i < shown; i++) {
      await rows.nth(i).click();
      await expect(details.getByRole('heading', { level: 2 })).toBeVisible();
      const hrefs = await details.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
      await expect(details.getByText(/^Not a web link: /)).toHaveCount(1);
      expect(await injectedMarkup(page)).toEqual([]);
    }
    await expect(table).toContainText('<script>window.__xss=1</script>');

    // Every export: no markup but the image's own, no formula cells.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const svg = (await download(page, 'Export SVG')).body.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        elements: [...new Set([...doc.querySelectorAll('*')].map((el) => el.localName))],
        handlers: [...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => /^on|href$/i.test(a))),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.elements.filter((name) => !['svg', 'title', 'defs', 'clipPath', 'rect', 'g', 'text', 'line', 'path', 'circle'].includes(name))).toEqual([]);
    expect(parsed.handlers).toEqual([]);
    expect(parsed.texts).toContain('<img src=x onerror="window.__xss=1"> Hostile dataset');
    const png = (await download(page, 'Export PNG')).body;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const csv = (await download(page, 'Export CSV')).body.toString('utf8');
    const csvRows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(csvRows.data).toHaveLength(events.length + 1);
    expect(csvRows.data.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toEqual([]);
    const json = JSON.parse((await download(page, 'Export JSON')).body.toString('utf8'));
    expect(json.events.map((e: { title: { en: string } }) => e.title.en).sort()).toEqual(events.map((e) => e.title.en.trim()).sort());
    await watcher.check();
  });
});

test.describe('links', () => {
  test('the data parameter: a CORS refusal and a file too large are explained with the URL, and the data stays', async ({ page }, info) => {
    const watcher = await watch(page);
    await page.goto(`./?data=${encodeURIComponent(`${hostOrigin}/ok.csv`)}`);
    await expect(status(page)).toHaveText('Showing 3 of 3 events');

    await page.goto(`./?data=${encodeURIComponent(`${hostOrigin}/no-cors.csv`)}`);
    // One notice says what went wrong and what is shown instead.
    await expect(page.locator('.notice')).toHaveCount(1);
    await expect(page.locator('.notice')).toContainText(
      `The data at ${hostOrigin}/no-cors.csv could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS).`,
    );
    await expect(page.locator('.notice')).toHaveText(/\) The bundled dataset is shown instead\.×?$/);
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    await page.screenshot({ path: info.outputPath('data-link-cors.png') });

    await page.goto(`./?data=${encodeURIComponent(`${hostOrigin}/huge.csv`)}`);
    await expect(page.locator('.notice').first()).toHaveText(new RegExp(`^The data at ${hostOrigin}/huge\\.csv is 600 MB; up to 500 MB can be opened\\. Convert it to Parquet with npm run import, or serve it with npm run serve\\.`));
    await expect(status(page)).toHaveText('Showing 16 of 16 events');

    for (const link of ['javascript:window.__xss=1', 'data:text/csv;base64,ZXZlbnRfaWRfY250eQ==', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
      await page.goto(`./?data=${encodeURIComponent(link)}`);
      await expect(page.locator('.notice').first()).toHaveText(new RegExp(`is not an http\\(s\\) URL, so it was not opened\\.`));
      await expect(status(page)).toHaveText('Showing 16 of 16 events');
    }
    await page.goto(`./?data=${encodeURIComponent('https://[::1')}`);
    await expect(page.locator('.notice').first()).toHaveText(/^The data link "https:\/\/\[::1" is not a URL\./);
    await page.screenshot({ path: info.outputPath('data-link-not-a-url.png') });
    await watcher.check();
  });

  test('hostile and broken values in every URL parameter run nothing, and the rest of the view loads', async ({ page }) => {
    test.setTimeout(90_000);
    const watcher = await watch(page);
    const params = ['from', 'to', 'event', 'lanes', 'actors', 'role', 'types', 'q', 'country', 'place', 'bbox', 'title', 'height', 'controls', 'theme', 'lang'];
    const values = [
      '<script>window.__xss=1</script>',
      '"><img src=x onerror="window.__xss=1">',
      'javascript:window.__xss=1',
      '\u0000\u202E%00',
      'x'.repeat(800), // sixteen of them make a 13 kB address; servers refuse much longer ones
      '-1e309',
      '__proto__',
      '../../../etc/passwd',
    ];
    for (const value of values) {
      for (const embed of [false, true]) {
        const query = new URLSearchParams(params.map((name) => [name, value]));
        if (embed) query.set('embed', '1');
        await page.goto(`./?${query}`);
        await expect(status(page)).toHaveText(/^Showing \d+ of 16 events$/);
        expect(await injectedMarkup(page)).toEqual([]);
      }
    }
    // Malformed percent-encoding, repeated and empty parameters.
    for (const raw of [`q=${'x'.repeat(12_000)}`, 'from=%E0%A4%A&to=%&q=%ZZ', 'types=clash&types=<b>&types=', 'event=&actors=,,,&lanes=', '%3Cscript%3E=1&=&&&']) {
      await page.goto(`./?${raw}`);
      await expect(status(page)).toHaveText(/^Showing \d+ of 16 events$/);
    }
    await watcher.check();
  });
});

test.describe('limits', () => {
  test('a 2 GB file, a file of ten million rows and JSON nested a million deep are refused with a message, and the tab goes on working', async ({ page }, info) => {
    const watcher = await watch(page);
    await page.goto('/');
    await expect(status(page)).toHaveText('Showing 16 of 16 events');

    // A sparse file: 2 GB on paper, no disk used. Refused from its size before a byte is read.
    const huge = info.outputPath('events-2GB.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3);
    closeSync(fd);
    await page.getByLabel('Open data file').setInputFiles(huge);
    await expect(page.locator('.notice').first()).toHaveText(/^events-2GB\.csv is 2\.0 GB; files up to 500 MB can be opened\. Convert it to Parquet, .*\(npm run import -- <file> --out events\.parquet\), or serve it with the data server \(npm run serve -- <file>\)\. The data already loaded stays\./);

    // Ten million rows in 20 MB: refused once counted, without reading them into events.
    const long = info.outputPath('ten-million-rows.csv');
    writeFileSync(long, `${acledCsv([]).trimEnd()}\n${'x\n'.repeat(10_000_000)}`);
    await page.getByLabel('Open data file').setInputFiles(long);
    await expect(page.locator('.notice').nth(1)).toHaveText(
      /^ten-million-rows\.csv has more than 1,000,000 rows; up to 1,000,000 can be opened at once in a tab\. Serve it with the data server \(npm run serve\), or split it .*The data already loaded stays\./,
      { timeout: 20_000 },
    );

    // JSON nested a million levels deep.
    await page.getByLabel('Open data file').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(`{"events":[${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}]}`) });
    await expect(page.locator('.notice').nth(2)).toHaveText(/^deep\.json is nested more than 32 levels deep, which no dataset is\. The data already loaded stays\./);
    await page.screenshot({ path: info.outputPath('limits.png') });

    // Still alive: the seed is there and zooming works.
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(status(page)).not.toHaveText('Showing 16 of 16 events');
    await watcher.check();
  });
});
