// A ZooKeeper of a test's own (Debian's zookeeper package: its jar, run by java), on a free
// loopback port with its data in a temporary directory: what ClickHouse needs for distributed DDL
// (CREATE … ON CLUSTER).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './clickhouseServers.ts';

/** Debian's jar; its manifest names the jars it needs. */
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';

export interface TestZooKeeper {
  port: number;
  stop(): Promise<void>;
}

/**
 * Resolves once ZooKeeper serves: it answers its `srvr` command with its version. It listens a
 * moment before it serves, and a connection then gets no handshake: ClickHouse 18.16's DDL worker
 * crashed on that (a null pointer after "Cannot read all data … while receiving handshake").
 */
async function waitForServing(port: number, timeoutMs: number, exited: () => string | null): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const why = exited();
    if (why !== null) throw new Error(why);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('srvr'));
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.once('end', () => resolve(text));
      socket.once('error', () => resolve(''));
    });
    if (answer.startsWith('Zookeeper version')) return;
    if (Date.now() > until) throw new Error(`ZooKeeper did not serve on 127.0.0.1:${port} within ${timeoutMs / 1000} s${answer ? ` (it said: ${answer.trim()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startZooKeeper(): Promise<TestZooKeeper> {
  if (!existsSync(ZOOKEEPER_JAR)) throw new Error('ZooKeeper is not installed (apt-get install -y zookeeper; .ci/run does so)');
  const dir = mkdtempSync(join(tmpdir(), 'ct-zookeeper-'));
  const port = await freePort();
  // Standalone, on loopback only, without its admin web server (which would take port 8080).
  const child = spawn('java', ['-Dzookeeper.admin.enableServer=false', '-Dzookeeper.clientPortAddress=127.0.0.1', '-cp', ZOOKEEPER_JAR, 'org.apache.zookeeper.server.ZooKeeperServerMain', String(port), join(dir, 'data')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForServing(port, 60_000, () => (child.exitCode !== null || child.signalCode !== null ? `ZooKeeper exited (${child.exitCode ?? child.signalCode}) before listening: ${stderr}` : null));
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop };
}
