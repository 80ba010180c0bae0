// `npm run bench` (fourth part): the data server. At each size, generated ACLED-like events are
// put in a DuckDB database (bench/serverData.ts: imported by the app's importer in worker threads,
// cached under TMPDIR; above 1M, the 1M repeated), which is loaded into one ClickHouse server and a
// two-shard ClickHouse cluster (servers the bench starts itself on loopback, as the tests do;
// skipped, and said so, where clickhouse-server is not installed), and the same things are asked
// of each (BENCH_SERVER_ENGINES chooses; see the README for every setting):
// - a browsing session: 40 view changes (zooms, pans, a type or actor filter on and off), each the
//   bins of a 1,400 px plot's lanes by type: p50 and p95, the figure issue #23's targets name;
// - single answers beside the app's own in-memory work on the same events ("the tab":
//   server/testing/appAnswers.ts, what a browser holding every event computes);
// - a load test: 32 clients replaying the session against `npm run serve`'s HTTP API on DuckDB
//   for BENCH_LOAD_SECONDS (60): requests per second, p50 and p99 latency, errors.
// It reports; it asserts nothing.
import os from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { importText } from '../src/io/importer.ts';
import { mergeDatasets } from '../src/io/merge.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { NO_FILTERS, type Filters } from '../src/table/filter.ts';
import { queryWords } from '../src/table/search.ts';
import { visibleRows } from '../src/store/derived.ts';
import type { Dataset } from '../src/model/schema.ts';
import type { Engine, EngineFilters, ViewQuery } from '../server/engine.ts';
import { openDuckDbEngine } from '../server/duckdbEngine.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchDatabase, howMade, IMPORTED_AT_MOST } from './serverData.ts';
import { createClickHouseEngine } from '../server/clickhouseEngine.ts';
import { loadDuckDbIntoClickHouse } from '../server/clickhouseLoad.ts';
import { createDataServer } from '../server/api.ts';
import { ClickHouseError } from '../server/clickhouseHttp.ts';
import { appAnswers, queryStringOf } from '../server/testing/appAnswers.ts';
import { startClickHouseCluster } from '../server/testing/clickhouseServers.ts';

const SIZES = (process.env.BENCH_SERVER_EVENTS ?? '100000,1000000').split(',').map(Number);
/** Which engines: duckdb, clickhouse (one server), clickhouse-shards (two). */
const ENGINES = (process.env.BENCH_SERVER_ENGINES ?? 'duckdb,clickhouse,clickhouse-shards').split(',');
/** BENCH_SERVER_TAB=0: not the app in memory (it imports the events again). */
const TAB = process.env.BENCH_SERVER_TAB !== '0';
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CLIENTS = 32;
const BINS = Math.ceil(1400 / 4);
/** Timed runs per single answer (after one to warm up): BENCH_SERVER_RUNS, default 5; 0: no single answers. */
const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 5);
const CHUNK = 100_000;
const DAY = 86_400_000;
const hasClickHouse = existsSync('/usr/sbin/clickhouse-server') || existsSync('/usr/bin/clickhouse-server') || existsSync('/usr/bin/clickhouse');

/** n generated ACLED events, imported as the app imports them, a chunk at a time (one text of a million rows passes V8's string limit). */
function generatedDataset(n: number): Dataset {
  const rows = generatedAcledRows(n);
  let dataset: Dataset | null = null;
  for (let from = 0; from < n; from += CHUNK) {
    const result = importText({ text: acledCsv(rows.slice(from, from + CHUNK)), fileName: 'bench.csv' });
    if (result.kind !== 'done') throw new Error(`generated rows did not import (${result.kind})`);
    rows.fill({}, from, from + CHUNK); // let the imported rows go
    dataset = dataset ? mergeDatasets(dataset, result.dataset).dataset : result.dataset;
  }
  return dataset!;
}

