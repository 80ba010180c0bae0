// The map's layout: (world points, rows in view, frame) → marks, or a density grid when too many
// events are in view to mark each. Pure, and O(rows in the window): typed arrays in, plain arrays out.
//
// Precision is drawn honestly: an event placed only to a district, region or country is an area
// (a disc about the size of such a place), never a pin; one placed "near" a point gets a soft ring.
import { GEO_PRECISIONS, type GeoPrecision } from '../model/schema.ts';
import { latOfMercatorY } from './mercator.ts';
import { geoPrecisionCode } from '../table/eventTable.ts';
import type { WorldPoints } from './mapWorld.ts';
import { metresPerPixel, type MapFrame } from './mapView.ts';

export const MAP_MARK_RADIUS = 6;
export const MAP_CLUSTER_RADIUS = 10;
/** Points whose marks would come closer than this (px) merge into one counted mark. */
export const MAP_CLUSTER_SPAN = 14;
/** Above this many events in view, the map draws a density grid instead of marks. */
export const MAP_MARK_LIMIT = 2000;
/** A density cell's width at an integer zoom (the data server's cells are the same). */
export const MAP_CELL_PIXELS = 16;

/**
 * About how far from its coordinates an event of each precision may lie, in metres: the radius
 * drawn. "near" is ACLED's "within about 25 km"; the areas are typical sizes, not boundaries.
 */
export const PRECISION_RADIUS_M: Readonly<Record<GeoPrecision, number>> = {
  point: 0,
  near: 25_000,
  district: 30_000,
  region: 120_000,
  country: 350_000,
};

const NEAR = geoPrecisionCode('near');
const AREA_FROM = geoPrecisionCode('district');

export type MapMarkKind = 'point' | 'cluster' | 'area';

export interface MapMark {
  kind: MapMarkKind;
  /** The rows behind the mark: one for a point or area, several for a cluster. */
  rows: number[];
  x: number;
  y: number;
  /** The mark's radius in px (its shape, or a cluster's circle). */
  radius: number;
  /** How far the place may be off, in px: an area's disc or a "near" point's ring; 0 for none. */
  spread: number;
  typeIndex: number;
  mixedTypes: boolean;
}

export interface MapCell {
  /** Top-left corner on screen and width in px. */
  x: number;
  y: number;
  size: number;
  count: number;
  /** The type with most events in the cell (index into EVENT_TYPES). */
  typeIndex: number;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Areas first, then points and clusters (drawn in this order: pins over areas). */
  marks: MapMark[];
  /** The density grid, when too many events are in view for marks (marks is then empty). */
  cells: MapCell[];
  maxCellCount: number;
  /** Events in view with coordinates (on screen). */
  inView: number;
  /** When the grid came from a WorldGrid: inView counts the events of every cell the view touches. */
  approximate?: boolean;
  /** Events in the window that have no coordinates, so are not on the map. */
  unplaced: number;
}

export interface MapLayoutInput {
  world: WorldPoints;
  /** The precision column (0 = not stated; see geoPrecisionCode). */
  precision: Uint8Array;
  type: Uint8Array;
  /** The rows to place: those in the timeline's window that pass the filters. */
  rows: ArrayLike<number>;
  frame: MapFrame;
  markLimit?: number;
  /** The rows' counts per cell at floor(frame.zoom) (worldGrid), when the caller keeps them: the grid is then read from it, not from the rows. */
  grid?: WorldGrid | null;
}

/** How many rows lie on screen (with a margin), and how many have no coordinates. A hot loop: locals only. */
export function countInView(world: WorldPoints, rows: ArrayLike<number>, frame: MapFrame, margin: number): { inView: number; unplaced: number } {
  const xs = world.x;
  const ys = world.y;
  const px = frame.worldPx;
  const x0 = frame.left - margin;
  const y0 = frame.top - margin;
  const x1 = frame.left + frame.width + margin;
  const y1 = frame.top + frame.height + margin;
  const n = rows.length;
  let inView = 0;
  let unplaced = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const wx = xs[row]! * px;
    // NaN (no coordinates) fails every comparison.
    if (wx >= x0 && wx <= x1) {
      const wy = ys[row]! * px;
      if (wy >= y0 && wy <= y1) inView++;
    } else if (wx !== wx) unplaced++;
  }
  return { inView, unplaced };
}

/** The spread of a precision (column code) in px at the point's latitude (world units). */
export function spreadPx(code: number, worldY: number, frame: MapFrame): number {
  const precision = GEO_PRECISIONS[code - 1];
  if (!precision || precision === 'point') return 0;
  return PRECISION_RADIUS_M[precision] / metresPerPixel(frame.zoom, latOfMercatorY(worldY));
}

