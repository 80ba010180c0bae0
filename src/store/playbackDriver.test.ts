import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { HOUR } from '../model/brand.ts';
import { createAppStore } from './store.ts';
import { startPlaybackDriver, type FrameClock } from './playbackDriver.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const at = (iso: string) => Date.parse(iso);

/** Animation frames that run only when the test says how much time has passed. */
function manualClock() {
  let time = 0;
  let next = 1;
  const waiting = new Map<number, (now: number) => void>();
  const clock: FrameClock = {
    now: () => time,
    request: (step) => {
      waiting.set(next, step);
      return next++;
    },
    cancel: (id) => void waiting.delete(id),
  };
  /** Runs frames every `every` ms for `ms` ms. */
  const advance = (ms: number, every = 16) => {
    for (let passed = 0; passed < ms; passed += every) {
      time += every;
      const steps = [...waiting.values()];
      waiting.clear();
      steps.forEach((step) => step(time));
    }
  };
  return { clock, advance, pending: () => waiting.size };
}

function setup() {
  const store = createAppStore({ dataset });
  const time = manualClock();
  const stop = startPlaybackDriver(store, time.clock);
  store.getState().setWindow({ from: at('2022-09-12T00:00Z'), to: at('2022-09-14T00:00Z') });
  return { store, ...time, stop };
}

describe('the playback driver', () => {
  it('moves the window forward frame by frame while playing, as one history entry', () => {
    const { store, advance } = setup();
    store.getState().setPlaybackSpeed('hour');
    store.getState().play();
    advance(2000);
    const { window, lastChange, playing } = store.getState();
    expect(playing).toBe(true);
    expect(window.from).toBeCloseTo(at('2022-09-12T02:00Z'), -4);
    expect(window.to - window.from).toBeCloseTo(48 * HOUR, -1);
    // Each frame replaces the history entry: no entry per frame.
    expect(lastChange).toBe('replace');
  });

  it('stops moving when paused', () => {
    const { store, advance, pending } = setup();
    store.getState().play();
    advance(500);
    store.getState().pause();
    const paused = store.getState().window;
    advance(1000);
    expect(store.getState().window).toBe(paused);
    expect(pending()).toBe(0);
  });

  it('pauses when the user zooms or pans by hand', () => {
    const { store, advance } = setup();
    store.getState().play();
    advance(300);
    store.getState().zoomBy(2, 0.5, 'replace');
    const zoomed = store.getState().window;
    expect(store.getState().playing).toBe(false);
    advance(500);
    expect(store.getState().window).toBe(zoomed);
  });

  it('stops at the end of the data, or starts again from its start when looping', () => {
    const { store, advance } = setup();
    store.getState().setPlaybackSpeed('week');
    store.getState().play();
    advance(3000);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().window.to).toBeGreaterThan(at('2022-09-15T08:00Z'));

    store.getState().setWindow({ from: at('2022-09-12T00:00Z'), to: at('2022-09-14T00:00Z') });
    store.getState().setPlaybackLoop(true);
    store.getState().play();
    advance(1000);
    // Past the end and round again: the window is back near the data's first event (May 1994).
    expect(store.getState().playing).toBe(true);
    expect(new Date(store.getState().window.from).getUTCFullYear()).toBe(1994);
  });

  it('plays once, whatever the loop says, while a video is recorded', () => {
    const { store, advance } = setup();
    store.getState().setPlaybackSpeed('week');
    store.getState().setPlaybackLoop(true);
    store.getState().setRecordingVideo(true);
    store.getState().play();
    advance(2000);
    expect(store.getState().playing).toBe(false);
    expect(new Date(store.getState().window.from).getUTCFullYear()).toBe(2022);
  });

  it('starts cumulative playback at the data’s start', () => {
    const { store, advance } = setup();
    store.getState().setPlaybackMode('cumulative');
    store.getState().setPlaybackSpeed('month');
    store.getState().play();
    advance(100);
    const { window } = store.getState();
    expect(new Date(window.from).toISOString().slice(0, 7)).toBe('1994-04');
    advance(1000);
    expect(store.getState().window.from).toBe(window.from);
    expect(store.getState().window.to).toBeGreaterThan(window.to);
  });

  it('does not leap through the data when frames stop for a while (a tab in the background)', () => {
    const { store, advance } = setup();
    store.getState().setPlaybackSpeed('hour');
    store.getState().play();
    const before = store.getState().window.from;
    advance(10_000, 10_000);
    expect(store.getState().window.from - before).toBeLessThanOrEqual(0.1 * HOUR + 1);
  });

  it('lets go of the store when stopped', () => {
    const { store, advance, stop } = setup();
    store.getState().play();
    stop();
    const still = store.getState().window;
    advance(1000);
    expect(store.getState().window).toBe(still);
  });
});
