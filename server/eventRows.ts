// The rows both engines load, made from a dataset by the app's own table code, so that time
// order, anchors, places and search text are the app's: `row` is the event's place in the
// app's time order (start anchor, then id), `search` its search text (buildSearchIndex), and
// `placeKeys` its place's names lower-cased, as the place filter matches them.
import type { Dataset, DatasetInfo } from '../src/model/schema.ts';
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

/** The dataset without its events: what both loaders store beside the rows. */
export function datasetInfoOf({ events: _events, ...info }: Dataset): DatasetInfo {
  return info;
}
