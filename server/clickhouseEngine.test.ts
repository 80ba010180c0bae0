// The ClickHouse engine against the app's own in-memory answers, on one server and on a cluster
// of two (servers this test starts and stops). clickhouse-server must be installed: CI installs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Dataset } from '../src/model/schema.ts';
import { EVENT_TYPES } from '../src/model/taxonomy.ts';
import type { EventTable } from '../src/table/eventTable.ts';
import { NO_FILTERS, type Filters } from '../src/table/filter.ts';
import { queryWords } from '../src/table/search.ts';
import { actorCounts, typeCounts, visibleRows } from '../src/store/derived.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import type { Engine, EngineFilters, ViewQuery } from './engine.ts';
import { eventRowsOf } from './eventRows.ts';
import { readDataset } from './readDataset.ts';
import { createClickHouseEngine } from './clickhouseEngine.ts';
import { loadIntoClickHouse } from './clickhouseLoad.ts';
import { createDuckDbDatabase } from './duckdbEngine.ts';
import { datasetInfoOf } from './eventRows.ts';
import { schemaStatements } from './clickhouseSql.ts';
import { appAnswers } from './testing/appAnswers.ts';
import { placedDataset } from './testing/placedDataset.ts';
import { createClickHouseClient, parseClickHouseUrl } from './clickhouseHttp.ts';
import { freePort, startClickHouseCluster, TEST_ANALYST, type TestClickHouseCluster } from './testing/clickhouseServers.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');

let servers: TestClickHouseCluster;
let dataset: Dataset;
let table: EventTable;
/** The app's own lanes and bins for the same data (the reference every engine is held to). */
let answers: ReturnType<typeof appAnswers>;
let dir: string;
const engines: Record<'single' | 'cluster', Engine> = {} as Record<'single' | 'cluster', Engine>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-clickhouse-data-'));
  const acled = join(dir, 'generated-acled.csv');
  writeFileSync(acled, acledCsv(generatedAcledRows(3000, 11, 60)));
  const read = await readDataset([SEED, acled]);
  if (!read.ok) throw new Error(read.message);
  // Areas (admin1), precisions, and events without coordinates.
  dataset = placedDataset(read.dataset);
  table = eventRowsOf(dataset).table;
  answers = appAnswers(dataset);
  servers = await startClickHouseCluster(2);
  const [front, second] = servers.servers;
  await loadIntoClickHouse({ url: front!.url, database: 'ct_single', batchSize: 700 }, dataset, read.reports);
  await loadIntoClickHouse({ url: front!.url, database: 'ct_cluster', cluster: servers.cluster, shards: [front!.url, second!.url], batchSize: 700 }, dataset, read.reports);
  engines.single = createClickHouseEngine({ url: `${front!.url}?database=ct_single` });
  engines.cluster = createClickHouseEngine({ url: front!.url, database: 'ct_cluster', cluster: servers.cluster });
}, 180_000);

