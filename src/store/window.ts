// The visible time window and the limits of zooming: about one hour to about forty years.
import { HOUR, YEAR } from '../model/brand.ts';

export interface TimeWindow {
  from: number;
  to: number;
}

export const MIN_SPAN = HOUR;
export const MAX_SPAN = 40 * YEAR;
/** Instants the timeline may show at all: year 1 to 9999, where ISO 8601 stays four digits. */
const EARLIEST = Date.UTC(1, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** Keeps a window's span within the zoom range, around its centre, and inside the calendar. */
export function clampWindow(w: TimeWindow): TimeWindow {
  const span = w.to - w.from;
  let from = w.from;
  let to = w.to;
  if (!(span >= MIN_SPAN && span <= MAX_SPAN)) {
    const centre = (w.from + w.to) / 2;
    const clamped = Math.min(MAX_SPAN, Math.max(MIN_SPAN, Number.isFinite(span) ? span : MAX_SPAN));
    from = centre - clamped / 2;
    to = centre + clamped / 2;
  }
  if (from < EARLIEST) [from, to] = [EARLIEST, EARLIEST + (to - from)];
  if (to > LATEST) [from, to] = [LATEST - (to - from), LATEST];
  return from === w.from && to === w.to ? w : { from, to };
}

/** Zooms by `factor` (>1 zooms in) keeping the instant at `anchor` (0..1 of the width) in place. */
export function zoomWindow(w: TimeWindow, factor: number, anchor = 0.5): TimeWindow {
  const span = w.to - w.from;
  const pivot = w.from + span * anchor;
  const next = span / factor;
  return clampWindow({ from: pivot - next * anchor, to: pivot + next * (1 - anchor) });
}

export function panWindow(w: TimeWindow, fraction: number): TimeWindow {
  const shift = (w.to - w.from) * fraction;
  return clampWindow({ from: w.from + shift, to: w.to + shift });
}

/** The data's extent with a margin, so that the first and last events are not on the edge. */
export function initialWindow(extent: TimeWindow | null, now = Date.UTC(2022, 0, 1)): TimeWindow {
  if (!extent) return clampWindow({ from: now - 180 * 86_400_000, to: now + 180 * 86_400_000 });
  const span = Math.max(extent.to - extent.from, 2 * 86_400_000);
  // More room on the right, where the last events' labels run.
  return clampWindow({ from: extent.from - span * 0.04, to: extent.to + span * 0.16 });
}
