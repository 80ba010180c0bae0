// The same dataset loaded into one ClickHouse server and into a two-shard cluster, and an engine on
// each: the setup of the tests that hold every engine to the app's answers.
import type { Dataset } from '../../src/model/schema.ts';
import type { ImportReport } from '../../src/io/report.ts';
import type { Engine } from '../engine.ts';
import { createClickHouseEngine } from '../clickhouseEngine.ts';
import { loadIntoClickHouse } from '../clickhouseLoad.ts';
import type { TestClickHouseCluster } from './clickhouseServers.ts';

/** Loads `dataset` as `ct_single` (the front server alone) and `ct_cluster` (both shards); small batches make several parts. */
export async function clickHouseEngines(servers: TestClickHouseCluster, dataset: Dataset, reports: ImportReport[], batchSize: number): Promise<{ single: Engine; cluster: Engine }> {
  const [front, second] = servers.servers;
  await loadIntoClickHouse({ url: front!.url, database: 'ct_single', batchSize }, dataset, reports);
  await loadIntoClickHouse({ url: front!.url, database: 'ct_cluster', cluster: servers.cluster, shards: [front!.url, second!.url], batchSize }, dataset, reports);
  return {
    single: createClickHouseEngine({ url: front!.url, database: 'ct_single' }),
    cluster: createClickHouseEngine({ url: front!.url, database: 'ct_cluster', cluster: servers.cluster }),
  };
}