afterAll(async () => {
  await servers?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** The app's filters as the engines take them (words normalised, place lower-cased). */
function engineFilters(filters: Filters): EngineFilters {
  return {
    types: filters.types,
    actors: filters.actors,
    role: filters.role,
    words: queryWords(filters.q),
    country: filters.country,
    place: filters.place?.toLocaleLowerCase('en') ?? null,
  };
}

interface View {
  name: string;
  filters: Filters;
  window: { from: number; to: number };
}

const DAY = 86_400_000;
const lastEnd = () => table.end.reduce((a, b) => Math.max(a, b), -Infinity);
const whole = () => ({ from: table.start[0]! - DAY, to: lastEnd() + DAY });
const middle = () => ({ from: Date.UTC(2019, 5, 1), to: Date.UTC(2021, 2, 15, 12) });
/** A window that starts inside the longest event: that event is in view though it starts before. */
const insideLongEvent = () => {
  let longest = 0;
  for (let row = 1; row < table.size; row++) if (table.end[row]! - table.start[row]! > table.end[longest]! - table.start[longest]!) longest = row;
  const from = (table.start[longest]! + table.end[longest]!) / 2;
  return { from, to: from + 30 * DAY };
};
/** A generated actor, and a country and place of the data, found from the table. */
const someActor = () => table.actors.find((a) => a.id === 'armed-group-7')!.id;
/** A role that someActor plays, so that the role filter keeps some events and drops others. */
const someRole = () => {
  const actor = table.actorRow.get(someActor())!;
  const ref = Array.from(table.actorIndex).findIndex((a, k) => a === actor && table.actorRoles[k]! !== 0);
  return ROLES[31 - Math.clz32(table.actorRoles[ref]! & -table.actorRoles[ref]!)]!;
};
const somePlace = () => table.places.find((p) => p.name.startsWith('Village'))!;

const views = (): View[] => [
  { name: 'everything', filters: NO_FILTERS, window: whole() },
  { name: 'a window', filters: NO_FILTERS, window: middle() },
  { name: 'a window inside a long event', filters: NO_FILTERS, window: insideLongEvent() },
  { name: 'types', filters: { ...NO_FILTERS, types: ['clash', 'protest'] }, window: middle() },
  { name: 'an actor', filters: { ...NO_FILTERS, actors: [someActor()] }, window: whole() },
  { name: 'an actor in a role', filters: { ...NO_FILTERS, actors: [someActor(), table.actors[1]!.id], role: someRole() }, window: whole() },
  { name: 'English words', filters: { ...NO_FILTERS, q: 'Generated  EVENT 12' }, window: whole() },
  { name: 'Arabic words', filters: { ...NO_FILTERS, q: 'وقف اطلاق النار' }, window: whole() },
  { name: 'parts of words, one twice', filters: { ...NO_FILTERS, q: 'illag 12 psum 12' }, window: middle() },
  { name: 'a word no event holds', filters: { ...NO_FILTERS, types: ['clash'], q: 'lorem nothing-holds-this' }, window: whole() },
  { name: 'country and place', filters: { ...NO_FILTERS, country: somePlace().country, place: somePlace().name.toUpperCase() }, window: whole() },
  { name: 'a country', filters: { ...NO_FILTERS, country: somePlace().country }, window: middle() },
  { name: 'everything at once', filters: { actors: [someActor()], role: null, types: ['clash', 'riot', 'violence-against-civilians'], q: 'lorem', country: somePlace().country, place: null, area: null }, window: middle() },
  { name: 'injection in an actor', filters: { ...NO_FILTERS, actors: ["clash');DROP TABLE events;--"] }, window: whole() },
  { name: 'injection in words', filters: { ...NO_FILTERS, q: "' OR 1=1 -- \\ '' \\t" }, window: whole() },
  { name: 'injection in a place', filters: { ...NO_FILTERS, place: "x'\ty\nz\\", country: "' OR 1=1 --" }, window: whole() },
];

const VIEW_NAMES = [
  'everything', 'a window', 'a window inside a long event', 'types', 'an actor', 'an actor in a role', 'English words', 'Arabic words', 'parts of words, one twice', 'a word no event holds',
  'country and place', 'a country', 'everything at once', 'injection in an actor', 'injection in words', 'injection in a place',
];

function expected(view: View) {
  const state = { table, filters: view.filters, window: view.window };
  const rows = visibleRows(state);
  const types = typeCounts(state);
  const actors = actorCounts(state);
  return {
    rows: [...rows],
    facets: {
      visible: rows.length,
      types: Object.fromEntries(EVENT_TYPES.flatMap((t, i) => (types[i] ? [[t, types[i]]] : []))),
      actors: Object.fromEntries(table.actors.flatMap((a, i) => (actors[i] ? [[a.id, actors[i]]] : []))),
    },
  };
}

/** densityBins per lane over the rows that pass the filters, lanes with no count left out, by key. */
const queryOf = (view: View): ViewQuery => ({ filters: engineFilters(view.filters), ...view.window });

describe.each(['single', 'cluster'] as const)('the ClickHouse engine (%s)', (layout) => {
  it('answers info with the dataset, its count, extent and report', async () => {
    const info = await engines[layout].info();
    expect(info.count).toBe(table.size);
    expect(info.extent).toEqual({ from: table.start[0], to: lastEnd() });
    expect(info.dataset).toEqual(JSON.parse(JSON.stringify(datasetInfoOf(dataset))));
    expect(info.reports.map((r) => r.fileName)).toEqual(['seed.json', 'generated-acled.csv']);
  });

  it('has the views under test match something, so that equality means something', () => {
    expect(views().map((view) => view.name)).toEqual(VIEW_NAMES);
    const counts = Object.fromEntries(views().map((view) => [view.name, expected(view).rows.length]));
    const inside = insideLongEvent();
    expect(expected(views()[2]!).rows.some((row) => table.start[row]! < inside.from)).toBe(true);
    for (const name of ['everything', 'a window', 'types', 'an actor', 'an actor in a role', 'English words', 'Arabic words', 'country and place', 'everything at once']) {
      expect(counts[name], name).toBeGreaterThan(0);
    }
    expect(counts['everything']).toBe(table.size);
  });

  it.each(VIEW_NAMES)('counts as the app does: %s', async (name) => {
    const view = views().find((v) => v.name === name)!;
    expect(await engines[layout].facetCounts(queryOf(view))).toEqual(expected(view).facets);
  });

  it.each(VIEW_NAMES)('bins lanes by type and by actor as densityBins: %s', async (name) => {
    const view = views().find((v) => v.name === name)!;
    for (const bins of [1, 37, 400]) {
      expect(await engines[layout].bins(queryOf(view), { mode: 'type' }, bins)).toEqual(answers.typeBins(view.filters, view.window, bins));
    }
    // Few lanes: the rest share "Other actors"; many: every actor its own.
    for (const maxLanes of [5, 500]) {
      expect(await engines[layout].bins(queryOf(view), { mode: 'actor', maxLanes }, 90)).toEqual(answers.actorBins(view.filters, view.window, 90, maxLanes));
    }
  });

  it.each(VIEW_NAMES)('lists marks and pages of events in time order: %s', async (name) => {
    const view = views().find((v) => v.name === name)!;
    const { rows } = expected(view);
    const ids = rows.map((row) => table.eventAt(row).id);
    const marks = await engines[layout].marks(queryOf(view), rows.length);
    expect(marks.total).toBe(rows.length);
    expect(marks.marks?.map((m) => m.id)).toEqual(ids);
    if (rows.length > 0) expect(await engines[layout].marks(queryOf(view), rows.length - 1)).toEqual({ total: rows.length, marks: null });
    for (const [offset, limit] of [[0, 50], [7, 13], [Math.max(0, rows.length - 5), 50], [rows.length + 3, 10]] as const) {
      const page = await engines[layout].events(queryOf(view), offset, limit);
      expect(page.total).toBe(rows.length);
      expect(page.events.map((e) => e.id)).toEqual(ids.slice(offset, offset + limit));
    }
  });

  it.each(VIEW_NAMES)('counts countries and places as the app’s place filter does: %s', async (name) => {
    const view = views().find((v) => v.name === name)!;
    expect(await engines[layout].placeCounts(queryOf(view))).toEqual(answers.places(view.filters, view.window));
  });

  it.each(VIEW_NAMES)('lists the events of some lanes only, as the app puts them in lanes: %s', async (name) => {
    const view = views().find((v) => v.name === name)!;
    const byType = answers.laneEvents(view.filters, view.window, 'type', 0, (keys) => keys.filter((_, i) => i % 2 === 1));
    const typePage = await engines[layout].laneEvents(queryOf(view), byType.subset, 0, 5000);
    expect({ total: typePage.total, ids: typePage.events.map((e) => e.id) }).toEqual({ total: byType.ids.length, ids: byType.ids });
    // An actor's lane and "Other actors" (its events have an actor without a lane, or none).
    const byActor = answers.laneEvents(view.filters, view.window, 'actor', 5, (keys) => keys.filter((_, i) => i === 0 || i === keys.length - 1));
    const actorPage = await engines[layout].laneEvents(queryOf(view), byActor.subset, 3, 5000);
    expect({ total: actorPage.total, ids: actorPage.events.map((e) => e.id) }).toEqual({ total: byActor.ids.length, ids: byActor.ids.slice(3) });
  });

  it('draws a mark as the app has the event', async () => {
    const row = table.size >> 1;
    const event = table.eventAt(row);
    const view: View = { name: 'one day', filters: NO_FILTERS, window: { from: table.start[row]!, to: table.start[row]! } };
    const marks = (await engines[layout].marks(queryOf(view), 10_000)).marks!;
    const mark = marks.find((m) => m.id === event.id)!;
    const rows = eventRowsOf(dataset);
    const eventRow = rows.eventRow(row);
    expect(mark).toEqual({ id: event.id, type: event.type, start: eventRow.start, end: eventRow.end, actors: rows.actorRows(row).map((a) => a.actor), title: eventRow.title, language: eventRow.language });
  });

  it('gives back an event as the dataset has it, and null for an unknown id', async () => {
    for (const event of [dataset.events[0]!, dataset.events.find((e) => e.id.startsWith('GEN'))!]) {
      expect(await engines[layout].event(event.id)).toEqual(JSON.parse(JSON.stringify(event)));
    }
    expect(await engines[layout].event("nope') OR 1=1 --")).toBeNull();
  });

  it('finds the Arabic phrase written without hamza', async () => {
    const page = await engines[layout].events(queryOf({ name: '', filters: { ...NO_FILTERS, q: 'وقف اطلاق النار' }, window: whole() }), 0, 100);
    expect(page.events.length).toBeGreaterThan(0);
    for (const event of page.events) expect(JSON.stringify(event)).toContain('وقف إطلاق النار');
  });

  it('treats hostile values as data and leaves the tables intact', async () => {
    const engine = engines[layout];
    const rows = eventRowsOf(dataset);
    const clashes = Array.from({ length: table.size }, (_, row) => rows.eventRow(row)).filter((e) => e.type === 'clash');
    for (const word of ["clash');DROP TABLE events;--", "' OR 1=1 --", 'tab\there', 'line\nbreak', 'back\\slash', '\\N', '\u0000', 'a\u0000b', 'armed', 'group 1']) {
      const query = queryOf({ name: '', filters: { ...NO_FILTERS, actors: [word], types: ['clash'], place: word, country: word }, window: whole() });
      expect(await engine.facetCounts({ ...query, filters: { ...query.filters, words: [word] } })).toEqual({ visible: 0, types: {}, actors: {} });
      // The word alone: as many clashes as hold it in their search text (the app's rule).
      const matching = clashes.filter((e) => e.search.includes(word)).length;
      expect(await engine.facetCounts({ ...query, filters: { ...query.filters, actors: [], place: null, country: null, words: [word] } }), word).toMatchObject({ visible: matching });
    }
    expect(clashes.filter((e) => e.search.includes('group 1')).length).toBeGreaterThan(0);
    expect((await engine.info()).count).toBe(table.size);
  });

  it.each(['everything', 'types', 'English words', 'an actor in a role'])('narrows every answer to the area filter, and answers the map, as the app does: %s', async (name) => {
    const view = views().find((v) => v.name === name)!;
    for (const box of [{ west: 44.5, south: 39.25, east: 45.5, north: 40.75 }, { west: 45.75, south: 40.5, east: 46, north: 41 }]) {
      const expected = answers.inArea(view.filters, view.window, box);
      const query = { ...queryOf(view), filters: { ...queryOf(view).filters, bbox: box } };
      expect(await engines[layout].facetCounts(query)).toEqual(expected.counts);
      expect(await engines[layout].bins(query, { mode: 'type' }, 53)).toEqual(expected.typeBins(53));
      expect(await engines[layout].bins(query, { mode: 'actor', maxLanes: 5 }, 53)).toEqual(expected.actorBins(53, 5));
      expect(await engines[layout].bins(query, { mode: 'place', maxLanes: 4 }, 53)).toEqual(expected.placeBins(53, 4));
      expect((await engines[layout].events(query, 0, 1000)).events.map((e) => e.id)).toEqual(expected.ids.slice(0, 1000));
    }
    const everywhere = answers.inArea(view.filters, view.window, null);
    for (const map of [
      { view: { west: 44, south: 39, east: 46, north: 41 }, zoom: 7.9, cell: 16 },
      { view: { west: 44.5, south: 39.5, east: 45, north: 40 }, zoom: 12, cell: 8 },
      { view: { west: -180, south: -85, east: 180, north: 85 }, zoom: 2, cell: 2 },
    ]) {
      expect(await engines[layout].map(queryOf(view), map)).toEqual(everywhere.map(map));
    }
  });

  it('serves read only', async () => {
    const front = createClickHouseClient(parseClickHouseUrl(servers.servers[0]!.url));
    const { servingSettings } = await import('./clickhouseEngine.ts');
    await expect(front.text({ sql: 'DROP TABLE ct_single.events', settings: servingSettings('ct_single', 5, 10) })).rejects.toThrow(/error 164/);
    expect((await engines[layout].info()).count).toBe(table.size);
  });
});

describe('the cluster layout', () => {
  it('puts a local MergeTree table on every shard, with part of the events each, and Distributed tables on the front server', async () => {
    const counts: number[] = [];
    for (const server of servers.servers) {
      const client = createClickHouseClient(parseClickHouseUrl(server.url));
      const tables = await client.rows<{ name: string; engine: string }>({ sql: "SELECT name, engine FROM system.tables WHERE database = 'ct_cluster' ORDER BY name FORMAT JSONEachRow" });
      expect(tables.filter((t) => t.name.endsWith('_local'))).toEqual([
        { name: 'actor_set_start_counts_local', engine: 'SummingMergeTree' },
        { name: 'actor_span_counts_local', engine: 'SummingMergeTree' },
        { name: 'actor_start_counts_local', engine: 'SummingMergeTree' },
        { name: 'event_actors_local', engine: 'MergeTree' },
        { name: 'events_local', engine: 'MergeTree' },
        { name: 'set_start_counts_local', engine: 'SummingMergeTree' },
        { name: 'span_counts_local', engine: 'SummingMergeTree' },
        { name: 'start_counts_local', engine: 'SummingMergeTree' },
        { name: 'word_rows_local', engine: 'MergeTree' },
        { name: 'words_local', engine: 'ReplacingMergeTree' },
      ]);
      const local = async (sql: string) => Number((await client.rows<{ n: string }>({ sql: `${sql} FORMAT JSONEachRow` }))[0]!.n);
      counts.push(await local('SELECT count() AS n FROM ct_cluster.events_local'));
      // The word index of a shard holds the words of that shard's events, and of no other.
      expect(await local('SELECT uniqExact(row) AS n FROM ct_cluster.word_rows_local')).toBe(counts.at(-1));
      expect(await local('SELECT count() AS n FROM ct_cluster.word_rows_local WHERE row NOT IN (SELECT row FROM ct_cluster.events_local)')).toBe(0);
    }
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b)).toBe(table.size);
    const front = createClickHouseClient(parseClickHouseUrl(servers.servers[0]!.url));
    const distributed = await front.rows<{ name: string; engine: string }>({ sql: "SELECT name, engine FROM system.tables WHERE database = 'ct_cluster' AND engine = 'Distributed' ORDER BY name FORMAT JSONEachRow" });
    expect(distributed.map((t) => t.name)).toEqual(['actor_set_start_counts', 'actor_span_counts', 'actor_start_counts', 'event_actors', 'events', 'set_start_counts', 'span_counts', 'start_counts', 'word_rows', 'words']);
  });
});

