// The table's coordinate columns as the map reads them: lon, lat (NaN: none) and geoPrecision
// (0: not stated, else 1 + index in GEO_PRECISIONS), in row order.
import { GEO_PRECISIONS } from '../model/schema.ts';
import type { EventTable } from './eventTable.ts';

export interface TableCoordinates {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly geoPrecision: Uint8Array;
}

// ---- SEAM (map-panel, temporary): until "table: coordinates" is merged, EventTable has no
// coordinate columns; build them once per table from its events. Delete this block, and let
// coordinatesOf return the table itself, once the table carries lon, lat and geoPrecision.
const built = new WeakMap<EventTable, TableCoordinates>();
function buildFromEvents(table: EventTable): TableCoordinates {
  const lon = new Float64Array(table.size).fill(NaN);
  const lat = new Float64Array(table.size).fill(NaN);
  const geoPrecision = new Uint8Array(table.size);
  for (let row = 0; row < table.size; row++) {
    const place = table.eventAt(row).place;
    if (place?.lon === undefined || place.lat === undefined) continue;
    lon[row] = place.lon;
    lat[row] = place.lat;
    geoPrecision[row] = place.precision ? 1 + GEO_PRECISIONS.indexOf(place.precision) : 0;
  }
  return { lon, lat, geoPrecision };
}
// ---- end of SEAM

/** The table's coordinates: its own columns where it has them. */
export function coordinatesOf(table: EventTable): TableCoordinates {
  const columns = table as Partial<TableCoordinates>;
  if (columns.lon && columns.lat && columns.geoPrecision) return columns as TableCoordinates;
  let coordinates = built.get(table);
  if (!coordinates) built.set(table, (coordinates = buildFromEvents(table)));
  return coordinates;
}
