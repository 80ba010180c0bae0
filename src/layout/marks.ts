// The timeline's layout: (table, visible rows, time window, size) → positioned marks, bars,
// clusters and labels. Pure: no DOM, no canvas; text width comes from the `measure` argument.
//
// Guarantees, per lane: marks that would overlap merge into a cluster with a count; labels never
// overlap each other or another mark (they are shortened with an ellipsis, or dropped).
import type { EventTable } from '../table/eventTable.ts';
import type { LaneAssignment, LaneDef } from './lanes.ts';

export const MARK_RADIUS = 6;
export const CLUSTER_RADIUS = 8;
export const ROW_HEIGHT = 24;
export const BAR_HEIGHT = 14;
/** Points closer than this (in px, from a group's first point) merge into one cluster. */
export const CLUSTER_SPAN = 2 * (2 * CLUSTER_RADIUS + 2);
const GAP = 3;
const LABEL_OFFSET = 5;
const MAX_LABEL = 220;
const MIN_LABEL = 28;

export type MarkKind = 'point' | 'bar' | 'cluster';

export interface TimelineMark {
  kind: MarkKind;
  /** The event rows behind this mark: one for a point or bar, several for a cluster. */
  rows: number[];
  lane: number;
  /** Which row of its lane the mark sits in (0 = top). */
  laneRow: number;
  /** Centre of a point or cluster; left end of a bar (may lie outside the plot when clipped). */
  x: number;
  /** Right end of a bar; equal to x otherwise. */
  x2: number;
  y: number;
  radius: number;
  /** Index into EVENT_TYPES of the first row; clusters of mixed types are drawn neutral. */
  typeIndex: number;
  mixedTypes: boolean;
  label: string | null;
  labelX: number;
  labelWidth: number;
  labelInside: boolean;
  /** The span (px) a point's imprecise time covers, when it is wide enough to show. */
  uncertainty: readonly [number, number] | null;
}

export interface PlacedLane extends LaneDef {
  y: number;
  height: number;
  rowCount: number;
}

/** A lane with too many events in the window to mark each one: its counts per bin of pixels. */
export interface LaneDensity {
  lane: number;
  /** Events starting in the window. */
  total: number;
  counts: Uint32Array;
  /** The width of a bin in px; bin b covers [b × binWidth, (b + 1) × binWidth). */
  binWidth: number;
  /** The window's start and the span of one bin, in UTC ms, for hover and zoom. */
  from: number;
  binSpan: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  lanes: PlacedLane[];
  marks: TimelineMark[];
  /** Lanes drawn as densities instead of marks (zoomed out over many events). */
  densities: LaneDensity[];
}

export interface LayoutInput {
  table: EventTable;
  /** Visible, filtered rows in time order. */
  rows: ArrayLike<number>;
  lanes: LaneAssignment;
  from: number;
  to: number;
  width: number;
  height: number;
  labelOf(row: number): string;
  /** The label beside a cluster of `count` events ("3 events"), in the UI language. */
  clusterLabelOf?(count: number): string;
  measure(text: string): number;
  /** The span an imprecise start covers, in UTC ms; omit for none. */
  uncertaintyOf?(row: number): readonly [number, number] | null;
}

export function placeLanes(lanes: readonly LaneDef[], height: number): PlacedLane[] {
  const laneHeight = lanes.length ? Math.max(ROW_HEIGHT + 4, Math.floor(height / lanes.length)) : 0;
  const rowCount = Math.max(1, Math.floor((laneHeight - 4) / ROW_HEIGHT));
  return lanes.map((lane, i) => ({ ...lane, y: i * laneHeight, height: laneHeight, rowCount }));
}

/**
 * The longest start of `text`, with an ellipsis, that fits `width` px; the text itself when it
 * fits; null when fewer than `minChars` characters would show. Shared by labels on screen and in
 * exported images.
 */
