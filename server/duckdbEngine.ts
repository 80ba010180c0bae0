// The DuckDB engine: a database file written by createDuckDbDatabase, attached read-only to an
// in-memory database of the engine's own, which holds what the engine keeps between answers (a
// search's events: duckdbSearch.ts). Each query runs on a connection of its own, so that stopping
// it (the client left, or the time limit passed) interrupts that query and no other.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ConflictEvent, DatasetInfo, GeoPrecision } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { MAP_POINT_LIMIT, QueryTimeoutError, type Engine, type EngineInfo, type FacetCounts, type LaneBins, type LaneRequest, type MapAnswer, type MarkRow, type ViewQuery } from './engine.ts';
import { DATABASE_FORMAT, OLDER_DATABASE_FORMATS } from './duckdbLoad.ts';
import {
  actorBinsSql,
  actorCountsSql,
  actorRankingSql,
  countSql,
  eventByIdSql,
  eventsPageSql,
  EXTENT_SQL,
  marksSql,
  otherActorBinsSql,
  typeBinsSql,
  countryCountsSql,
  eventsOfRowsSql,
  laneCountSql,
  laneEventsPageSql,
  placeGroupsSql,
  typeCountsSql,
  TYPES_PRESENT_SQL,
  mapCellsSql,
  mapCountSql,
  mapPointsSql,
  placeBinsSql,
  placeRankingSql,
  STORED_EVENTS,
  type BoundSql,
  type EventSource,
} from './duckdbSql.ts';
import { dropSearchSql, filteringWords, searchActorsSql, searchActorTotalsSql, searchCountsSql, searchEventsSql, searchSource, searchTables, wordReachSql, type SearchTables, type WordReach } from './duckdbSearch.ts';
import { createLeasedCache } from './leasedCache.ts';
import { actorLaneKeys, binsOfLanes, laneBinsOf, placeLaneKeys, typeLaneKeys } from './laneBins.ts';
import { mapCellsOf } from './mapCells.ts';
import { placeCountsOf } from './placeCounts.ts';
import { pageEventsSql, pageRowNumbersSql, pageRowsOf, pageRowsSql, pagedByCounts } from './duckdbPageSql.ts';
import { inTypeLanes } from './countsAtLoad.ts';
import type { EventType } from '../src/model/taxonomy.ts';

export { createDuckDbDatabase } from './duckdbLoad.ts';

export const DEFAULT_QUERY_TIME_LIMIT_MS = 10_000;
/** Query texts whose events the engine keeps (the least recently used go first). */
export const DEFAULT_SEARCHES_KEPT = 4;
/** The name the events' database is attached under. */
const STORED_CATALOG = 'stored';

type Row = Record<string, unknown>;

/** Whether the bytes at the start of a file are a DuckDB database's header ("DUCK" at offset 8). */
export function isDuckDbFile(head: Uint8Array): boolean {
  return head.length >= 12 && String.fromCharCode(...head.subarray(8, 12)) === 'DUCK';
}

async function read(connection: DuckDBConnection, query: BoundSql | string): Promise<Row[]> {
  const reader = typeof query === 'string' ? await connection.runAndReadAll(query) : await connection.runAndReadAll(query.sql, query.values, query.types);
  return reader.getRowObjectsJS() as Row[];
}

/** Runs `work` on a fresh connection; stops it in the engine when `signal` aborts or the time limit passes. */
async function withConnection<T>(instance: DuckDBInstance, limitMs: number, signal: AbortSignal | undefined, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  const connection = await connectToStored(instance);
  // Aborted while connecting: the listener below would never hear it.
  if (signal?.aborted) {
    connection.closeSync();
    signal.throwIfAborted();
  }
  let timedOut = false;
  const interrupt = () => connection.interrupt();
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, limitMs);
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    return await work(connection);
  } catch (error) {
    if (timedOut) throw new QueryTimeoutError(limitMs);
    signal?.throwIfAborted();
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', interrupt);
    connection.closeSync();
  }
}

