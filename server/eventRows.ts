// The rows both engines load, made from a dataset by the app's own table code, so that time
// order, anchors, places and search text are the app's: `row` is the event's place in the
// app's time order (start anchor, then id), `search` its search text (buildSearchIndex), and
// `placeKeys` its place's names lower-cased, as the place filter matches them.
import { placeLaneKey } from '../src/layout/lanes.ts';
import { GEO_PRECISIONS, type Dataset, type DatasetInfo, type GeoPrecision } from '../src/model/schema.ts';
import type { EventType } from '../src/model/taxonomy.ts';
import { buildEventTable, type EventTable } from '../src/table/eventTable.ts';
import { buildSearchIndex } from '../src/table/search.ts';

export interface EventRow {
  row: number;
  id: string;
  type: EventType;
  /** Anchors in UTC ms; end null for an event without an end. */
  start: number;
  end: number | null;
  country: string | null;
  placeKeys: string[];
  search: string;
  /** The title in the original language, and that language (for marks). */
  title: string;
  language: string;
  /** The whole event as JSON: details, the Events table and exports read it back. */
  json: string;
  /** The place's coordinates, both or neither (an event with one of them only is not on the map), and how closely they locate it. */
  lon: number | null;
  lat: number | null;
  precision: GeoPrecision | null;
  /** The lane by place the page puts the event in (placeLaneKey: "ARM|Syunik", or "ARM" for a country alone); null without a place. */
  placeLane: string | null;
}

/** One actor of one event: its roles there as bits of ROLES (roleBitOf). */
export interface EventActorRow {
  row: number;
  actor: string;
  roles: number;
}

export interface EventRows {
  table: EventTable;
  /** Row k of the app's table, made when asked (a million at once would hold every JSON text twice). */
  eventRow(row: number): EventRow;
  actorRows(row: number): EventActorRow[];
}

export function eventRowsOf(dataset: Pick<Dataset, 'events' | 'actors'>): EventRows {
  const table = buildEventTable(dataset);
  const search = buildSearchIndex(table);
  return {
    table,
    eventRow(row) {
      const event = table.eventAt(row);
      const place = table.placeOf[row]! >= 0 ? table.places[table.placeOf[row]!]! : null;
      const language = event.originalLanguage;
      return {
        row,
        id: event.id,
        type: event.type,
        start: table.start[row]!,
        end: event.end ? table.end[row]! : null,
        country: place?.country ?? null,
        placeKeys: place ? [...place.keys] : [],
        search: search[row]!,
        title: event.title[language] ?? Object.values(event.title)[0] ?? '',
        language,
        json: JSON.stringify(event),
        ...coordinatesOf(table, row),
        placeLane: place ? placeLaneKey(place) : null,
      };
    },
    actorRows(row) {
      const rows: EventActorRow[] = [];
      for (let k = table.actorOffset[row]!; k < table.actorOffset[row + 1]!; k++) {
        rows.push({ row, actor: table.actors[table.actorIndex[k]!]!.id, roles: table.actorRoles[k]! });
      }
      return rows;
    },
  };
}

/** The row's coordinates as the page's table has them (both, or neither: the map and the area filter need both), and their precision. */
function coordinatesOf(table: EventTable, row: number): Pick<EventRow, 'lon' | 'lat' | 'precision'> {
  const lon = table.lon[row]!;
  const lat = table.lat[row]!;
  const located = !Number.isNaN(lon) && !Number.isNaN(lat);
  const code = table.geoPrecision[row]!;
  return { lon: located ? lon : null, lat: located ? lat : null, precision: located && code > 0 ? GEO_PRECISIONS[code - 1]! : null };
}

/** The dataset without its events: what both loaders store beside the rows. */
export function datasetInfoOf({ events: _events, ...info }: Dataset): DatasetInfo {
  return info;
}
