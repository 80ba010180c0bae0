// Per lane, the rows that pass the filters, in time order, with their start times beside them.
// Built once per data, filter or lane change; after that a window is a binary search per lane, and
// the density of a lane over any window costs O(bins × log n), whatever the number of events.
import { EVENT_TYPES } from '../model/taxonomy.ts';
import { lowerBound, upperBound, type EventTable } from '../table/eventTable.ts';
import type { LaneAssignment } from './lanes.ts';

export interface LaneIndex {
  /** Rows of lane l, in time order. */
  rows: Uint32Array[];
  /** Start times of those rows, for binary search. */
  starts: Float64Array[];
}

export function buildLaneIndex(table: EventTable, mask: Uint8Array | null, lanes: LaneAssignment): LaneIndex {
  if (lanes.laneOfType) return typeLaneIndex(buildTypeRowsIndex(table, mask), lanes.laneOfType, lanes.lanes.length);
  const n = lanes.lanes.length;
  const counts = new Uint32Array(n);
  for (let row = 0; row < table.size; row++) {
    if (mask && mask[row] !== 1) continue;
    for (const lane of lanes.lanesOf(row)) counts[lane]!++;
  }
  const rows = Array.from(counts, (c) => new Uint32Array(c));
  const starts = Array.from(counts, (c) => new Float64Array(c));
  const filled = new Uint32Array(n);
  for (let row = 0; row < table.size; row++) {
    if (mask && mask[row] !== 1) continue;
    for (const lane of lanes.lanesOf(row)) {
      const at = filled[lane]!++;
      rows[lane]![at] = row;
      starts[lane]![at] = table.start[row]!;
    }
  }
  return { rows, starts };
}

/**
 * Per event type (an index into EVENT_TYPES), the rows that pass `mask`, in time order, read from
 * the type column in two tight passes. Lanes by type are slices of it.
 */
export function buildTypeRowsIndex(table: EventTable, mask: Uint8Array | null): LaneIndex {
  const n = EVENT_TYPES.length;
  const counts = new Uint32Array(n);
  const { type, start, size } = table;
  for (let row = 0; row < size; row++) if (mask === null || mask[row] === 1) counts[type[row]!]!++;
  const rows = Array.from(counts, (c) => new Uint32Array(c));
  const starts = Array.from(counts, (c) => new Float64Array(c));
  const filled = new Uint32Array(n);
  for (let row = 0; row < size; row++) {
    if (mask !== null && mask[row] !== 1) continue;
    const t = type[row]!;
    const at = filled[t]!++;
    rows[t]![at] = row;
    starts[t]![at] = start[row]!;
  }
  return { rows, starts };
}

/** The lane index of lanes by type, from the rows per type (shared, not copied). */
export function typeLaneIndex(perType: LaneIndex, laneOfType: Int16Array, lanes: number): LaneIndex {
  const rows: Uint32Array[] = Array.from({ length: lanes }, () => new Uint32Array(0));
  const starts: Float64Array[] = Array.from({ length: lanes }, () => new Float64Array(0));
  laneOfType.forEach((lane, t) => {
    if (lane < 0) return;
    rows[lane] = perType.rows[t]!;
    starts[lane] = perType.starts[t]!;
  });
  return { rows, starts };
}

/** How many of the lane's rows start within [from, to]. */
export function laneCountInWindow(index: LaneIndex, lane: number, from: number, to: number): number {
  const starts = index.starts[lane]!;
  return upperBound(starts, to) - lowerBound(starts, from);
}

/** The lane's rows that overlap [from, to], in time order (as rowsInWindow, per lane). */
export function laneRowsInWindow(table: EventTable, index: LaneIndex, lane: number, from: number, to: number): Uint32Array {
  const starts = index.starts[lane]!;
  const rows = index.rows[lane]!;
  const lo = lowerBound(starts, from - table.longestDuration);
  const hi = upperBound(starts, to);
  const out = new Uint32Array(Math.max(0, hi - lo));
  let n = 0;
  for (let i = lo; i < hi; i++) if (table.end[rows[i]!]! >= from) out[n++] = rows[i]!;
  return out.subarray(0, n);
}

/** Counts of the lane's rows by start time in each of `bins` equal bins of [from, to). */
export function laneDensity(index: LaneIndex, lane: number, from: number, to: number, bins: number): Uint32Array {
  const starts = index.starts[lane]!;
  const counts = new Uint32Array(Math.max(0, bins));
  if (bins <= 0 || to <= from) return counts;
  const step = (to - from) / bins;
  let left = lowerBound(starts, from);
  for (let b = 0; b < bins; b++) {
    const right = b === bins - 1 ? lowerBound(starts, to) : lowerBound(starts, from + (b + 1) * step);
    counts[b] = right - left;
    left = right;
  }
  return counts;
}
