// The two engines on the same data give the same answers (issue #23: "a test compares them"), and
// `npm run serve -- --clickhouse URL` serves what `npm run load` put there. Each engine is also
// held to the app's own answers in its own test; this one holds them to each other, on views of
// every kind, so that a difference in either shows here by name.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import type { Engine, ViewQuery } from './engine.ts';
import { readDataset } from './readDataset.ts';
import { createDuckDbDatabase, openDuckDbEngine } from './duckdbEngine.ts';
import { createClickHouseEngine } from './clickhouseEngine.ts';
import { loadDuckDbIntoClickHouse, loadIntoClickHouse } from './clickhouseLoad.ts';
import { startClickHouseCluster, type TestClickHouseCluster } from './testing/clickhouseServers.ts';
import { placedDataset } from './testing/placedDataset.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');
const NO_FILTERS = { types: [], actors: [], role: null, words: [], country: null, place: null } as const;

let dir: string;
let clickhouse: TestClickHouseCluster;
let duck: Engine;
let house: Engine;
/** ClickHouse loaded from the DuckDB database (npm run load of a database of ours). */
let fromDuck: Engine;
let actor: string;
let place: { country: string; name: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-engines-'));
  const acled = join(dir, 'generated-acled.csv');
  writeFileSync(acled, acledCsv(generatedAcledRows(2000, 5, 40)));
  const read = await readDataset([SEED, acled]);
  if (!read.ok) throw new Error(read.message);
  // Areas (admin1), precisions, and events without coordinates.
  read.dataset = placedDataset(read.dataset);
  const last = read.dataset.events.at(-1)!;
  actor = last.actors[0]!.actor;
  place = { country: last.place!.country, name: Object.values(last.place!.name)[0]!.toLocaleLowerCase('en') };
  await createDuckDbDatabase(read.dataset, join(dir, 'events.duckdb'), read.reports);
  const opened = await openDuckDbEngine(join(dir, 'events.duckdb'));
  if (!opened.ok) throw new Error(opened.message);
  duck = opened.engine;
  clickhouse = await startClickHouseCluster(1);
  await loadIntoClickHouse({ url: clickhouse.servers[0]!.url, database: 'ct_compare' }, read.dataset, read.reports);
  house = createClickHouseEngine({ url: clickhouse.servers[0]!.url, database: 'ct_compare' });
  await loadDuckDbIntoClickHouse({ url: clickhouse.servers[0]!.url, database: 'ct_from_duckdb', batchSize: 700 }, join(dir, 'events.duckdb'));
  fromDuck = createClickHouseEngine({ url: clickhouse.servers[0]!.url, database: 'ct_from_duckdb' });
}, 180_000);

