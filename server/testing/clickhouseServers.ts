// ClickHouse servers of a test's own: each in a temporary directory with a minimal config, on
// free loopback ports, all in one cluster whose shards are the servers (one shard per server).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPing } from '../clickhouseHttp.ts';

export const TEST_CLUSTER = 'ct_test_shards';
/** A user with a password, to reach the servers as a URL's credentials say. */
export const TEST_ANALYST = { user: 'analyst', password: 's:cret pw' };

export interface TestClickHouse {
  /** HTTP root, e.g. http://127.0.0.1:41234/ */
  url: string;
  tcpPort: number;
}

export interface TestClickHouseCluster {
  servers: TestClickHouse[];
  cluster: string;
  /** Stops every server and removes its data. */
  stop(): Promise<void>;
  /** Stops every server and keeps its data: the engine down mid-session, until resume(). */
  pause(): Promise<void>;
  /** Starts the paused servers again on the same ports and data, and waits until they answer. */
  resume(): Promise<void>;
}

/** The server binary: Debian's clickhouse-server (18.16), or a newer single `clickhouse` binary. */
function serverCommand(): { command: string; args: string[] } {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/usr/local/bin'])) {
    if (dir && existsSync(join(dir, 'clickhouse-server'))) return { command: join(dir, 'clickhouse-server'), args: [] };
  }
  if (spawnSync('clickhouse', ['--version']).status === 0) return { command: 'clickhouse', args: ['server'] };
  throw new Error('clickhouse-server is not installed (apt-get install -y clickhouse-server; .ci/run does so)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function serverConfig(dir: string, httpPort: number, tcpPort: number, shardTcpPorts: readonly number[], zookeeperPort?: number): string {
  const shards = shardTcpPorts.map((port) => `<shard><replica><host>127.0.0.1</host><port>${port}</port></replica></shard>`).join('');
  // With a ZooKeeper, the servers run distributed DDL (CREATE … ON CLUSTER), as a production cluster does.
  const zookeeper = zookeeperPort
    ? `<zookeeper><node><host>127.0.0.1</host><port>${zookeeperPort}</port></node><session_timeout_ms>30000</session_timeout_ms></zookeeper>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>`
    : '';
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><console>0</console></logger>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <remote_servers><${TEST_CLUSTER}>${shards}</${TEST_CLUSTER}></remote_servers>
  ${zookeeper}
</yandex>
`;
}

export const USERS_CONFIG = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>
    <analyst><password>${TEST_ANALYST.password}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></analyst>
  </users>
  <quotas><default></default></quotas>
</yandex>
`;

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

/** Starts `count` servers, one shard each of TEST_CLUSTER, and waits until each answers /ping. */
export async function startClickHouseCluster(count: number, options: { zookeeperPort?: number } = {}): Promise<TestClickHouseCluster> {
  const { command, args } = serverCommand();
  // Ports free now, and distinct (a port closed at once may be handed out again).
  const taken = new Set<number>();
  const nextPort = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (taken.has(port)) continue;
      taken.add(port);
      return port;
    }
  };
  const ports: { http: number; tcp: number }[] = [];
  for (let i = 0; i < count; i++) ports.push({ http: await nextPort(), tcp: await nextPort() });
  const started: { child: ChildProcess; dir: string }[] = [];
  const stop = async () => {
    await Promise.all(started.map(({ child }) => stopProcess(child)));
    for (const { dir } of started) rmSync(dir, { recursive: true, force: true });
  };
  /** Starts server `i` in `dir` (its config written there already) and waits for its /ping. */
  const launch = async (i: number, dir: string) => {
    const port = ports[i]!;
    const child = spawn(command, [...args, `--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    started[i] = { child, dir };
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => {
        const log = existsSync(join(dir, 'server.err.log')) ? readFileSync(join(dir, 'server.err.log'), 'utf8').slice(-2000) : '';
        reject(new Error(`clickhouse-server exited (${code ?? signal}) before answering: ${stderr}${log}`));
      }),
    );
    exited.catch(() => {});
    await Promise.race([waitForPing(`http://127.0.0.1:${port.http}/`, 60_000), exited]);
  };
  try {
    for (const [i, port] of ports.entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'ct-clickhouse-'));
      writeFileSync(join(dir, 'config.xml'), serverConfig(dir, port.http, port.tcp, ports.map((p) => p.tcp), options.zookeeperPort));
      writeFileSync(join(dir, 'users.xml'), USERS_CONFIG);
      await launch(i, dir);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const pause = async () => {
    await Promise.all(started.map(({ child }) => stopProcess(child)));
  };
  const resume = async () => {
    await Promise.all(started.map(({ child, dir }, i) => (child.exitCode !== null || child.signalCode !== null ? launch(i, dir) : undefined)));
  };
  return { servers: ports.map((p) => ({ url: `http://127.0.0.1:${p.http}/`, tcpPort: p.tcp })), cluster: TEST_CLUSTER, stop, pause, resume };
}
