// The map's layout from a data server's answer (/api/map), as layoutMap makes it from the page's
// rows: points merged and drawn by precision as the page's are, or the engine's density cells
// placed on screen. Pure; the answer's shape is given here, so layout/ does not import remote/.
import { EVENT_TYPES, type EventType } from '../model/taxonomy.ts';
import type { GeoPrecision } from '../model/schema.ts';
import { geoPrecisionCode } from '../table/eventTable.ts';
import { mercatorX, mercatorY } from './mercator.ts';
import { layoutMap, type MapCell, type MapLayout } from './mapMarks.ts';
import type { MapFrame } from './mapView.ts';

/** A server's map answer, as remote/remoteMap.ts reads it. */
export type ServerMapAnswer = { total: number } & (
  | { kind: 'points'; points: readonly { lon: number; lat: number; type: EventType; precision: GeoPrecision | null }[] }
  | { kind: 'cells'; zoom: number; cell: number; cells: readonly (readonly [number, number, number, number])[] }
);

const TYPE_INDEX = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));

/**
 * The layout of `answer` in `frame`. With points, a mark's `rows` are indexes into
 * answer.points. Cells were counted at the answer's whole zoom: at a fractional zoom they are
 * scaled by 2^(zoom − answer zoom), as the page's own grid is.
 */
export function layoutServerMap(answer: ServerMapAnswer, frame: MapFrame): MapLayout {
  if (answer.kind === 'points') {
    const n = answer.points.length;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const precision = new Uint8Array(n);
    const type = new Uint8Array(n);
    answer.points.forEach((p, i) => {
      x[i] = mercatorX(p.lon);
      y[i] = mercatorY(p.lat);
      precision[i] = geoPrecisionCode(p.precision ?? undefined);
      type[i] = TYPE_INDEX.get(p.type) ?? 0;
    });
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    return layoutMap({ world: { x, y }, precision, type, rows, frame, markLimit: Infinity });
  }
  const size = (answer.cell * frame.worldPx) / (256 * 2 ** answer.zoom);
  const cells: MapCell[] = [];
  let maxCellCount = 0;
  for (const [col, row, count, typeIndex] of answer.cells) {
    const cx = col * size - frame.left;
    const cy = row * size - frame.top;
    if (cx + size < 0 || cy + size < 0 || cx > frame.width || cy > frame.height) continue;
    cells.push({ x: cx, y: cy, size, count, typeIndex });
    maxCellCount = Math.max(maxCellCount, count);
  }
  return { width: frame.width, height: frame.height, marks: [], cells, maxCellCount, inView: answer.total, unplaced: 0 };
}
