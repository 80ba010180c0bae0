// Engine-agnostic parts of the map's answer: the grid's size (mercatorCell's), the cells from the
// (col, row, type, count) rows an engine's GROUP BY gives, and the view's limits.
import { EVENT_TYPES } from '../src/model/taxonomy.ts';
import { mercatorX, mercatorY, worldPixels } from '../src/layout/mercator.ts';
import type { MapCell, MapRequest } from './engine.ts';

/** Cells across the world at the request's zoom: worldPixels(floor(zoom)) / cell, as mercatorCell counts them. */
export function mapCellCount(map: Pick<MapRequest, 'zoom' | 'cell'>): number {
  return worldPixels(Math.floor(map.zoom)) / map.cell;
}

/** How many cells of the grid the view's box spans (columns × rows, whole cells): what bounds the answer's size. */
export function viewCellSpan(map: MapRequest): number {
  const cells = mapCellCount(map);
  const cols = Math.floor(mercatorX(map.view.east) * cells) - Math.floor(mercatorX(map.view.west) * cells) + 1;
  const rows = Math.floor(mercatorY(map.view.south) * cells) - Math.floor(mercatorY(map.view.north) * cells) + 1;
  return cols * rows;
}

/**
 * The cells of the grid from per-type counts: each cell's events and its most frequent type (as
 * an index in EVENT_TYPES; ties go to the type first in the taxonomy), ordered by row, then column.
 */
export function mapCellsOf(rows: readonly { col: number; row: number; type: string; n: number }[]): MapCell[] {
  const byCell = new Map<string, MapCell>();
  const best = new Map<string, number>();
  for (const { col, row, type, n } of rows) {
    const key = `${col},${row}`;
    const t = EVENT_TYPES.indexOf(type as (typeof EVENT_TYPES)[number]);
    const cell = byCell.get(key) ?? [col, row, 0, t];
    cell[2] += n;
    const top = best.get(key) ?? -1;
    if (n > top || (n === top && t < cell[3])) {
      best.set(key, n);
      cell[3] = t;
    }
    byCell.set(key, cell);
  }
  return [...byCell.values()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}
