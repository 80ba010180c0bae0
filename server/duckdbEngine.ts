// The DuckDB engine: a database file written by createDuckDbDatabase, opened read-only. Each query
// runs on a connection of its own, so that stopping it (the client left, or the time limit passed)
// interrupts that query and no other.
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
  type BoundSql,
} from './duckdbSql.ts';
import { actorLaneKeys, binsOfLanes, laneBinsOf, placeLaneKeys, typeLaneKeys } from './laneBins.ts';
import { mapCellsOf } from './mapCells.ts';
import { placeCountsOf } from './placeCounts.ts';
import { pageEventsSql, pageRowNumbersSql, pageRowsOf, pageRowsSql, pagedByCounts } from './duckdbPageSql.ts';
import { inTypeLanes } from './countsAtLoad.ts';
import type { EventType } from '../src/model/taxonomy.ts';

export { createDuckDbDatabase } from './duckdbLoad.ts';

export const DEFAULT_QUERY_TIME_LIMIT_MS = 10_000;

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
  const connection = await instance.connect();
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

class OlderFormatError extends Error {
  constructor(readonly format: string) {
    super(`format ${format}`);
  }
}

export type OpenedEngine = { ok: true; engine: Engine } | { ok: false; message: string };

/** Opens a database of ours read-only; says so when the file is a DuckDB database of another kind. */
export async function openDuckDbEngine(path: string, options: { queryTimeLimitMs?: number } = {}): Promise<OpenedEngine> {
  const limitMs = options.queryTimeLimitMs ?? DEFAULT_QUERY_TIME_LIMIT_MS;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch (error) {
    return { ok: false, message: `${path} could not be opened as a DuckDB database (${(error as Error).message.split('\n')[0]})` };
  }
  let dataset: DatasetInfo;
  let reports: ImportReport[];
  try {
    const connection = await instance.connect();
    try {
      const tables = new Set((await read(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).map((r) => String(r.table_name)));
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
        message: `${path} was written by an older npm run serve (format ${error.format}; this one reads ${DATABASE_FORMAT}, which keeps the events' coordinates and counts made at load): write it again from the original files (npm run serve -- FILE…)`,
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

  const engine: Engine = {
    name: 'duckdb',
    info: (signal) =>
      run(signal, async (c): Promise<EngineInfo> => {
        const [extent] = await read(c, EXTENT_SQL);
        const n = Number(extent?.n ?? 0);
        return { dataset, count: n, extent: n ? { from: Number(extent!.first), to: Number(extent!.last) } : null, reports };
      }),
    bins: (query: ViewQuery, lanes: LaneRequest, bins: number, signal?: AbortSignal) =>
      run(signal, async (c): Promise<LaneBins[]> => {
        if (lanes.mode === 'type') {
          // The file is read-only: the types in it are asked once.
          typesPresent ??= read(c, TYPES_PRESENT_SQL).then((rows) => new Set(rows.map((r) => String(r.type))));
          const present = await typesPresent.catch((error: unknown) => {
            typesPresent = null;
            throw error;
          });
          return laneBinsOf(typeLaneKeys(present, query.filters.types), false, binRows(await read(c, typeBinsSql(query, bins))), bins);
        }
        if (lanes.mode === 'place') {
          const ranking = await read(c, placeRankingSql(query.filters));
          const counts = new Map(ranking.filter((r) => r.place !== null).map((r) => [String(r.place), Number(r.n)]));
          const unplaced = Number(ranking.find((r) => r.place === null)?.n ?? 0);
          const { own, keys } = placeLaneKeys(counts, unplaced, lanes.maxLanes);
          return binsOfLanes(keys, binRows(await read(c, placeBinsSql(query, bins, own))), bins);
        }
        const ranking = await read(c, actorRankingSql(query.filters));
        const counts = new Map(ranking.filter((r) => r.actor !== null).map((r) => [String(r.actor), Number(r.n)]));
        const actorless = Number(ranking.find((r) => r.actor === null)?.n ?? 0);
        const { own, other } = actorLaneKeys(counts, actorless, registryOrder, lanes.maxLanes);
        const rows = own.length ? binRows(await read(c, actorBinsSql(query, bins, own))) : [];
        if (other) rows.push(...binRows(await read(c, otherActorBinsSql(query, bins, own))));
        return laneBinsOf(own, other, rows, bins);
      }),
    marks: (query, limit, signal) =>
      run(signal, async (c) => {
        const total = await count(c, countSql(query));
        if (total > limit) return { total, marks: null };
        const marks = (await read(c, marksSql(query, limit))).map(
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
    events: (query, offset, limit, signal) =>
      run(signal, async (c) => {
        if (pagedByCounts(query)) return countedPage(c, query, offset, limit);
        const total = await count(c, countSql(query));
        const events = (await read(c, eventsPageSql(query, offset, limit))).map((r) => JSON.parse(String(r.json)) as ConflictEvent);
        return { total, events };
      }),
    event: (id, signal) =>
      run(signal, async (c) => {
        const [row] = await read(c, eventByIdSql(id));
        return row ? (JSON.parse(String(row.json)) as ConflictEvent) : null;
      }),
    facetCounts: (query, signal) =>
      run(signal, async (c): Promise<FacetCounts> => {
        const visible = await count(c, countSql(query));
        const types = tally(await read(c, typeCountsSql(query)));
        const actors = tally(await read(c, actorCountsSql(query)));
        return { visible, types, actors };
      }),
    placeCounts: (query, signal) =>
      run(signal, async (c) => {
        const countries = tally(await read(c, countryCountsSql(query)));
        const groups = (await read(c, placeGroupsSql(query))).map((r) => ({ country: String(r.country), n: Number(r.n), firstRow: Number(r.first_row) }));
        const named = groups.length ? await read(c, eventsOfRowsSql(groups.map((g) => g.firstRow))) : [];
        return placeCountsOf(countries, groups, new Map(named.map((r) => [Number(r.row), JSON.parse(String(r.json)) as ConflictEvent])));
      }),
    laneEvents: (query, lanes, offset, limit, signal) =>
      run(signal, async (c) => {
        if (lanes.mode === 'type' && pagedByCounts(query)) {
          const filters = inTypeLanes(query.filters, lanes.keys);
          return filters ? countedPage(c, { ...query, filters }, offset, limit) : { total: 0, events: [] };
        }
        const total = await count(c, laneCountSql(query, lanes));
        const events = (await read(c, laneEventsPageSql(query, lanes, offset, limit))).map((r) => JSON.parse(String(r.json)) as ConflictEvent);
        return { total, events };
      }),
    map: (query, map, signal) =>
      run(signal, async (c): Promise<MapAnswer> => {
        const total = await count(c, mapCountSql(query, map));
        if (total <= MAP_POINT_LIMIT) {
          const points = (await read(c, mapPointsSql(query, map))).map((r) => ({
            id: String(r.id),
            lon: Number(r.lon),
            lat: Number(r.lat),
            type: r.type as EventType,
            precision: r.geo_precision === null ? null : (String(r.geo_precision) as GeoPrecision),
            title: String(r.title),
          }));
          return { kind: 'points', total, points };
        }
        const rows = (await read(c, mapCellsSql(query, map))).map((r) => ({ col: Number(r.col), row: Number(r.row), type: String(r.type), n: Number(r.n) }));
        return { kind: 'cells', total, zoom: Math.floor(map.zoom), cell: map.cell, cells: mapCellsOf(rows) };
      }),
    close: async () => {
      closed = true;
      await Promise.all(running);
      instance.closeSync();
    },
  };
  return { ok: true, engine };
}
