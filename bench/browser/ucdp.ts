// `npm run bench` (part): a UCDP GED CSV the size of the global GED (BENCH_UCDP_ROWS, 300,000 by
// default), and the same rows as Parquet written by DuckDB, opened in Chromium through "Open data
// file": ms from the pick to the first frame of the CSV's preview (its days and types) and to the
// first frame of the whole table, in fresh tabs. The files are generated once and kept in TMPDIR.
// It reports; it asserts nothing.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UCDP_HEADER, ucdpRow } from '../../src/testing/ucdpFixture.ts';
import { duckdbParquet } from '../../src/testing/columnarFixture.ts';
import { installHelpers, within } from './measure.ts';
import { startPreview } from './preview.ts';

const ROWS = Number(process.env.BENCH_UCDP_ROWS ?? 300_000);
const RUNS = 3;
const STEP_LIMIT_MS = 120_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seconds = (ms: number | null) => (ms === null ? 'none shown' : `${(ms / 1000).toFixed(1)} s`);

/**
 * A GED row with text nearer the real GED's than the test fixture's few characters: a cited
 * article of about 250 characters, its original sources, a headline per source (one of them the
 * row's own) and the point as WKT.
 */
function realisticRow(i: number, day: string): string {
  const article = `"Armenpress, ${day}, ""Heavy fighting along the border: the Ministry of Defence reports shelling of positions near Jermuk and Sotk overnight; casualties on both sides"" ; Reuters, ${day}, ""Clashes erupt on the border, ${i} reported"""`;
  return ucdpRow(i, `Group ${i % 300}`, day)
    .replace(',2,x,Armenpress;Reuters,', `,2,${article},Armenpress;Reuters,`)
    .replace(',Clash,x,1,', `,Heavy fighting near Jermuk (${i});Clashes erupt on the border,Ministry of Defence of Armenia; Ministry of Defence of Azerbaijan,1,`)
    .replace(',POINT,', ',POINT (45.6722 39.8414),');
}

/** ROWS clashes a day apart from 1989, 300 sides, with long text (realisticRow), kept in TMPDIR. */
function ucdpFile(): string {
  const dir = path.join(os.tmpdir(), 'conflict-timeline-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ucdp-${ROWS}-long-text.csv`);
  if (!existsSync(file)) {
    const day = (i: number) => new Date(Date.UTC(1989, 0, 1) + (i % 12_000) * 86_400_000).toISOString().slice(0, 10);
    const lines = [UCDP_HEADER];
    for (let i = 1; i <= ROWS; i++) lines.push(realisticRow(i, day(i)));
    writeFileSync(file, lines.join(''));
  }
  return file;
}

/** The CSV's rows as GED's Parquet is typed (dates, coordinates and counts), zstd, beside it. */
async function ucdpParquet(csvFile: string): Promise<string> {
  const file = csvFile.replace(/\.csv$/, '.parquet');
  if (!existsSync(file)) {
    const counts = ['deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown', 'best', 'high', 'low'];
    const types = { date_start: 'DATE', date_end: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', ...Object.fromEntries(counts.map((c) => [c, 'INTEGER'])) } as const;
    writeFileSync(file, new Uint8Array(await duckdbParquet(readFileSync(file.replace(/\.parquet$/, '.csv'), 'utf8'), types, 'zstd')));
  }
  return file;
}

/** ms from the pick to the preview's first frame (null when none came) and to the whole table's. */
async function open(page: Page, url: string, file: string): Promise<{ preview: number | null; whole: number }> {
  await page.goto(url);
  await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
  const total = ROWS.toLocaleString('en-GB');
  const whole = page.evaluate((text) => window.bench.statusReached(text), `Showing ${total} of ${total} events`);
  let preview: number | null = null;
  page.evaluate(() => window.bench.statusStarts('When and what of ')).then((t) => (preview = t), () => {});
  const t0 = await page.evaluate(() => performance.now());
  await page.getByLabel('Open data file').setInputFiles(file);
  const done = (await within(page, STEP_LIMIT_MS, whole)) - t0;
  return { preview: preview === null ? null : (preview as number) - t0, whole: done };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const file = ucdpFile();
  const parquet = await ucdpParquet(file);
  const server = await startPreview();
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const runs: { preview: number | null; whole: number }[] = [];
    const parquetRuns: { preview: number | null; whole: number }[] = [];
    // In turn, so that a slow moment of the machine falls on both.
    for (let run = 0; run < RUNS; run++) {
      for (const [opened, into] of [[file, runs], [parquet, parquetRuns]] as const) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
        await installHelpers(page);
        into.push(await open(page, server.url, opened));
        await page.close();
      }
    }
    const cores = os.cpus();
    console.log(
      [
        `A UCDP GED CSV of ${ROWS.toLocaleString('en-GB')} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MB) opened in Chromium ${browser.version()} (${cores[0]?.model.trim()}, ${cores.length} cores, load ${os.loadavg()[0]!.toFixed(1)}), ${RUNS} fresh tabs:`,
        '',
        '| | ' + runs.map((_, k) => `run ${k + 1}`).join(' | ') + ' |',
        '|---|' + runs.map(() => '---:|').join(''),
        `| to the first frame of its preview (days and types) | ${runs.map((r) => seconds(r.preview)).join(' | ')} |`,
        `| to the first frame of the whole table | ${runs.map((r) => seconds(r.whole)).join(' | ')} |`,
        '',
        `The same rows as Parquet (${(statSync(parquet).size / 2 ** 20).toFixed(1)} MB; DuckDB, dates, coordinates and counts typed, zstd), in turn with the CSV:`,
        '',
        '| | ' + parquetRuns.map((_, k) => `run ${k + 1}`).join(' | ') + ' |',
        '|---|' + parquetRuns.map(() => '---:|').join(''),
        `| to the first frame of its preview | ${parquetRuns.map((r) => seconds(r.preview)).join(' | ')} |`,
        `| to the first frame of the whole table | ${parquetRuns.map((r) => seconds(r.whole)).join(' | ')} |`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