describe('credentials in the URL', () => {
  it('reach ClickHouse as that user, and a wrong password is an error that does not repeat it', async () => {
    const withUser = (password: string) => servers.servers[0]!.url.replace('//', `//${TEST_ANALYST.user}:${encodeURIComponent(password)}@`);
    expect((await createClickHouseEngine({ url: withUser(TEST_ANALYST.password), database: 'ct_single' }).info()).count).toBe(table.size);
    const refused = createClickHouseEngine({ url: withUser('wrong-password'), database: 'ct_single' }).info();
    await expect(refused).rejects.toMatchObject({ name: 'ClickHouseError', code: 193 });
    await expect(refused).rejects.not.toThrow(/wrong-password/);
  });
});

describe('limits and faults', () => {
  it('refuses an answer larger than maxResultRows', async () => {
    const engine = createClickHouseEngine({ url: servers.servers[0]!.url, database: 'ct_single', maxResultRows: 5 });
    const query = queryOf({ name: '', filters: NO_FILTERS, window: whole() });
    await expect(engine.events(query, 0, 50)).rejects.toMatchObject({ name: 'ClickHouseError', code: 396 });
    expect((await engine.events(query, 0, 5)).events).toHaveLength(5);
  });

  it('says that ClickHouse is not answering when nothing listens', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    await expect(createClickHouseEngine({ url, database: 'ct_single' }).info()).rejects.toThrow(`ClickHouse at ${url} is not answering`);
  });

  it('says which database holds no dataset', async () => {
    const engine = createClickHouseEngine({ url: servers.servers[0]!.url, database: 'default' });
    await expect(engine.info()).rejects.toMatchObject({ name: 'ClickHouseError' });
  });
});

