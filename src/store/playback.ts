// Playback through time, as pure math: where the window is after a given time of play, for a speed,
// a mode and the data's extent. The driver (playbackDriver.ts) and the video export both ask it, so
// the screen and a recording move the same way.
import { DAY, HOUR, YEAR } from '../model/brand.ts';
import { MIN_SPAN, type TimeWindow } from './window.ts';

/** How much data passes per second of play. */
export type PlaybackSpeed = 'hour' | 'day' | 'week' | 'month';
/** Sliding: the window keeps its width and moves. Cumulative: it starts at the data's start and its end grows. */
export type PlaybackMode = 'sliding' | 'cumulative';

export const PLAYBACK_SPEEDS: readonly PlaybackSpeed[] = ['hour', 'day', 'week', 'month'];
export const PLAYBACK_MODES: readonly PlaybackMode[] = ['sliding', 'cumulative'];

/**
 * Milliseconds of data per second of play. A month is the mean Gregorian month (30.44 days), not a
 * calendar month: the window then moves at one steady pace, where calendar months would make it
 * speed up and slow down by a tenth at each month's end (February against March). A window that
 * starts on the 1st drifts from month boundaries by under a day a month.
 */
export const DATA_PER_SECOND: Record<PlaybackSpeed, number> = {
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: YEAR / 12,
};

/** How far from the window's right edge the data's last instant sits when playback ends (of the span). */
export const END_MARGIN = 0.05;

/** One pass of playback: the window at its start, and what bounds it. */
export interface PlaybackRun {
  mode: PlaybackMode;
  speed: PlaybackSpeed;
  /** The window when the run starts (elapsed 0). */
  origin: TimeWindow;
  /** The data's extent: the run ends when the window has reached its end. */
  extent: TimeWindow;
}

export interface PlaybackFrame {
  window: TimeWindow;
  /** The run has reached the end of the data (the window is the last one). */
  done: boolean;
}

/** Where the window's end stands when the run is over. */
function finalTo(run: PlaybackRun): number {
  const { origin, extent } = run;
  if (run.mode === 'sliding') return extent.to + END_MARGIN * (origin.to - origin.from);
  // Cumulative: the span grows with `to`, so the margin does too: to − extent.to = m·(to − from).
  return (extent.to - END_MARGIN * origin.from) / (1 - END_MARGIN);
}

/** Real milliseconds a run lasts from its origin to the end of the data (0 when it is already there). */
export function runDuration(run: PlaybackRun): number {
  return Math.max(0, ((finalTo(run) - run.origin.to) / DATA_PER_SECOND[run.speed]) * 1000);
}

/** The window `elapsed` real milliseconds into a run. */
export function playbackFrame(run: PlaybackRun, elapsed: number): PlaybackFrame {
  const end = finalTo(run);
  const moved = (Math.max(0, elapsed) / 1000) * DATA_PER_SECOND[run.speed];
  const to = Math.min(end, run.origin.to + moved);
  const done = to >= end;
  if (run.mode === 'sliding') {
    const shift = to - run.origin.to;
    return { window: shift === 0 ? run.origin : { from: run.origin.from + shift, to }, done };
  }
  return { window: to === run.origin.to ? run.origin : { from: run.origin.from, to }, done };
}

/** The data's start for a sliding window of `span`: its first instant a margin in from the left. */
function slidingStart(span: number, extent: TimeWindow): TimeWindow {
  const from = extent.from - END_MARGIN * span;
  return { from, to: from + span };
}

/** The cumulative window at the data's start: a quarter second of data before it, one second after. */
function cumulativeStart(speed: PlaybackSpeed, extent: TimeWindow): TimeWindow {
  const rate = DATA_PER_SECOND[speed];
  const from = extent.from - rate / 4;
  return { from, to: Math.max(from + MIN_SPAN, extent.from + rate) };
}

/**
 * The run that Play starts. Sliding starts from the current window; when that window has already
 * reached the end of the data, from the data's start with the same width (as a video at its end
 * starts over). Cumulative starts from the data's start.
 */
export function beginRun(mode: PlaybackMode, speed: PlaybackSpeed, current: TimeWindow, extent: TimeWindow): PlaybackRun {
  if (mode === 'cumulative') return { mode, speed, origin: cumulativeStart(speed, extent), extent };
  const run: PlaybackRun = { mode, speed, origin: current, extent };
  return runDuration(run) > 0 ? run : { ...run, origin: slidingStart(current.to - current.from, extent) };
}

/**
 * The run after a change of speed or mode while playing. A new speed carries on from the current
 * window; switching to cumulative goes back to the data's start (its window always begins there).
 */
export function changeRun(run: PlaybackRun, mode: PlaybackMode, speed: PlaybackSpeed, current: TimeWindow): PlaybackRun {
  if (mode === 'cumulative' && run.mode !== 'cumulative') return beginRun(mode, speed, current, run.extent);
  return { mode, speed, origin: current, extent: run.extent };
}

/** The run that follows a finished one when looping: again from the data's start. */
export function loopRun(run: PlaybackRun): PlaybackRun {
  if (run.mode === 'cumulative') return { ...run, origin: cumulativeStart(run.speed, run.extent) };
  return { ...run, origin: slidingStart(run.origin.to - run.origin.from, run.extent) };
}
