// A table of when and what alone (see ImportPreview), for the timeline to draw while the import
// worker reads the rest of a large file. It has no actors, places or text: the page shows it
// inert, and replaces it with the full table.
import type { ConflictEvent } from '../model/schema.ts';
import { assembleEventTable, timeOrder, type EventSource, type EventTable, type TableColumns } from './eventTable.ts';

export interface PreviewColumns {
  start: Float64Array;
  end: Float64Array;
  type: Uint8Array;
}

/** Row i of the preview as an event with no text; its id says it is not one yet. */
function placeholderSource(size: number): EventSource {
  const idAt = (i: number) => `preview-${i + 1}`;
  const title = { title: { en: '' }, originalLanguage: 'en' } as const;
  return {
    size,
    idAt,
    eventAt: (i) => ({ id: idAt(i), type: 'other', ...title, start: { at: new Date(0).toISOString(), precision: 'day', tz: 'UTC' }, actors: [], counts: [], claims: [], sources: [], relations: [], tags: [] }) as unknown as ConflictEvent,
    textAt: () => title,
    titleAt: () => title,
  };
}

export function previewTable({ start, end, type }: PreviewColumns): EventTable {
  const size = start.length;
  // Equal starts keep the file's order.
  const order = timeOrder(start, () => 0);
  const columns: TableColumns = {
    order,
    start: new Float64Array(size),
    end: new Float64Array(size),
    type: new Uint8Array(size),
    actorOffset: new Uint32Array(size + 1),
    actorIndex: new Uint32Array(0),
    actorRoles: new Uint16Array(0),
    placeOf: new Int32Array(size).fill(-1),
    places: [],
    lon: new Float64Array(size).fill(NaN),
    lat: new Float64Array(size).fill(NaN),
    geoPrecision: new Uint8Array(size),
    longestDuration: 0,
    maxEnd: -Infinity,
  };
  for (let i = 0; i < size; i++) {
    const e = order[i]!;
    columns.start[i] = start[e]!;
    columns.end[i] = end[e]!;
    columns.type[i] = type[e]!;
    columns.longestDuration = Math.max(columns.longestDuration, end[e]! - start[e]!);
    columns.maxEnd = Math.max(columns.maxEnd, end[e]!);
  }
  return assembleEventTable([], placeholderSource(size), columns);
}

/**
 * Frees a preview's columns once the file's table has replaced it. React keeps the closures of each
 * component's previous render until it renders again, and some of them hold the table they drew:
 * at a million rows the preview would stay behind in memory (60 MB) for no use. Its buffers are
 * moved out (detached), so what still points at it points at empty columns.
 */
export function releasePreviewTable(table: EventTable): void {
  const columns = [table.order, table.start, table.end, table.type, table.actorOffset, table.placeOf, table.lon, table.lat, table.geoPrecision];
  const buffers = [...new Set(columns.map((column) => column.buffer))].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer && buffer.byteLength > 0);
  structuredClone(buffers, { transfer: buffers });
}
