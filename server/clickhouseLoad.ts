// Loads a dataset into ClickHouse: creates the tables (replacing an earlier load of the same
// database) and inserts the app's event rows in batches of JSONEachRow, whose values are data
// that ClickHouse parses, never SQL.
import type { Dataset, DatasetInfo } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { datasetInfoOf, eventRowsOf, type EventRow, type EventRows } from './eventRows.ts';
import { ClickHouseError, createClickHouseClient, parseClickHouseUrl, redactedUrl, type ClickHouseClient } from './clickhouseHttp.ts';
import { DEFAULT_DATABASE, insertSql, searchableText, schemaStatements, type ClickHouseLayout } from './clickhouseSql.ts';

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
  return JSON.stringify({
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
  });
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

export async function loadIntoClickHouse(
  options: LoadOptions,
  dataset: Dataset,
  reports: ImportReport[],
  progress: (loaded: number, total: number) => void = () => {},
): Promise<LoadResult> {
  const layout = layoutOf(options);
  const front = createClickHouseClient(parseClickHouseUrl(options.url));
  const replaced = await exists(front, layout);
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
  return { count: total, database: layout.database, replaced };
}
