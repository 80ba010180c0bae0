// The data server bench's data: n generated ACLED-like events in a DuckDB database of the server
// (server/duckdbLoad.ts), kept under TMPDIR so that a second run (or a larger size) does not import
// again. Made in parallel: one worker per core imports chunks of 100,000 generated rows with the
// app's importer (its mapping and report, as `npm run import`) into a part database; the parts
// are merged and the rows numbered in the app's time order (mergeDuckDbParts).
import os from 'node:os';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DATABASE_FORMAT, DERIVED_SQL, mergeDuckDbParts, SCHEMA_SQL } from '../server/duckdbLoad.ts';
import { mergeInto } from '../src/io/merge.ts';
import type { DatasetInfo } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import type { PartDone, PartJob } from './serverDataWorker.ts';

const CHUNK = 100_000;

/** A worker thread does not inherit tsx's loader: it registers it, then imports the worker's module. */
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./serverDataWorker.ts', import.meta.url).href)}); })`;

export const BENCH_CACHE = join(process.env.TMPDIR ?? os.tmpdir(), 'ct-bench-server-cache');

/** Above this many events, the bench repeats the events of this many (see repeatedDatabase). */
export const IMPORTED_AT_MOST = 1_000_000;

/** How the bench's database of n events is made: imported by the app's importer, or that of IMPORTED_AT_MOST repeated. */
export function howMade(n: number): { imported: number; copies: number } {
  return n > IMPORTED_AT_MOST && n % IMPORTED_AT_MOST === 0 ? { imported: IMPORTED_AT_MOST, copies: n / IMPORTED_AT_MOST } : { imported: n, copies: 1 };
}

/** The cached database of n events, made first if need be; `made` is how long making it took (then, when `cached`). */
export async function benchDatabase(n: number, log: (line: string) => void = () => {}): Promise<{ path: string; made: number; cached: boolean }> {
  mkdirSync(BENCH_CACHE, { recursive: true });
  const path = join(BENCH_CACHE, `acled-${n}-${DATABASE_FORMAT}.duckdb`);
  const made = `${path}.json`;
  const older = join(BENCH_CACHE, `acled-${n}-${DERIVABLE_FORMAT}.duckdb`);
  if (!existsSync(path) && existsSync(older) && existsSync(`${older}.json`)) {
    // The same rows without the newer tables: copied and completed, not imported again.
    log(`deriving ${path} from ${older}`);
    const temporary = `${path}.making`;
    copyFileSync(older, temporary);
    await addMissingTables(temporary, log);
    await setFormat(temporary);
    renameSync(temporary, path);
    copyFileSync(`${older}.json`, made);
  }
  if (existsSync(path) && existsSync(made)) {
    await addMissingTables(path, log);
    return { path, made: (JSON.parse(readFileSync(made, 'utf8')) as { ms: number }).ms, cached: true };
  }
  const start = performance.now();
  const { imported, copies } = howMade(n);
  if (copies > 1) {
    const base = await benchDatabase(imported, log);
    const temporary = `${path}.making`;
    rmSync(temporary, { force: true });
    await repeatedDatabase(base.path, copies, temporary);
    renameSync(temporary, path);
    const ms = performance.now() - start;
    writeFileSync(made, JSON.stringify({ ms, base: base.made }));
    log(`database of ${n.toLocaleString('en-GB')} events made in ${(ms / 1000).toFixed(0)} s`);
    return { path, made: ms, cached: false };
  }
  const workers = Math.max(1, Math.min(os.cpus().length, Math.ceil(n / CHUNK)));
  const jobs: PartJob[] = Array.from({ length: workers }, (_, w) => ({ path: join(BENCH_CACHE, `part-${n}-${w}.duckdb`), chunks: [] }));
  for (let first = 0, k = 0; first < n; first += CHUNK, k++) jobs[k % workers]!.chunks.push({ first, count: Math.min(CHUNK, n - first) });
  for (const job of jobs) rmSync(job.path, { force: true });
  let importedSoFar = 0;
  const done = await Promise.all(
    jobs.map(
      (job) =>
        new Promise<PartDone>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, { eval: true, workerData: job });
          worker.on('message', (message: { progress?: number; done?: PartDone }) => {
            if (message.progress) {
              importedSoFar += message.progress;
              log(`imported ${importedSoFar.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} (${((performance.now() - start) / 1000).toFixed(0)} s)`);
            }
            if (message.done) resolve(message.done);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`a worker stopped with ${code}`)));
        }),
    ),
  );
  // The parts' fields merged as the chunks' datasets are (first chunk first: worker 0 holds it).
  let info: DatasetInfo = done[0]!.info;
  for (const part of done.slice(1)) info = mergeInto(info, () => false, { ...part.info, events: [] }).info;
  const reports: ImportReport[] = done.flatMap((part) => part.reports);
  const temporary = `${path}.making`;
  rmSync(temporary, { force: true });
  await mergeDuckDbParts(
    jobs.map((job) => job.path),
    temporary,
    info,
    reports,
  );
  renameSync(temporary, path);
  for (const job of jobs) rmSync(job.path, { force: true });
  const ms = performance.now() - start;
  writeFileSync(made, JSON.stringify({ ms }));
  log(`database of ${n.toLocaleString('en-GB')} events made in ${(ms / 1000).toFixed(0)} s`);
  return { path, made: ms, cached: false };
}

