// Measurement helpers. Timings are taken inside the page (performance.now, requestAnimationFrame,
// MutationObserver) so that the round trips of the DevTools protocol do not count; Node only
// drives input and reads the results.
import type { Page } from '@playwright/test';

interface InPage {
  /** Resolves when the status line reads `text`, with performance.now() one frame later. */
  statusReached(text: string): Promise<number>;
  startFrames(): void;
  /** Frame timestamps since startFrames(). */
  stopFrames(): number[];
  /** ms from clicking `target` until `status` changes, plus one frame. */
  timeClick(target: Element, status: Element): Promise<number>;
}

declare global {
  interface Window {
    bench: InPage;
  }
}

/** Installed in every document before its own scripts; it must not refer to anything outside itself. */
function installInPage(): void {
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  let frames: number[] = [];
  let recording = false;
  const record = (t: number) => {
    if (!recording) return;
    frames.push(t);
    requestAnimationFrame(record);
  };
  const statusLine = () => [...document.querySelectorAll('[role=status]')].find((e) => e.textContent?.startsWith('Showing'));
  window.bench = {
    statusReached: (text) =>
      new Promise((resolve) => {
        const check = () => {
          if (statusLine()?.textContent !== text) return;
          observer.disconnect();
          void nextFrame().then(resolve);
        };
        // The whole document: the status line may be re-created while the new data comes in.
        const observer = new MutationObserver(check);
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
        check();
      }),
    startFrames: () => {
      frames = [];
      recording = true;
      requestAnimationFrame(record);
    },
    stopFrames: () => {
      recording = false;
      return frames;
    },
    timeClick: (target, status) =>
      new Promise((resolve) => {
        const before = status.textContent;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (status.textContent === before) return;
          observer.disconnect();
          void nextFrame().then((t) => resolve(t - t0));
        });
        observer.observe(status, { subtree: true, childList: true, characterData: true });
        (target as HTMLElement).click();
      }),
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
 * Zooms with the wheel at (x, y) for `ms` while the page records frames. Bursts of 20 notches in,
 * then 20 out, keep the window inside the data's range (no clamping at a zoom limit, where a
 * frame costs nothing). Returns the intervals between frames.
 */
export async function wheelZoomFrames(page: Page, x: number, y: number, ms = 3000): Promise<number[]> {
  await page.mouse.move(x, y);
  await page.evaluate(() => window.bench.startFrames());
  const start = Date.now();
  for (let i = 0; Date.now() - start < ms; i++) {
    const due = start + i * 16;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    await page.mouse.wheel(0, Math.floor(i / 20) % 2 === 0 ? -100 : 100);
  }
  const frames = await page.evaluate(() => window.bench.stopFrames());
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** JS heap in use on the page's main thread after a full GC, in MB. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}
