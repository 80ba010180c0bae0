import { expect, test, type Page } from '@playwright/test';
import { makeDataset } from '../src/testing/fixtures.ts';
import { datasetToParquet } from '../src/io/appParquet.ts';
import { PREVIEW_MIN_ROWS } from '../src/io/appParquetPreview.ts';
import { ACLED_CURRENT_COLUMNS, acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { acledArrow, textParquet } from '../src/testing/columnarFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../src/testing/ucdpFixture.ts';
import { UCDP_COLUMNS } from '../src/io/ucdp.ts';
import { PREVIEW_MIN_BYTES } from '../src/io/fileParts.ts';

// A large file in the app's Parquet layout, ACLED's in Parquet, Arrow or CSV, or UCDP GED's CSV
// or Parquet (issue #22): its when and what are drawn first, the controls inert, while the worker reads the
// rest; then the file's table replaces the preview.

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing|^When and what/ });
const ROWS = PREVIEW_MIN_ROWS + 10_000;
const total = ROWS.toLocaleString('en-GB');

/** What the page showed when the status line changed. */
type Seen = { text: string; inert: boolean; lanes: number; rows: number; actors: string };
const seenOf = (page: Page) => page.evaluate(() => (window as unknown as { statusSeen: Seen[] }).statusSeen);

/** Opens a file from the bundled data, recording every text the status line takes, until it shows `events` of them all. */
async function openRecorded(page: Page, name: string, bytes: Uint8Array | ArrayBuffer, events: string): Promise<Seen[]> {
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await recordStatus(page);
  await page.getByLabel('Open data file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes) });
  await expect(status(page)).toHaveText(`Showing ${events} of ${events} events`, { timeout: 30_000 });
  return seenOf(page);
}

/** Every text the status line takes, with what the page showed at that moment. */
async function recordStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { statusSeen: typeof seen }).statusSeen = seen;
    const line = document.querySelector('.status-line')!;
    new MutationObserver(() =>
      seen.push({
        text: line.textContent ?? '',
        inert: document.querySelector('.workspace')!.hasAttribute('inert'),
        lanes: document.querySelectorAll('.lane-label').length,
        rows: document.querySelectorAll('table.events-table tbody tr').length,
        actors: document.querySelector('.actor-list')?.textContent ?? '',
      }),
    ).observe(line, { childList: true, characterData: true, subtree: true });
  });
}

test('a large app Parquet file: when and what drawn first with the controls waiting, then the whole file', async ({ page }) => {
  // Row groups of 10,000: read in parts by the import worker's helpers, where the machine has two cores or more.
  const seen = await openRecorded(page, 'large.parquet', datasetToParquet(makeDataset({ events: ROWS, lasting: 0.1 }), { rowGroupRows: 10_000 }), total);
  const preview = seen.find((s) => s.text.startsWith('When and what'));
  expect(preview, JSON.stringify(seen)).toBeDefined();
  expect(preview!.text).toBe(`When and what of ${total} events from large.parquet; reading their actors, places and text…`);
  // The timeline had its lanes; nothing could be clicked, and the events' list waited.
  expect(preview!.inert).toBe(true);
  expect(preview!.lanes).toBeGreaterThan(0);
  expect(preview!.rows).toBe(0);
  expect(preview!.actors).toBe('Actors come once the file is read.');
  // Then the file itself: the title, the controls, the list of events with their titles.
  expect(seen.at(-1)).toMatchObject({ text: `Showing ${total} of ${total} events`, inert: false });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fixture');
  await expect(page.locator('.workspace')).not.toHaveAttribute('inert');
  await expect(page.getByRole('table', { name: 'Events' }).locator('tbody tr').first()).toContainText(/Event \d+/);
  await expect(page.getByRole('region', { name: 'Import report: large.parquet' }).locator('.report-gist')).toContainText(`${total} events imported`);
});

/**
 * Opens a large file of `events` rows: its preview came first (lanes drawn, the workspace inert, no
 * row listed, no actors yet), then its table, titled `heading`, whose first row has `firstRow`.
 */
