// The data server's contract with its engines (DuckDB embedded, ClickHouse over HTTP): the app's
// own queries, with typed values, never SQL. The HTTP layer checks a request against these types
// (zod) and hands the values on; an engine binds them as parameters (DuckDB) or sends them as
// external data (ClickHouse 18.16 has no query parameters), never as SQL text.
import type { ConflictEvent, DatasetInfo, Role } from '../src/model/schema.ts';
import type { EventType } from '../src/model/taxonomy.ts';
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
}

/** The filters and the time window [from, to) in UTC ms, matched against each event's start anchor as the app does. */
export interface ViewQuery {
  filters: EngineFilters;
  from: number;
  to: number;
}

export type LaneMode = 'type' | 'actor';

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
  /** Per type and per actor: rows in the window under the other filters (the app's facet counts). */
  types: Record<string, number>;
  actors: Record<string, number>;
}

export interface EngineInfo {
  dataset: DatasetInfo;
  count: number;
  /** The first start and last end (anchors, UTC ms); null when there are no events. */
  extent: { from: number; to: number } | null;
  report: ImportReport | null;
}

/** What every engine answers. `signal` aborts a query the client no longer wants, in the engine too. */
export interface Engine {
  readonly name: 'duckdb' | 'clickhouse';
  info(signal?: AbortSignal): Promise<EngineInfo>;
  bins(query: ViewQuery, lanes: LaneMode, bins: number, signal?: AbortSignal): Promise<LaneBins[]>;
  /** The marks in the window in time order when there are at most `limit`; else only their number. */
  marks(query: ViewQuery, limit: number, signal?: AbortSignal): Promise<{ total: number; marks: MarkRow[] | null }>;
  /** Events in time order (start anchor, then id), `offset` on. */
  events(query: ViewQuery, offset: number, limit: number, signal?: AbortSignal): Promise<{ total: number; events: ConflictEvent[] }>;
  event(id: string, signal?: AbortSignal): Promise<ConflictEvent | null>;
  facetCounts(query: ViewQuery, signal?: AbortSignal): Promise<FacetCounts>;
  close(): Promise<void>;
}
