// `npm run bench`: how long the data work behind a view takes at 100,000 events, in Node.
// It reports; it asserts nothing. (The browser benchmark of issue 6 will add frame times.)
import os from 'node:os';
import { makeDataset } from '../src/testing/fixtures.ts';
import { buildEventTable, rowsInWindow } from '../src/table/eventTable.ts';
import { filterMask, NO_FILTERS, type Filters } from '../src/table/filter.ts';
import { buildSearchIndex } from '../src/table/search.ts';
import { layoutTimeline } from '../src/layout/marks.ts';
import { typeLanes } from '../src/layout/lanes.ts';

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
const indexBuilt = time(() => buildSearchIndex(table), 3);
const index = buildSearchIndex(table);
const withFilters = (f: Partial<Filters>) => () => filterMask(table, { ...NO_FILTERS, ...f }, () => index);

const rows: [string, { median: number; min: number }][] = [
  ['build the EventTable', built],
  ['build the search index', indexBuilt],
  ['filter: one actor', time(withFilters({ actors: ['actor-7'] }))],
  ['filter: 50 actors, as initiator', time(withFilters({ actors: Array.from({ length: 50 }, (_, i) => `actor-${i}`), role: 'initiator' }))],
  ['filter: two event types', time(withFilters({ types: ['clash', 'protest'] }))],
  ['filter: text "event 4"', time(withFilters({ q: 'event 4' }))],
  ['filter: actor + type + text', time(withFilters({ actors: ['actor-7', 'actor-8'], types: ['clash'], q: 'x' }))],
  ['window query, whole range', time(() => rowsInWindow(table, null, table.extent!.from, table.extent!.to))],
  [
    'layout of all events, 1200×500 px',
    time(() =>
      layoutTimeline({
        table,
        rows: rowsInWindow(table, null, table.extent!.from, table.extent!.to),
        lanes: typeLanes(table, 'en'),
        from: table.extent!.from,
        to: table.extent!.to,
        width: 1200,
        height: 500,
        labelOf: (r) => table.events[r]!.title.en!,
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
