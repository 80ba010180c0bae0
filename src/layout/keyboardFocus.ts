// Keyboard focus on the timeline: which event the arrow keys, Home and End lead to. Pure: it reads
// the lane index (per lane, the rows that pass the filters, in time order) and returns a position.
import { lowerBound, type EventTable } from '../table/eventTable.ts';
import type { LaneIndex } from './laneIndex.ts';

/** An event in a lane: an event with two actors sits in two actor lanes, so the lane is part of it. */
export interface EventFocus {
  row: number;
  lane: number;
}

/** Where `row` sits in its lane's list, or −1 when the lane does not hold it (filtered out). */
export function positionInLane(index: LaneIndex, table: EventTable, focus: EventFocus): number {
  const rows = index.rows[focus.lane];
  const starts = index.starts[focus.lane];
  if (!rows || !starts) return -1;
  // Rows are sorted by time and numbered in time order: search by start, then step over equal starts.
  for (let i = lowerBound(starts, table.start[focus.row]!); i < rows.length && starts[i] === table.start[focus.row]; i++) {
    if (rows[i] === focus.row) return i;
  }
  return -1;
}

/** The previous (−1) or next (+1) event in time in the same lane; null at either end. */
export function stepInTime(index: LaneIndex, table: EventTable, focus: EventFocus, step: -1 | 1): EventFocus | null {
  const at = positionInLane(index, table, focus);
  if (at < 0) return null;
  const row = index.rows[focus.lane]![at + step];
  return row === undefined ? null : { row, lane: focus.lane };
}

/** The event of `lane` nearest in time to `t` (the earlier one on a tie); null when the lane is empty. */
export function nearestInLane(index: LaneIndex, lane: number, t: number): EventFocus | null {
  const rows = index.rows[lane]!;
  const starts = index.starts[lane]!;
  if (rows.length === 0) return null;
  const after = Math.min(lowerBound(starts, t), rows.length - 1);
  const before = Math.max(0, after - 1);
  const pick = Math.abs(starts[before]! - t) <= Math.abs(starts[after]! - t) ? before : after;
  return { row: rows[pick]!, lane };
}

/** The lane above (−1) or below (+1) that has events, at its event nearest in time; null at the edge. */
export function stepLane(index: LaneIndex, table: EventTable, focus: EventFocus, step: -1 | 1): EventFocus | null {
  const t = table.start[focus.row]!;
  for (let lane = focus.lane + step; lane >= 0 && lane < index.rows.length; lane += step) {
    const found = nearestInLane(index, lane, t);
    if (found) return found;
  }
  return null;
}

/** The earliest (first) or latest (last) event of the data that passes the filters, in any lane. */
export function edgeEvent(index: LaneIndex, which: 'first' | 'last'): EventFocus | null {
  let best: EventFocus | null = null;
  let bestStart = which === 'first' ? Infinity : -Infinity;
  index.rows.forEach((rows, lane) => {
    if (rows.length === 0) return;
    const i = which === 'first' ? 0 : rows.length - 1;
    const start = index.starts[lane]![i]!;
    if (which === 'first' ? start < bestStart : start > bestStart) {
      best = { row: rows[i]!, lane };
      bestStart = start;
    }
  });
  return best;
}

/**
 * Where focus lands when it enters the timeline or its event is filtered away: the focused event if
 * its lane still holds it; else the first event in the window; else the event nearest the window.
 */
export function settleFocus(index: LaneIndex, table: EventTable, focus: EventFocus | null, window: { from: number; to: number }): EventFocus | null {
  if (focus && positionInLane(index, table, focus) >= 0) return focus;
  let best: EventFocus | null = null;
  let bestStart = Infinity;
  index.rows.forEach((rows, lane) => {
    const i = lowerBound(index.starts[lane]!, window.from);
    const start = index.starts[lane]![i];
    if (rows[i] !== undefined && start !== undefined && start <= window.to && start < bestStart) {
      best = { row: rows[i]!, lane };
      bestStart = start;
    }
  });
  if (best) return best;
  const centre = (window.from + window.to) / 2;
  let nearest: EventFocus | null = null;
  let distance = Infinity;
  index.rows.forEach((_, lane) => {
    const found = nearestInLane(index, lane, centre);
    if (found && Math.abs(table.start[found.row]! - centre) < distance) {
      nearest = found;
      distance = Math.abs(table.start[found.row]! - centre);
    }
  });
  return nearest;
}
