// The data server's contract with its engines (DuckDB embedded, ClickHouse over HTTP): the app's
// own queries, with typed values, never SQL. The HTTP layer checks a request against these types
// (zod) and hands the values on; an engine binds them as parameters (DuckDB) or sends them as
// external data (ClickHouse 18.16 has no query parameters), never as SQL text.
import type { RemoteMapPoint } from '../src/store/remoteView.ts';
import type { ConflictEvent, DatasetInfo, Role } from '../src/model/schema.ts';
import type { EventType } from '../src/model/taxonomy.ts';
import type { GeoBox } from '../src/model/geo.ts';
import type { ImportReport } from '../src/io/report.ts';

/** The filters of the app (src/table/filter.ts), as the engines take them. */
export interface EngineFilters {
  /** Any of these types; empty: no filter. */
  types: readonly EventType[];
  /** Any of these actors (in `role` when set); empty: no filter. */
  actors: readonly string[];
  role: Role | null;
  /** Query words, already normalised as the app does (queryWords): each must occur in the row's search text. */
  words: readonly string[];
  /** ISO 3166-1 alpha-3 of the event's place. */
  country: string | null;
  /** A place name, lower-cased (TablePlace.keys holds the row's names lower-cased). */
  place: string | null;
  /** The area filter: events whose coordinates lie in the box, edges included (boxContains); none without coordinates. Absent or null: no filter. */
  bbox?: GeoBox | null;
}

/**
 * The filters and the time window in UTC ms. As in the app (rowsInWindow): an event is in the
 * window when it overlaps [from, to], i.e. its start anchor is ≤ to and its end (its start when it
 * has none) is ≥ from; bins count by start anchor in [from, to) (densityBins).
 */
export interface ViewQuery {
  filters: EngineFilters;
  from: number;
  to: number;
}

export type LaneMode = 'type' | 'actor' | 'place';

/**
 * Lanes as the app makes them (src/layout/lanes.ts). By type: one lane per type present in the
 * data (of the type filter's types, when set), in the taxonomy's order. By actor: busiest first
 * over the rows that pass the filters (all time), at most `maxLanes`; when more actors, or events
 * without one, the rest share a last lane, key OTHER_ACTORS_LANE. By place (placeLanes): one lane
 * per first administrative area of the events' places ("ARM|Syunik"), or per country for a place
 * without one ("ARM"), busiest first over the rows that pass the filters (all time), ties by key;
 * past `maxLanes` the rest share OTHER_ACTORS_LANE, and the events without a place are last, in
 * NO_PLACE_LANE.
 */
export type LaneRequest = { mode: 'type' } | { mode: 'actor'; maxLanes: number } | { mode: 'place'; maxLanes: number };

/** The key of the lane "Other actors"; by place, of the lane "Other places" (OTHER_PLACE_KEY). */
export const OTHER_ACTORS_LANE = '*';
/** By place, the key of the lane "No place" (NO_PLACE_KEY). */
export const NO_PLACE_LANE = '';

/** Counts per lane (event type, or actor id) and equal bin of the window. */
export interface LaneBins {
  key: string;
  counts: number[];
}

/** An event as the timeline marks it: enough to draw, label and hover it. */
export interface MarkRow {
  id: string;
  type: EventType;
  /** Start and end anchors (UTC ms); end null for an instant. */
  start: number;
  end: number | null;
  actors: string[];
  /** The title in the event's original language, and that language. */
  title: string;
  language: string;
}

export interface FacetCounts {
  /** Rows in the window that pass every filter. */
  visible: number;
  /** Per type and per actor: rows in the window under the other filters (the app's facet counts); absent keys are 0. */
  types: Record<string, number>;
  actors: Record<string, number>;
}

/** A place as the app's place filter lists it (placeCounts): its country and shown name, and its events. */
export interface PlaceCount {
  country: string;
  name: string;
  count: number;
}

/** Per country and per place: events in the window under the other filters (all but country and place). */
export interface PlaceCounts {
  countries: Record<string, number>;
  /** The busiest places, at most PLACE_LIMIT, busiest first, then by name (the app's order). */
  places: PlaceCount[];
}