/** A connection whose unqualified tables are the events' database's. */
async function connectToStored(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  await connection.run(`USE ${STORED_CATALOG}`);
  return connection;
}

/** A path as an SQL string literal (ATTACH takes no parameter): quotes doubled; the path is the server's, never a request's. */
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

class OlderFormatError extends Error {
  constructor(readonly format: string) {
    super(`format ${format}`);
  }
}

/** A query text's events, kept: null tables when every event holds the text. */
interface Search {
  tables: SearchTables | null;
  /** Make (once) the tables of the events' actors, and of their totals per actor. */
  actors: () => Promise<void>;
  totals: () => Promise<void>;
  /** Whether the counts of the events (searchCountsSql) are made. */
  countsMade: () => boolean;
  /** Starts no more statements on the search's tables, and settles when those started have. */
  stop: () => Promise<unknown>;
}

/** `make`'s promise, made on the first call and kept, unless it fails (then the next call tries again). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };
}

/** `idle` settles when no query runs, the engine's own work too (the counts of a kept search, made after its first answers). */
export type OpenedEngine = { ok: true; engine: Engine; idle: () => Promise<void> } | { ok: false; message: string };

/** Opens a database of ours read-only; says so when the file is a DuckDB database of another kind. */
export async function openDuckDbEngine(path: string, options: { queryTimeLimitMs?: number; searchesKept?: number } = {}): Promise<OpenedEngine> {
  const limitMs = options.queryTimeLimitMs ?? DEFAULT_QUERY_TIME_LIMIT_MS;
  let instance: DuckDBInstance;
  try {
    // Spilled to where a database file's own DuckDB would spill (beside it), not the working folder.
    instance = await DuckDBInstance.create(':memory:', { temp_directory: `${path}.tmp` });
  } catch (error) {
    return { ok: false, message: `DuckDB could not start (${(error as Error).message.split('\n')[0]})` };
  }
  try {
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH ${sqlString(path)} AS ${STORED_CATALOG} (READ_ONLY)`);
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    return { ok: false, message: `${path} could not be opened as a DuckDB database (${(error as Error).message.split('\n')[0]})` };
  }
  let dataset: DatasetInfo;
  let reports: ImportReport[];
  try {
    const connection = await connectToStored(instance);
    try {
      const tables = new Set((await read(connection, `SELECT table_name FROM information_schema.tables WHERE table_catalog = '${STORED_CATALOG}' AND table_schema = 'main'`)).map((r) => String(r.table_name)));
      const missing = ['events', 'event_actors', 'dataset_info'].filter((t) => !tables.has(t));
      if (missing.length) throw new Error(`it has no table ${missing.join(', ')}`);
      const [info] = await read(connection, 'SELECT format, dataset, reports FROM dataset_info LIMIT 1');
      if (info && OLDER_DATABASE_FORMATS.includes(String(info.format))) throw new OlderFormatError(String(info.format));
      if (!info || info.format !== DATABASE_FORMAT) throw new Error(`its dataset_info is not of format ${DATABASE_FORMAT}`);
      dataset = JSON.parse(String(info.dataset)) as DatasetInfo;
      reports = JSON.parse(String(info.reports)) as ImportReport[];
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    if (error instanceof OlderFormatError) {
      return {
        ok: false,
        message: `${path} was written by an older npm run serve (format ${error.format}; this one reads ${DATABASE_FORMAT}, which keeps the events' coordinates, the counts made at load and the words' counts): write it again from the original files (npm run serve -- FILE…)`,
      };
    }
    return { ok: false, message: `${path} is a DuckDB database, but not one written by npm run serve: ${(error as Error).message}` };
  }
  const registryOrder = new Map(dataset.actors.map((a, i) => [a.id, i]));
  let typesPresent: Promise<Set<string>> | null = null;
  // Queries under way: closing waits for them, so that a reload never cuts an answer short.
  const running = new Set<Promise<unknown>>();
  let closed = false;
  const run = <T>(signal: AbortSignal | undefined, work: (c: DuckDBConnection) => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('the engine is closed'));
    const query = withConnection(instance, limitMs, signal, work);
    const settled: Promise<unknown> = query.then(
      (): void => void running.delete(settled),
      (): void => void running.delete(settled),
    );
    running.add(settled);
    return query;
  };
  const count = async (c: DuckDBConnection, query: BoundSql) => Number((await read(c, query))[0]?.n ?? 0);
  const binRows = (rows: Row[]) => rows.map((r) => ({ key: String(r.key), bin: Number(r.bin), n: Number(r.n) }));
  const tally = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));
  const jsonEvents = (rows: Row[]) => rows.map((r) => JSON.parse(String(r.json)) as ConflictEvent);
  // A page found from the counts per start anchor: the rows that hold it, its row numbers, then their JSON.
  const countedPage = async (c: DuckDBConnection, query: ViewQuery, offset: number, limit: number) => {
    const { total, rows: within } = pageRowsOf((await read(c, pageRowsSql(query, offset, limit)))[0], limit);
    const rows = within ? (await read(c, pageRowNumbersSql(query, within))).map((r) => Number(r.row)) : [];
    return { total, events: rows.length ? jsonEvents(await read(c, pageEventsSql(rows))) : [] };
  };

  // Searches: per query text, its events in the in-memory catalog (duckdbSearch.ts), made once
  // and read by every answer of its views until it is among the least recently used.
  const eventCount = once(() => run(undefined, async (c) => Number((await read(c, EXTENT_SQL))[0]?.n ?? 0)));
  let searchesMade = 0;
  const makeSearch = async (key: string): Promise<Search> => {
    const words = JSON.parse(key) as string[];
    const [total, reaches] = await Promise.all([
      eventCount(),
      run(undefined, async (c) => {
        const found: WordReach[] = [];
        for (const word of words) {
          const [r] = await read(c, wordReachSql(word));
          found.push({ word, words: Number(r?.words ?? 0), most: Number(r?.most ?? 0), bound: Number(r?.bound ?? 0) });
        }
        return found;
      }),
    ]);
    const filtering = filteringWords(reaches, total);
    if (!filtering.length) return { tables: null, actors: async () => {}, totals: async () => {}, countsMade: () => false, stop: async () => {} };
    const tables = searchTables(++searchesMade);
    const started: Promise<unknown>[] = [];
    let stopped = false;
    const stage = (sql: string) => () => {
      if (stopped) return Promise.reject(new Error('the search was dropped'));
      const made = run(undefined, (c) => c.run(sql));
      started.push(made);
      return made.then(() => {});
    };
    const events = run(undefined, async (c) => {
      const { sql, values, types } = searchEventsSql(tables, filtering);
      await c.run(sql, values, types);
    });
    started.push(events);
    await events;
    const actors = once(stage(searchActorsSql(tables)));
    const totals = once(async () => {
      await actors();
      await stage(searchActorTotalsSql(tables))();
    });
    // Counts and actor lanes read the events' actors, and later views the counts: made now, while
    // the first answers read the events. Until the counts are made, the events answer.
    let countsMade = false;
    void totals()
      .then(async () => {
        for (const sql of searchCountsSql(tables)) await stage(sql)();
        countsMade = true;
      })
      .catch(() => {});
    const stop = () => {
      stopped = true;
      return Promise.allSettled(started);
    };
    return { tables, actors, totals, countsMade: () => countsMade, stop };
  };
  const searches = createLeasedCache<Search>({
    capacity: options.searchesKept ?? DEFAULT_SEARCHES_KEPT,
    make: makeSearch,
    drop: async (search) => {
      if (!search.tables || closed) return;
      await search.stop();
      await run(undefined, async (c) => {
        for (const sql of dropSearchSql(search.tables!)) await c.run(sql);
      }).catch(() => {});
    },
  });

  /**
   * Runs `work` with where the query's events are to be read, and the query to ask there: a
   * search's tables (the words left out, as its tables hold them) when no filter needs a column
   * they lack, else the stored events with the search's rows for the words. `needs`: 'stored' for
   * queries of columns only the events have; 'actors' or 'totals' for the search's actors and
   * their totals.
   */
  const withEvents = async <T>(query: ViewQuery, needs: 'events' | 'actors' | 'totals' | 'stored', work: (source: EventSource, query: ViewQuery) => Promise<T>): Promise<T> => {
    const { filters } = query;
    // A word with a space (never from the API) is looked for in the text, as before.
    if (!filters.words.length || filters.words.some((w) => w.includes(' '))) return work(STORED_EVENTS, query);
    const key = JSON.stringify([...new Set(filters.words)].sort());
    return searches.lease(key, async (search) => {
      const withoutWords = { ...query, filters: { ...filters, words: [] } };
      if (!search.tables) return work(STORED_EVENTS, withoutWords);
      if (needs === 'stored' || filters.country !== null || filters.place !== null || filters.bbox) return work({ ...STORED_EVENTS, matched: search.tables.events }, query);
      // The actor filter reads the search's actors too.
      if (needs === 'actors' || filters.actors.length) await search.actors();
      if (needs === 'totals') await search.totals();
      return work(searchSource(search.tables, search.countsMade()), withoutWords);
    });
  };

  const engine: Engine = {
    name: 'duckdb',
    info: (signal) =>
      run(signal, async (c): Promise<EngineInfo> => {
        const [extent] = await read(c, EXTENT_SQL);
        const n = Number(extent?.n ?? 0);
        return { dataset, count: n, extent: n ? { from: Number(extent!.first), to: Number(extent!.last) } : null, reports };
      }),
    bins: (view: ViewQuery, lanes: LaneRequest, bins: number, signal?: AbortSignal) =>
      withEvents(view, lanes.mode === 'type' ? 'events' : lanes.mode === 'actor' ? 'totals' : 'stored', (source, query) =>
        run(signal, async (c): Promise<LaneBins[]> => {
          if (lanes.mode === 'type') {
            // The file is read-only: the types in it are asked once.
            typesPresent ??= read(c, TYPES_PRESENT_SQL).then((rows) => new Set(rows.map((r) => String(r.type))));
            const present = await typesPresent.catch((error: unknown) => {
              typesPresent = null;
              throw error;
            });
            return laneBinsOf(typeLaneKeys(present, query.filters.types), false, binRows(await read(c, typeBinsSql(query, bins, source))), bins);
          }
          if (lanes.mode === 'place') {
            const ranking = await read(c, placeRankingSql(query.filters, source.matched));
            const counts = new Map(ranking.filter((r) => r.place !== null).map((r) => [String(r.place), Number(r.n)]));
            const unplaced = Number(ranking.find((r) => r.place === null)?.n ?? 0);
            const { own, keys } = placeLaneKeys(counts, unplaced, lanes.maxLanes);
            return binsOfLanes(keys, binRows(await read(c, placeBinsSql(query, bins, own, source.matched))), bins);
          }
          const ranking = await read(c, actorRankingSql(query.filters, source));
          const counts = new Map(ranking.filter((r) => r.actor !== null).map((r) => [String(r.actor), Number(r.n)]));
          const actorless = Number(ranking.find((r) => r.actor === null)?.n ?? 0);
          const { own, other } = actorLaneKeys(counts, actorless, registryOrder, lanes.maxLanes);
          const rows = own.length ? binRows(await read(c, actorBinsSql(query, bins, own, source))) : [];
          if (other) rows.push(...binRows(await read(c, otherActorBinsSql(query, bins, own, source))));
          return laneBinsOf(own, other, rows, bins);
        }),
      ),
    marks: (view, limit, signal) =>
      withEvents(view, 'events', async (source, query) => {
        const total = await run(signal, (c) => count(c, countSql(query, undefined, source)));
        if (total > limit) return { total, marks: null };
        // The marks' titles and actors are the stored events': the search's rows stand for the words.
        const rows = await withEvents(view, 'stored', (stored, asked) => run(signal, (c) => read(c, marksSql(asked, limit, stored.matched))));
        const marks = rows.map(
          (r): MarkRow => ({
            id: String(r.id),
            type: r.type as EventType,
            start: Number(r.start_ms),
            end: r.end_ms === null ? null : Number(r.end_ms),
            actors: (r.actors as unknown[]).map(String),
            title: String(r.title),
            language: String(r.language),
          }),
        );
        return { total, marks };
      }),
    events: (view, offset, limit, signal) =>
      withEvents(view, 'events', (source, query) =>
        run(signal, async (c) => {
          // The counts made at load count the stored events (not a search's).
          if (source === STORED_EVENTS && pagedByCounts(query)) return countedPage(c, query, offset, limit);
          const total = await count(c, countSql(query, undefined, source));
          const events = (await read(c, eventsPageSql(query, offset, limit, source))).map((r) => JSON.parse(String(r.json)) as ConflictEvent);
          return { total, events };
        }),
      ),
    event: (id, signal) =>
      run(signal, async (c) => {
        const [row] = await read(c, eventByIdSql(id));
        return row ? (JSON.parse(String(row.json)) as ConflictEvent) : null;
      }),
    facetCounts: (view, signal) =>
      withEvents(view, 'actors', (source, query) =>
        run(signal, async (c): Promise<FacetCounts> => {
          const visible = await count(c, countSql(query, undefined, source));
          const types = tally(await read(c, typeCountsSql(query, source)));
          const actors = tally(await read(c, actorCountsSql(query, source)));
          return { visible, types, actors };
        }),
      ),
    placeCounts: (view, signal) =>
      withEvents(view, 'stored', (source, query) =>
        run(signal, async (c) => {
          const countries = tally(await read(c, countryCountsSql(query, source.matched)));
          const groups = (await read(c, placeGroupsSql(query, source.matched))).map((r) => ({ country: String(r.country), n: Number(r.n), firstRow: Number(r.first_row) }));
          const named = groups.length ? await read(c, eventsOfRowsSql(groups.map((g) => g.firstRow))) : [];
          return placeCountsOf(countries, groups, new Map(named.map((r) => [Number(r.row), JSON.parse(String(r.json)) as ConflictEvent])));
        }),
      ),
    laneEvents: (view, lanes, offset, limit, signal) =>
      withEvents(view, 'stored', (source, query) =>
        run(signal, async (c) => {
          if (source === STORED_EVENTS && lanes.mode === 'type' && pagedByCounts(query)) {
            const filters = inTypeLanes(query.filters, lanes.keys);
            return filters ? countedPage(c, { ...query, filters }, offset, limit) : { total: 0, events: [] };
          }
          const total = await count(c, laneCountSql(query, lanes, source.matched));
          const events = (await read(c, laneEventsPageSql(query, lanes, offset, limit, source.matched))).map((r) => JSON.parse(String(r.json)) as ConflictEvent);
          return { total, events };
        }),
      ),
    map: (view, map, signal) =>
      withEvents(view, 'stored', (source, query) =>
        run(signal, async (c): Promise<MapAnswer> => {
          const total = await count(c, mapCountSql(query, map, source.matched));
          if (total <= MAP_POINT_LIMIT) {
            const points = (await read(c, mapPointsSql(query, map, source.matched))).map((r) => ({
              id: String(r.id),
              lon: Number(r.lon),
              lat: Number(r.lat),
              type: r.type as EventType,
              precision: r.geo_precision === null ? null : (String(r.geo_precision) as GeoPrecision),
              title: String(r.title),
            }));
            return { kind: 'points', total, points };
          }
          const rows = (await read(c, mapCellsSql(query, map, source.matched))).map((r) => ({ col: Number(r.col), row: Number(r.row), type: String(r.type), n: Number(r.n) }));
          return { kind: 'cells', total, zoom: Math.floor(map.zoom), cell: map.cell, cells: mapCellsOf(rows) };
        }),
      ),
    close: async () => {
      closed = true;
      await Promise.all(running);
      instance.closeSync();
    },
  };
  const idle = async () => {
    while (running.size) await Promise.all(running);
  };
  return { ok: true, engine, idle };
}
