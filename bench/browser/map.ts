// `npm run bench` (map part): the map panel of issue #24 in headless Chromium, at 10,000, 100,000
// and 1,000,000 generated ACLED-like events with coordinates (BENCH_SIZES to choose), from the
// app's Parquet that bench/browser/run.ts generates (and caches). Side by side in one tab: frames
// while the map pans and zooms beside frames while the timeline zooms with the map shown and
// hidden, and an area filter drawn on the map beside a type filter clicked in the legend, from the
// release of the mouse to the frame that shows the new count. Also what the first screen loads
// (gzip) with the map shown and without it. It reports; it asserts nothing.
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generate } from './data.ts';
import { installHelpers, quantile, wheelZoomFrames, within } from './measure.ts';
import { startPreview } from './preview.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const STEP_LIMIT_MS = 180_000;
const VIEWPORT = { width: 1400, height: 1000 };
/** The generated events lie in 39–41°N, 44–46°E: the map opens on them, a region a few hundred km across. */
const MAP_PARAM = 'map=45,40,7';
const AREA_TRIES = 3;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(os.tmpdir(), 'conflict-timeline-bench');
const log = (message: string) => console.error(`[bench map] ${message}`);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

/** The bytes, gzipped, of every file of the app's origin the page fetched while `load` ran. */
async function firstScreenBytes(page: Page, load: () => Promise<void>): Promise<{ bytes: number; files: string[] }> {
  const paths = new Set<string>();
  const listen = (response: { url(): string }) => paths.add(new URL(response.url()).pathname);
  page.on('response', listen);
  await load();
  page.off('response', listen);
  let bytes = 0;
  const files: string[] = [];
  for (const urlPath of paths) {
    const file = path.join(root, 'dist', urlPath === '/' ? 'index.html' : urlPath);
    if (!existsSync(file)) continue;
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
    files.push(urlPath);
  }
  return { bytes, files };
}

/** Frames while dragging across the map for `ms`, a step every 16 ms, back and forth. */
async function panFrames(page: Page, x: number, y: number, duration = 3000): Promise<number[]> {
  await page.mouse.move(x, y);
  await page.evaluate(() => window.bench.startFrames());
  await page.mouse.down();
  const start = Date.now();
  for (let tick = 0; Date.now() - start < duration; tick++) {
    const due = start + tick * 16;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    // 40 steps of 6 px one way, then back: the view keeps its data in sight.
    const phase = tick % 80;
    const dx = (phase < 40 ? phase : 80 - phase) * 6;
    await page.mouse.move(x - dx, y - dx / 2);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.bench.stopFrames());
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

/**
 * ms from releasing the mouse at the end of a Shift+drag on the map to the frame after the status
 * line changes (the pointerup is timed in the page, so the protocol's round trips do not count).
 */
async function areaFilterMs(page: Page, box: { x: number; y: number; width: number; height: number }, size: number): Promise<number> {
  const timed = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = [...document.querySelectorAll('[role=status]')].find((e) => e.textContent?.startsWith('Showing'))!;
        let released = 0;
        window.addEventListener('pointerup', () => (released = performance.now()), { capture: true, once: true });
        const before = status.textContent;
        const observer = new MutationObserver(() => {
          if (status.textContent === before || !released) return;
          observer.disconnect();
          requestAnimationFrame((t) => resolve(t - released));
        });
        observer.observe(status, { subtree: true, childList: true, characterData: true });
      }),
  );
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.down('Shift');
  await page.mouse.move(cx - size, cy - size);
  await page.mouse.down();
  await page.mouse.move(cx, cy, { steps: 4 });
  await page.mouse.move(cx + size, cy + size, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  return within(page, STEP_LIMIT_MS, timed);
}

/** ms from clicking the type filter's Clash (on, then off again) to the frame after the status line changes. */
async function typeFilterMs(page: Page): Promise<number> {
  const checkbox = await page.getByRole('group', { name: 'Event types' }).getByRole('checkbox', { name: /^Clash/ }).elementHandle();
  const status = await page.getByRole('status').filter({ hasText: /^Showing/ }).elementHandle();
  const taken = await page.evaluate(([c, s]) => window.bench.timeClick(c!, s!), [checkbox, status] as const);
  await page.waitForTimeout(300);
  await page.evaluate(([c, s]) => window.bench.timeClick(c!, s!), [checkbox, status] as const);
  await page.waitForTimeout(300);
  return taken;
}

interface SizeResult {
  n: number;
  open: number;
  mapZoom: number[];
  mapPan: number[];
  timelineWithMap: number[];
  timelineWithout: number[];
  area: number[];
  type: number[];
}