const percentile = (times: readonly number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;

/** An answer that takes longer than this the first time is timed once (that first time): at 10M a slow answer repeated would take the bench's whole hour. */
const TIME_ONCE_MS = 5_000;

async function median(run: () => unknown): Promise<number> {
  const first = performance.now();
  await run();
  const once = performance.now() - first;
  if (once > TIME_ONCE_MS) return once;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

const engineFilters = (f: Filters): EngineFilters => ({ types: f.types, actors: f.actors, role: f.role, words: queryWords(f.q), country: f.country, place: f.place?.toLocaleLowerCase('en') ?? null });

interface View {
  name: string;
  filters: Filters;
  window: { from: number; to: number };
}

/**
 * The generated data's busiest actor among its first 50,000 events (GEN1 to GEN50000, as the
 * dataset lists them), the ACLED source actor aside.
 */
async function spanOf(path: string) {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const [top] = (
      await connection.runAndReadAll(
        `SELECT a.actor FROM event_actors a JOIN events e ON e.row = a.row
         WHERE regexp_full_match(e.id, 'GEN[0-9]+') AND CAST(substr(e.id, 4) AS BIGINT) <= 50000 AND a.actor <> 'acled'
         GROUP BY a.actor ORDER BY count(*) DESC, min(CAST(substr(e.id, 4) AS BIGINT)) LIMIT 1`,
      )
    ).getRowObjectsJS();
    connection.closeSync();
    return { busiest: String(top!.actor) };
  } finally {
    instance.closeSync();
  }
}

const SPAN = { from: Date.UTC(2018, 0, 1), to: Date.UTC(2024, 0, 1) };

/** The single answers: the whole span, a year with the busiest actor, a text search, a week. */
function viewsOf(busiest: string): View[] {
  const { from, to } = SPAN;
  return [
    { name: 'all time', filters: NO_FILTERS, window: { from, to } },
    { name: 'a year, one actor', filters: { ...NO_FILTERS, actors: [busiest] }, window: { from: to - 365 * DAY, to } },
    { name: 'all time, "village 12"', filters: { ...NO_FILTERS, q: 'village 12' }, window: { from, to } },
    { name: 'a week', filters: NO_FILTERS, window: { from: to - 7 * DAY, to } },
  ];
}

/** A browsing session: zooming in from the whole span to a week and out, panning, a type and an actor filter on and off. */
function sessionOf(busiest: string): View[] {
  const { from, to } = SPAN;
  const views: View[] = [];
  let window = { from, to };
  let filters: Filters = NO_FILTERS;
  for (let step = 0; step < 40; step++) {
    const span = window.to - window.from;
    const centre = (window.from + window.to) / 2;
    if (step < 12) window = { from: centre - span * 0.3, to: centre + span * 0.3 }; // zoom in
    else if (step < 20) window = { from: window.from + span * 0.2, to: window.to + span * 0.2 }; // pan
    else if (step < 32) window = { from: Math.max(from, centre - span * 0.9), to: Math.min(to, centre + span * 0.9) }; // zoom out
    if (step === 8) filters = { ...filters, types: ['clash'] };
    if (step === 16) filters = { ...filters, types: [] };
    if (step === 24) filters = { ...filters, actors: [busiest] };
    if (step === 34) filters = { ...filters, actors: [] };
    // Whole milliseconds, as the app's URL and the API take them.
    window = { from: Math.round(window.from), to: Math.round(window.to) };
    views.push({ name: `step ${step + 1}`, filters, window: { ...window } });
  }
  return views;
}

const queryOf = (view: View): ViewQuery => ({ filters: engineFilters(view.filters), from: view.window.from, to: view.window.to });

async function sessionTimes(engine: Engine, session: View[]): Promise<number[]> {
  await engine.bins(queryOf(session[0]!), { mode: 'type' }, BINS); // warm
  const times: number[] = [];
  for (const view of session) {
    const start = performance.now();
    await engine.bins(queryOf(view), { mode: 'type' }, BINS);
    times.push(performance.now() - start);
  }
  return times;
}

type Timings = Record<string, number>;

/** The text of the search timed on its own: "village" is in every generated event, "12" in a third. */
const SEARCH_TEXT = 'village 12';

/**
 * A text search as the page makes it: the first time (a new text), its four answers asked at once,
 * each timed from the asking; then the session's view changes with the text set, each view's
 * type lanes, actor lanes, counts and Events page one after another (p50 and p95 of each).
 */
async function timeSearch(engine: Engine, session: View[]) {
  const first: Timings = {};
  const all = queryOf({ name: '', filters: { ...NO_FILTERS, q: SEARCH_TEXT }, window: SPAN });
  const start = performance.now();
  const timedFrom = (name: string) => (promise: Promise<unknown>) => promise.then(() => (first[name] = performance.now() - start));
  await Promise.all([
    timedFrom('type lanes')(engine.bins(all, { mode: 'type' }, BINS)),
    timedFrom('actor lanes')(engine.bins(all, { mode: 'actor', maxLanes: 12 }, BINS)),
    timedFrom('counts')(engine.facetCounts(all)),
    timedFrom('Events page')(engine.events(all, 0, 100)),
  ]);
  const views: Record<string, number[]> = { 'type lanes': [], 'actor lanes': [], counts: [], 'Events page': [] };
  const timeOne = async (name: string, ask: () => Promise<unknown>) => {
    const at = performance.now();
    await ask();
    views[name]!.push(performance.now() - at);
  };
  for (const view of session) {
    const query = queryOf({ ...view, filters: { ...view.filters, q: SEARCH_TEXT } });
    await timeOne('type lanes', () => engine.bins(query, { mode: 'type' }, BINS));
    await timeOne('actor lanes', () => engine.bins(query, { mode: 'actor', maxLanes: 12 }, BINS));
    await timeOne('counts', () => engine.facetCounts(query));
    await timeOne('Events page', () => engine.events(query, 0, 100));
  }
  return { first, views };
}

async function timeEngine(engine: Engine, views: View[]): Promise<Timings> {
  const t: Timings = {};
  for (const view of views) {
    const query = queryOf(view);
    t[`${view.name}: type lanes`] = await median(() => engine.bins(query, { mode: 'type' }, BINS));
    t[`${view.name}: actor lanes`] = await median(() => engine.bins(query, { mode: 'actor', maxLanes: 12 }, BINS));
    t[`${view.name}: counts`] = await median(() => engine.facetCounts(query));
    t[`${view.name}: Events page`] = await median(() => engine.events(query, 0, 100));
  }
  return t;
}

/** The same answers from the app's own code; each run gets new filter and window objects, as a new view does, so that no memo answers for it. */
async function timeTab(dataset: Dataset, views: View[]): Promise<Timings> {
  const app = appAnswers(dataset);
  const { table } = app;
  const t: Timings = {};
  // The tab builds its text index once, in the background after the data opens; built here before the
  // timed views, so that the first search's figure is the search. (Timed with the index inside, a
  // first answer past TIME_ONCE_MS was that build: 12 s for "village 12" at 1M in one run.)
  const indexStart = performance.now();
  const warm = { ...NO_FILTERS, q: 'x' };
  app.counts(warm, SPAN);
  app.typeBins(warm, SPAN, BINS);
  t['building the text index, once (not a view)'] = performance.now() - indexStart;
  for (const view of views) {
    const fresh = () => ({ filters: { ...view.filters }, window: { ...view.window } });
    t[`${view.name}: type lanes`] = await median(() => { const v = fresh(); return app.typeBins(v.filters, v.window, BINS); });
    t[`${view.name}: actor lanes`] = await median(() => { const v = fresh(); return app.actorBins(v.filters, v.window, BINS, 12); });
    t[`${view.name}: counts`] = await median(() => { const v = fresh(); return app.counts(v.filters, v.window); });
    t[`${view.name}: Events page`] = await median(() => [...visibleRows({ table, ...fresh() }).slice(0, 100)].map((row) => table.eventAt(row)));
  }
  return t;
}

/** CLIENTS clients replaying the session (bins, counts, an Events page per view) against the HTTP API for LOAD_SECONDS. */
async function loadTest(engine: Engine, session: View[]) {
  const server = createDataServer({ engine: () => engine, staticRoot: resolve(import.meta.dirname, '../dist'), allowOrigins: [], token: null, log: () => {} });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths = session.flatMap((view) => {
    const q = (extra: Record<string, string | number> = {}) => queryStringOf(view.filters, view.window, extra);
    return [`/api/bins?${q({ bins: BINS, lanes: 'type' })}`, `/api/counts?${q()}`, `/api/events?${q({ limit: 100 })}`];
  });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const until = performance.now() + LOAD_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client * 7; performance.now() < until; i++) {
        const start = performance.now();
        try {
          const response = await fetch(base + paths[i % paths.length]!);
          await response.arrayBuffer();
          if (!response.ok) {
            errors++;
            firstError ??= `${response.status} ${paths[i % paths.length]}`;
          }
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  server.close();
  server.closeAllConnections();
  return { requests: latencies.length, perSecond: latencies.length / LOAD_SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, firstError };
}

const ms = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n).toLocaleString('en-GB')} ms`);
const s = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
};

const work = mkdtempSync(join(os.tmpdir(), 'ct-bench-server-'));
const out: string[] = [];
const wanted = (engine: string) => ENGINES.includes(engine);
const cluster = hasClickHouse && (wanted('clickhouse') || wanted('clickhouse-shards')) ? await startClickHouseCluster(2) : null;
const log = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`);
try {
  for (const n of SIZES) {
    const database = await benchDatabase(n, log);
    const made = howMade(n);
    const { busiest } = await spanOf(database.path);
    const views = viewsOf(busiest);
    const session = sessionOf(busiest);
    const engines: [string, Engine, number][] = [];
    // No time limit in the bench: a slow answer is a figure, not an error.
    const opened = await openDuckDbEngine(database.path, { queryTimeLimitMs: 600_000 });
    if (!opened.ok) throw new Error(opened.message);
    if (wanted('duckdb')) engines.push(['DuckDB', opened.engine, database.made]);
    const failed: string[] = [];
    if (cluster) {
      const [front, second] = cluster.servers;
      const loads: [string, string, Parameters<typeof loadDuckDbIntoClickHouse>[0], Parameters<typeof createClickHouseEngine>[0]][] = [
        ['clickhouse', 'ClickHouse, one server', { url: front!.url, database: `bench_${n}` }, { url: front!.url, database: `bench_${n}` }],
        ['clickhouse-shards', 'ClickHouse, two shards', { url: front!.url, database: `bench_${n}_shards`, cluster: cluster.cluster, shards: [front!.url, second!.url] }, { url: front!.url, database: `bench_${n}_shards`, cluster: cluster.cluster }],
      ];
      for (const [key, name, loadOptions, engineOptions] of loads) {
        if (!wanted(key)) continue;
        try {
          log(`loading ${name}`);
          const [, load] = await timed(() => loadDuckDbIntoClickHouse(loadOptions, database.path, (done, total) => done % 1_000_000 === 0 && log(`${name}: ${done} of ${total}`)));
          engines.push([name, createClickHouseEngine({ ...engineOptions, maxExecutionSeconds: 600 }), load]);
        } catch (error) {
          // ClickHouse's own words (or the socket's) say more than "not answering".
          failed.push(`${name}: the load failed (${(error as Error).message}${error instanceof ClickHouseError && error.detail ? `: ${error.detail}` : ''})`);
        }
      }
    }
    const results: { name: string; load: number; session: number[]; answers: Timings; search?: Awaited<ReturnType<typeof timeSearch>> }[] = [];
    for (const [name, engine, load] of engines) {
      log(`timing ${name}`);
      // The search first, on an engine that has answered no search yet (DuckDB keeps a search's events).
      let search: Awaited<ReturnType<typeof timeSearch>> | undefined;
      if (RUNS > 0) {
        const fresh = name === 'DuckDB' ? await openDuckDbEngine(database.path, { queryTimeLimitMs: 600_000 }) : null;
        if (fresh && !fresh.ok) throw new Error(fresh.message);
        search = await timeSearch(fresh?.engine ?? engine, session);
        await fresh?.engine.close();
        log(`${name}: "${SEARCH_TEXT}" first ${Object.entries(search.first).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
      }
      const sessionTimed = await sessionTimes(engine, session);
      log(`${name}: the session's bins p50 ${ms(percentile(sessionTimed, 50))}, p95 ${ms(percentile(sessionTimed, 95))}`);
      // BENCH_SERVER_RUNS=0: the session only.
      results.push({ name, load, session: sessionTimed, answers: RUNS > 0 ? await timeEngine(engine, views) : {}, search });
    }
    let tab: Timings | null = null;
    if (TAB && n <= IMPORTED_AT_MOST) {
      log('timing the tab');
      tab = await timeTab(generatedDataset(n), views);
    }
    const load = wanted('duckdb') && LOAD_SECONDS > 0 ? await loadTest(opened.engine, session) : null;
    await opened.engine.close();
    for (const [, engine] of engines) await engine.close();

    out.push(`**${n.toLocaleString('en-GB')} events.**`, '');
    out.push(
      made.copies > 1
        ? `The events of the ${made.imported.toLocaleString('en-GB')} generated ACLED events the app imported, ${made.copies} times (copies' ids suffixed .1 to .${made.copies - 1}): DuckDB's "loaded in" is the copying and the word index; the import of the ${made.imported.toLocaleString('en-GB')} took ${s(JSON.parse(readFileSync(`${database.path}.json`, 'utf8')).base as number)}.`
        : `DuckDB's "loaded in": the app's importer on ${os.cpus().length} workers (chunks of 100,000 rows), then the parts merged and indexed.`,
      'ClickHouse\'s: loaded from that DuckDB database (DuckDB writes the rows as JSONEachRow).',
      '',
    );
    out.push('| engine | loaded in | a view change\'s bins, p50 | p95 |', '|---|---:|---:|---:|');
    for (const r of results) out.push(`| ${r.name} | ${s(r.load)} | ${ms(percentile(r.session, 50))} | ${ms(percentile(r.session, 95))} |`);
    if (!hasClickHouse) out.push('', 'ClickHouse: not measured (clickhouse-server is not installed here).');
    for (const line of failed) out.push('', line);
    const tabColumn = tab ? 'the tab (the app in memory)' : 'the tab (not measured: no tab holds this many)';
    out.push('', `| view: answer (median) | ${tabColumn} | ${results.map((r) => r.name).join(' | ')} |`, `|---|---:|${results.map(() => '---:').join('|')}|`);
    for (const key of Object.keys(results[0]?.answers ?? {})) out.push(`| ${key} | ${ms(tab?.[key])} | ${results.map((r) => ms(r.answers[key])).join(' | ')} |`);
    const searched = results.filter((r) => r.search);
    if (searched.length) {
      out.push(
        '',
        `A search for "${SEARCH_TEXT}" (all time), the first time: its four answers asked at once, each from the asking; then the session's ${session.length} views with the text set, each answer p50 / p95:`,
        '',
        `| "${SEARCH_TEXT}": answer | ${searched.map((r) => r.name).join(' | ')} |`,
        `|---|${searched.map(() => '---:').join('|')}|`,
      );
      for (const key of Object.keys(searched[0]!.search!.first)) out.push(`| the first time: ${key} | ${searched.map((r) => ms(r.search!.first[key])).join(' | ')} |`);
      for (const key of Object.keys(searched[0]!.search!.views)) out.push(`| a view change: ${key} | ${searched.map((r) => `${ms(percentile(r.search!.views[key]!, 50))} / ${ms(percentile(r.search!.views[key]!, 95))}`).join(' | ')} |`);
    }
    const indexBuilt = tab?.['building the text index, once (not a view)'];
    if (indexBuilt !== undefined) out.push('', `The tab built its text index (once, before the views were timed) in ${s(indexBuilt)}.`);
    if (load) out.push('', `Load test (DuckDB, ${CLIENTS} clients, ${LOAD_SECONDS} s of bins, counts and Events pages over HTTP): ${load.requests.toLocaleString('en-GB')} requests, ${load.perSecond.toFixed(0)} per second, p50 ${ms(load.p50)}, p99 ${ms(load.p99)}, ${load.errors} errors${load.firstError ? ` (the first: ${load.firstError})` : ''}.`);
    out.push('');
    console.error(out.join('\n'));
  }
} finally {
  await cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}
console.log(`Data server, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(out.join('\n'));