/**
 * A database holding the events of `base` `copies` times: copy k > 0 of an event has the id
 * `ID.k` (in its JSON too), and everything else of the event as the app imported it. Row r of the
 * base becomes rows r × copies + k: the app's time order of the copies, as long as no id is
 * another's beginning followed by a character before "." (true of the generated ids, GEN and a
 * number; checked below). Each copy is written in the base's order, so that every row group of
 * the table still spans a short time.
 */
async function repeatedDatabase(base: string, copies: number, path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    try {
      await connection.run(SCHEMA_SQL);
      await connection.run(`ATTACH '${base.replaceAll("'", "''")}' AS base (READ_ONLY)`);
      for (let k = 0; k < copies; k++) {
        const id = k === 0 ? 'e.id' : `e.id || '.${k}'`;
        const json = k === 0 ? 'e.json' : `replace(e.json, '"id":' || to_json(e.id), '"id":' || to_json(${id}))`;
        await connection.run(
          `INSERT INTO events SELECT e.row * ${copies} + ${k}, ${id}, e.type, e.start_ms, e.end_ms, e.country, e.place_keys, e.search, e.title, e.language, ${json}, e.lon, e.lat, e.geo_precision, e.place_lane FROM base.events e ORDER BY e.row`,
        );
        await connection.run(`INSERT INTO event_actors SELECT a.row * ${copies} + ${k}, a.actor, a.roles, a.position FROM base.event_actors a ORDER BY a.row, a.position`);
      }
      const [check] = (
        await connection.runAndReadAll(
          'SELECT count(*) AS n FROM (SELECT start_ms, id, lag(start_ms) OVER (ORDER BY row) AS s0, lag(id) OVER (ORDER BY row) AS i0 FROM events) WHERE s0 > start_ms OR (s0 = start_ms AND i0 >= id)',
        )
      ).getRowObjectsJS();
      if (Number(check!.n) !== 0) throw new Error(`the copies are out of the app's time order at ${check!.n} rows`);
      await finishRepeated(connection, copies);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * A format whose databases hold the same events and event_actors as DATABASE_FORMAT's, and only
 * lack tables that DERIVED_SQL makes from them (format 5 added word_counts, casts and event_facts).
 */
const DERIVABLE_FORMAT = 'conflict-timeline-duckdb-4';

/** Marks a completed copy of a DERIVABLE_FORMAT database as DATABASE_FORMAT. */
async function setFormat(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    try {
      await connection.run('UPDATE dataset_info SET format = $1', [DATABASE_FORMAT]);
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * A cached database made before a table was added to DERIVED_SQL gets it (each statement makes
 * one table from events and event_actors, which do not change), so that the cache stays usable.
 */
async function addMissingTables(path: string, log: (line: string) => void): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    try {
      const tables = new Set((await connection.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).getRowObjectsJS().map((r) => String(r.table_name)));
      for (const statement of DERIVED_SQL.split(';').map((sql) => sql.trim()).filter(Boolean)) {
        const name = /^CREATE TABLE (\w+)/.exec(statement)![1]!;
        if (tables.has(name)) continue;
        log(`adding ${name} to ${path}`);
        await connection.run(statement);
      }
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * The derived tables of a repeated database from the base's (attached as `base`): copy k of base
 * row r is row r × copies + k, with the same text, actors, type and start, so a word's rows are
 * its base rows each followed by its copies (still in order), and every count is copies times the
 * base's. The same tables DERIVED_SQL makes from the rows, without reading them again.
 */
export async function finishRepeated(connection: DuckDBConnection, copies: number): Promise<void> {
  const c = Number(copies);
  await connection.run(`CREATE TABLE words AS SELECT word, flatten(list_transform(rows, r -> list_transform(range(${c}), k -> (r * ${c} + k)::INTEGER))) AS rows FROM base.words ORDER BY word`);
  await connection.run(`CREATE TABLE word_counts AS SELECT word, (n * ${c})::INTEGER AS n FROM base.word_counts ORDER BY word`);
  await connection.run(`CREATE TABLE start_counts AS SELECT type, start_ms, (n * ${c})::INTEGER AS n FROM base.start_counts ORDER BY start_ms`);
  await connection.run(`CREATE TABLE actor_start_counts AS SELECT actor, roles, type, start_ms, (n * ${c})::INTEGER AS n FROM base.actor_start_counts ORDER BY actor, start_ms`);
  await connection.run(`CREATE TABLE actor_totals AS SELECT actor, type, (n * ${c})::INTEGER AS n FROM base.actor_totals`);
  await connection.run(`CREATE TABLE span_counts AS SELECT type, start_ms, last_ms, (n * ${c})::INTEGER AS n FROM base.span_counts ORDER BY start_ms`);
  await connection.run(`CREATE TABLE actor_span_counts AS SELECT actor, roles, type, start_ms, last_ms, (n * ${c})::INTEGER AS n FROM base.actor_span_counts ORDER BY start_ms, actor`);
  await connection.run('CREATE TABLE actor_sets AS SELECT set_id, actors FROM base.actor_sets');
  await connection.run('CREATE TABLE actor_set_members AS SELECT actor, set_id, size FROM base.actor_set_members ORDER BY actor, set_id');
  await connection.run(
    `CREATE TABLE event_facts AS SELECT (f.row * ${c} + k.k)::INTEGER AS row, f.type, f.start_ms, f.end_ms, f.set_id, f.cast_id FROM base.event_facts f, range(${c}) k(k) ORDER BY row`,
  );
  await connection.run('CREATE TABLE casts AS SELECT cast_id, members FROM base.casts');
  await connection.run('CREATE TABLE cast_members AS SELECT cast_id, actor, roles FROM base.cast_members ORDER BY cast_id');
  await connection.run(`CREATE TABLE set_start_counts AS SELECT set_id, type, start_ms, (n * ${c})::INTEGER AS n FROM base.set_start_counts ORDER BY start_ms`);
  await connection.run(`CREATE TABLE actor_set_start_counts AS SELECT actor, roles, set_id, type, start_ms, (n * ${c})::INTEGER AS n FROM base.actor_set_start_counts ORDER BY start_ms, actor`);
  const [info] = (await connection.runAndReadAll('SELECT dataset, reports FROM base.dataset_info')).getRowObjectsJS();
  await connection.run('DETACH base');
  await connection.run('INSERT INTO dataset_info VALUES ($1, $2, $3)', [DATABASE_FORMAT, String(info!.dataset), String(info!.reports)]);
  await connection.run('CHECKPOINT');
}