export function layoutMap(input: MapLayoutInput): MapLayout {
  const { world, precision, type, rows, frame } = input;
  const { width, height } = frame;
  const margin = MAP_CLUSTER_RADIUS;
  const x0 = frame.left - margin;
  const y0 = frame.top - margin;
  const x1 = frame.left + width + margin;
  const y1 = frame.top + height + margin;
  // Panning over many events: the cells kept for this zoom level, read for the view's part only.
  if (input.grid && input.grid.level === Math.floor(frame.zoom)) {
    const seen = gridInFrame(input.grid, frame);
    if (seen.inView > (input.markLimit ?? MAP_MARK_LIMIT)) return { width, height, marks: [], cells: seen.cells, maxCellCount: seen.maxCellCount, inView: seen.inView, approximate: true, unplaced: input.grid.unplaced };
  }
  // First only count (no allocation per row): the count decides marks or grid.
  const { inView, unplaced } = countInView(world, rows, frame, margin);
  if (inView > (input.markLimit ?? MAP_MARK_LIMIT)) {
    const { cells, maxCellCount } = densityGrid(world, type, rows, frame);
    return { width, height, marks: [], cells, maxCellCount, inView, unplaced };
  }
  const onScreen: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const wx = world.x[row]! * frame.worldPx;
    const wy = world.y[row]! * frame.worldPx;
    if (wx >= x0 && wx <= x1 && wy >= y0 && wy <= y1) onScreen.push(row);
  }
  const areas: MapMark[] = [];
  const pins: MapMark[] = [];
  // Greedy merging over a hash of screen buckets: a point joins the first mark within the span.
  const buckets = new Map<number, MapMark[]>();
  const key = (bx: number, by: number) => bx * 100_003 + by;
  for (const row of onScreen) {
    const x = world.x[row]! * frame.worldPx - frame.left;
    const y = world.y[row]! * frame.worldPx - frame.top;
    const code = precision[row]!;
    const t = type[row]!;
    if (code >= AREA_FROM) {
      areas.push({ kind: 'area', rows: [row], x, y, radius: MAP_MARK_RADIUS, spread: Math.max(spreadPx(code, world.y[row]!, frame), MAP_MARK_RADIUS + 6), typeIndex: t, mixedTypes: false });
      continue;
    }
    const bx = Math.floor(x / MAP_CLUSTER_SPAN);
    const by = Math.floor(y / MAP_CLUSTER_SPAN);
    let joined: MapMark | null = null;
    for (let dx = -1; dx <= 1 && !joined; dx++) {
      for (let dy = -1; dy <= 1 && !joined; dy++) {
        for (const mark of buckets.get(key(bx + dx, by + dy)) ?? []) {
          if (Math.abs(mark.x - x) < MAP_CLUSTER_SPAN && Math.abs(mark.y - y) < MAP_CLUSTER_SPAN) {
            joined = mark;
            break;
          }
        }
      }
    }
    if (joined) {
      joined.rows.push(row);
      joined.kind = 'cluster';
      joined.radius = MAP_CLUSTER_RADIUS;
      if (t !== joined.typeIndex) joined.mixedTypes = true;
      if (code === NEAR) joined.spread = Math.max(joined.spread, spreadPx(code, world.y[row]!, frame));
      continue;
    }
    const mark: MapMark = { kind: 'point', rows: [row], x, y, radius: MAP_MARK_RADIUS, spread: code === NEAR ? spreadPx(code, world.y[row]!, frame) : 0, typeIndex: t, mixedTypes: false };
    pins.push(mark);
    const list = buckets.get(key(bx, by));
    if (list) list.push(mark);
    else buckets.set(key(bx, by), [mark]);
  }
  // The largest areas underneath, so that a small one stays visible over a large one.
  areas.sort((a, b) => b.spread - a.spread);
  return { width, height, marks: [...areas, ...pins], cells: [], maxCellCount: 0, inView, unplaced };
}

/**
 * Counts per cell of mercatorCell's grid at the integer zoom below the frame's, with cells
 * MAP_CELL_PIXELS wide there: the same cells as the data server counts. The grid is indexed over
 * the screen's cells only (a typed array, no map per row).
 */
export function densityGrid(world: WorldPoints, type: Uint8Array, rows: ArrayLike<number>, frame: MapFrame): { cells: MapCell[]; maxCellCount: number } {
  const cellsAcross = 2 ** Math.floor(frame.zoom) * (256 / MAP_CELL_PIXELS);
  const size = frame.worldPx / cellsAcross;
  const col0 = Math.floor(frame.left / size) - 1;
  const row0 = Math.floor(frame.top / size) - 1;
  const cols = Math.ceil(frame.width / size) + 3;
  const lines = Math.ceil(frame.height / size) + 3;
  const counts = new Uint32Array(cols * lines);
  const typeCounts = new Uint32Array(cols * lines * 16);
  const xs = world.x;
  const ys = world.y;
  const last = cellsAcross - 1;
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    // NaN (no coordinates) gives NaN here, which fails the bounds test below.
    const c = Math.min(last, Math.floor(xs[row]! * cellsAcross)) - col0;
    if (!(c >= 0 && c < cols)) continue;
    const r = Math.min(last, Math.floor(ys[row]! * cellsAcross)) - row0;
    if (!(r >= 0 && r < lines)) continue;
    const at = r * cols + c;
    counts[at]!++;
    typeCounts[at * 16 + (type[row]! & 15)]!++;
  }
  return screenCells(counts, typeCounts, { col0, row0, cols, size }, frame);
}

