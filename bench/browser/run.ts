// `npm run bench` (third part), the browser benchmark of issue 6: our built app against vis-timeline
// 8.5 in headless Chromium, at 10,000, 100,000 and 1,000,000 generated ACLED-like events
// (BENCH_SIZES=10000,100000 to choose). It builds both pages, measures, prints a Markdown table
// and writes it to bench/README-results.md. It reports; it asserts nothing. Progress goes to stderr.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREVIEW_MIN_ROWS } from '../../src/io/appParquetPreview.ts';
import { PREVIEW_MIN_BYTES } from '../../src/io/fileParts.ts';
import { ACLED_PARQUET_CODEC, ACLED_PARQUET_TYPES, FILE_KINDS, type BenchFile, type BenchFiles, type FileKind } from './data.ts';
import { heapMB, installHelpers, quantile, wheelZoomFrames, within } from './measure.ts';
import { startPreview } from './preview.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const STEP_LIMIT_MS = Number(process.env.BENCH_STEP_LIMIT_S ?? 120) * 1000;
/** Past this, vis-timeline is not tried at larger sizes. */
const VIS_OPEN_LIMIT_MS = 60_000;
const FILTER_CLICKS = 6;
/** From the page showing its data to the file being picked (see warmImportWorkers). */
const PICK_FILE_MS = 1000;
/** Typed into the search box in turn: words that match many, some and no generated events. */
/** Each a new query (none repeats, so no answer comes from the text matcher's memory). */
const SEARCH_WORDS = ['armed group 3', 'shelling', 'no such words', 'village 1', 'protest', 'armed group 17', 'attack'];
/** Typed one key at a time after those. */
const SEARCH_KEYS = 'village 12';
/** A 60 Hz frame. Frame times are rounded to 0.1 ms and jitter: an idle page shows 16.5–16.8 ms. */
const FRAME_MS = 1000 / 60;
const FRAME_JITTER_MS = 0.3;
const VIEWPORT = { width: 1400, height: 1000 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(os.tmpdir(), 'conflict-timeline-bench');
const visDist = path.join(work, 'vis-dist');
const log = (message: string) => console.error(`[bench] ${message}`);

/** A measurement, or why there is none. */
type Value = number | string;

interface Ours {
  open: Value;
  p95: Value;
  median: Value;
  filter: Value;
  actorFilter: Value;
  /** The first text search, which waits for the search index where it is not ready yet. */
  textFirst: Value;
  textFilter: Value;
  /** Typing SEARCH_KEYS one key at a time: the median and the slowest key, to the next frame. */
  textKeys: Value;
  textKeysMax: Value;
  heap: Value;
  /** ArrayBuffers (the typed columns and the text as UTF-8 until read), outside the JavaScript heap. */
  buffers: Value;
  /** The same, once the search index is there (after the first search). */
  heapIndexed: Value;
  buffersIndexed: Value;
}
interface Vis {
  open: Value;
  p95: Value;
  median: Value;
}
/** What each zoom run did (frames, wheel notches, longest frame), for the report's notes. */
const zoomNotes: string[] = [];

function exec(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The vis-timeline build at / and the generated data at /data/: the items file can be 100 MB and more. */
async function startStatic(): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, rest] = urlPath.startsWith('/data/') ? [work, urlPath.slice(6)] : [visDist, urlPath === '/' ? 'index.html' : urlPath.slice(1)];
    const file = path.join(base, path.normalize(rest).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

function launch(): Promise<Browser> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

let browser: Browser;

async function newPage(): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  await installHelpers(page);
  return [context, page];
}

/** A tab stuck in a long task may not close; then the whole browser is replaced. */
async function dispose(context: BrowserContext): Promise<void> {
  const closed = await Promise.race([context.close().then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
  if (closed) return;
  log('the tab did not close; restarting Chromium');
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 15_000))]);
  browser = await launch();
}

const failure = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

async function frameStats(page: Page, selector: string): Promise<{ p95: number; median: number; note: string }> {
  const box = (await page.locator(selector).boundingBox())!;
  const { intervals, notches } = await within(page, STEP_LIMIT_MS, wheelZoomFrames(page, box.x + box.width / 2, box.y + box.height / 2));
  return { p95: quantile(intervals, 0.95), median: quantile(intervals, 0.5), note: `${intervals.length + 1} frames, ${notches} wheel notches, longest ${ms(Math.max(...intervals))}` };
}