/** Places listed at most: the place filter suggests 500 names. */
export const PLACE_LIMIT = 500;

/**
 * The lanes of a view whose events are wanted: those sparse enough in the window to mark each
 * event (the rest are drawn from bins). By type, the lanes' types; by actor, actor ids and
 * OTHER_ACTORS_LANE, which holds the events with an actor not among `laneActors` (the actors with
 * a lane of their own in the view) or with no actor, as in the bins.
 */
export type LaneSubset =
  | { mode: 'type'; keys: readonly EventType[] }
  | { mode: 'actor'; keys: readonly string[]; laneActors: readonly string[] }
  | { mode: 'place'; keys: readonly string[]; lanePlaces: readonly string[] };

/** The map's view: the visible box and its grid (cells `cell` px wide at map zoom floor(zoom)), as /api/map takes it. */
export interface MapRequest {
  view: GeoBox;
  /** The map's zoom (whole levels: mercatorCell's zoom). */
  zoom: number;
  /** The cell's width in screen pixels. */
  cell: number;
}

/** The map shows each event in view when there are at most this many; else cells. */
export const MAP_POINT_LIMIT = 1000;

/** An event on the map: enough to draw it (its precision as an area) and name it; the page reads the same. */
export type MapPoint = RemoteMapPoint;

/** [col, row, events, index in EVENT_TYPES of the most frequent type (ties: the first in the taxonomy)]: mercatorCell's col and row. */
export type MapCell = [number, number, number, number];

/**
 * The events in the view (in the window, passing the filters, with coordinates in the view's
 * box): each of them in time order when at most MAP_POINT_LIMIT, else counts per cell of the grid,
 * ordered by row then column.
 */
export type MapAnswer = { kind: 'points'; total: number; points: MapPoint[] } | { kind: 'cells'; total: number; zoom: number; cell: number; cells: MapCell[] };

export interface EngineInfo {
  dataset: DatasetInfo;
  count: number;
  /** The first start and last end (anchors, UTC ms); null when there are no events. */
  extent: { from: number; to: number } | null;
  /** One import report per file read, in order (none for a database written elsewhere). */
  reports: ImportReport[];
}

/** What every engine answers. `signal` aborts a query the client no longer wants, in the engine too. */
export interface Engine {
  readonly name: 'duckdb' | 'clickhouse';
  info(signal?: AbortSignal): Promise<EngineInfo>;
  bins(query: ViewQuery, lanes: LaneRequest, bins: number, signal?: AbortSignal): Promise<LaneBins[]>;
  /** The marks in the window in time order when there are at most `limit`; else only their number. */
  marks(query: ViewQuery, limit: number, signal?: AbortSignal): Promise<{ total: number; marks: MarkRow[] | null }>;
  /** Events in time order (start anchor, then id), `offset` on. */
  events(query: ViewQuery, offset: number, limit: number, signal?: AbortSignal): Promise<{ total: number; events: ConflictEvent[] }>;
  event(id: string, signal?: AbortSignal): Promise<ConflictEvent | null>;
  facetCounts(query: ViewQuery, signal?: AbortSignal): Promise<FacetCounts>;
  placeCounts(query: ViewQuery, signal?: AbortSignal): Promise<PlaceCounts>;
  /** As events(), of the events in `lanes` only (an event of several actor lanes once). */
  laneEvents(query: ViewQuery, lanes: LaneSubset, offset: number, limit: number, signal?: AbortSignal): Promise<{ total: number; events: ConflictEvent[] }>;
  /** The map's points or cells for the view (see MapAnswer). */
  map(query: ViewQuery, map: MapRequest, signal?: AbortSignal): Promise<MapAnswer>;
  close(): Promise<void>;
}

/** Thrown by an engine when a query ran past its time limit (and was stopped in the engine). */
export class QueryTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`the query took longer than ${limitMs / 1000} s`);
    this.name = 'QueryTimeoutError';
  }
}