async function expectPreviewThenTable(page: Page, name: string, bytes: Uint8Array | ArrayBuffer, events: string, heading: string, firstRow: RegExp): Promise<void> {
  const seen = await openRecorded(page, name, bytes, events);
  const preview = seen.find((s) => s.text.startsWith('When and what'));
  expect(preview, JSON.stringify(seen)).toMatchObject({ text: `When and what of ${events} events from ${name}; reading their actors, places and text…`, inert: true, rows: 0, actors: 'Actors come once the file is read.' });
  expect(preview!.lanes).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.locator('.workspace')).not.toHaveAttribute('inert');
  await expect(page.getByRole('table', { name: 'Events' }).locator('tbody tr').first()).toContainText(firstRow);
}

test('a large ACLED Parquet file: its days and types drawn first, then the events with their actors', async ({ page }) => {
  await expectPreviewThenTable(page, 'acled.parquet', textParquet(ACLED_CURRENT_COLUMNS, generatedAcledRows(ROWS), 10_000), total, 'ACLED events from acled.parquet', /Armed group \d+/);
});

test('a large ACLED Arrow file: its days and types drawn first, then the events', async ({ page }) => {
  await expectPreviewThenTable(page, 'acled.arrow', acledArrow(ACLED_CURRENT_COLUMNS, generatedAcledRows(ROWS), 10_000), total, 'ACLED events from acled.arrow', /Armed group \d+/);
});

test('a large ACLED CSV: its days and types drawn first, from its parts, then the events', async ({ page }) => {
  // 26 MB: over PREVIEW_MIN_BYTES, so its parts (one per core) give a preview before reading their rows.
  await expectPreviewThenTable(page, 'acled.csv', new TextEncoder().encode(acledCsv(generatedAcledRows(ROWS))), total, 'ACLED events from acled.csv', /Armed group \d+/);
});

test('a large UCDP GED CSV: its days and types drawn first, then the events', async ({ page }) => {
  // Over 20 MB (PREVIEW_MIN_BYTES): 75,000 clashes a day apart.
  const rows = 75_000;
  const day = (i: number) => new Date(Date.UTC(1989, 0, 1) + (i % 12_000) * 86_400_000).toISOString().slice(0, 10);
  const text = UCDP_HEADER + Array.from({ length: rows }, (_, i) => ucdpRow(i + 1, `Group ${i % 300}`, day(i))).join('');
  expect(text.length).toBeGreaterThan(PREVIEW_MIN_BYTES);
  await expectPreviewThenTable(page, 'ged.csv', new TextEncoder().encode(text), rows.toLocaleString('en-GB'), 'UCDP GED events from ged.csv', /Government of Armenia/);
  // Each event's own sources (kept as one text column, read when shown): its GED entry, then the offices it cites.
  await page.getByRole('table', { name: 'Events' }).locator('tbody tr').first().getByRole('button').first().click();
  const sources = page.getByRole('complementary', { name: 'Event details' }).locator('.sources-list li');
  await expect(sources).toHaveText([/^UCDP GED event \d+\s+· UCDP GED/, /^Armenpress/, /^Reuters/]);
});

test('a large UCDP GED Parquet file: its days and types drawn first, then the events', async ({ page }) => {
  const day = (i: number) => new Date(Date.UTC(1989, 0, 1) + (i % 12_000) * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: ROWS }, (_, i) => Object.fromEntries(ucdpRow(i + 1, `Group ${i % 300}`, day(i)).trimEnd().split(',').map((cell, k) => [UCDP_COLUMNS[k]!, cell])));
  await expectPreviewThenTable(page, 'ged.parquet', textParquet(UCDP_COLUMNS, rows, 10_000), total, 'UCDP GED events from ged.parquet', /Government of Armenia/);
});

test('a small app Parquet file opens without a preview', async ({ page }) => {
  const seen = await openRecorded(page, 'small.parquet', datasetToParquet(makeDataset({ events: 500 })), '500');
  expect(seen.map((s) => s.text)).toEqual(['Showing 500 of 500 events']);
});