/** What opening one file in a fresh tab gave: to the first frame, and the memory right after. */
interface Opened {
  open: Value;
  /** To the first frame of a large file's preview (its when and what), where the app shows one. */
  preview: Value;
  heap: Value;
  /** ArrayBuffers, outside the JS heap. */
  buffers: Value;
}

/**
 * Loads the app in `page`, waits as a person would, and gives it `file` through "Open data file".
 * Resolves with ms from the pick to the first frame that shows all the events; rejects with the
 * app's notice when it refuses the file.
 */
async function openFile(page: Page, appUrl: string, n: number, file: BenchFile): Promise<{ open: number; preview: Value }> {
  await page.goto(appUrl);
  await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
  // A person takes longer than this to pick a file; by then the page has started its import workers.
  await page.waitForTimeout(PICK_FILE_MS);
  const total = n.toLocaleString('en-GB');
  const shown = page.evaluate((text) => window.bench.statusReached(text), `Showing ${total} of ${total} events`);
  shown.catch(() => {}); // the tab may close before it settles (after a refusal)
  let previewAt: number | null = null;
  page.evaluate(() => window.bench.statusStarts('When and what of ')).then((t) => (previewAt = t), () => {});
  // A file the app cannot read comes back as a notice naming it.
  const notice = page.locator('.notice span', { hasText: path.basename(file.path) }).first();
  const refused = notice.waitFor({ timeout: 0 }).then(
    async () => Promise.reject(new Error(((await notice.textContent()) ?? 'refused').trim())),
    () => new Promise<never>(() => {}), // the tab closed: nothing to report
  );
  const t0 = await page.evaluate(() => performance.now());
  // A path, not a buffer: Chromium reads the file from disk, as it would from a user's pick.
  const opened = page.getByLabel('Open data file').setInputFiles(file.path).then(() => shown);
  const open = (await within(page, STEP_LIMIT_MS, Promise.race([opened, refused]))) - t0;
  return { open, preview: previewAt === null ? 'none shown' : (previewAt as number) - t0 };
}

/**
 * Opens each of the size's files in a fresh tab, for its open time and memory. The first that
 * opens (the app's Parquet, unless it fails) also gets the full set of measurements, in its tab.
 */
async function measureOpens(appUrl: string, files: BenchFiles): Promise<{ opened: Partial<Record<FileKind, Opened>>; ours: Ours; oursOn: BenchFile | undefined }> {
  const opened: Partial<Record<FileKind, Opened>> = {};
  let ours: Ours = { ...NOT_RUN, open: 'no file opened' };
  let oursOn: BenchFile | undefined;
  const total = files.n.toLocaleString('en-GB');
  for (const file of files.appFiles) {
    const result: Opened = { open: 'not run', preview: 'not run', heap: 'not run', buffers: 'not run' };
    opened[file.kind] = result;
    const [context, page] = await newPage();
    try {
      ({ open: result.open, preview: result.preview } = await openFile(page, appUrl, files.n, file));
      const memory = await within(page, STEP_LIMIT_MS, heapMB(page));
      result.heap = memory.js;
      result.buffers = memory.buffers;
      log(`ours ${total}, ${file.kind}: open ${ms(result.open)}, heap ${mb(result.heap)} + ${mb(result.buffers)} ArrayBuffers`);
      if (!oursOn) {
        oursOn = file;
        ours = await measureOurs(page, files.n, file, result);
      }
    } catch (error) {
      const message = `failed: ${failure(error)}`;
      if (typeof result.open === 'number') result.heap = result.buffers = message;
      else result.open = message;
      log(`ours ${total}, ${file.kind}: ${message}`);
    }
    await dispose(context);
  }
  return { opened, ours, oursOn };
}

const NOT_RUN: Ours = { open: 'not run', p95: 'not run', median: 'not run', filter: 'not run', actorFilter: 'not run', textFirst: 'not run', textFilter: 'not run', textKeys: 'not run', textKeysMax: 'not run', heap: 'not run', buffers: 'not run', heapIndexed: 'not run', buffersIndexed: 'not run' };