async function measureSize(browser: Browser, appUrl: string, n: number): Promise<SizeResult> {
  const files = await generate(n, work);
  const file = files.appFiles.find((f) => f.kind === 'app Parquet')!;
  const total = n.toLocaleString('en-GB');
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  await installHelpers(page);
  try {
    await page.goto(`${appUrl}?${MAP_PARAM}`);
    await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
    const shown = page.evaluate((text) => window.bench.statusReached(text), `Showing ${total} of ${total} events`);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByLabel('Open data file').setInputFiles(file.path);
    const open = (await within(page, STEP_LIMIT_MS, shown)) - t0;
    log(`${total}: opened in ${ms(open)}`);
    const mapBox = (await page.locator('#map canvas').boundingBox())!;
    const timelineBox = (await page.locator('#timeline').boundingBox())!;
    const middle = (b: typeof mapBox) => [b.x + b.width / 2, b.y + b.height / 2] as const;
    const mapZoom = (await within(page, STEP_LIMIT_MS, wheelZoomFrames(page, ...middle(mapBox)))).intervals;
    // Back to the events after zooming about.
    await page.goto(`${appUrl}?${MAP_PARAM}`);
    await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
    const reopened = page.evaluate((text) => window.bench.statusReached(text), `Showing ${total} of ${total} events`);
    await page.getByLabel('Open data file').setInputFiles(file.path);
    await within(page, STEP_LIMIT_MS, reopened);
    const mapPan = await within(page, STEP_LIMIT_MS, panFrames(page, ...middle(mapBox)));
    const timelineWithMap = (await within(page, STEP_LIMIT_MS, wheelZoomFrames(page, ...middle(timelineBox)))).intervals;
    const area: number[] = [];
    const type: number[] = [];
    for (let i = 0; i < AREA_TRIES; i++) {
      area.push(await areaFilterMs(page, mapBox, 60 + 20 * i));
      await page.getByRole('button', { name: /^Remove filter Area/ }).click();
      await page.waitForTimeout(300);
      type.push(await typeFilterMs(page));
    }
    log(`${total}: map zoom p95 ${ms(quantile(mapZoom, 0.95))}, pan p95 ${ms(quantile(mapPan, 0.95))}, area ${area.map(ms).join(', ')}`);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('#map').waitFor({ state: 'detached' });
    const timelineWithout = (await within(page, STEP_LIMIT_MS, wheelZoomFrames(page, ...middle((await page.locator('#timeline').boundingBox())!)))).intervals;
    return { n, open, mapZoom, mapPan, timelineWithMap, timelineWithout, area, type };
  } finally {
    await context.close();
  }
}

const frames = (intervals: number[]) => `${ms(quantile(intervals, 0.95))} / ${ms(quantile(intervals, 0.5))}`;

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const preview = await startPreview();
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    const ready = () => page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
    // Both pages until the network rests: the import workers, which start a moment after the first
    // screen either way, count on both sides.
    const without = await firstScreenBytes(page, async () => {
      await page.goto(preview.url);
      await ready();
      await page.waitForLoadState('networkidle');
    });
    const withMap = await firstScreenBytes(page, async () => {
      await page.goto(`${preview.url}?${MAP_PARAM}`);
      await ready();
      await page.locator('#map canvas').waitFor();
      await page.waitForLoadState('networkidle');
    });
    await context.close();
    const added = withMap.files.filter((f) => !without.files.includes(f));
    const results: SizeResult[] = [];
    for (const n of SIZES) results.push(await measureSize(browser, preview.url, n));
    const cores = os.cpus();
    const lines = [
      `The map panel (Chromium ${browser.version()}, ${cores[0]?.model.trim()}, ${cores.length} cores, load ${os.loadavg()[0]!.toFixed(1)}); frame intervals p95 / median, a 60 Hz frame is 16.7 ms:`,
      '',
      '| events | map zoom (wheel) | map pan (drag) | timeline zoom, map shown | timeline zoom, map hidden | area filter drawn on the map → new count | type filter clicked → new count |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.n.toLocaleString('en-GB')} | ${frames(r.mapZoom)} | ${frames(r.mapPan)} | ${frames(r.timelineWithMap)} | ${frames(r.timelineWithout)} | ${r.area.map(ms).join(', ')} | ${r.type.map(ms).join(', ')} |`,
      ),
      '',
      `First screen (gzip, level 9): ${kb(without.bytes)} without the map; ${kb(withMap.bytes)} with it shown, the map adding ${kb(withMap.bytes - without.bytes)} (${added.join(', ')}).`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
