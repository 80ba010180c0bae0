import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { acledCsv, acledRow, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../src/testing/ucdpFixture.ts';
import { EARLIER_COMPACT_JSON } from '../src/testing/earlierCompact.ts';
import { makeDataset } from '../src/testing/fixtures.ts';
import { MIN_PART_BYTES } from '../src/io/fileParts.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });

/** The WCAG contrast ratio of an element's text colour against its own background colour. */
function contrastOf(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const style = getComputedStyle(el);
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

function smallAcled(): Buffer {
  const rows = [
    acledRow({ event_id_cnty: 'ARM1', event_date: '13 September 2022', location: ' Sotk ' }),
    acledRow({ event_id_cnty: 'ARM2', event_date: '2022-09-14', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Armenia)', actor2: '', inter1: '6', location: 'Yerevan' }),
    acledRow({ event_id_cnty: 'ARM3', event_date: '31 September 2022' }),
    acledRow({ event_id_cnty: 'ARM4', event_date: '2022-09-15', event_type: 'Strategic developments', sub_event_type: 'Agreement', notes: 'A ceasefire took effect at 20:00.' }),
  ];
  return Buffer.from(acledCsv(rows, { layout: 'pre2023', hxl: true }));
}

async function openFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByLabel('Open data file').setInputFiles({ name, mimeType, buffer });
}

test.describe('opening data', () => {
  test('an ACLED file through the file input replaces the data and shows the import report', async ({ page }) => {
    await page.goto('/');
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    await openFile(page, 'acled-sample.csv', smallAcled());
    await expect(status(page)).toHaveText('Showing 3 of 3 events');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from acled-sample.csv');
    const report = page.getByRole('region', { name: 'Import report: acled-sample.csv' });
    await expect(report).toContainText('Read as ACLED CSV (pre-2023 layout). 4 rows read: 3 imported (1 fixed), 1 rejected.');
    // One quiet line, and the rejected row named at once; the rest behind Details.
    await expect(report.locator('.report-gist')).toHaveText('ACLED CSV (pre-2023 layout) · 3 events imported · 1 row rejected');
    await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText('row 5: event_date "31 September 2022" is not a date');
    await report.getByRole('button', { name: 'Details' }).click();
    // 13 September 2022 is ACLED's own date form: read, not fixed. The spaces around Sotk are a fix.
    await expect(report.getByRole('region', { name: 'Fixes' })).toContainText('row 3: location " Sotk " had spaces around it, which were trimmed');
    await expect(report.getByRole('region', { name: 'Notes' })).toContainText('row 2 is an HXL hashtag row');
    await expect(page.getByRole('table', { name: 'Events' })).toContainText('Agreement');

    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Download report (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('acled-sample-import-report.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('rows read,4');
    expect(csv).toContain('rejected,5,5,,event_date,31 September 2022,is not a date');

    // The type filter counts follow the new data.
    await expect(page.getByRole('group', { name: 'Event types' }).getByRole('checkbox', { name: /Ceasefire/ })).toHaveAccessibleName(/Ceasefire.*1/);
  });

  test("the app's own CSV export, edited in a spreadsheet, opens again as its events, without the column dialog", async ({ page }) => {
    await page.goto('/');
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const exported = readFileSync((await (await download).path())!, 'utf8');
    // An analyst's edit: one title reworded, the file saved again as a semicolon-separated sheet.
    const rows = Papa.parse<Record<string, string>>(exported.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    const ceasefire = rows.find((r) => r.id === '2022-09-14-ceasefire')!;
    ceasefire.title = 'Ceasefire takes effect at 20:00 (checked against Interfax)';
    await openFile(page, 'events-edited.csv', Buffer.from(`\ufeff${Papa.unparse(rows, { delimiter: ';' })}`));

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events from events-edited.csv');
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    const report = page.getByRole('region', { name: 'Import report: events-edited.csv' });
    await expect(report).toContainText('Read as Conflict Timeline CSV (the app’s export). 16 rows read: 16 imported (0 fixed), 0 rejected.');
    await report.getByRole('button', { name: 'Details' }).click();
    await expect(report.getByRole('region', { name: 'Notes' })).toContainText('no kind for an actor it names only as a claimant');
    // The file holds no dataset text: the Source line credits the publisher most events cite.
    await expect(page.getByText(/^Source: Al Jazeera Arabic and others, as cited per event \(events-edited\.csv/)).toBeVisible();

    await page.getByRole('table', { name: 'Events' }).getByText(ceasefire.title).click();
    const details = page.getByRole('complementary', { name: 'Event details' });
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(ceasefire.title);
    await expect(details).toContainText('Armen Grigoryan');
    await expect(details).toContainText('Interfax');
  });

  test('a compact JSON file of an earlier version is refused once, naming the file, why and how to convert; the data stays (file input, drop, link; English and Arabic)', async ({ page }) => {
    const refusal = (name: string) =>
      `${name} is a compact JSON file from an earlier version of Conflict Timeline; this version no longer reads that format. Convert the original data with \`npm run import -- INPUT --out OUTPUT.parquet\`.`;
    await page.goto('/');
    await openFile(page, 'events.compact.json', Buffer.from(EARLIER_COMPACT_JSON), 'application/json');
    await expect(page.locator('.notice')).toHaveCount(1);
    await expect(page.locator('.notice')).toContainText(`${refusal('events.compact.json')} The data already loaded stays.`);
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    await expect(page.getByRole('region', { name: /Import report/ })).toHaveCount(0);

    // Dropped onto the page, in Arabic: the reason stays English, as every reason src/io gives.
    await page.goto('/?lang=ar');
    const transfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'old.json', { type: 'application/json' }));
      return dt;
    }, EARLIER_COMPACT_JSON);
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect(page.locator('.notice')).toHaveCount(1);
    await expect(page.locator('.notice')).toContainText(`${refusal('old.json')} تبقى البيانات المحمّلة كما هي.`);

    // From a data= link.
    await page.route('https://data.example.org/**', (route) =>
      route.fulfill({ status: 200, body: EARLIER_COMPACT_JSON, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' } }),
    );
    await page.goto('/?data=https://data.example.org/events.compact.json');
    await expect(page.locator('.notice')).toContainText(refusal('events.compact.json'));
  });

  test('a large JSON file is read by one worker, parsed whole; its events read as written, and a repeated id is rejected with its place', async ({ page }) => {
    // Two opens of 8 MB, each parsed whole and checked event by event: no JSON file is read
    // another way since the compact JSON's byte-level scanner (above 32 MB) was retired.
    test.slow();
    const base = makeDataset({ events: 3000, actors: 20, seed: 5 });
    // Long notes make the file large.
    const events = base.events.map((e, i) => ({ ...e, description: { en: `Notes ${i}: ${'lorem ipsum dolor '.repeat(140).trim()}` } }));
    // Text beyond ASCII: two-, three- and four-byte characters.
    const notes = 'Reported by the ministry – “two killed” near Սոթք 🚩';
    events[17] = { ...events[17]!, title: { en: 'Shelling near Sotk' }, description: { en: notes }, start: { at: '2022-09-14T16:00:00Z', precision: 'minute', tz: 'UTC' } };
    const text = JSON.stringify({ ...base, events });
    expect(text.length).toBeGreaterThan(7 * 1024 * 1024);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const importWorkers = () => workers.filter((url) => url.includes('importWorker')).length;
    await page.goto('/');
    // The page starts a worker ahead, and a new one once an import is over.
    await expect.poll(importWorkers).toBe(1);
    await openFile(page, 'large.json', Buffer.from(text), 'application/json');
    await expect(status(page)).toHaveText('Showing 3,000 of 3,000 events', { timeout: 30_000 });
    // One worker read it.
    await expect.poll(importWorkers, { timeout: 30_000 }).toBe(2);
    // Events counted per type as the file has them.
    const ceasefires = events.filter((e) => e.type === 'ceasefire').length;
    expect(ceasefires).toBeGreaterThan(100);
    await expect(page.getByRole('group', { name: 'Event types' }).getByRole('checkbox', { name: /Ceasefire/ })).toHaveAccessibleName(new RegExp(`^Ceasefire\\D*\\b${ceasefires}\\b`));
    // A start time shown as written.
    await page.getByRole('searchbox', { name: 'Search events' }).fill('sotk');
    await expect(status(page)).toHaveText('Showing 1 of 3,000 events');
    await page.getByRole('table', { name: 'Events' }).getByRole('button', { name: /Shelling near Sotk/ }).click();
    const details = page.getByRole('complementary', { name: 'Event details' });
    await expect(details.locator('.time-local').first()).toHaveText('14 Sept 2022, 16:00');
    await expect(details).toContainText(notes);

    // An id repeated: the repeat is rejected with its place, the rest load.
    const repeated = { ...base, events: events.map((e, i) => (i === 2500 ? { ...e, id: events[40]!.id } : e)) };
    await openFile(page, 'repeated.json', Buffer.from(JSON.stringify(repeated)), 'application/json');
    await expect(status(page)).toHaveText(/of 2,999 events$/, { timeout: 30_000 });
    const report = page.getByRole('region', { name: 'Import report: repeated.json' });
    // makeDataset gives some titles spaces around them, which the full JSON's reading trims.
    await expect(report).toContainText(/3,000 rows read: 2,999 imported \([\d,]+ fixed\), 1 rejected\./);
    await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText(`events[2500]: id repeats the id of events[40]`);
  });

  test('"Add to current data" merges the file into the seed, with actors recognised by alias', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('radio', { name: 'Add to current data' }).check();
    await openFile(page, 'acled-sample.csv', smallAcled());
    await expect(status(page)).toHaveText('Showing 19 of 19 events');
    // "Military Forces of Armenia (2018-)" is an alias of the seed's Armed Forces of Armenia.
    await page.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: /Armed Forces of Armenia/ }).check();
    await expect(status(page)).toHaveText(/^Showing [0-9]+ of 19 events$/);
    const n = Number((await status(page).textContent())!.match(/Showing (\d+)/)![1]);
    expect(n).toBeGreaterThanOrEqual(3);
  });

  test('a file that is not a dataset gets one clear message and the data stays', async ({ page }) => {
    await page.goto('/');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await openFile(page, 'chart.png', png, 'image/png');
    await expect(page.locator('.notice')).toHaveText(/chart\.png is a PNG image, not a dataset\. The data already loaded stays\./);
    await openFile(page, 'empty.csv', Buffer.alloc(0));
    await expect(page.locator('.notice').nth(1)).toHaveText(/empty\.csv is empty\. The data already loaded stays\./);
    await openFile(page, 'login.html', Buffer.from('<!doctype html><html><body>Sign in</body></html>'), 'text/html');
    await expect(page.locator('.notice').nth(2)).toHaveText(/login\.html is a web page \(HTML\), not a dataset\./);
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    await expect(page.getByRole('region', { name: /Import report/ })).toHaveCount(0);
  });

  test('a plain CSV opens after its columns are mapped in the dialog', async ({ page }) => {
    await page.goto('/');
    const csv = 'Day,What happened,Category,Parties\n14/09/2022,Ceasefire holds,ceasefire,Government of Armenia\n15/09/2022,Rally in Yerevan,protest,Protesters\n';
    await openFile(page, 'notes.csv', Buffer.from(csv));
    const dialog = page.getByRole('dialog', { name: 'Map the columns of notes.csv' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('table', { name: 'First rows of the file' })).toContainText('Rally in Yerevan');
    await dialog.getByLabel('Date (required)').selectOption('Day');
    await dialog.getByLabel('Title (required)').selectOption('What happened');
    await dialog.getByLabel('Event type').selectOption('Category');
    await dialog.getByLabel('Actors (separated by ;)').selectOption('Parties');
    // The button can be read: its text stands out from its face (axe cannot tell inside a modal dialog).
    const importButton = dialog.getByRole('button', { name: 'Import' });
    expect(await contrastOf(importButton)).toBeGreaterThanOrEqual(4.5);
    await importButton.click();
    await expect(dialog).toBeHidden();
    await expect(status(page)).toHaveText('Showing 2 of 2 events');
    await expect(page.getByRole('region', { name: 'Import report: notes.csv' })).toContainText('2 rows read: 2 imported (0 fixed), 0 rejected.');
  });

  test('a sheet Excel saved as "Unicode Text" (UTF-16) opens; one in a Windows code page opens with a note on its unreadable bytes', async ({ page }) => {
    await page.goto('/');
    const text = 'Day\tWhat happened\n14/09/2022\tوقف إطلاق النار\n';
    await openFile(page, 'sheet.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'text/plain');
    const dialog = page.getByRole('dialog', { name: 'Map the columns of sheet.txt' });
    await expect(dialog.getByRole('table', { name: 'First rows of the file' })).toContainText('وقف إطلاق النار');
    await dialog.getByLabel(/^Date \(required\)/).selectOption('Day');
    await dialog.getByLabel(/^Title \(required\)/).selectOption('What happened');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(status(page)).toHaveText('Showing 1 of 1 event');
    await expect(page.getByRole('table', { name: 'Events' })).toContainText('وقف إطلاق النار');

    // windows-1256, as Excel's plain CSV writes Arabic on a Windows set up for it: "حدود".
    const ansi = Buffer.concat([Buffer.from('Day,What happened\n14/09/2022,'), Buffer.from([0xcd, 0xcf, 0xe6, 0xcf]), Buffer.from('\n')]);
    await openFile(page, 'excel.csv', ansi);
    const again = page.getByRole('dialog', { name: 'Map the columns of excel.csv' });
    await again.getByLabel(/^Date \(required\)/).selectOption('Day');
    await again.getByLabel(/^Title \(required\)/).selectOption('What happened');
    await again.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('region', { name: 'Import report: excel.csv' })).toContainText('excel.csv is not UTF-8 text: 1 line (the first, line 2) holds bytes that could not be read');
  });

  test('dropping a file onto the page opens it', async ({ page }) => {
    await page.goto('/');
    const text = smallAcled().toString('utf8');
    const transfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await expect(page.getByText('Drop the file to open it')).toBeVisible();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect(status(page)).toHaveText('Showing 3 of 3 events');
    await expect(page.getByText('Drop the file to open it')).toBeHidden();
  });

  test('a large file shows progress and can be cancelled, leaving the data as it was', async ({ page }, info) => {
    await page.goto('/');
    const big = acledCsv(generatedAcledRows(150_000));
    const path = info.outputPath('big.csv');
    writeFileSync(path, big);
    await page.getByLabel('Open data file').setInputFiles(path);
    const progress = page.getByRole('region', { name: 'Import progress' });
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('progressbar')).toBeVisible();
    // The page stays responsive while the worker parses: zooming still works.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toBeHidden();
    await expect(page.locator('.notice')).toHaveText(/Opening big\.csv was cancelled\. The data already loaded stays\./);
    await expect(status(page)).toHaveText(/of 16 events$/);
  });

  test('the data parameter loads a dataset from a URL and then applies the view in the link', async ({ page }) => {
    await page.route('https://data.example.org/**', async (route) => {
      if (route.request().url().endsWith('/missing.csv')) return route.fulfill({ status: 404, body: 'not found', headers: { 'access-control-allow-origin': '*' } });
      return route.fulfill({ status: 200, body: smallAcled(), headers: { 'content-type': 'text/csv', 'access-control-allow-origin': '*' } });
    });
    await page.goto('/?data=https://data.example.org/acled.csv&types=protest');
    await expect(status(page)).toHaveText('Showing 1 of 3 events');
    await expect(page).toHaveURL(/data=https/);
    // A file opened from disk replaces the linked data, and the link no longer names it.
    await openFile(page, 'acled-sample.csv', smallAcled());
    await expect(page.getByRole('region', { name: 'Import report: acled-sample.csv' })).toBeVisible();
    await expect(page).not.toHaveURL(/data=/);
    await expect(page.getByRole('region', { name: 'Kept in this browser' }).getByRole('listitem')).toContainText('acled-sample.csv');
    await page.goto('/?data=https://data.example.org/missing.csv');
    // The file opened above is kept in this browser: it is shown instead, and one notice says so.
    await expect(page.locator('.notice')).toHaveText(/^The data at https:\/\/data\.example\.org\/missing\.csv could not be loaded: the server answered 404 Not Found\. The files kept in this browser are shown instead\./);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from acled-sample.csv');
    await expect(status(page)).toHaveText('Showing 3 of 3 events');
    await page.goto('/?data=javascript:alert(1)');
    await expect(page.locator('.notice').first()).toHaveText(/is not an http\(s\) URL, so it was not opened/);
  });

  // A large ACLED or UCDP GED CSV is read in parts by helper workers, one per core (see
  // fileParts.ts), with a whole report. The page keeps a worker started ahead (see
  // warmImportWorkers) and starts a new one once an import is over.
  test('a large ACLED or UCDP file is read in parts at once, with a whole report', async ({ page }) => {
    // Three 9 MB files, on a machine that may be running other tests at the same time.
    test.setTimeout(240_000);
    let workers = 0;
    page.on('worker', () => workers++);
    await page.goto('/');
    await expect(status(page)).toHaveText('Showing 16 of 16 events');
    // The one started ahead.
    await expect.poll(() => workers).toBe(1);
    const rows = generatedAcledRows(20_000, 11);
    let ged = UCDP_HEADER;
    for (let i = 1; i <= 30_000; i++) {
      const date = new Date(Date.UTC(2018, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
      // Two rows past the middle: one repeats the id of row 2, one has no date.
      ged += i === 20_001 ? ucdpRow(1) : ucdpRow(i, `Group ${i % 50}`, i === 20_002 ? '' : date);
    }
    const cases: [string, string, string, string[]][] = [
      ['large.csv', acledCsv(rows), '20,000 rows read: 20,000 imported (0 fixed), 0 rejected.', []],
      [
        'large-repeats.csv',
        acledCsv(rows.map((row, i) => (i === 15_000 ? { ...row, event_id_cnty: rows[1]!.event_id_cnty } : i === 15_001 ? { ...row, event_date: '' } : row))),
        '20,000 rows read: 19,998 imported (0 fixed), 2 rejected.',
        [`row 15002: event_id_cnty "${rows[1]!.event_id_cnty}" repeats the id of row 3`, 'row 15003: event_date is empty'],
      ],
      ['large-ged.csv', ged, '30,000 rows read: 29,998 imported (0 fixed), 2 rejected.', ['row 20002: id "1" repeats the id of row 2', 'row 20003: date_start is empty']],
    ];
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    for (const [name, text, summary, rejections] of cases) {
      expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
      const before = workers;
      await openFile(page, name, Buffer.from(text));
      const n = summary.match(/([\d,]+) imported/)![1];
      await expect(status(page)).toHaveText(`Showing ${n} of ${n} events`, { timeout: 60_000 });
      // A helper per part, then the next worker, started again when the import (and its search
      // index) is over. large-repeats.csv and large-ged.csv are read in parts, then whole: a
      // later part repeats an id of the first, whose row must be rejected as a repeat.
      const parts = Math.min(cores, 4, Math.floor(text.length / MIN_PART_BYTES));
      const helpers = parts < 2 ? 0 : parts;
      await expect.poll(() => workers - before, { timeout: 60_000 }).toBe(1 + helpers);
      const report = page.getByRole('region', { name: `Import report: ${name}` });
      await expect(report).toContainText(summary);
      for (const line of rejections) await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText(line);
      const actors = page.getByRole('group', { name: 'Actors' });
      const find = actors.getByRole('searchbox', { name: 'Find an actor' });
      if (name === 'large.csv') {
        // An actor of the whole file is one actor, with all its events.
        await find.fill('Armed group 109');
        await expect(actors.getByRole('checkbox')).toHaveCount(1);
        await expect(actors.getByRole('checkbox')).toHaveAccessibleName('Armed group 109 123');
        await find.fill('');
      } else if (name === 'large-ged.csv') {
        // Group 7 has rows 7, 57, 107… (the two rejected rows are of other actors).
        await find.fill('Group 7');
        await expect(actors.getByRole('checkbox', { name: /^Group 7 / })).toHaveAccessibleName('Group 7 600');
        await find.fill('');
      }
    }
  });
});