/** The filters, searches and zooming, in the tab that has just opened a file (`opened`). */
async function measureOurs(page: Page, n: number, file: BenchFile, opened: Opened): Promise<Ours> {
  const result: Ours = { ...NOT_RUN, open: opened.open, heap: opened.heap, buffers: opened.buffers };
  const total = n.toLocaleString('en-GB');
  let step: keyof Ours = 'filter';
  try {
    step = 'filter';
    const checkbox = await page.getByRole('group', { name: 'Event types' }).getByRole('checkbox', { name: /^Clash/ }).elementHandle();
    const status = await page.getByRole('status').filter({ hasText: /^Showing/ }).elementHandle();
    const clicks: number[] = [];
    for (let i = 0; i < FILTER_CLICKS; i++) {
      clicks.push(await within(page, STEP_LIMIT_MS, page.evaluate(([c, s]) => window.bench.timeClick(c!, s!), [checkbox, status] as const)));
      await page.waitForTimeout(300); // let deferred work after the click (URL, history) settle
    }
    result.filter = quantile(clicks, 0.5);

    step = 'actorFilter';
    const actor = await page.getByRole('group', { name: 'Actors' }).getByRole('checkbox').first().elementHandle();
    const actorClicks: number[] = [];
    for (let i = 0; i < FILTER_CLICKS; i++) {
      actorClicks.push(await within(page, STEP_LIMIT_MS, page.evaluate(([c, s]) => window.bench.timeClick(c!, s!), [actor, status] as const)));
      await page.waitForTimeout(300);
    }
    result.actorFilter = quantile(actorClicks, 0.5);

    step = 'textFirst';
    const search = await page.getByLabel('Search events').elementHandle();
    // As a person does: into the box, then the first word at once (the index has had no time).
    await search!.focus();
    const typeText = (text: string) => within(page, STEP_LIMIT_MS, page.evaluate(([c, s, t]) => window.bench.timeTyping(c!, s!, t), [search, status, text] as const));
    result.textFirst = await typeText(SEARCH_WORDS[0]!);
    step = 'heapIndexed';
    const indexed = await within(page, STEP_LIMIT_MS, heapMB(page));
    result.heapIndexed = indexed.js;
    result.buffersIndexed = indexed.buffers;
    await page.waitForTimeout(300);
    step = 'textFilter';
    const typed: number[] = [];
    for (let i = 1; i <= FILTER_CLICKS; i++) {
      typed.push(await typeText(SEARCH_WORDS[i]!));
      await page.waitForTimeout(300);
    }
    result.textFilter = quantile(typed, 0.5);
    await typeText('');
    step = 'textKeys';
    const keys: number[] = [];
    for (let k = 1; k <= SEARCH_KEYS.length; k++) {
      keys.push(await within(page, STEP_LIMIT_MS, page.evaluate(([c, t]) => window.bench.timeKey(c!, t), [search, SEARCH_KEYS.slice(0, k)] as const)));
      await page.waitForTimeout(150);
    }
    result.textKeys = quantile(keys, 0.5);
    result.textKeysMax = Math.max(...keys);
    await typeText('');
    log(`ours ${total}: typing "${SEARCH_KEYS}" key by key ${keys.map((c) => c.toFixed(0)).join(', ')}`);
    log(`ours ${total}: actor filter ${ms(result.actorFilter)}, first search ${ms(result.textFirst)}, search ${ms(result.textFilter)} (${typed.map((c) => c.toFixed(0)).join(', ')})`);

    step = 'p95';
    const frames = await frameStats(page, 'canvas.marks');
    ({ p95: result.p95, median: result.median } = frames);
    zoomNotes.push(`ours, ${total} events (after opening ${file.kind}): ${frames.note}`);
    log(`ours ${total}: filter ${ms(result.filter)} (${clicks.map((c) => c.toFixed(0)).join(', ')}), frames p95 ${ms(result.p95)} (${frames.note})`);
  } catch (error) {
    result[step] = failure(error);
    if (step === 'p95') result.median = result.p95;
    log(`ours ${total}: ${step}: ${failure(error)}`);
  }
  return result;
}

