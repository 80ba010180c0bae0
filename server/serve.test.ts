// `npm run serve`'s arguments, its sources (a DuckDB file of ours, of someone else's), and the
// process itself: it serves, reloads a changed file and keeps the old data when one breaks.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { isLoopback, pageLine, parseServeArgs, servingLine, sourceLabel } from './serveCli.ts';
import { loadDuckDbSource } from './duckdbSource.ts';
import { createDuckDbDatabase } from './duckdbEngine.ts';
import { readDataset } from './readDataset.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');
const dir = mkdtempSync(join(tmpdir(), 'ct-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseServeArgs', () => {
  it('reads files and options, with the defaults of the issue', () => {
    expect(parseServeArgs(['a.csv', 'b.parquet'], {})).toEqual({ files: ['a.csv', 'b.parquet'], clickhouse: null, host: '127.0.0.1', port: 8787, watch: false, allowOrigins: [], token: null });
    expect(
      parseServeArgs(['--host', '0.0.0.0', 'a.csv', '--port', '9000', '--watch', '--allow-origin', 'https://a.example', '--allow-origin', 'http://localhost:5173', '--token', 't1'], {}),
    ).toEqual({ files: ['a.csv'], clickhouse: null, host: '0.0.0.0', port: 9000, watch: true, allowOrigins: ['https://a.example', 'http://localhost:5173'], token: 't1' });
  });

  it('takes the token from the environment, and --token over it', () => {
    expect(parseServeArgs(['a.csv'], { CONFLICT_TIMELINE_TOKEN: 'env' })).toMatchObject({ token: 'env' });
    expect(parseServeArgs(['a.csv', '--token', 'arg'], { CONFLICT_TIMELINE_TOKEN: 'env' })).toMatchObject({ token: 'arg' });
    expect(parseServeArgs(['a.csv'], { CONFLICT_TIMELINE_TOKEN: '' })).toMatchObject({ token: null });
  });

  it('says what is wrong', () => {
    expect(parseServeArgs([], {})).toEqual({ error: 'no file given' });
    expect(parseServeArgs(['a.csv', '--port', 'http'], {})).toEqual({ error: expect.stringMatching(/^--port needs a port number/) });
    expect(parseServeArgs(['a.csv', '--port', '70000'], {})).toEqual({ error: expect.stringMatching(/^--port needs/) });
    expect(parseServeArgs(['a.csv', '--allow-origin', 'https://a.example/path'], {})).toEqual({ error: expect.stringMatching(/^--allow-origin needs an origin/) });
    expect(parseServeArgs(['a.csv', '--allow-origin', '*'], {})).toEqual({ error: expect.stringMatching(/^--allow-origin needs an origin/) });
    expect(parseServeArgs(['a.csv', '--token'], {})).toEqual({ error: '--token needs a value' });
    expect(parseServeArgs(['a.csv', '--clickhous', 'x'], {})).toEqual({ error: 'unknown option --clickhous' });
  });

  it('serves a ClickHouse that npm run load filled, with no file', () => {
    expect(parseServeArgs(['--clickhouse', 'http://127.0.0.1:8123/', '--cluster', 'shards', '--port', '9000'], {})).toMatchObject({
      files: [],
      clickhouse: { url: 'http://127.0.0.1:8123/', database: null, cluster: 'shards' },
      port: 9000,
    });
    expect(parseServeArgs(['--clickhouse', 'http://ch:8123/', '--database', 'acled'], {})).toMatchObject({ clickhouse: { database: 'acled', cluster: null } });
    expect(parseServeArgs(['--clickhouse', 'ftp://ch/'], {})).toEqual({ error: expect.stringMatching(/^--clickhouse needs the http\(s\) URL/) });
    expect(parseServeArgs(['--clickhouse', 'http://ch:8123/', 'a.csv'], {})).toEqual({ error: expect.stringMatching(/^with --clickhouse the events come from the database that npm run load filled; give no file \(a\.csv\)$/) });
    expect(parseServeArgs(['--clickhouse', 'http://ch:8123/', '--watch'], {})).toEqual({ error: expect.stringMatching(/^--watch reloads files/) });
    expect(parseServeArgs(['--clickhouse', 'http://ch:8123/', '--cluster', 'a;DROP'], {})).toEqual({ error: expect.stringMatching(/^--cluster needs a plain name/) });
    expect(parseServeArgs(['a.csv', '--cluster', 'shards'], {})).toEqual({ error: '--cluster goes with --clickhouse' });
    expect(sourceLabel({ files: [], clickhouse: { url: 'http://u:secret@ch:8123/', database: 'acled', cluster: 'shards' } }, (url) => url.replace('secret', '***'))).toBe(
      'ClickHouse at http://u:***@ch:8123/ (database acled) (cluster shards)',
    );
  });

  it('says where it serves', () => {
    expect(servingLine(16, 'data/seed.json (DuckDB)', '127.0.0.1', 8787)).toBe('Serving 16 events from data/seed.json (DuckDB) on http://127.0.0.1:8787/');
    expect(servingLine(1_000_000, 'ClickHouse at http://ch.example:8123/', '::1', 80)).toBe('Serving 1,000,000 events from ClickHouse at http://ch.example:8123/ on http://[::1]:80/');
    expect(pageLine('127.0.0.1', 8787)).toBe('Open http://127.0.0.1:8787/?source=http://127.0.0.1:8787/ to browse it in the app; the API is under /api/ (README: Data server).');
    expect([isLoopback('127.0.0.1'), isLoopback('localhost'), isLoopback('0.0.0.0'), isLoopback('192.168.1.2')]).toEqual([true, true, false, false]);
  });
});

describe('loadDuckDbSource', () => {
  it('serves a database of ours as it is, read-only', async () => {
    const read = await readDataset([SEED]);
    if (!read.ok) throw new Error(read.message);
    const path = join(dir, 'ours.duckdb');
    await createDuckDbDatabase(read.dataset, path, read.reports);
    const loaded = await loadDuckDbSource([path], dir);
    if (!loaded.ok) throw new Error(loaded.message);
    try {
      expect(loaded.count).toBe(16);
      expect((await loaded.engine.info()).reports[0]!.fileName).toBe('seed.json');
    } finally {
      await loaded.dispose();
    }
    expect(await loadDuckDbSource([path, SEED], dir)).toEqual({ ok: false, message: `${path} is a DuckDB database: serve it alone, not with other files` });
  });

  it('says clearly when a DuckDB database is not one of ours', async () => {
    const path = join(dir, 'other.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE events (x INTEGER)');
    connection.closeSync();
    instance.closeSync();
    expect(await loadDuckDbSource([path], dir)).toEqual({
      ok: false,
      message: `${path} is a DuckDB database, but not one written by npm run serve: it has no table event_actors, dataset_info`,
    });
  });
});

describe('the serve process', () => {
  it('prints the report and where it serves, reloads a changed file, and keeps the data when the file breaks', async () => {
    const file = join(dir, 'watched.json');
    copyFileSync(SEED, file);
    const temporary = mkdtempSync(join(dir, 'tmp-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve.ts'), file, '--port', '0', '--watch'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: temporary },
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const errors = createInterface({ input: child.stderr! })[Symbol.asyncIterator]();
    const next = async (iterator: AsyncIterator<string>) => (await iterator.next()).value as string;
    try {
      expect(await next(lines)).toBe('watched.json: read as Conflict Timeline JSON. 16 rows read: 16 imported (0 fixed), 0 rejected.');
      const serving = await next(lines);
      expect(serving).toMatch(new RegExp(`^Serving 16 events from ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(DuckDB\\) on http://127\\.0\\.0\\.1:\\d+/$`));
      expect(await next(lines)).toMatch(/^Open http:\/\/127\.0\.0\.1:(\d+)\/\?source=http:\/\/127\.0\.0\.1:\1\/ to browse it in the app/);
      const base = /(http:\/\/\S+)\//.exec(serving)![1]!;
      const count = async () => ((await (await fetch(`${base}/api/info`)).json()) as { count: number }).count;
      expect(await count()).toBe(16);

      const seed = JSON.parse((await import('node:fs')).readFileSync(SEED, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...seed, events: seed.events.slice(0, 10) }));
      expect(await next(lines)).toMatch(/10 rows read/);
      expect(await next(lines)).toMatch(/^Reloaded\. Serving 10 events/);
      expect(await count()).toBe(10);

      writeFileSync(file, 'not json{');
      expect(await next(errors)).toMatch(/^Reload failed, still serving the previous data: watched\.json /);
      expect(await count()).toBe(10);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // Its database was in a temporary folder, which it removed on the way out.
    expect(readdirSync(temporary).filter((name) => name.startsWith('conflict-timeline-serve-'))).toEqual([]);
  }, 60_000);
});
