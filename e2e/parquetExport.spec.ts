// Export Parquet: the events that pass the filters, written in the page, read back in Node by
// hyparquet (the app's own reader) and by DuckDB.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import seed from '../data/seed.json' with { type: 'json' };
import { parquetToDataset } from '../src/io/appParquet.ts';
import { createReportBuilder } from '../src/io/report.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const shownCount = async (page: Page) => Number((await status(page).textContent())!.match(/^Showing (\d+)/)![1]);

async function download(page: Page, name: string): Promise<{ fileName: string; body: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await waiting;
  return { fileName: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

const arrayBufferOf = (bytes: Buffer) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

test('Export Parquet: the filtered events, as Export JSON writes them, read by hyparquet and DuckDB', async ({ page }) => {
  const types = ['clash', 'ceasefire', 'statement'];
  await page.goto(`./?types=${types.join(',')}`);
  const shown = await shownCount(page);
  const expected = seed.events.filter((e) => types.includes(e.type));
  expect(shown).toBe(expected.length);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const parquet = await download(page, 'Export Parquet');
  expect(parquet.fileName).toMatch(/\.parquet$/);
  expect(parquet.body.subarray(0, 4).toString('latin1')).toBe('PAR1');
  const json = JSON.parse((await download(page, 'Export JSON')).body.toString('utf8'));

  // The rows, as any Parquet reader sees them.
  const rows = await parquetReadObjects({ file: arrayBufferOf(parquet.body) });
  expect(rows).toHaveLength(shown);
  expect(rows.map((r) => r.id)).toEqual(json.events.map((e: { id: string }) => e.id));
  expect(new Set(rows.map((r) => r.id))).toEqual(new Set(expected.map((e) => e.id)));
  const clash = expected.find((e) => e.id === '2022-09-13-border-clash')!;
  const clashRow = rows.find((r) => r.id === clash.id)!;
  expect(clashRow.start).toEqual(new Date(clash.start.at));
  expect(clashRow).toMatchObject({ start_tz: clash.start.tz, language: 'ar', title: clash.title.ar });

  // The app's reader gives back what Export JSON wrote.
  const back = await parquetToDataset(arrayBufferOf(parquet.body), parquet.fileName, createReportBuilder(parquet.fileName, 'Parquet'));
  if (!back.ok || !('dataset' in back)) throw new Error('the export does not read back');
  const { $schema: _, ...jsonDataset } = json;
  expect(JSON.parse(JSON.stringify(back.dataset))).toEqual(jsonDataset);

  // DuckDB, without help.
  const dir = mkdtempSync(join(tmpdir(), 'parquet-export-'));
  try {
    const path = join(dir, 'export.parquet');
    writeFileSync(path, parquet.body);
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const [row] = (
      await connection.runAndReadAll(`select count(*) as n, epoch_ms(max(start) filter (where id = '${clash.id}')) as clash_start, max(title) filter (where id = '${clash.id}') as clash_title from read_parquet('${path}')`)
    ).getRowObjectsJS();
    expect({ n: Number(row!.n), clashStart: Number(row!.clash_start), title: row!.clash_title }).toEqual({ n: shown, clashStart: Date.parse(clash.start.at), title: clash.title.ar });
    connection.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Export Parquet of 12,000 events: written in batches, every event once and in the order Export JSON writes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await page.getByLabel('Open data file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(generatedAcledRows(12_000, 6))) });
  await expect(status(page)).toHaveText('Showing 12,000 of 12,000 events', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const parquet = await download(page, 'Export Parquet');
  const json = JSON.parse((await download(page, 'Export JSON')).body.toString('utf8'));
  const rows = await parquetReadObjects({ file: arrayBufferOf(parquet.body), columns: ['id', 'start'] });
  expect(rows.map((r) => r.id)).toEqual(json.events.map((e: { id: string }) => e.id));
  expect(rows.map((r) => (r.start as Date).getTime())).toEqual(json.events.map((e: { start: { at: string } }) => Date.parse(e.start.at)));
  await expect(page.locator('.export-note').filter({ hasText: /^Images show the timeline/ })).toBeVisible();
});

test('a Parquet file the app exported opens again in the app, as the same events', async ({ page }) => {
  await page.goto('./?types=clash,ceasefire,statement');
  const shown = await shownCount(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const parquet = await download(page, 'Export Parquet');
  await page.keyboard.press('Escape');

  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.getByLabel('Open data file').setInputFiles({ name: parquet.fileName, mimeType: 'application/vnd.apache.parquet', buffer: parquet.body });
  await expect(status(page)).toHaveText(`Showing ${shown} of ${shown} events`);
  const report = page.getByRole('region', { name: `Import report: ${parquet.fileName}` });
  await expect(report.locator('.report-gist')).toHaveText(`Conflict Timeline Parquet · ${shown} events imported`);
  // An event read back whole: its local time, its Arabic original and its sources.
  // After the reload the file comes back from the browser's keeping, not the bundled seed; the
  // keeping ends a moment after the import, when the file is listed as kept.
  await expect(page.getByRole('region', { name: 'Kept in this browser' }).getByRole('listitem')).toContainText(parquet.fileName);
  await page.goto('./?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire');
  await expect(status(page)).toHaveText(new RegExp(`of ${shown} events$`));
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details).toContainText('14 Sept 2022, 20:00');
  await expect(details).toContainText('Original (Arabic)');
});
