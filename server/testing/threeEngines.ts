// The same dataset in the three engines the tests hold to the app's answers: a DuckDB database,
// one ClickHouse server, and a two-shard ClickHouse cluster (servers started here, on loopback).
import { join } from 'node:path';
import type { Dataset } from '../../src/model/schema.ts';
import type { ImportReport } from '../../src/io/report.ts';
import type { Engine } from '../engine.ts';
import { createDuckDbDatabase, openDuckDbEngine } from '../duckdbEngine.ts';
import { createClickHouseEngine } from '../clickhouseEngine.ts';
import { loadIntoClickHouse } from '../clickhouseLoad.ts';
import { startClickHouseCluster } from './clickhouseServers.ts';

export interface ThreeEngines {
  engines: { duckdb: Engine; clickhouse: Engine; 'clickhouse, two shards': Engine };
  /** Settles once the DuckDB engine's own work is done (a kept search's counts). */
  duckIdle: () => Promise<void>;
  /** Closes DuckDB and stops the ClickHouse servers. */
  stop(): Promise<void>;
}

/**
 * Loads `dataset` into DuckDB (a file in `dir`) and into ClickHouse as `ct_single` (the front
 * server alone) and `ct_cluster` (both shards); small batches make several parts.
 */
export async function startThreeEngines(dataset: Dataset, reports: ImportReport[], dir: string, batchSize: number): Promise<ThreeEngines> {
  const file = join(dir, 'events.duckdb');
  await createDuckDbDatabase(dataset, file, reports);
  const opened = await openDuckDbEngine(file);
  if (!opened.ok) throw new Error(opened.message);
  const clickhouse = await startClickHouseCluster(2);
  const [front, second] = clickhouse.servers;
  await loadIntoClickHouse({ url: front!.url, database: 'ct_single', batchSize }, dataset, reports);
  await loadIntoClickHouse({ url: front!.url, database: 'ct_cluster', cluster: clickhouse.cluster, shards: [front!.url, second!.url], batchSize }, dataset, reports);
  return {
    engines: {
      duckdb: opened.engine,
      clickhouse: createClickHouseEngine({ url: front!.url, database: 'ct_single' }),
      'clickhouse, two shards': createClickHouseEngine({ url: front!.url, database: 'ct_cluster', cluster: clickhouse.cluster }),
    },
    duckIdle: opened.idle,
    stop: async () => {
      await opened.engine.close();
      await clickhouse.stop();
    },
  };
}