export function shortenToFit(text: string, width: number, measure: (s: string) => number, minChars = 1): string | null {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo < minChars ? null : `${text.slice(0, lo).trimEnd()}…`;
}

/** Shortens text with an ellipsis to fit `width` px, or returns null when too little would show. */
export function fitLabel(text: string, width: number, measure: (s: string) => number): { text: string; width: number } | null {
  if (width < MIN_LABEL) return null;
  const fitted = shortenToFit(text, width, measure, 2);
  return fitted === null ? null : { text: fitted, width: measure(fitted) };
}

interface Candidate {
  kind: MarkKind;
  rows: number[];
  x: number;
  x2: number;
  radius: number;
  uncertainty: readonly [number, number] | null;
}

/** Groups a lane's points into clusters and keeps bars wide enough to read as bars. */
function candidatesOf(laneRows: readonly number[], input: LayoutInput, xOf: (t: number) => number): Candidate[] {
  const out: Candidate[] = [];
  let group: number[] = [];
  let groupStart = 0;
  let groupEnd = 0;
  const flush = () => {
    if (!group.length) return;
    const single = group.length === 1;
    const row = group[0]!;
    const span = single ? input.uncertaintyOf?.(row) : null;
    const ux0 = span ? xOf(span[0]) : 0;
    const ux1 = span ? xOf(span[1]) : 0;
    const x = (groupStart + groupEnd) / 2;
    out.push({
      kind: single ? 'point' : 'cluster',
      rows: group,
      x,
      x2: x,
      radius: single ? MARK_RADIUS : CLUSTER_RADIUS,
      uncertainty: span && ux1 - ux0 > 2 * MARK_RADIUS + 2 ? [ux0, ux1] : null,
    });
    group = [];
  };
  for (const row of laneRows) {
    const x = xOf(input.table.start[row]!);
    const x2 = xOf(input.table.end[row]!);
    if (x2 - x >= 2 * MARK_RADIUS) {
      out.push({ kind: 'bar', rows: [row], x: Math.max(x, -MARK_RADIUS * 2), x2: Math.min(x2, input.width + MARK_RADIUS * 2), radius: BAR_HEIGHT / 2, uncertainty: null });
      continue;
    }
    if (group.length && x - groupStart < CLUSTER_SPAN) {
      group.push(row);
      groupEnd = x;
    } else {
      flush();
      group = [row];
      groupStart = x;
      groupEnd = x;
    }
  }
  flush();
  return out.sort((a, b) => a.x - a.radius - (b.x - b.radius));
}

interface RowState {
  markEnd: number;
  labelEnd: number;
  last: TimelineMark | null;
  /** The mark reaching furthest right (a bar, when one blocks the row). */
  widest: TimelineMark | null;
}

