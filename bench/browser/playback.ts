// `npm run bench` (playback part): playback through time (issue #25) in headless Chromium, at
// 10,000, 100,000 and 1,000,000 generated ACLED-like events (BENCH_SIZES to choose), from the app's
// Parquet that bench/browser/run.ts generates (and caches). In one tab, side by side: frames while
// the timeline zooms with the wheel, frames while Play moves a sliding window (a quarter of a year
// at a week per second), the same with the map shown, and a cumulative window growing from the
// data's start at a month per second; then "Export video" of a pass that lasts about ten seconds,
// timed from the click to the download, with the frames painted meanwhile. It reports; it asserts nothing.
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './data.ts';
import { installHelpers, quantile, wheelZoomFrames, within } from './measure.ts';
import { startPreview } from './preview.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const STEP_LIMIT_MS = 180_000;
const PLAY_MS = 3000;
const VIEWPORT = { width: 1400, height: 1000 };
/** The generated events lie in 2018–2023, in 39–41°N, 44–46°E. */
const SLIDING = 'from=2019-01-01&to=2019-04-01';
const MAP_PARAM = 'map=45,40,7';
/**
 * A pass of about ten seconds at a week per second: the data ends on 31 Dec 2023, and the run ends
 * when the window's end is 5% of its width (a month) past it, so 70 days from 25 Oct 2023.
 */
const VIDEO_WINDOW = 'from=2023-09-25&to=2023-10-25';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(os.tmpdir(), 'conflict-timeline-bench');
const log = (message: string) => console.error(`[bench playback] ${message}`);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');

/** Puts the view of `query` in the store as Back/Forward would (the loaded data stays). */
async function showView(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', `?${q}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
  await page.waitForTimeout(300);
}

async function choose(page: Page, speed: string, mode: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Playback speed' }).selectOption(speed);
  await page.getByRole('combobox', { name: 'Playback mode' }).selectOption(mode);
}

/** Frame intervals while Play runs for PLAY_MS (the window's `from` before and after, to show it moved). */
async function playFrames(page: Page): Promise<number[]> {
  const play = page.getByRole('group', { name: 'Playback' }).getByRole('button');
  await page.evaluate(() => window.bench.startFrames());
  await play.click();
  await page.waitForTimeout(PLAY_MS);
  const frames = await page.evaluate(() => window.bench.stopFrames());
  if ((await play.textContent())?.includes('Pause')) await play.click();
  await page.waitForTimeout(300);
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

interface VideoResult {
  /** The length the menu said the video would have. */
  stated: string;
  /** From the click to the download, ms. */
  took: number;
  bytes: number;
  frames: number[];
}

async function recordVideo(page: Page): Promise<VideoResult> {
  await page.locator('.export-menu > button').click();
  const note = page.locator('.video-export .export-note');
  const stated = /about ([^)]*)\)/.exec((await note.textContent()) ?? '')?.[1] ?? '?';
  const downloading = page.waitForEvent('download', { timeout: STEP_LIMIT_MS });
  await page.evaluate(() => window.bench.startFrames());
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Export video' }).click();
  const download = await downloading;
  const took = Date.now() - t0;
  const frames = await page.evaluate(() => window.bench.stopFrames());
  const bytes = statSync((await download.path())!).size;
  await page.keyboard.press('Escape');
  return { stated, took, bytes, frames: frames.slice(1).map((t, i) => t - frames[i]!) };
}

interface SizeResult {
  n: number;
  zoom: number[];
  sliding: number[];
  slidingWithMap: number[];
  cumulative: number[];
  video: VideoResult;
}

async function measureSize(browser: Browser, appUrl: string, n: number): Promise<SizeResult> {
  const files = await generate(n, work);
  const file = files.appFiles.find((f) => f.kind === 'app Parquet')!;
  const total = n.toLocaleString('en-GB');
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC', acceptDownloads: true });
  const page = await context.newPage();
  await installHelpers(page);
  try {
    await page.goto(appUrl);
    await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
    const shown = page.evaluate((text) => window.bench.statusReached(text), `Showing ${total} of ${total} events`);
    await page.getByLabel('Open data file').setInputFiles(file.path);
    await within(page, STEP_LIMIT_MS, shown);
    const timeline = (await page.locator('#timeline').boundingBox())!;
    const zoom = (await within(page, STEP_LIMIT_MS, wheelZoomFrames(page, timeline.x + timeline.width / 2, timeline.y + timeline.height / 2))).intervals;
    await showView(page, SLIDING);
    await choose(page, 'week', 'sliding');
    const sliding = await within(page, STEP_LIMIT_MS, playFrames(page));
    await showView(page, `${SLIDING}&${MAP_PARAM}`);
    await page.locator('#map canvas').waitFor();
    await page.waitForTimeout(1000);
    const slidingWithMap = await within(page, STEP_LIMIT_MS, playFrames(page));
    await showView(page, SLIDING);
    await choose(page, 'month', 'cumulative');
    const cumulative = await within(page, STEP_LIMIT_MS, playFrames(page));
    log(`${total}: zoom p95 ${ms(quantile(zoom, 0.95))}, sliding p95 ${ms(quantile(sliding, 0.95))}, with map ${ms(quantile(slidingWithMap, 0.95))}, cumulative ${ms(quantile(cumulative, 0.95))}`);
    await showView(page, VIDEO_WINDOW);
    await choose(page, 'week', 'sliding');
    const video = await within(page, STEP_LIMIT_MS, recordVideo(page));
    log(`${total}: a video of ${video.stated} took ${ms(video.took)}, ${(video.bytes / 1024).toFixed(0)} kB`);
    return { n, zoom, sliding, slidingWithMap, cumulative, video };
  } finally {
    await context.close();
  }
}

const frames = (intervals: number[]) => `${ms(quantile(intervals, 0.5))} / ${ms(quantile(intervals, 0.95))}`;

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const preview = await startPreview();
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const results: SizeResult[] = [];
    for (const n of SIZES) results.push(await measureSize(browser, preview.url, n));
    const cores = os.cpus();
    const lines = [
      `Playback through time (Chromium ${browser.version()}, ${cores[0]?.model.trim()}, ${cores.length} cores, load ${os.loadavg()[0]!.toFixed(1)}); frame intervals median / p95, a 60 Hz frame is 16.7 ms:`,
      '',
      '| events | timeline zoom (wheel) | Play, sliding 3 months at a week/s | the same, map shown | Play, cumulative at a month/s | Export video of a ~10 s pass: click → download | its size | frames while recording |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.n.toLocaleString('en-GB')} | ${frames(r.zoom)} | ${frames(r.sliding)} | ${frames(r.slidingWithMap)} | ${frames(r.cumulative)} | ${(r.video.took / 1000).toFixed(1)} s (stated ${r.video.stated}) | ${(r.video.bytes / 1024).toFixed(0)} kB | ${frames(r.video.frames)} |`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
