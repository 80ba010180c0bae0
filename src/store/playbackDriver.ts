// Moves the store's window while `playing` is true, one step per animation frame, by the real time
// elapsed. It lives outside React, as the renderers do: started once with the store, it follows the
// store's playback state. Each step replaces the history entry (as zooming does), never adds one.
import type { AppState, AppStore } from './store.ts';
import { dataExtentOf } from './store.ts';
import { beginRun, changeRun, loopRun, playbackFrame, runDuration, type PlaybackRun } from './playback.ts';
import type { TimeWindow } from './window.ts';

/** What the driver needs of the browser: a clock and animation frames (a test passes its own). */
export interface FrameClock {
  now(): number;
  request(step: (now: number) => void): number;
  cancel(id: number): void;
}

/**
 * The longest step a frame may take, in real ms: a tab in the background gets no frames, and coming
 * back must not leap through the data.
 */
const MAX_STEP_MS = 100;

export const browserClock = (): FrameClock => ({
  now: () => performance.now(),
  request: (step) => requestAnimationFrame(step),
  cancel: (id) => cancelAnimationFrame(id),
});

export function startPlaybackDriver(store: AppStore, clock: FrameClock = browserClock()): () => void {
  let run: PlaybackRun | null = null;
  let elapsed = 0;
  let last = 0;
  let frame = 0;
  // The window this driver last put in the store: any other window is the user's (or a link's), and pauses.
  let placed: TimeWindow | null = null;
  let placing = false;

  const place = (window: TimeWindow) => {
    placing = true;
    try {
      store.getState().setWindow(window, 'replace');
    } finally {
      placing = false;
    }
    placed = store.getState().window;
  };

  const stop = () => {
    if (frame) clock.cancel(frame);
    frame = 0;
    run = null;
  };

  const step = (now: number) => {
    frame = 0;
    const state = store.getState();
    if (!state.playing || !run) return;
    elapsed += Math.min(MAX_STEP_MS, Math.max(0, now - last));
    last = now;
    const shown = playbackFrame(run, elapsed);
    place(shown.window);
    if (shown.done) {
      const again = loopRun(run);
      if (!state.playbackLoop || state.recordingVideo || runDuration(again) === 0) {
        state.pause();
        return;
      }
      run = again;
      elapsed = 0;
    }
    frame = clock.request(step);
  };

  const start = (state: AppState) => {
    const extent = dataExtentOf(state);
    if (!extent) {
      state.pause();
      return;
    }
    run = beginRun(state.playbackMode, state.playbackSpeed, state.window, extent);
    elapsed = 0;
    last = clock.now();
    place(run.origin);
    if (!frame) frame = clock.request(step);
  };

  const unsubscribePlaying = store.subscribe(
    (s) => s.playing,
    (playing) => (playing ? start(store.getState()) : stop()),
  );
  const unsubscribeChoice = store.subscribe(
    (s) => [s.playbackSpeed, s.playbackMode] as const,
    ([speed, mode]) => {
      const state = store.getState();
      if (!state.playing || !run) return;
      run = changeRun(run, mode, speed, state.window);
      elapsed = 0;
      if (run.origin !== state.window) place(run.origin);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  // Zooming, panning, a link or a story step moves the window: the user has taken it back.
  const unsubscribeWindow = store.subscribe(
    (s) => s.window,
    (window) => {
      if (!placing && window !== placed && store.getState().playing) store.getState().pause();
    },
  );
  if (store.getState().playing) start(store.getState());

  return () => {
    unsubscribePlaying();
    unsubscribeChoice();
    unsubscribeWindow();
    stop();
  };
}
