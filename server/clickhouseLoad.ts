// Loads a dataset into ClickHouse: creates the tables (replacing an earlier load of the same
// database) and inserts the app's event rows in batches of JSONEachRow, whose values are data
// that ClickHouse parses, never SQL.
import { DuckDBInstance, INTEGER } from '@duckdb/node-api';
import type { Dataset, DatasetInfo } from '../src/model/schema.ts';
import { DATABASE_FORMAT, OLDER_DATABASE_FORMATS } from './duckdbLoad.ts';
import type { ImportReport } from '../src/io/report.ts';
import { datasetInfoOf, eventRowsOf, type EventRow, type EventRows } from './eventRows.ts';
import { ClickHouseError, createClickHouseClient, parseClickHouseUrl, redactedUrl, type ClickHouseClient } from './clickhouseHttp.ts';
import { actorTotalsStatements, DEFAULT_DATABASE, insertSql, searchableText, schemaStatements, withCoordinateBits, wordsMergeStatement, type ClickHouseLayout } from './clickhouseSql.ts';

/** The one row of dataset_info. */
export interface StoredInfo {
  dataset: DatasetInfo;
  reports: ImportReport[];
  cluster: string | null;
}

export interface LoadOptions {
  url: string;
  database?: string;
  cluster?: string | null;
  /**
   * The HTTP URL of every shard of the cluster. With them the loader creates each shard's tables
   * over that URL; without, through ON CLUSTER, which needs the cluster's distributed DDL
   * (ZooKeeper).
   */
  shards?: readonly string[];
  /** Events per INSERT. */
  batchSize?: number;
}

export interface LoadResult {
  count: number;
  database: string;
  /** Whether an earlier load of this database was replaced. */
  replaced: boolean;
}

/** An event row of the app's table as a line of JSONEachRow for `events`. */
export function eventLine(rows: EventRows, e: EventRow): string {
  const row = e.row;
  const actors = rows.actorRows(row);
  const line = JSON.stringify({
    row: e.row,
    id: e.id,
    type: e.type,
    start_ms: e.start,
    end_ms: e.end,
    last_ms: rows.table.end[row]!,
    country: e.country,
    place_keys: e.placeKeys,
    actor_ids: actors.map((a) => a.actor),
    actor_roles: actors.map((a) => a.roles),
    search: searchableText(e.search),
    title: e.title,
    language: e.language,
    json: e.json,
    geo_precision: e.precision,
    place_lane: e.placeLane ?? '',
  });
  return withCoordinateBits(line, e.lon, e.lat);
}

/** The event's actors as lines of JSONEachRow for `event_actors`. */
export function actorLines(rows: EventRows, e: EventRow): string[] {
  return rows.actorRows(e.row).map((a) => JSON.stringify({ row: a.row, id: e.id, actor: a.actor, roles: a.roles }));
}


export function layoutOf(options: Pick<LoadOptions, 'url' | 'database' | 'cluster'>): ClickHouseLayout {
  return { database: options.database ?? parseClickHouseUrl(options.url).database ?? DEFAULT_DATABASE, cluster: options.cluster ?? null };
}

