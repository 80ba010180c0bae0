// `npm run bench` (last part): the app in Chromium reading from a data server (`?source=`), as
// issue #23 asks: the first screen after opening the page, and frames while zooming, over a DuckDB
// file. BENCH_SOURCE_DB names a database `npm run serve` (or bench/server.ts) wrote; without it,
// BENCH_SOURCE_EVENTS (default 1,000,000) generated ACLED-like events are imported and loaded
// first, and the file is kept in TMPDIR for the next run. The built app (dist/) is served by the
// same server, as `npm run serve` does. It reports; it asserts nothing.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataServer } from '../../server/api.ts';
import { createDuckDbDatabase, openDuckDbEngine } from '../../server/duckdbEngine.ts';
import { importText } from '../../src/io/importer.ts';
import { mergeDatasets } from '../../src/io/merge.ts';
import { acledCsv, generatedAcledRows } from '../../src/testing/acledFixture.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { installHelpers, quantile, wheelZoomFrames, within } from './measure.ts';

const EVENTS = Number(process.env.BENCH_SOURCE_EVENTS ?? 1_000_000);
const RUNS = 3;
const STEP_LIMIT_MS = 120_000;
const VIEWPORT = { width: 1400, height: 1000 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (message: string) => console.error(`[bench source] ${message}`);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');

/** n generated events, imported as the app imports them, 100,000 rows at a time (one text of a million rows passes V8's string limit). */
function generatedDataset(n: number): Dataset {
  const rows = generatedAcledRows(n);
  let dataset: Dataset | null = null;
  for (let from = 0; from < n; from += 100_000) {
    const result = importText({ text: acledCsv(rows.slice(from, from + 100_000)), fileName: 'bench.csv' });
    if (result.kind !== 'done') throw new Error(`generated rows did not import (${result.kind})`);
    dataset = dataset ? mergeDatasets(dataset, result.dataset).dataset : result.dataset;
  }
  return dataset!;
}

/** The database to serve: BENCH_SOURCE_DB, or one of EVENTS generated events kept in TMPDIR. */
async function databasePath(): Promise<string> {
  if (process.env.BENCH_SOURCE_DB) return path.resolve(process.env.BENCH_SOURCE_DB);
  const dir = path.join(os.tmpdir(), 'conflict-timeline-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `source-${EVENTS}.duckdb`);
  if (!existsSync(file)) {
    log(`importing and loading ${EVENTS.toLocaleString('en-GB')} generated events into ${file}`);
    await createDuckDbDatabase(generatedDataset(EVENTS), file);
  }
  return file;
}

/** ms from the start of navigation to the frame after the status line first names every event. */
async function firstScreen(page: Page, url: string, total: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // performance.now() counts from the navigation's start, so the value is the time since opening.
  return within(page, STEP_LIMIT_MS, page.evaluate((text) => window.bench.statusReached(text), `Showing ${total} of ${total} events`));
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const dbPath = await databasePath();
  const opened = await openDuckDbEngine(dbPath);
  if (!opened.ok) throw new Error(opened.message);
  const engine = opened.engine;
  const info = await engine.info();
  const server = createDataServer({ engine: () => engine, staticRoot: path.join(root, 'dist'), allowOrigins: [], token: null, log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const total = info.count.toLocaleString('en-GB');
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    await installHelpers(page);
    const url = `${base}?source=${encodeURIComponent(base)}`;
    const opens: number[] = [];
    for (let run = 0; run < RUNS; run++) opens.push(await firstScreen(page, url, total));
    const box = (await page.locator('#timeline').boundingBox())!;
    const { intervals, notches } = await within(page, STEP_LIMIT_MS, wheelZoomFrames(page, box.x + box.width / 2, box.y + box.height / 2));
    const cores = os.cpus();
    const lines = [
      `The app on a data server (DuckDB, ${total} events; Chromium ${browser.version()}, ${cores[0]?.model.trim()}, ${cores.length} cores, load ${os.loadavg()[0]!.toFixed(1)}):`,
      '',
      '| measure | value |',
      '|---|---:|',
      `| first screen, from opening the page (median of ${RUNS}; each: ${opens.map(ms).join(', ')}) | ${ms(quantile(opens, 0.5))} |`,
      `| frame interval while zooming, p95 / median (${intervals.length + 1} frames, ${notches} wheel notches) | ${ms(quantile(intervals, 0.95))} / ${ms(quantile(intervals, 0.5))} |`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    server.close();
    await engine.close();
  }
}

await main();