async function measureVis(staticUrl: string, files: BenchFiles): Promise<Vis> {
  const result: Vis = { open: 'not run', p95: 'not run', median: 'not run' };
  const [context, page] = await newPage();
  let step: 'open' | 'p95' = 'open';
  try {
    await page.goto(staticUrl);
    await within(page, STEP_LIMIT_MS, page.evaluate((url) => window.loadVis(url), `data/${path.basename(files.visItems)}`));
    result.open = await within(page, VIS_OPEN_LIMIT_MS, page.evaluate(() => window.openVis()));
    log(`vis ${files.n.toLocaleString('en-GB')}: open ${ms(result.open)}`);
    step = 'p95';
    const frames = await frameStats(page, '#timeline');
    ({ p95: result.p95, median: result.median } = frames);
    zoomNotes.push(`vis-timeline, ${files.n.toLocaleString('en-GB')} events: ${frames.note}`);
    log(`vis ${files.n.toLocaleString('en-GB')}: frames p95 ${ms(result.p95)} (${frames.note})`);
  } catch (error) {
    result[step] = failure(error);
    if (step === 'p95') result.median = result.p95;
    log(`vis ${files.n.toLocaleString('en-GB')}: ${step}: ${failure(error)}`);
  }
  await dispose(context);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The report

function ms(value: Value): string {
  if (typeof value === 'string') return value;
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}
/** A file's size in MB (10^6 bytes), with a decimal where it is small. */
const fileMB = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
const mb = (value: Value) => (typeof value === 'string' ? value : `${value.toFixed(0)} MB`);
const ratio = (vis: Value, ours: Value) => (typeof vis === 'number' && typeof ours === 'number' ? `${(vis / ours).toFixed(1)}×` : '–');

interface Row {
  files: BenchFiles;
  /** Each file opened in a fresh tab. */
  opened: Partial<Record<FileKind, Opened>>;
  /** The full set of measurements, on `oursOn`. */
  ours: Ours;
  oursOn: BenchFile | undefined;
  vis: Vis;
}

function target(rows: Row[], n: number, label: string, get: (r: Row) => Value, met: (v: number) => boolean, show: (v: Value) => string = ms): string {
  const row = rows.find((r) => r.files.n === n);
  if (!row) return `${label}: not measured`;
  const value = get(row);
  return `${label}: ${show(value)}, ${typeof value === 'number' && met(value) ? '**met**' : '**not met**'}`;
}

/** Where a size has no such measurement. */
const NOT_MADE = '–';

function openedOf(row: Row, kind: FileKind, what: keyof Opened): Value {
  return row.opened[kind]?.[what] ?? NOT_MADE;
}

/** JS heap + ArrayBuffers after opening, in MB: the memory issue #22 sets a target for. */
function memoryOf(row: Row, kind: FileKind): Value {
  const heap = openedOf(row, kind, 'heap');
  const buffers = openedOf(row, kind, 'buffers');
  return typeof heap === 'number' && typeof buffers === 'number' ? heap + buffers : typeof heap === 'string' ? heap : buffers;
}

function memoryAfter(row: Row, kind: FileKind): string {
  const heap = openedOf(row, kind, 'heap');
  const buffers = openedOf(row, kind, 'buffers');
  return typeof heap === 'number' && typeof buffers === 'number' ? `${heap.toFixed(0)} + ${buffers.toFixed(0)} = ${mb(heap + buffers)}` : mb(memoryOf(row, kind));
}

function report(rows: Row[], chromiumVersion: string, minutes: number, load: number): string {
  const cpus = os.cpus();
  // Every kind of file some size has, in the order they were opened.
  const kinds = FILE_KINDS.filter((kind) => rows.some((r) => r.files.appFiles.some((f) => f.kind === kind)));
  // The kinds whose large files the app previews (see appParquetPreview.ts, parquetRowsPreview.ts, and fileParts.ts for the CSV).
  const previewed = kinds.filter((kind) => kind === 'app Parquet' || kind === 'ACLED Parquet' || kind === 'ACLED CSV');
  const descriptionOf = (kind: FileKind) => rows.flatMap((r) => r.files.appFiles).find((f) => f.kind === kind)!.description;
  const million = rows.find((r) => r.files.n === 1_000_000);
  const measuredOn = million?.oursOn ? ` (after opening ${million.oursOn.kind})` : '';
  const cells = (f: (r: Row) => string) => rows.map(f).join(' | ');
  const lines = [
    '# Browser benchmark (issues 6 and #22)',
    '',
    `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium ${chromiumVersion} (software rendering, --disable-gpu); Node ${process.version}; ${new Date().toISOString().slice(0, 10)}. The run took ${minutes.toFixed(1)} min; the load average was ${load.toFixed(1)} when it started (other work on the machine moves the numbers).`,
    '',
    `| | ${cells((r) => `${r.files.n.toLocaleString('en-GB')} events`)} |`,
    `|---|${rows.map(() => '---:|').join('')}`,
    ...kinds.map((kind) => `| **ours**: open ${descriptionOf(kind)}, to the first frame | ${cells((r) => ms(openedOf(r, kind, 'open')))} |`),
    ...previewed.map((kind) => `| **ours**: open ${descriptionOf(kind)}, to the first frame of its preview (when and what, drawn while the rest is read; ${kind === 'ACLED CSV' ? `files of ${PREVIEW_MIN_BYTES / 2 ** 20} MB` : `files of ${PREVIEW_MIN_ROWS.toLocaleString('en-GB')} rows`} or more) | ${cells((r) => ms(openedOf(r, kind, 'preview')))} |`),
    ...kinds.map((kind) => `| file size: ${kind} | ${cells((r) => { const file = r.files.appFiles.find((f) => f.kind === kind); return file ? fileMB(file.bytes) : NOT_MADE; })} |`),
    ...kinds.map((kind) => `| **ours**: JS heap + ArrayBuffers after opening ${kind}, after GC | ${cells((r) => memoryAfter(r, kind))} |`),
    `| the rows below: measured after opening | ${cells((r) => r.oursOn?.kind ?? 'no file opened')} |`,
    `| **ours**: frame interval while zooming, p95 / median | ${cells((r) => (typeof r.ours.p95 === 'number' ? `${ms(r.ours.p95)} / ${ms(r.ours.median)}` : r.ours.p95))} |`,
    `| **ours**: type filter change, to the next frame (median of ${FILTER_CLICKS}) | ${cells((r) => ms(r.ours.filter))} |`,
    `| **ours**: actor filter change, to the next frame (median of ${FILTER_CLICKS}) | ${cells((r) => ms(r.ours.actorFilter))} |`,
    `| **ours**: text search, the first, just after focusing the box (waits for the search index) | ${cells((r) => ms(r.ours.textFirst))} |`,
    `| **ours**: text search, after the first (median of ${FILTER_CLICKS}) | ${cells((r) => ms(r.ours.textFilter))} |`,
    `| **ours**: typing "${SEARCH_KEYS}" key by key, to the next frame: median / slowest key | ${cells((r) => (typeof r.ours.textKeys === 'number' ? `${ms(r.ours.textKeys)} / ${ms(r.ours.textKeysMax)}` : r.ours.textKeys))} |`,
    `| **ours**: JS heap after loading, after GC | ${cells((r) => mb(r.ours.heap))} |`,
    `| **ours**: ArrayBuffers after loading (the typed columns and the text as UTF-8 until read, outside the JS heap) | ${cells((r) => mb(r.ours.buffers))} |`,
    `| **ours**: JS heap / ArrayBuffers once the search index is there (after the first search) | ${cells((r) => `${mb(r.ours.heapIndexed)} / ${mb(r.ours.buffersIndexed)}`)} |`,
    `| **vis-timeline**: open, to the first frame | ${cells((r) => ms(r.vis.open))} |`,
    `| **vis-timeline**: frame interval while zooming, p95 / median | ${cells((r) => (typeof r.vis.p95 === 'number' ? `${ms(r.vis.p95)} / ${ms(r.vis.median)}` : r.vis.p95))} |`,
    `| open, vis-timeline / ours (opening the file named above) | ${cells((r) => ratio(r.vis.open, r.ours.open))} |`,
    `| frame p95, vis-timeline / ours | ${cells((r) => ratio(r.vis.p95, r.ours.p95))} |`,
    '',
    'Targets of issue #22 (1,000,000 events; each file opened in a fresh tab):',
    '',
    `- ${target(rows, 1_000_000, "open 1,000,000 events from the app's Parquet < 1.5 s", (r) => openedOf(r, 'app Parquet', 'open'), (v) => v < 1500)}`,
    `- ${target(rows, 1_000_000, "the first frame of the app's Parquet preview (when and what; the controls wait for the rest) < 1.5 s", (r) => openedOf(r, 'app Parquet', 'preview'), (v) => v < 1500)}`,
    `- ${target(rows, 1_000_000, `open 1,000,000 events from an ACLED-layout Parquet (DuckDB, typed columns, ${ACLED_PARQUET_CODEC}) < 3 s`, (r) => openedOf(r, 'ACLED Parquet', 'open'), (v) => v < 3000)}`,
    `- ${target(rows, 1_000_000, 'the first frame of the ACLED Parquet preview (days and types; the controls wait for the rest) < 3 s', (r) => openedOf(r, 'ACLED Parquet', 'preview'), (v) => v < 3000)}`,
    `- ${target(rows, 1_000_000, 'open 1,000,000 rows of ACLED CSV < 6 s', (r) => openedOf(r, 'ACLED CSV', 'open'), (v) => v < 6000)}`,
    `- ${target(rows, 1_000_000, 'the first frame of the ACLED CSV preview (days and types; the controls wait for the rest) < 6 s', (r) => openedOf(r, 'ACLED CSV', 'preview'), (v) => v < 6000)}`,
    `- ${target(rows, 1_000_000, `frame interval while zooming p95 ≤ 16.7 ms at 1,000,000${measuredOn}`, (r) => r.ours.p95, (v) => v <= FRAME_MS + FRAME_JITTER_MS)}`,
    ...kinds.map((kind) => `- ${target(rows, 1_000_000, `JS heap + ArrayBuffers < 500 MB after opening 1,000,000 events from ${kind}`, (r) => memoryOf(r, kind), (v) => v < 500, mb)}`),
    `- file sizes at 1,000,000 events: ${million ? million.files.appFiles.map((f) => `${f.kind} ${fileMB(f.bytes)}`).join(', ') : 'not measured'}`,
    '',
    'Targets of issue 6:',
    '',
    `- ${target(rows, 100_000, 'open 100,000 events from ACLED CSV < 3 s', (r) => openedOf(r, 'ACLED CSV', 'open'), (v) => v < 3000)}`,
    "- open 1,000,000 events from compact JSON < 5 s: retired with the compact JSON in issue #22 (the app's Parquet target above takes its place)",
    `- ${target(rows, 1_000_000, `frame interval p95 ≤ 16.7 ms at 1,000,000${measuredOn}`, (r) => r.ours.p95, (v) => v <= FRAME_MS + FRAME_JITTER_MS)}`,
    `- ${target(rows, 1_000_000, `type filter change ≤ 50 ms at 1,000,000${measuredOn}`, (r) => r.ours.filter, (v) => v <= 50)}`,
    `- ${target(rows, 1_000_000, `actor filter change ≤ 50 ms at 1,000,000${measuredOn}`, (r) => r.ours.actorFilter, (v) => v <= 50)}`,
    `- ${target(rows, 1_000_000, `text filter change ≤ 50 ms at 1,000,000 (a new query, after the first search)${measuredOn}`, (r) => r.ours.textFilter, (v) => v <= 50)}`,
    `- ${target(rows, 1_000_000, `text filter change ≤ 50 ms at 1,000,000 (typing, the median key)${measuredOn}`, (r) => r.ours.textKeys, (v) => v <= 50)}`,
    `- ${target(rows, 1_000_000, `JS heap < 500 MB at 1,000,000${measuredOn}`, (r) => r.ours.heap, (v) => v < 500, mb)} (its ArrayBuffers add ${mb(million?.ours.buffers ?? 'not run')} outside it; once the search index is there, ${mb(million?.ours.heapIndexed ?? 'not run')} and ${mb(million?.ours.buffersIndexed ?? 'not run')})`,
    '',
    'How: `npm run bench` (`tsx bench/browser/run.ts` alone for this part; `BENCH_SIZES=10000,100000` to choose sizes).',
    `The data is \`generatedAcledRows(n)\` from src/testing/acledFixture.ts, written at every size as an ACLED CSV (in chunks of 100,000 rows), as the app's Parquet (those chunks imported in Node, merged, and written with \`createAppParquetWriter\` a chunk at a time: hyparquet-writer, snappy), and as an ACLED-layout Parquet (DuckDB reading that CSV, every column text but ${Object.entries(ACLED_PARQUET_TYPES).map(([c, t]) => `${c} ${t}`).join(', ')}; ${ACLED_PARQUET_CODEC}).`,
    'Each file is opened in a fresh tab; the first that opens (the app\'s Parquet, unless it fails) then gets the filter, search and zoom measurements in that tab.',
    'Opening is timed from just before the file input gets the file until the status line shows the new total, plus one requestAnimationFrame; a file the app refuses (a notice naming it) or that takes longer than the step limit is reported as failed;',
    'vis-timeline gets the same events (id, start, content = title, group = event type) already parsed, and is timed from `new DataSet(items)` and `new Timeline(…)` (default options, 1400×700 px) to its `onInitialDrawComplete`, plus one frame.',
    'Frame intervals are between requestAnimationFrame callbacks during 3 s of wheel zooming over the timeline (a notch every 16 ms, up to 3 waiting for the page; 40 in, then 40 out); 16.7 ms is every frame at 60 Hz.',
    'A type filter change is a click on the "Clash" type checkbox (on, off, …), an actor filter change a click on the first actor\'s checkbox (the busiest), and a text search the queries "armed group 3" (the first), then "shelling", "no such words", "village 1", "protest", "armed group 17" and "attack" typed into "Search events" in turn, each as one change, then "village 12" one key at a time (each key timed to the next frame, since a key need not change the count); the others are timed until the status line changes, plus one frame. The first search comes right after the box is focused, as when a person clicks into it and types. The heap is the page\'s JSHeapUsedSize after HeapProfiler.collectGarbage, and the ArrayBuffers (the typed columns, and the text kept as UTF-8 until it is read) its Runtime.getHeapUsage backingStorageSize (they live outside the JS heap), both measured right after opening and again after the first search, when the search index (built by the import worker) is there; the import worker\'s own memory is not included.',
    `The frame target counts as met up to ${(FRAME_MS + FRAME_JITTER_MS).toFixed(1)} ms: frame times are rounded to 0.1 ms, and an idle page already shows 16.5–16.8 ms. A dropped frame shows as 33.3 ms.`,
    `Each step has ${STEP_LIMIT_MS / 1000} s (vis-timeline ${VIS_OPEN_LIMIT_MS / 1000} s to open; after it fails to, larger sizes are not tried for it).`,
    '',
    'Zoom runs:',
    '',
    ...zoomNotes.map((note) => `- ${note}`),
  ];
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
const loadAtStart = os.loadavg()[0]!;
log('building the app and the vis-timeline page');
await exec('npx', ['vite', 'build', '--logLevel', 'warn']);
await exec('npx', ['vite', 'build', '--config', 'bench/vis/vite.config.ts'], { BENCH_VIS_OUT: visDist });
const preview = await startPreview();
const statics = await startStatic();
browser = await launch();
const chromiumVersion = browser.version();
const rows: Row[] = [];
let visStopped = '';
try {
  for (const n of SIZES) {
    log(`generating ${n.toLocaleString('en-GB')} events`);
    const out = await exec('npx', ['tsx', 'bench/browser/data.ts', String(n), work], { NODE_OPTIONS: '--max-old-space-size=8192' });
    const files = JSON.parse(out.trim().split('\n').pop()!) as BenchFiles;
    const { opened, ours, oursOn } = await measureOpens(preview.url, files);
    const vis: Vis = visStopped ? { open: visStopped, p95: '–', median: '–' } : await measureVis(statics.url, files);
    if (!visStopped && typeof vis.open === 'string') visStopped = `not tried (${vis.open} at ${n.toLocaleString('en-GB')})`;
    rows.push({ files, opened, ours, oursOn, vis });
  }
} finally {
  await browser.close().catch(() => {});
  preview.stop();
  statics.server.close();
}
const text = report(rows, chromiumVersion, (Date.now() - started) / 60_000, loadAtStart);
writeFileSync(path.join(root, 'bench/README-results.md'), text);
console.log(text);
