// `npm run load -- … --cluster NAME` without --shard: the tables are made on every shard by
// distributed DDL (CREATE … ON CLUSTER), as on a production cluster, which has ZooKeeper (or
// ClickHouse Keeper). Two clickhouse-servers and a ZooKeeper of the test's own; CI installs both.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { createClickHouseClient, parseClickHouseUrl } from './clickhouseHttp.ts';
import { createClickHouseEngine } from './clickhouseEngine.ts';
import type { Engine, ViewQuery } from './engine.ts';
import { startClickHouseCluster, type TestClickHouseCluster } from './testing/clickhouseServers.ts';
import { startZooKeeper, type TestZooKeeper } from './testing/zookeeper.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');
const load = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts'), ...args], { cwd: join(import.meta.dirname, '..') });

let zookeeper: TestZooKeeper;
let servers: TestClickHouseCluster;
let dir: string;
let acled: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-on-cluster-'));
  acled = join(dir, 'generated-acled.csv');
  writeFileSync(acled, acledCsv(generatedAcledRows(2000, 5, 40)));
  zookeeper = await startZooKeeper();
  servers = await startClickHouseCluster(2, { zookeeperPort: zookeeper.port });
}, 180_000);

afterAll(async () => {
  await servers?.stop();
  await zookeeper?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a cluster with distributed DDL', () => {
  it('gets its tables on every shard from ON CLUSTER, and answers as a cluster whose shards were named one by one', async () => {
    const [front, second] = servers.servers;
    const onCluster = await load(SEED, acled, '--clickhouse', front!.url, '--database', 'ct_ddl', '--cluster', servers.cluster);
    expect(onCluster.stdout.trim()).toMatch(/^Loaded \d+ events into ClickHouse at \S+ \(database ct_ddl\)$/);
    await load(SEED, acled, '--clickhouse', front!.url, '--database', 'ct_named', '--cluster', servers.cluster, '--shard', front!.url, '--shard', second!.url);

    // Each shard holds its own part of the events, and the two parts are all of them.
    const countOn = async (url: string) => {
      const client = createClickHouseClient(parseClickHouseUrl(url));
      const tables = await client.rows<{ name: string }>({ sql: "SELECT name FROM system.tables WHERE database = 'ct_ddl' FORMAT JSONEachRow" });
      expect(tables.map((t) => t.name)).toContain('events_local');
      return Number((await client.rows<{ n: string }>({ sql: 'SELECT count() AS n FROM ct_ddl.events_local FORMAT JSONEachRow' }))[0]!.n);
    };
    const parts = [await countOn(front!.url), await countOn(second!.url)];
    const ddl = createClickHouseEngine({ url: front!.url, database: 'ct_ddl', cluster: servers.cluster });
    const named = createClickHouseEngine({ url: front!.url, database: 'ct_named', cluster: servers.cluster });
    const info = await ddl.info();
    expect(parts.every((n) => n > 0)).toBe(true);
    expect(parts[0]! + parts[1]!).toBe(info.count);
    expect(info).toEqual(await named.info());

    // The same answers, whichever way the tables were made.
    const query: ViewQuery = { filters: { types: [], actors: [], role: null, words: [], country: null, place: null }, from: info.extent!.from, to: info.extent!.to + 1 };
    const ask = (engine: Engine) => Promise.all([engine.facetCounts(query), engine.bins(query, { mode: 'type' }, 200), engine.bins(query, { mode: 'actor', maxLanes: 6 }, 200), engine.events(query, 0, 50)]);
    expect(await ask(ddl)).toEqual(await ask(named));
  }, 240_000);
});