/** The grid's non-empty cells on screen, each with its commonest type (typeCounts: 16 per cell). */
function screenCells(counts: Uint32Array, typeCounts: Uint32Array, grid: { col0: number; row0: number; cols: number; size: number }, frame: MapFrame): { cells: MapCell[]; maxCellCount: number } {
  const { col0, row0, cols, size } = grid;
  const cells: MapCell[] = [];
  let maxCellCount = 0;
  for (let at = 0; at < counts.length; at++) {
    const count = counts[at]!;
    if (!count) continue;
    let typeIndex = 0;
    for (let t = 1; t < 16; t++) if (typeCounts[at * 16 + t]! > typeCounts[at * 16 + typeIndex]!) typeIndex = t;
    const c = (at % cols) + col0;
    const r = Math.floor(at / cols) + row0;
    cells.push({ x: c * size - frame.left, y: r * size - frame.top, size, count, typeIndex });
    maxCellCount = Math.max(maxCellCount, count);
  }
  return { cells, maxCellCount };
}

/** The mark under (x, y): the nearest pin within its radius, else the smallest area containing it. */
export function mapHitTest(layout: MapLayout, x: number, y: number): MapMark | null {
  let best: MapMark | null = null;
  let bestDistance = Infinity;
  for (const mark of layout.marks) {
    const d = Math.hypot(mark.x - x, mark.y - y);
    if (mark.kind === 'area') continue;
    if (d <= mark.radius + 3 && d < bestDistance) {
      best = mark;
      bestDistance = d;
    }
  }
  if (best) return best;
  let smallest = Infinity;
  for (const mark of layout.marks) {
    if (mark.kind !== 'area') continue;
    if (Math.hypot(mark.x - x, mark.y - y) <= mark.spread && mark.spread < smallest) {
      best = mark;
      smallest = mark.spread;
    }
  }
  return best;
}

export function mapCellAt(layout: MapLayout, x: number, y: number): MapCell | null {
  return layout.cells.find((c) => x >= c.x && x < c.x + c.size && y >= c.y && y < c.y + c.size) ?? null;
}

/**
 * The rows' counts per cell of mercatorCell's grid at zoom `level` (cells MAP_CELL_PIXELS wide
 * there, as densityGrid counts them), with each cell's commonest type, over the box of cells the
 * rows occupy. It does not depend on where the map looks, so a renderer keeps one per level and a
 * pan reads the view's cells instead of every row. Null when that box would exceed `maxCells`
 * (events spread over the world at a high zoom): the rows are then counted per frame.
 */
export interface WorldGrid {
  level: number;
  cellsAcross: number;
  col0: number;
  row0: number;
  cols: number;
  lines: number;
  counts: Uint32Array;
  types: Uint8Array;
  /** Rows without coordinates. */
  unplaced: number;
}

export function worldGrid(world: WorldPoints, type: Uint8Array, rows: ArrayLike<number>, level: number, maxCells = 1 << 18): WorldGrid | null {
  const cellsAcross = 2 ** level * (256 / MAP_CELL_PIXELS);
  const last = cellsAcross - 1;
  const xs = world.x;
  const ys = world.y;
  const n = rows.length;
  let c0 = Infinity;
  let c1 = -Infinity;
  let r0 = Infinity;
  let r1 = -Infinity;
  let unplaced = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const x = xs[row]!;
    if (x !== x) {
      unplaced++;
      continue;
    }
    const c = Math.min(last, Math.floor(x * cellsAcross));
    const r = Math.min(last, Math.floor(ys[row]! * cellsAcross));
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
  }
  if (c0 > c1) return { level, cellsAcross, col0: 0, row0: 0, cols: 0, lines: 0, counts: new Uint32Array(0), types: new Uint8Array(0), unplaced };
  const cols = c1 - c0 + 1;
  const lines = r1 - r0 + 1;
  if (cols * lines > maxCells) return null;
  const counts = new Uint32Array(cols * lines);
  const typeCounts = new Uint32Array(cols * lines * 16);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const x = xs[row]!;
    if (x !== x) continue;
    const at = (Math.min(last, Math.floor(ys[row]! * cellsAcross)) - r0) * cols + (Math.min(last, Math.floor(x * cellsAcross)) - c0);
    counts[at]!++;
    typeCounts[at * 16 + (type[row]! & 15)]!++;
  }
  const types = new Uint8Array(cols * lines);
  for (let at = 0; at < counts.length; at++) {
    if (!counts[at]) continue;
    let best = 0;
    for (let t = 1; t < 16; t++) if (typeCounts[at * 16 + t]! > typeCounts[at * 16 + best]!) best = t;
    types[at] = best;
  }
  return { level, cellsAcross, col0: c0, row0: r0, cols, lines, counts, types, unplaced };
}