export function layoutTimeline(input: LayoutInput): TimelineLayout {
  const { table, width, height } = input;
  const lanes = placeLanes(input.lanes.lanes, height);
  const span = Math.max(1, input.to - input.from);
  const xOf = (t: number) => ((t - input.from) / span) * width;
  const rowsByLane: number[][] = lanes.map(() => []);
  for (let i = 0; i < input.rows.length; i++) {
    const row = input.rows[i]!;
    for (const lane of input.lanes.lanesOf(row)) rowsByLane[lane]?.push(row);
  }
  const marks: TimelineMark[] = [];
  lanes.forEach((lane, laneIndex) => {
    const state: RowState[] = Array.from({ length: lane.rowCount }, () => ({ markEnd: -Infinity, labelEnd: -Infinity, last: null, widest: null }));
    for (const c of candidatesOf(rowsByLane[laneIndex]!, input, xOf)) {
      const markStart = c.x - c.radius;
      const markEnd = c.kind === 'bar' ? c.x2 : c.x + c.radius;
      // 1. a row with room for mark and label; 2. a row with room for the mark once the previous
      // label there is shortened; 3. the row whose marks end first (only a bar can block a row).
      let rowIndex = state.findIndex((s) => s.labelEnd + GAP <= markStart);
      if (rowIndex < 0) {
        let best = -1;
        state.forEach((s, i) => {
          if (s.markEnd + GAP <= markStart && (best < 0 || s.markEnd < state[best]!.markEnd)) best = i;
        });
        rowIndex = best;
      }
      // Only a bar can block every row; then the mark goes over it, without a label.
      const blocked = rowIndex < 0;
      if (blocked) rowIndex = state.reduce((best, s, i) => (s.markEnd < state[best]!.markEnd ? i : best), 0);
      const row = state[rowIndex]!;
      if (row.last && row.labelEnd + GAP > markStart) shortenLabel(row.last, markStart - GAP, input.measure, blocked);
      // Drawn over a bar: the bar's own label must stop before this mark.
      if (blocked && row.widest && row.widest !== row.last) shortenLabel(row.widest, markStart - GAP, input.measure, true);
      const rows = c.rows;
      const typeIndex = table.type[rows[0]!]!;
      const mixedTypes = rows.some((r) => table.type[r] !== typeIndex);
      const mark: TimelineMark = {
        kind: c.kind,
        rows,
        lane: laneIndex,
        laneRow: rowIndex,
        x: c.x,
        x2: c.x2,
        y: lane.y + 2 + rowIndex * ROW_HEIGHT + ROW_HEIGHT / 2,
        radius: c.radius,
        typeIndex,
        mixedTypes,
        label: null,
        labelX: 0,
        labelWidth: 0,
        labelInside: false,
        uncertainty: c.uncertainty,
      };
      const text = blocked ? '' : c.kind === 'cluster' ? (input.clusterLabelOf?.(rows.length) ?? `${rows.length} events`) : input.labelOf(rows[0]!);
      const barWidth = c.x2 - c.x;
      const inside = c.kind === 'bar' && text ? fitLabel(text, Math.min(barWidth, width) - 2 * LABEL_OFFSET, input.measure) : null;
      if (inside && inside.text === text) {
        mark.label = text;
        mark.labelInside = true;
        mark.labelX = Math.max(c.x, 0) + LABEL_OFFSET;
        mark.labelWidth = inside.width;
      } else {
        const fitted = text ? fitLabel(text, Math.min(MAX_LABEL, width - markEnd - LABEL_OFFSET), input.measure) : null;
        if (fitted) {
          mark.label = fitted.text;
          mark.labelX = markEnd + LABEL_OFFSET;
          mark.labelWidth = fitted.width;
        } else if (inside) {
          mark.label = inside.text;
          mark.labelInside = true;
          mark.labelX = Math.max(c.x, 0) + LABEL_OFFSET;
          mark.labelWidth = inside.width;
        }
      }
      if (markEnd > row.markEnd) row.widest = mark;
      row.markEnd = Math.max(row.markEnd, markEnd);
      row.labelEnd = Math.max(row.markEnd, mark.label && !mark.labelInside ? mark.labelX + mark.labelWidth : markEnd);
      row.last = mark;
      marks.push(mark);
    }
  });
  return { width, height, lanes, marks, densities: [] };
}

function shortenLabel(mark: TimelineMark, rightLimit: number, measure: (s: string) => number, insideToo = false) {
  if (!mark.label || (mark.labelInside && !insideToo)) return;
  if (mark.labelX + mark.labelWidth <= rightLimit) return;
  const fitted = fitLabel(mark.label, rightLimit - mark.labelX, measure);
  mark.label = fitted?.text ?? null;
  mark.labelWidth = fitted?.width ?? 0;
}

/** The right edge of what a mark occupies: its label when outside, else the mark itself. */
export function markExtent(mark: TimelineMark): { x0: number; x1: number } {
  const x0 = mark.x - mark.radius;
  const markEnd = mark.kind === 'bar' ? mark.x2 : mark.x + mark.radius;
  return { x0, x1: mark.label && !mark.labelInside ? mark.labelX + mark.labelWidth : markEnd };
}
