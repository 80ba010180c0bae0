// Measurement helpers. Timings are taken inside the page (performance.now, requestAnimationFrame,
// MutationObserver) so that the round trips of the DevTools protocol do not count; Node only
// drives input and reads the results.
import type { Page } from '@playwright/test';

interface InPage {
  /** Resolves when the status line reads `text`, with performance.now() one frame later. */
  statusReached(text: string): Promise<number>;
  /** As statusReached, for a status line that starts with `prefix`. */
  statusStarts(prefix: string): Promise<number>;
  startFrames(): void;
  /** Frame start times (the requestAnimationFrame argument) since startFrames(). */
  stopFrames(): number[];
  /** ms from clicking `target` until `status` changes, plus one frame. */
  timeClick(target: Element, status: Element): Promise<number>;
  /** ms from typing `text` into the input `target` (as one change) until `status` changes, plus one frame. */
  timeTyping(target: Element, status: Element, text: string): Promise<number>;
  /** ms from typing `text` into the input `target` until the next frame (for keys that may not change the count). */
  timeKey(target: Element, text: string): Promise<number>;
}

declare global {
  interface Window {
    bench: InPage;
  }
}

/** Installed in every document before its own scripts; it must not refer to anything outside itself. */
function installInPage(): void {
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  /** Sets an input's value as typing does: React reads it through the native setter on an input event. */
  const typeInto = (target: Element, text: string) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(target, text);
    target.dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** ms from `act` until `status` changes, plus one frame. */
  const timeUntilChanged = (status: Element, act: () => void) =>
    new Promise<number>((resolve) => {
      const before = status.textContent;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (status.textContent === before) return;
        observer.disconnect();
        void nextFrame().then((t) => resolve(t - t0));
      });
      observer.observe(status, { subtree: true, childList: true, characterData: true });
      act();
    });
  let frames: number[] = [];
  let recording = false;
  const record = (t: number) => {
    if (!recording) return;
    frames.push(t);
    requestAnimationFrame(record);
  };
  // The app's status line: "Showing N of M events", or while a large file's preview is shown, "When and what of …".
  const statusLine = () => document.querySelector('.status-line');
  /** Resolves, a frame later, with the time the status line first passes `test`. */
  const whenStatus = (test: (line: string) => boolean) =>
    new Promise<number>((resolve) => {
      const check = () => {
        if (!test(statusLine()?.textContent ?? '')) return;
        observer.disconnect();
        void nextFrame().then(resolve);
      };
      // The whole document: the status line may be re-created while the new data comes in.
      const observer = new MutationObserver(check);
      observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
      check();
    });
  window.bench = {
    statusReached: (text) => whenStatus((line) => line === text),
    statusStarts: (prefix) => whenStatus((line) => line.startsWith(prefix)),
    startFrames: () => {
      frames = [];
      recording = true;
      requestAnimationFrame(record);
    },
    stopFrames: () => {
      recording = false;
      return frames;
    },
    timeClick: (target, status) => timeUntilChanged(status, () => (target as HTMLElement).click()),
    timeTyping: (target, status, text) => timeUntilChanged(status, () => typeInto(target, text)),
    timeKey: (target, text) => {
      const t0 = performance.now();
      typeInto(target, text);
      return nextFrame().then((t) => t - t0);
    },
  };
}

export async function installHelpers(page: Page): Promise<void> {
  // tsx (esbuild keepNames) wraps inner functions in __name(…), which the page does not define.
  await page.addInitScript({ content: `globalThis.__name ??= (f) => f; (${installInPage.toString()})();` });
}

/** Rejects after `ms`, and when the tab crashes (typically out of memory), whichever comes first. */
export function within<T>(page: Page, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onCrash: (() => void) | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish in ${ms / 1000} s`)), ms);
    onCrash = () => reject(new Error('the tab crashed (out of memory?)'));
    page.once('crash', onCrash);
  });
  return Promise.race([work, limit]).finally(() => {
    clearTimeout(timer);
    page.off('crash', onCrash!);
  });
}

/**
 * Zooms with the wheel at (x, y) for `ms` while the page records frames: a notch every 16 ms, as a
 * hand on a wheel keeps going whatever the page does. Chromium acknowledges a wheel event only
 * once the page has handled it (a frame or two), so notches are not awaited one by one; up to
 * MAX_IN_FLIGHT wait, and a busy page gets them late and merged, as it would from a real wheel.
 * Bursts of 40 notches in, then 40 out (in the app, a factor of 256: from the whole of the data
 * to about ten days) cover both the overview and single marks, and keep the window away from the
 * zoom limits, where a frame costs nothing. Returns the intervals between frames, and how many
 * notches went in.
 */
export async function wheelZoomFrames(page: Page, x: number, y: number, ms = 3000): Promise<{ intervals: number[]; notches: number }> {
  const MAX_IN_FLIGHT = 3;
  await page.mouse.move(x, y);
  await page.evaluate(() => window.bench.startFrames());
  const inFlight = new Set<Promise<void>>();
  const start = Date.now();
  let notches = 0;
  for (let tick = 0; Date.now() - start < ms; tick++) {
    const due = start + tick * 16;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const sent: Promise<void> = page.mouse.wheel(0, Math.floor(notches / 40) % 2 === 0 ? -100 : 100).finally(() => inFlight.delete(sent));
    inFlight.add(sent);
    notches++;
  }
  await Promise.all(inFlight);
  const frames = await page.evaluate(() => window.bench.stopFrames());
  return { intervals: frames.slice(1).map((t, i) => t - frames[i]!), notches };
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** JS heap in use on the page's main thread after a full GC, in MB. */
/**
 * The page's memory after garbage collection, in MiB: the JavaScript heap (JSHeapUsedSize), and
 * the ArrayBuffers behind typed arrays, which V8 keeps outside that heap.
 */
export async function heapMB(page: Page): Promise<{ js: number; buffers: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
  await cdp.detach();
  return { js: (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20, buffers: (usage.backingStorageSize ?? NaN) / 2 ** 20 };
}
