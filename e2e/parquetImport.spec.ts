import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { acledCsv, acledRow, generatedAcledRows, ACLED_CURRENT_COLUMNS, type AcledRow } from '../src/testing/acledFixture.ts';
import { acledArrow, duckdbParquet, textParquet } from '../src/testing/columnarFixture.ts';

// Parquet and Arrow files (issue #22) open as ACLED CSV files do: through the file input, a drop
// or a data= link, read in the import worker under the app's CSP (no WebAssembly).

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });

const ROWS: AcledRow[] = [
  acledRow({ event_id_cnty: 'ARM1', event_date: '2022-09-13', location: 'Sotk' }),
  acledRow({ event_id_cnty: 'ARM2', event_date: '2022-09-14', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Armenia)', actor2: '', inter1: 'Protesters', inter2: '', location: 'Yerevan' }),
  acledRow({ event_id_cnty: 'ARM3', event_date: '2022-09-15', event_type: 'Strategic developments', sub_event_type: 'Agreement', notes: 'A ceasefire took effect at 20:00.' }),
  acledRow({ event_id_cnty: 'ARM4', event_date: '2022-09-16', location: 'Jermuk' }),
];

/** Console messages about the Content Security Policy, the worker's included (a WebAssembly compile would be one). */
function cspMessages(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|WebAssembly/i.test(message.text())) found.push(message.text());
  });
  return found;
}