afterAll(async () => {
  await duck?.close();
  await clickhouse?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const DAY = 86_400_000;
const views = (): [string, ViewQuery][] => [
  ['all time', { filters: NO_FILTERS, from: Date.UTC(2017, 0, 1), to: Date.UTC(2025, 0, 1) }],
  ['September 2022, clashes and ceasefires', { filters: { ...NO_FILTERS, types: ['clash', 'ceasefire'] }, from: Date.UTC(2022, 8, 1), to: Date.UTC(2022, 9, 1) }],
  ['a year, one actor as participant', { filters: { ...NO_FILTERS, actors: [actor], role: 'participant' }, from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) }],
  ['Arabic words', { filters: { ...NO_FILTERS, words: ['وقف', 'اطلاق'] }, from: Date.UTC(2022, 8, 10), to: Date.UTC(2022, 8, 20) }],
  ['a country and a place', { filters: { ...NO_FILTERS, country: place.country, place: place.name }, from: Date.UTC(2018, 0, 1), to: Date.UTC(2024, 0, 1) }],
  ['an hour with nothing in it', { filters: NO_FILTERS, from: Date.UTC(2030, 0, 1), to: Date.UTC(2030, 0, 1) + DAY / 24 }],
  ['an area', { filters: { ...NO_FILTERS, bbox: { west: 44.25, south: 39.5, east: 45.5, north: 40.5 } }, from: Date.UTC(2017, 0, 1), to: Date.UTC(2025, 0, 1) }],
  ['an area, types and words', { filters: { ...NO_FILTERS, types: ['clash', 'protest'], words: ['lorem'], bbox: { west: 44, south: 39, east: 45, north: 40.6 } }, from: Date.UTC(2019, 0, 1), to: Date.UTC(2023, 0, 1) }],
];

/** The views' names, known before the data is (the views themselves need it). */
const VIEW_NAMES = ['all time', 'September 2022, clashes and ceasefires', 'a year, one actor as participant', 'Arabic words', 'a country and a place', 'an hour with nothing in it', 'an area', 'an area, types and words'];

/** Map views: the generated events' region at several zooms (cells, and points when few), the world, and a box in the sea. */
const MAPS = [
  { view: { west: 44, south: 39, east: 46, north: 41 }, zoom: 6.5, cell: 16 },
  { view: { west: 44, south: 39, east: 46, north: 41 }, zoom: 10, cell: 8 },
  { view: { west: 44.8, south: 39.8, east: 45.2, north: 40.2 }, zoom: 11, cell: 32 },
  { view: { west: -180, south: -85, east: 180, north: 85 }, zoom: 1, cell: 4 },
  { view: { west: 30, south: 41.5, east: 35, north: 43 }, zoom: 7, cell: 16 },
];

describe('DuckDB and ClickHouse on the same events (ClickHouse loaded from the events, and from the DuckDB database)', () => {
  it('ask of every view', () => expect(views().map(([name]) => name)).toEqual(VIEW_NAMES));

  it('agree on the dataset, its count and extent', async () => {
    const [a, b, c] = await Promise.all([duck.info(), house.info(), fromDuck.info()]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.count).toBe(2016);
  });

  it.each(VIEW_NAMES)('agree on every answer: %s', async (name) => {
    const query = views().find(([n]) => n === name)![1];
    const both = async <T>(ask: (engine: Engine) => Promise<T>) => {
      const [a, b, c] = await Promise.all([ask(duck), ask(house), ask(fromDuck)]);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      return a;
    };
    const counts = await both((e) => e.facetCounts(query));
    if (name !== 'an hour with nothing in it') expect(counts.visible).toBeGreaterThan(0);
    await both((e) => e.bins(query, { mode: 'type' }, 350));
    await both((e) => e.bins(query, { mode: 'actor', maxLanes: 6 }, 350));
    const places = await both((e) => e.bins(query, { mode: 'place', maxLanes: 5 }, 350));
    await both((e) => e.laneEvents(query, { mode: 'place', keys: [places[0]?.key ?? 'nowhere', '*'], lanePlaces: places.map((l) => l.key).filter((k) => k !== '*') }, 1, 100));
    for (const map of MAPS) await both((e) => e.map(query, map));
    await both((e) => e.marks(query, 5000));
    await both((e) => e.events(query, 3, 40));
    const placeCounts = await both((e) => e.placeCounts(query));
    if (name !== 'an hour with nothing in it') expect(placeCounts.places.length).toBeGreaterThan(0);
    await both((e) => e.laneEvents(query, { mode: 'type', keys: ['clash', 'ceasefire'] }, 0, 100));
    const lanes = await duck.bins(query, { mode: 'actor', maxLanes: 4 }, 1);
    const laneActors = lanes.map((l) => l.key).filter((k) => k !== '*');
    await both((e) => e.laneEvents(query, { mode: 'actor', keys: [laneActors[1] ?? 'nobody', '*'], laneActors }, 2, 100));
  });

  it('answer the map with cells and with points, precisions and areas included', async () => {
    const query = views()[0]![1];
    const [cells, points] = await Promise.all([duck.map(query, MAPS[0]!), duck.map(query, MAPS[2]!)]);
    expect(cells).toMatchObject({ kind: 'cells', zoom: 6, cell: 16 });
    if (cells.kind !== 'cells' || points.kind !== 'points') throw new Error('cells, then points');
    expect(cells.cells.length).toBeGreaterThan(10);
    expect(new Set(points.points.map((p) => p.precision)).size).toBe(5);
    const lanes = await duck.bins(query, { mode: 'place', maxLanes: 20 }, 10);
    // Every place has a lane of its own at 20 lanes; the events without a place are last.
    expect(lanes.map((l) => l.key)).toEqual(expect.arrayContaining(['ARM|Syunik', "ARM|x'); DROP TABLE events; --", 'ARM|Շիրակ', 'ARM']));
    expect(lanes.at(-1)!.key).toBe('');
  });

  it('treat hostile lane keys and actors as data, and agree on them', async () => {
    const hostile = ["x'); DROP TABLE events; --", '1 OR 1=1', 'a\tb\nc\\'];
    const query: ViewQuery = { filters: NO_FILTERS, from: -8.64e15, to: 8.64e15 };
    const [a, b] = await Promise.all([duck, house].map((e) => e.laneEvents(query, { mode: 'actor', keys: [...hostile, '*'], laneActors: hostile }, 0, 5)));
    expect(b).toEqual(a);
    // Every event has an actor not among those (or none): all of them are in "Other actors".
    expect(a!.total).toBe(2016);
    expect((await house.info()).count).toBe(2016);
    expect((await duck.info()).count).toBe(2016);
  });

  it('agree on one event, and on an id that is not there', async () => {
    for (const id of ['2022-09-14-ceasefire', 'GEN17', "x' OR '1'='1"]) {
      const [a, b] = await Promise.all([duck.event(id), house.event(id)]);
      expect(b).toEqual(a);
    }
  });
});

describe('npm run serve -- --clickhouse URL', () => {
  it('serves what npm run load put in ClickHouse, and says where from', async () => {
    const url = clickhouse.servers[0]!.url;
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve.ts'), '--clickhouse', url, '--database', 'ct_compare', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    try {
      const serving = (await lines.next()).value as string;
      expect(serving).toMatch(new RegExp(`^Serving 2,016 events from ClickHouse at ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(database ct_compare\\) on http://127\\.0\\.0\\.1:\\d+/$`));
      const base = /on (http:\/\/\S+)\/$/.exec(serving)![1]!;
      const info = (await (await fetch(`${base}/api/info`)).json()) as { count: number; engine: string };
      expect(info).toMatchObject({ count: 2016, engine: 'clickhouse' });
      const counts = (await (await fetch(`${base}/api/counts?types=ceasefire`)).json()) as { visible: number };
      expect(counts.visible).toBe((await house.facetCounts({ filters: { ...NO_FILTERS, types: ['ceasefire'] }, from: -8.64e15, to: 8.64e15 })).visible);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses to start when ClickHouse holds no loaded dataset, and says so', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve.ts'), '--clickhouse', clickhouse.servers[0]!.url, '--database', 'nothing_here', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(stderr).toMatch(/ClickHouse/);
  });
});