/** The grid's cells that the frame shows (as densityGrid places them), and their events. */
export function gridInFrame(grid: WorldGrid, frame: MapFrame): { cells: MapCell[]; maxCellCount: number; inView: number } {
  const size = frame.worldPx / grid.cellsAcross;
  const cFrom = Math.max(grid.col0, Math.floor(frame.left / size));
  const cTo = Math.min(grid.col0 + grid.cols - 1, Math.floor((frame.left + frame.width) / size));
  const rFrom = Math.max(grid.row0, Math.floor(frame.top / size));
  const rTo = Math.min(grid.row0 + grid.lines - 1, Math.floor((frame.top + frame.height) / size));
  const cells: MapCell[] = [];
  let maxCellCount = 0;
  let inView = 0;
  for (let r = rFrom; r <= rTo; r++) {
    for (let c = cFrom; c <= cTo; c++) {
      const at = (r - grid.row0) * grid.cols + (c - grid.col0);
      const count = grid.counts[at]!;
      if (!count) continue;
      cells.push({ x: c * size - frame.left, y: r * size - frame.top, size, count, typeIndex: grid.types[at]! });
      if (count > maxCellCount) maxCellCount = count;
      inView += count;
    }
  }
  return { cells, maxCellCount, inView };
}

/** The rows of a time window as rowsInWindow reads them (rows lo…hi−1 that end at `from` or later and pass the mask), without listing them. */
export interface WindowSpan {
  end: Float64Array;
  mask: Uint8Array | null;
  lo: number;
  hi: number;
  from: number;
}

/**
 * The density grid of the window's rows, and how many are in view, in one pass over the rows
 * without listing them first: what a map needs when the timeline's window moves every frame over
 * many events. The same cells, counts and types as densityGrid, the same counts as countInView.
 * Null when no more than `markLimit` are in view: the caller then places marks from the rows.
 */
export function layoutWindowGrid(world: WorldPoints, type: Uint8Array, span: WindowSpan, frame: MapFrame, markLimit = MAP_MARK_LIMIT): MapLayout | null {
  const { width, height } = frame;
  const xs = world.x;
  const ys = world.y;
  const { end, mask, lo, hi, from } = span;
  const px = frame.worldPx;
  const margin = MAP_CLUSTER_RADIUS;
  const x0 = frame.left - margin;
  const y0 = frame.top - margin;
  const x1 = frame.left + width + margin;
  const y1 = frame.top + height + margin;
  // The grid as densityGrid lays it: the screen's cells and one more all round.
  const cellsAcross = 2 ** Math.floor(frame.zoom) * (256 / MAP_CELL_PIXELS);
  const size = px / cellsAcross;
  const col0 = Math.floor(frame.left / size) - 1;
  const row0 = Math.floor(frame.top / size) - 1;
  const cols = Math.ceil(width / size) + 3;
  const lines = Math.ceil(height / size) + 3;
  const counts = new Uint32Array(cols * lines);
  const typeCounts = new Uint32Array(cols * lines * 16);
  const last = cellsAcross - 1;
  let inView = 0;
  let unplaced = 0;
  for (let row = lo; row < hi; row++) {
    if (end[row]! < from || (mask !== null && mask[row] !== 1)) continue;
    const x = xs[row]!;
    if (x !== x) {
      unplaced++;
      continue;
    }
    const y = ys[row]!;
    const wx = x * px;
    const wy = y * px;
    if (wx >= x0 && wx <= x1 && wy >= y0 && wy <= y1) inView++;
    const c = Math.min(last, Math.floor(x * cellsAcross)) - col0;
    if (!(c >= 0 && c < cols)) continue;
    const r = Math.min(last, Math.floor(y * cellsAcross)) - row0;
    if (!(r >= 0 && r < lines)) continue;
    const at = r * cols + c;
    counts[at]!++;
    typeCounts[at * 16 + (type[row]! & 15)]!++;
  }
  if (inView <= markLimit) return null;
  const { cells, maxCellCount } = screenCells(counts, typeCounts, { col0, row0, cols, size }, frame);
  return { width, height, marks: [], cells, maxCellCount, inView, unplaced };
}