async function openFile(page: Page, name: string, bytes: ArrayBuffer | Uint8Array) {
  await page.getByLabel('Open data file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) });
}

test('an ACLED Parquet file (typed columns, zstd) opens through the file input with its report', async ({ page }) => {
  const parquet = await duckdbParquet(acledCsv(ROWS), { event_date: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', fatalities: 'INTEGER' }, 'zstd');
  const csp = cspMessages(page);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await openFile(page, 'armenia.parquet', parquet);
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from armenia.parquet');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  const report = page.getByRole('region', { name: 'Import report: armenia.parquet' });
  await expect(report.locator('.report-gist')).toHaveText('ACLED Parquet (current layout) · 4 events imported');
  await report.getByRole('button', { name: 'Details' }).click();
  await expect(report).toContainText('Read as ACLED Parquet (current layout). 4 rows read: 4 imported (0 fixed), 0 rejected.');
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('Agreement');
  expect(csp).toEqual([]);
});

test('a rejected Parquet row is placed by its row and row group', async ({ page }) => {
  const rows = [...ROWS, acledRow({ event_id_cnty: 'ARM5', event_date: '31 September 2022' })];
  await page.goto('./');
  await openFile(page, 'groups.parquet', textParquet(ACLED_CURRENT_COLUMNS, rows, 2));
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
  const report = page.getByRole('region', { name: 'Import report: groups.parquet' });
  await expect(report.locator('.report-gist')).toHaveText('ACLED Parquet (current layout) · 4 events imported · 1 row rejected');
  await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText('row 5 (row group 3): event_date "31 September 2022" is not a date');
});

test('a Parquet file whose dates a US spreadsheet wrote as text (9/13/2022) opens on the days it names, and the report says so', async ({ page }) => {
  const rows = [acledRow({ event_id_cnty: 'ARM100', event_date: '9/13/2022', location: 'Jermuk' }), acledRow({ event_id_cnty: 'ARM101', event_date: '9/10/2022', location: 'Goris' })];
  await page.goto('./');
  await openFile(page, 'armenia-us.parquet', textParquet(ACLED_CURRENT_COLUMNS, rows));
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('row').nth(1)).toContainText('10 Sept 2022');
  await expect(table.getByRole('row').nth(2)).toContainText('13 Sept 2022');
  const report = page.getByRole('region', { name: 'Import report: armenia-us.parquet' });
  await report.getByRole('button', { name: 'Details' }).click();
  await expect(report).toContainText('event_date has its dates month first (9/13/2022), as US spreadsheets save them');
});

test('a cut Parquet file leaves the loaded data on screen, with one clear notice', async ({ page }) => {
  const parquet = textParquet(ACLED_CURRENT_COLUMNS, ROWS);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await openFile(page, 'cut.parquet', parquet.slice(0, parquet.byteLength - 300));
  await expect(page.locator('.notice')).toHaveText(/^cut\.parquet is not a readable Parquet file \(it is cut short: a whole Parquet file ends with PAR1\)\. The data already loaded stays\./);
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
});

test('an Arrow file opens', async ({ page }) => {
  const csp = cspMessages(page);
  await page.goto('./');
  await openFile(page, 'armenia.arrow', acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 2));
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
  await expect(page.getByRole('region', { name: 'Import report: armenia.arrow' }).locator('.report-gist')).toHaveText('ACLED Arrow (current layout) · 4 events imported');
  expect(csp).toEqual([]);
});

test('a Feather file that pandas wrote (LZ4-compressed, its default) opens', async ({ page }) => {
  const csp = cspMessages(page);
  await page.goto('./');
  await openFile(page, 'acled.feather', readFileSync('src/testing/fromOtherTools/acled-30-lz4.feather'));
  await expect(status(page)).toHaveText(/^Showing \d+ of 30 events$/);
  await expect(page.getByRole('region', { name: 'Import report: acled.feather' }).locator('.report-gist')).toHaveText('ACLED Arrow (current layout) · 30 events imported');
  expect(csp).toEqual([]);
});

test('an Arrow stream (.arrows) opens, placing a rejected row by its record batch; a cut one leaves the data with one notice', async ({ page }) => {
  const rows = [...ROWS, acledRow({ event_id_cnty: 'ARM1', location: 'Jermuk' })];
  const stream = acledArrow(ACLED_CURRENT_COLUMNS, rows, 2, 'stream');
  await page.goto('./');
  await openFile(page, 'armenia.arrows', stream);
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
  const report = page.getByRole('region', { name: 'Import report: armenia.arrows' });
  await expect(report.locator('.report-gist')).toHaveText('ACLED Arrow (current layout) · 4 events imported · 1 row rejected');
  await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText('row 5 (record batch 3)');

  await openFile(page, 'cut.arrows', stream.slice(0, stream.length - 100));
  await expect(page.locator('.notice')).toHaveText(/^cut\.arrows is not a readable Arrow file \(it is cut short: a whole Arrow stream ends with an end-of-stream marker\)\. The data already loaded stays\./);
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
});

test('the data parameter opens a Parquet file from a URL, told by its bytes', async ({ page }) => {
  const parquet = await duckdbParquet(acledCsv(ROWS), { event_date: 'DATE', fatalities: 'INTEGER' }, 'gzip');
  await page.route('https://data.example.org/**', (route) =>
    route.fulfill({ status: 200, body: Buffer.from(new Uint8Array(parquet)), headers: { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*' } }),
  );
  // No extension: the magic bytes say what it is.
  await page.goto('./?data=https://data.example.org/export');
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
  await expect(page.getByRole('region', { name: 'Import report: export' }).locator('.report-gist')).toHaveText('ACLED Parquet (current layout) · 4 events imported');
});

test('dropping a Parquet file onto the page opens it', async ({ page }) => {
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  const bytes = [...new Uint8Array(textParquet(ACLED_CURRENT_COLUMNS, ROWS))];
  const transfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(content)], 'dropped.parquet'));
    return dt;
  }, bytes);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(status(page)).toHaveText('Showing 4 of 4 events');
  await expect(page.getByRole('region', { name: 'Import report: dropped.parquet' }).locator('.report-gist')).toHaveText('ACLED Parquet (current layout) · 4 events imported');
});

test('a large ACLED Parquet file is read in parts at once by helper workers, with a whole report', async ({ page }) => {
  test.setTimeout(90_000);
  const rows = generatedAcledRows(24_000, 6);
  rows[20_000] = { ...rows[20_000]!, event_type: 'Picnic' };
  // Four row groups of 6,000 rows: two parts (of at least 10,000 rows) on two cores.
  const parquet = textParquet(Object.keys(rows[0]!), rows, 6_000);
  const csp = cspMessages(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const before = workers.length;
  await openFile(page, 'large.parquet', parquet);
  await expect(status(page)).toHaveText('Showing 23,999 of 23,999 events', { timeout: 60_000 });
  const report = page.getByRole('region', { name: 'Import report: large.parquet' });
  await expect(report).toContainText('ACLED Parquet (current layout)');
  await expect(report).toContainText('24,000 rows read: 23,999 imported (0 fixed), 1 rejected.');
  await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText('row 20,001 (row group 4): event_type "Picnic" is not an ACLED event type');
  // A helper per part (the parts' reader loads in each), then the next import worker.
  const parts = Math.min(cores, 4, 2);
  await expect.poll(() => workers.slice(before).filter((url) => /partWorker/.test(url)).length, { timeout: 30_000 }).toBe(parts < 2 ? 0 : parts);
  expect(csp).toEqual([]);
});