async function exists(client: ClickHouseClient, layout: ClickHouseLayout): Promise<boolean> {
  const rows = await client.rows<{ n: number }>({
    sql: 'SELECT count() AS n FROM system.tables WHERE database IN (SELECT db FROM _db) AND name = \'dataset_info\' FORMAT JSONEachRow',
    external: [{ name: '_db', structure: 'db String', rows: [[layout.database]] }],
  });
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Creates the tables of `layout` (replacing an earlier load) on the shards and the front server. */
async function createTables(options: LoadOptions, layout: ClickHouseLayout, front: ClickHouseClient): Promise<ClickHouseClient[]> {
  const shardClients = layout.cluster !== null && options.shards?.length ? options.shards.map((url) => createClickHouseClient(parseClickHouseUrl(url))) : [front];
  const statements = schemaStatements(layout, layout.cluster !== null && !options.shards?.length);
  try {
    for (const client of shardClients) for (const sql of statements.shard) await client.text({ sql });
  } catch (error) {
    // 18.16 answers ON CLUSTER without ZooKeeper with "DDL background thread is not initialized".
    if (error instanceof ClickHouseError && /DDL background thread/.test(error.detail)) {
      throw new Error(`ClickHouse at ${redactedUrl(options.url)} cannot run ON CLUSTER (it needs ZooKeeper for distributed DDL): name each shard's HTTP URL with --shard`);
    }
    throw error;
  }
  for (const sql of statements.front) await front.text({ sql });
  return shardClients;
}

/**
 * Loads a database `npm run serve` wrote (server/duckdbLoad.ts) into ClickHouse: its rows are the
 * app's (imported, mapped and numbered by the app's code), and DuckDB writes them as JSONEachRow
 * itself, so no event is built or read in JavaScript: many times faster than loadIntoClickHouse
 * for millions of events.
 */
export async function loadDuckDbIntoClickHouse(options: LoadOptions, duckDbPath: string, progress: (loaded: number, total: number) => void = () => {}): Promise<LoadResult> {
  const layout = layoutOf(options);
  const front = createClickHouseClient(parseClickHouseUrl(options.url));
  const replaced = await exists(front, layout);
  const instance = await DuckDBInstance.create(duckDbPath, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    try {
      const [info] = (await connection.runAndReadAll('SELECT format, dataset, reports FROM dataset_info')).getRowObjectsJS();
      if (info && OLDER_DATABASE_FORMATS.includes(String(info.format))) {
        throw new Error(`${duckDbPath} was written by an older version (format ${String(info.format)}; this one reads ${DATABASE_FORMAT}, which keeps the events' coordinates and counts made at load): write it again from the original files`);
      }
      if (info?.format !== DATABASE_FORMAT) throw new Error(`${duckDbPath} is not a database of format ${DATABASE_FORMAT}`);
      const [extent] = (await connection.runAndReadAll('SELECT count(*)::BIGINT AS n, coalesce(max(coalesce(end_ms, start_ms) - start_ms), 0) AS longest FROM events')).getRowObjectsJS();
      const total = Number(extent!.n);
      const shardClients = await createTables(options, layout, front);
      const stored: StoredInfo = { dataset: JSON.parse(String(info.dataset)) as DatasetInfo, reports: JSON.parse(String(info.reports)) as ImportReport[], cluster: layout.cluster };
      await front.text({ sql: insertSql(layout, 'dataset_info'), body: `${JSON.stringify({ json: JSON.stringify(stored), longest_ms: Number(extent!.longest) })}\n` });
      const settings: Record<string, string> = layout.cluster !== null ? { insert_distributed_sync: '1' } : {};
      const batchSize = options.batchSize ?? 50_000;
      // As eventLine and actorLines write them; U+FDD0 in place of NUL (searchableText).
      const eventLines = `SELECT to_json({
          row: e.row, id: e.id, type: e.type, start_ms: e.start_ms, end_ms: e.end_ms, last_ms: coalesce(e.end_ms, e.start_ms),
          country: e.country, place_keys: e.place_keys, actor_ids: coalesce(a.ids, []::VARCHAR[]), actor_roles: coalesce(a.roles, []::INTEGER[]),
          search: replace(e.search, chr(0), chr(64976)), title: e.title, language: e.language, json: e.json,
          geo_precision: e.geo_precision, place_lane: coalesce(e.place_lane, '')
        })::VARCHAR AS line, e.lon AS lon, e.lat AS lat
        FROM events e LEFT JOIN (SELECT row, list(actor ORDER BY position) AS ids, list(roles ORDER BY position) AS roles FROM event_actors WHERE row >= $1 AND row < $2 GROUP BY row) a ON a.row = e.row
        WHERE e.row >= $1 AND e.row < $2 ORDER BY e.row`;
      const actorLinesSql = `SELECT to_json({ row: a.row, id: e.id, actor: a.actor, roles: a.roles })::VARCHAR AS line
        FROM event_actors a JOIN events e ON e.row = a.row WHERE a.row >= $1 AND a.row < $2 ORDER BY a.row, a.position`;
      const linesOf = async (sql: string, first: number) => {
        const reader = await connection.runAndReadAll(sql, [first, first + batchSize], [INTEGER, INTEGER]);
        const [lines = [], lons, lats] = reader.getColumnsJS();
        // An event's coordinates go as their bits (withCoordinateBits), which DuckDB cannot write.
        return (lons ? lines.map((line, i) => withCoordinateBits(String(line), lons[i] as number | null, lats![i] as number | null)) : lines).join('\n');
      };
      for (let first = 0; first < total; first += batchSize) {
        const events = await linesOf(eventLines, first);
        await front.text({ sql: insertSql(layout, 'events'), body: `${events}\n`, settings });
        const actors = await linesOf(actorLinesSql, first);
        if (actors) await front.text({ sql: insertSql(layout, 'event_actors'), body: `${actors}\n`, settings });
        progress(Math.min(total, first + batchSize), total);
      }
      await finishLoad(front, shardClients, layout);
      return { count: total, database: layout.database, replaced };
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

export async function loadIntoClickHouse(
  options: LoadOptions,
  dataset: Dataset,
  reports: ImportReport[],
  progress: (loaded: number, total: number) => void = () => {},
): Promise<LoadResult> {
  const layout = layoutOf(options);
  const front = createClickHouseClient(parseClickHouseUrl(options.url));
  const replaced = await exists(front, layout);
  const shardClients = await createTables(options, layout, front);

  const rows = eventRowsOf(dataset);
  const stored: StoredInfo = { dataset: datasetInfoOf(dataset), reports, cluster: layout.cluster };
  // First, so that queries during the load already have the longest duration: it bounds how early
  // an event in a window can start (rowsInWindow's bound).
  const info = { json: JSON.stringify(stored), longest_ms: rows.table.longestDuration };
  await front.text({ sql: insertSql(layout, 'dataset_info'), body: `${JSON.stringify(info)}\n` });
  // Through a Distributed table, wait until every shard holds its rows.
  const settings: Record<string, string> = layout.cluster !== null ? { insert_distributed_sync: '1' } : {};
  const total = rows.table.size;
  const batchSize = options.batchSize ?? 20_000;
  for (let first = 0; first < total; first += batchSize) {
    const events: string[] = [];
    const actors: string[] = [];
    for (let row = first; row < Math.min(total, first + batchSize); row++) {
      const eventRow = rows.eventRow(row);
      events.push(eventLine(rows, eventRow));
      actors.push(...actorLines(rows, eventRow));
    }
    await front.text({ sql: insertSql(layout, 'events'), body: `${events.join('\n')}\n`, settings });
    if (actors.length) await front.text({ sql: insertSql(layout, 'event_actors'), body: `${actors.join('\n')}\n`, settings });
    progress(Math.min(total, first + batchSize), total);
  }
  await finishLoad(front, shardClients, layout);
  return { count: total, database: layout.database, replaced };
}

/** After the rows: the actor totals on the front server, and each shard's distinct words merged. */
export async function finishLoad(front: ClickHouseClient, shards: readonly ClickHouseClient[], layout: ClickHouseLayout): Promise<void> {
  for (const sql of actorTotalsStatements(layout)) await front.text({ sql });
  // Without shard URLs (ON CLUSTER) the words stay as inserted until ClickHouse merges them: a search reads more, finds the same.
  if (layout.cluster === null || shards[0] !== front) for (const client of shards) await client.text({ sql: wordsMergeStatement(layout) });
}
