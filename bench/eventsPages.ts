// The Events table's pages from the data server: for each view of common browsing (all time, a
// year, a week; no filter, a type, one actor) a page of 100 at the start, in the middle and at
// the end, timed on a DuckDB database and, when BENCH_PAGES_CLICKHOUSE names one, on ClickHouse.
// With BENCH_PAGES_BASELINE (another checkout of this repository, e.g. a worktree of main) the
// same pages are asked of that checkout's engines too, in alternate runs, so that both are timed
// in the same minutes of a busy machine. It reports medians; it asserts nothing.
//
//   BENCH_PAGES_DUCKDB=path.duckdb   a database of ours (e.g. bench/server.ts's cache)
//   BENCH_PAGES_CLICKHOUSE=json      {"url", "database", "cluster"} of a loaded ClickHouse
//   BENCH_PAGES_ACTOR=id             the actor of the one-actor views (default armed-group-238)
//   BENCH_PAGES_RUNS=5               timed runs per page and engine, after one to warm up
//   BENCH_PAGES_BASELINE=dir         another checkout whose engines are timed beside these
import { resolve } from 'node:path';
import type { Engine, EngineFilters, ViewQuery } from '../server/engine.ts';

const DAY = 86_400_000;
const SPAN = { from: Date.UTC(2018, 0, 1), to: Date.UTC(2024, 0, 1) };
const RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 5);
const ACTOR = process.env.BENCH_PAGES_ACTOR ?? 'armed-group-238';
const NONE: EngineFilters = { types: [], actors: [], role: null, words: [], country: null, place: null };

const VIEWS: [string, ViewQuery][] = [
  ['all time', { filters: NONE, ...SPAN }],
  ['all time, one actor', { filters: { ...NONE, actors: [ACTOR] }, ...SPAN }],
  ['a year', { filters: NONE, from: SPAN.to - 365 * DAY, to: SPAN.to }],
  ['a year, a type', { filters: { ...NONE, types: ['protest'] }, from: SPAN.to - 365 * DAY, to: SPAN.to }],
  ['a year, one actor', { filters: { ...NONE, actors: [ACTOR] }, from: SPAN.to - 365 * DAY, to: SPAN.to }],
  ['a week', { filters: NONE, from: SPAN.to - 7 * DAY, to: SPAN.to }],
  ['a week, one actor', { filters: { ...NONE, actors: [ACTOR] }, from: SPAN.to - 7 * DAY, to: SPAN.to }],
];

interface Engines {
  openDuckDb(path: string): Promise<Engine>;
  clickHouse(options: { url: string; database: string; cluster: string | null }): Engine;
}

/** The engines of a checkout (this one, or the baseline's). */
async function enginesOf(root: string): Promise<Engines> {
  const duck = (await import(resolve(root, 'server/duckdbEngine.ts'))) as typeof import('../server/duckdbEngine.ts');
  const house = (await import(resolve(root, 'server/clickhouseEngine.ts'))) as typeof import('../server/clickhouseEngine.ts');
  return {
    async openDuckDb(path) {
      const opened = await duck.openDuckDbEngine(path, { queryTimeLimitMs: 600_000 });
      if (!opened.ok) throw new Error(opened.message);
      return opened.engine;
    },
    clickHouse: (options) => house.createClickHouseEngine({ ...options, maxExecutionSeconds: 600 }),
  };
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const ms = (t: number) => (t < 10 ? `${t.toFixed(1)} ms` : `${Math.round(t).toLocaleString('en-GB')} ms`);

/** Per view and page, the median time of each engine, runs alternating between them; and whether they gave the same events. */
async function timePages(engines: [string, Engine][]) {
  const lines: string[] = [`| view, page of 100 at | total | ${engines.map(([name]) => name).join(' | ')} |`, `|---|---:|${engines.map(() => '---:').join('|')}|`];
  for (const [name, query] of VIEWS) {
    const { total } = await engines[0]![1].events(query, 0, 1);
    for (const [at, offset] of [['the start', 0], ['the middle', Math.floor(total / 2)], ['the end', Math.max(0, total - 100)]] as const) {
      const times = engines.map(() => [] as number[]);
      const answers = new Set<string>();
      for (let run = 0; run <= RUNS; run++) {
        for (const [i, [, engine]] of engines.entries()) {
          const start = performance.now();
          const page = await engine.events(query, offset, 100);
          if (run > 0) times[i]!.push(performance.now() - start);
          answers.add(JSON.stringify([page.total, page.events.map((e) => e.id)]));
        }
      }
      lines.push(`| ${name}, ${at} | ${total.toLocaleString('en-GB')} | ${times.map((t) => ms(median(t))).join(' | ')} |${answers.size > 1 ? ' **the engines differ**' : ''}`);
    }
  }
  return lines.join('\n');
}

const root = resolve(import.meta.dirname, '..');
const baseline = process.env.BENCH_PAGES_BASELINE;
const checkouts: [string, Engines][] = [['this checkout', await enginesOf(root)]];
if (baseline) checkouts.unshift(['baseline', await enginesOf(resolve(baseline))]);

if (process.env.BENCH_PAGES_DUCKDB) {
  const engines: [string, Engine][] = [];
  for (const [name, e] of checkouts) engines.push([`DuckDB (${name})`, await e.openDuckDb(process.env.BENCH_PAGES_DUCKDB)]);
  console.log(`\nDuckDB, ${process.env.BENCH_PAGES_DUCKDB}, ${RUNS} runs\n\n${await timePages(engines)}`);
  for (const [, engine] of engines) await engine.close();
}
if (process.env.BENCH_PAGES_CLICKHOUSE) {
  const { readFileSync } = await import('node:fs');
  const options = JSON.parse(readFileSync(process.env.BENCH_PAGES_CLICKHOUSE, 'utf8')) as { url: string; database: string; cluster: string | null };
  const engines = checkouts.map(([name, e]): [string, Engine] => [`ClickHouse (${name})`, e.clickHouse(options)]);
  console.log(`\nClickHouse, database ${options.database}${options.cluster ? ` on cluster ${options.cluster}` : ''}, ${RUNS} runs\n\n${await timePages(engines)}`);
}
