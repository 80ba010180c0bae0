// How the window moves from one story step to the next: its centre glides and its span grows or
// shrinks by a constant ratio per frame (a zoom looks even that way), on an ease-in-out curve.
// Pure, so that the path is tested without frames or a clock.
import type { TimeWindow } from './window.ts';

/** How long the window takes to move between steps. */
export const STEP_MOVE_MS = 600;

/** Slow out, fast in the middle, slow in: 0 → 0, 0.5 → 0.5, 1 → 1. */
export function easeInOutCubic(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/**
 * The window `elapsed` ms into the move from `from` to `to`: exactly `from` at 0 and exactly `to`
 * once `duration` has passed.
 */
export function windowDuringMove(from: TimeWindow, to: TimeWindow, elapsed: number, duration = STEP_MOVE_MS): TimeWindow {
  if (elapsed <= 0) return from;
  if (elapsed >= duration) return to;
  const k = easeInOutCubic(elapsed / duration);
  const centre0 = (from.from + from.to) / 2;
  const centre1 = (to.from + to.to) / 2;
  const span0 = from.to - from.from;
  const span1 = to.to - to.from;
  const centre = centre0 + (centre1 - centre0) * k;
  const span = span0 * (span1 / span0) ** k;
  return { from: centre - span / 2, to: centre + span / 2 };
}
