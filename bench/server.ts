// `npm run bench` (fourth part): the data server's answers against the app's own in-memory work on
// the same events. For each size, generated ACLED-like events are loaded into each engine (DuckDB
// embedded; ClickHouse when BENCH_CLICKHOUSE=1, a server the bench starts itself) and the same
// views are asked of each: lanes of bins for a 1,400 px plot (by type, by actor), the facet counts,
// a text search, an Events page and a week's marks. "The tab" is the app's code on an EventTable
// (server/testing/appAnswers.ts): what a browser holding every event would compute. Medians of
// five runs after one warm-up. It reports; it asserts nothing.
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../src/io/importer.ts';
import { mergeDatasets } from '../src/io/merge.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { NO_FILTERS, type Filters } from '../src/table/filter.ts';
import { queryWords } from '../src/table/search.ts';
import type { Dataset } from '../src/model/schema.ts';
import type { Engine, EngineFilters, ViewQuery } from '../server/engine.ts';
import { createDuckDbDatabase, openDuckDbEngine } from '../server/duckdbEngine.ts';
import { appAnswers } from '../server/testing/appAnswers.ts';
import { visibleRows } from '../src/store/derived.ts';

const SIZES = (process.env.BENCH_SERVER_EVENTS ?? '100000,1000000').split(',').map(Number);
const BINS = Math.ceil(1400 / 4);
const RUNS = 5;
const CHUNK = 100_000;

/** n generated ACLED events, imported as the app imports them, a chunk at a time (one text of a million rows passes V8's string limit). */
function generatedDataset(n: number): Dataset {
  const rows = generatedAcledRows(n);
  let dataset: Dataset | null = null;
  for (let from = 0; from < n; from += CHUNK) {
    const result = importText({ text: acledCsv(rows.slice(from, from + CHUNK)), fileName: 'bench.csv' });
    rows.fill({}, from, from + CHUNK); // let the imported rows go
    if (result.kind !== 'done') throw new Error(`generated rows did not import (${result.kind})`);
    dataset = dataset ? mergeDatasets(dataset, result.dataset).dataset : result.dataset;
  }
  return dataset!;
}

async function median(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const engineFilters = (f: Filters): EngineFilters => ({ types: f.types, actors: f.actors, role: f.role, words: queryWords(f.q), country: f.country, place: f.place?.toLocaleLowerCase('en') ?? null });

interface View {
  name: string;
  filters: Filters;
  window: { from: number; to: number };
}

/** The views asked of each: the whole span, a year with the busiest actor, a text search, a week. */
function viewsOf(dataset: Dataset): View[] {
  const starts = dataset.events.map((e) => Date.parse(e.start.at));
  const first = Math.min(...starts.slice(0, 10_000));
  const last = Math.max(...starts.slice(0, 10_000));
  const all = { from: first - 86_400_000, to: last + 86_400_000 };
  const year = { from: all.to - 365 * 86_400_000, to: all.to };
  const week = { from: all.to - 7 * 86_400_000, to: all.to };
  const actor = dataset.events[0]!.actors[0]!.actor;
  return [
    { name: 'all time', filters: NO_FILTERS, window: all },
    { name: 'a year, one actor', filters: { ...NO_FILTERS, actors: [actor] }, window: year },
    { name: 'all time, "village 12"', filters: { ...NO_FILTERS, q: 'village 12' }, window: all },
    { name: 'a week', filters: NO_FILTERS, window: week },
  ];
}

type Timings = Record<string, number>;

async function timeEngine(engine: Engine, views: View[]): Promise<Timings> {
  const t: Timings = {};
  for (const view of views) {
    const query: ViewQuery = { filters: engineFilters(view.filters), from: view.window.from, to: view.window.to };
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
  for (const view of views) {
    const fresh = () => ({ filters: { ...view.filters }, window: { ...view.window } });
    t[`${view.name}: type lanes`] = await median(() => { const v = fresh(); return app.typeBins(v.filters, v.window, BINS); });
    t[`${view.name}: actor lanes`] = await median(() => { const v = fresh(); return app.actorBins(v.filters, v.window, BINS, 12); });
    t[`${view.name}: counts`] = await median(() => { const v = fresh(); return app.counts(v.filters, v.window); });
    t[`${view.name}: Events page`] = await median(() => [...visibleRows({ table, ...fresh() }).slice(0, 100)].map((row) => table.eventAt(row)));
  }
  return t;
}

const ms = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n).toLocaleString('en-GB')} ms`);
const work = mkdtempSync(join(os.tmpdir(), 'ct-bench-server-'));
const out: string[] = [];
try {
  for (const n of SIZES) {
    const dataset = generatedDataset(n);
    const views = viewsOf(dataset);
    const path = join(work, `${n}.duckdb`);
    let start = performance.now();
    await createDuckDbDatabase(dataset, path);
    const duckLoad = performance.now() - start;
    const opened = await openDuckDbEngine(path);
    if (!opened.ok) throw new Error(opened.message);
    const duck = await timeEngine(opened.engine, views);
    await opened.engine.close();
    start = performance.now();
    const tab = await timeTab(dataset, views);
    out.push(`${n.toLocaleString('en-GB')} events: DuckDB loaded in ${(duckLoad / 1000).toFixed(1)} s (the app's rows, then the Appender).`, '');
    out.push('| view: answer | the tab (the app in memory) | DuckDB |', '|---|---:|---:|');
    for (const key of Object.keys(tab)) out.push(`| ${key} | ${ms(tab[key])} | ${ms(duck[key])} |`);
    out.push('');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`Data server, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(out.join('\n'));
