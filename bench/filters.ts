// `npm run bench`: how long the data work behind a view takes at 100,000 events, in Node.
// It reports; it asserts nothing. The browser benchmark (bench/browser) measures frames in Chromium.
import os from 'node:os';
import { makeDataset } from '../src/testing/fixtures.ts';
import { buildEventTable, rowsInWindow } from '../src/table/eventTable.ts';
import { filterMask, NO_FILTERS, type Filters } from '../src/table/filter.ts';
import { createRowPartsReader } from '../src/table/search.ts';
import { layoutTimeline } from '../src/layout/marks.ts';
import { typeLanes } from '../src/layout/lanes.ts';
import { buildLaneIndex } from '../src/layout/laneIndex.ts';
import { layoutView } from '../src/render/viewLayout.ts';
import { createWordIndexBuilder, createWordMatcher } from '../src/table/wordIndex.ts';

const SIZE = Number(process.env.BENCH_EVENTS ?? 100_000);

function time(fn: () => unknown, runs = 9): { median: number; min: number } {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, min: samples[0]! };
}

const dataset = makeDataset({ events: SIZE, actors: 2_000, seed: 7 });
const built = time(() => buildEventTable(dataset), 3);
const table = buildEventTable(dataset);
const buildIndex = () => createWordIndexBuilder(table.size, createRowPartsReader(table)).index();
const indexBuilt = time(buildIndex, 3);
const index = buildIndex();
// A new matcher each time, so that every text query is looked up afresh in the index.
const withFilters = (f: Partial<Filters>) => () => filterMask(table, { ...NO_FILTERS, ...f }, createWordMatcher(() => index));

const viewLanes = typeLanes(table, 'en');
const middle = (table.extent!.from + table.extent!.to) / 2;
const oneDay = { from: middle, to: middle + 86_400_000 };

const rows: [string, { median: number; min: number }][] = [
  ['build the EventTable', built],
  ['build the search index', indexBuilt],
  ['filter: one actor', time(withFilters({ actors: ['actor-7'] }))],
  ['filter: 50 actors, as initiator', time(withFilters({ actors: Array.from({ length: 50 }, (_, i) => `actor-${i}`), role: 'initiator' }))],
  ['filter: two event types', time(withFilters({ types: ['clash', 'protest'] }))],
  ['filter: text "event 4"', time(withFilters({ q: 'event 4' }))],
  ['filter: actor + type + text', time(withFilters({ actors: ['actor-7', 'actor-8'], types: ['clash'], q: 'x' }))],
  ['window query, whole range', time(() => rowsInWindow(table, null, table.extent!.from, table.extent!.to))],
  ['lane index of 12 type lanes (once per filter change)', time(() => buildLaneIndex(table, null, typeLanes(table, 'en')), 3)],
  ['level-of-detail view of the whole range, 1200×500 px (a zoom frame)', time(() => layoutView({ table, filters: NO_FILTERS, window: table.extent!, lanes: 'type' }, viewLanes, { width: 1200, height: 500 }, 'en', (s) => s.length * 6.5))],
  ['level-of-detail view of one day, 1200×500 px (a zoom frame)', time(() => layoutView({ table, filters: NO_FILTERS, window: oneDay, lanes: 'type' }, viewLanes, { width: 1200, height: 500 }, 'en', (s) => s.length * 6.5))],
  [
    'layout of a mark for every event, 1200×500 px (no level of detail)',
    time(() =>
      layoutTimeline({
        table,
        rows: rowsInWindow(table, null, table.extent!.from, table.extent!.to),
        lanes: typeLanes(table, 'en'),
        from: table.extent!.from,
        to: table.extent!.to,
        width: 1200,
        height: 500,
        labelOf: (r) => table.eventAt(r).title.en!,
        measure: (s) => s.length * 6.5,
      }),
    ),
  ],
];

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Conflict Timeline bench: ${SIZE.toLocaleString('en')} events, 2,000 actors`);
console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| step | median (ms) | best (ms) |');
console.log('|---|---:|---:|');
for (const [name, t] of rows) console.log(`| ${name} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} |`);
