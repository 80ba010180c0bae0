// "Add to current data" onto a large table: the table with some events added, as buildEventTable
// would give for the table's events followed by the new ones, without building the table's events
// again. At a million packed events, building them all to merge took the page 5 s and 500 MB more
// heap. Here only the added events are indexed; each finds its place among the table's rows by a
// binary search (by time, then id, as timeOrder sorts), and the columns are copied around them.
import type { Actor, ConflictEvent } from '../model/schema.ts';
import { computeColumns, eventsColumnReader, lowerBound, upperBound, type EventTable, type TablePlace } from './eventTable.ts';
import { idLookupOf, type IdLookup } from './idLookup.ts';

/** The number of the table's rows that sort before an event with this start anchor and id (an id the table does not hold). */
function rowsBefore(table: EventTable, anchor: number, id: string): number {
  let lo = lowerBound(table.start, anchor);
  let hi = upperBound(table.start, anchor);
  // Among rows of equal anchor, rows are sorted by id.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.idAt(mid) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `table` with `added` events (ids it does not hold), whose actors are `actors`: the table's
 * actors first, in their order, then any new ones (as mergeInto gives them).
 */
export function appendEvents(table: EventTable, added: readonly ConflictEvent[], actors: readonly Actor[]): EventTable {
  const b = computeColumns(eventsColumnReader(added), actors);
  const sizeA = table.size;
  const sizeB = added.length;
  const size = sizeA + sizeB;
  const addedId = (j: number) => added[b.order[j]!]!.id;
  // Each merged row's origin: a row of the table (r ≥ 0), or the added row j as ~j.
  const origin = new Int32Array(size);
  const rowOfA = new Uint32Array(sizeA);
  const rowOfB = new Uint32Array(sizeB);
  let r = 0;
  let row = 0;
  for (let j = 0; j < sizeB; j++) {
    const before = Math.max(r, rowsBefore(table, b.start[j]!, addedId(j)));
    for (; r < before; r++, row++) rowOfA[(origin[row] = r)] = row;
    origin[row] = ~j;
    rowOfB[j] = row++;
  }
  for (; r < sizeA; r++, row++) rowOfA[(origin[row] = r)] = row;

  // The added events' places: one already in the table keeps its index; new ones follow.
  const places: TablePlace[] = table.places.slice();
  const placeAt = new Map(places.map((p, i) => [p.key, i]));
  const placeOfB = b.places.map((p) => {
    let at = placeAt.get(p.key);
    if (at === undefined) placeAt.set(p.key, (at = places.push(p) - 1));
    return at;
  });

  const start = new Float64Array(size);
  const end = new Float64Array(size);
  const type = new Uint8Array(size);
  const placeOf = new Int32Array(size);
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);
  const geoPrecision = new Uint8Array(size);
  const order = new Uint32Array(size);
  const actorOffset = new Uint32Array(size + 1);
  const refs = table.actorOffset[sizeA]! + b.actorOffset[sizeB]!;
  const actorIndex = new Uint32Array(refs);
  const actorRoles = new Uint16Array(refs);
  let ref = 0;
  for (let i = 0; i < size; i++) {
    const at = origin[i]!;
    const from = at >= 0 ? table : b;
    const k = at >= 0 ? at : ~at;
    start[i] = from.start[k]!;
    end[i] = from.end[k]!;
    type[i] = from.type[k]!;
    lon[i] = from.lon[k]!;
    lat[i] = from.lat[k]!;
    geoPrecision[i] = from.geoPrecision[k]!;
    placeOf[i] = at >= 0 ? table.placeOf[k]! : b.placeOf[k]! < 0 ? -1 : placeOfB[b.placeOf[k]!]!;
    // Row i is entry order[i] of the table's rows followed by the added events, in their order.
    order[i] = at >= 0 ? k : sizeA + b.order[k]!;
    actorOffset[i] = ref;
    for (let a = from.actorOffset[k]!; a < from.actorOffset[k + 1]!; a++, ref++) {
      actorIndex[ref] = from.actorIndex[a]!;
      actorRoles[ref] = from.actorRoles[a]!;
    }
  }
  actorOffset[size] = ref;

  const addedRows = idLookupOf(sizeB, addedId);
  const rowOfId: IdLookup = {
    get(id) {
      const a = table.rowOfId.get(id);
      if (a !== undefined) return rowOfA[a];
      const j = addedRows.get(id);
      return j === undefined ? undefined : rowOfB[j];
    },
    has: (id) => table.rowOfId.has(id) || addedRows.has(id),
  };
  const at = (row: number) => origin[row]!;
  const maxEnd = Math.max(table.extent?.to ?? -Infinity, sizeB ? b.maxEnd : -Infinity);
  return {
    size,
    eventAt: (i) => (at(i) >= 0 ? table.eventAt(at(i)) : added[b.order[~at(i)]!]!),
    textAt: (i) => (at(i) >= 0 ? table.textAt(at(i)) : added[b.order[~at(i)]!]!),
    titleAt: (i) => (at(i) >= 0 ? table.titleAt(at(i)) : added[b.order[~at(i)]!]!),
    idAt: (i) => (at(i) >= 0 ? table.idAt(at(i)) : addedId(~at(i))),
    order,
    start,
    end,
    type,
    actorOffset,
    actorIndex,
    actorRoles,
    actors,
    actorRow: new Map<string, number>(actors.map((a, i) => [a.id, i])),
    rowOfId,
    placeOf,
    places,
    lon,
    lat,
    geoPrecision,
    longestDuration: Math.max(table.longestDuration, b.longestDuration),
    extent: size ? { from: start[0]!, to: maxEnd } as EventTable['extent'] : null,
  };
}