describe('a query the client gives up', () => {
  it('is killed in ClickHouse too', async () => {
    const front = createClickHouseClient(parseClickHouseUrl(servers.servers[0]!.url));
    const running = async () =>
      Number((await front.rows<{ n: string }>({ sql: "SELECT count() AS n FROM system.processes WHERE query LIKE '%4242424242%' AND query NOT LIKE '%system.processes%' FORMAT JSONEachRow" }))[0]!.n);
    const controller = new AbortController();
    // Runs for hours unless stopped.
    const slow = front.text({ sql: 'SELECT count() FROM system.numbers WHERE number != 4242424242', signal: controller.signal });
    slow.catch(() => {});
    while ((await running()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(slow).rejects.toThrow();
    // Polls until ClickHouse has dropped it; the test's time limit says when it never does.
    while ((await running()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  });
});

describe('npm run load', () => {
  const load = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts'), ...args], { cwd: join(import.meta.dirname, '..') });

  it('prints the report and what it loaded, and says when it replaces an earlier load', async () => {
    const url = servers.servers[0]!.url;
    const first = await load(SEED, '--clickhouse', url, '--database', 'ct_cli');
    expect(first.stderr).toMatch(/^seed\.json: read as /);
    expect(first.stderr).not.toContain('replaced');
    expect(first.stdout.trim()).toBe(`Loaded 16 events into ClickHouse at ${url} (database ct_cli)`);
    const again = await load(SEED, '--clickhouse', `${url}?database=ct_cli`);
    expect(again.stderr).toContain('The earlier load of database ct_cli was replaced.');
    expect((await createClickHouseEngine({ url, database: 'ct_cli' }).info()).count).toBe(16);
  });

  it('says how to name the shards when the cluster cannot run ON CLUSTER', async () => {
    const url = servers.servers[0]!.url;
    await expect(load(SEED, '--clickhouse', url, '--database', 'ct_no_ddl', '--cluster', servers.cluster)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("cannot run ON CLUSTER (it needs ZooKeeper for distributed DDL): name each shard's HTTP URL with --shard"),
    });
  });

  it('writes ON CLUSTER statements that 18.16 parses (it stops only for want of distributed DDL)', async () => {
    const front = createClickHouseClient(parseClickHouseUrl(servers.servers[0]!.url));
    for (const sql of schemaStatements({ database: 'ct_on_cluster', cluster: servers.cluster }, true).shard) {
      await expect(front.text({ sql }), sql).rejects.toMatchObject({ code: 49, detail: expect.stringContaining('DDL background thread is not initialized') });
    }
  });

  it('says what is wrong with its arguments', async () => {
    await expect(load(SEED)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--clickhouse URL is required') });
  });

  it('loads a DuckDB database that npm run serve wrote, as it is, and refuses one among other files', async () => {
    const url = servers.servers[0]!.url;
    const read = await readDataset([SEED]);
    if (!read.ok) throw new Error(read.message);
    const database = join(dir, 'seed.duckdb');
    await createDuckDbDatabase(read.dataset, database, read.reports);
    const loaded = await load(database, '--clickhouse', url, '--database', 'ct_cli_duckdb');
    expect(loaded.stderr).not.toMatch(/read as/);
    expect(loaded.stdout.trim()).toBe(`Loaded 16 events into ClickHouse at ${url} (database ct_cli_duckdb)`);
    expect((await createClickHouseEngine({ url, database: 'ct_cli_duckdb' }).info()).count).toBe(16);
    await expect(load(database, SEED, '--clickhouse', url)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`${database} is a DuckDB database: load it alone, not with other files`) });
  });
});
