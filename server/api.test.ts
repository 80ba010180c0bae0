// The data server as a client sees it: the API on 127.0.0.1 (port 0) over a DuckDB database of the
// seed and of generated ACLED data, its answers held to what the app computes in memory.
import { placeLaneKey } from '../src/layout/lanes.ts';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { NO_FILTERS, type Filters } from '../src/table/filter.ts';
import { importText } from '../src/io/importer.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { SECURITY_HEADERS } from '../src/security/contentSecurityPolicy.ts';
import { createDataServer } from './api.ts';
import { createDuckDbDatabase, openDuckDbEngine } from './duckdbEngine.ts';
import type { Engine } from './engine.ts';
import { readDataset } from './readDataset.ts';
import { appAnswers, queryStringOf, type Window } from './testing/appAnswers.ts';
import { placedDataset } from './testing/placedDataset.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');
const ALLOWED = 'https://analysts.example';
const TOKEN = 'correct horse battery staple';

interface Running {
  base: string;
  dataset: Dataset;
  app: ReturnType<typeof appAnswers>;
  engine: Engine;
  server: Server;
  logged: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'ct-api-'));
const dist = join(dir, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Conflict Timeline</title>');
writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'not for clients');

async function start(name: string, dataset: Dataset, reports: ImportReport[], token: string | null = null): Promise<Running> {
  const path = join(dir, `${name}.duckdb`);
  await createDuckDbDatabase(dataset, path, reports);
  const opened = await openDuckDbEngine(path);
  if (!opened.ok) throw new Error(opened.message);
  const logged: string[] = [];
  const engine = opened.engine;
  const server = createDataServer({ engine: () => engine, staticRoot: dist, allowOrigins: [ALLOWED], token, log: (line) => logged.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, dataset, app: appAnswers(dataset), engine, server, logged };
}

async function stop(running: Running | undefined): Promise<void> {
  if (!running) return;
  await new Promise((resolve) => running.server.close(resolve));
  await running.engine.close();
}

async function getJson(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Every page of /api/events, in order. */
async function allEventIds(base: string, query: string, pageSize = 7): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { body } = await getJson(base, `/api/events?${query}&offset=${offset}&limit=${pageSize}`);
    ids.push(...body.events.map((e: { id: string }) => e.id));
    if (offset + pageSize >= body.total) return ids;
  }
}

const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });

/** The server's answers for filters and a window, each held to the app's. */
async function expectSameAsApp(running: Running, f: Filters, window: Window): Promise<void> {
  const query = queryStringOf(f, window);
  const { base, app } = running;
  const counts = await getJson(base, `/api/counts?${query}`);
  expect(counts.status).toBe(200);
  expect(counts.body).toEqual(app.counts(f, window));
  const byType = await getJson(base, `/api/bins?${query}&lanes=type&bins=37`);
  expect(byType.body.lanes).toEqual(app.typeBins(f, window, 37));
  const byActor = await getJson(base, `/api/bins?${query}&lanes=actor&bins=23&maxLanes=5`);
  expect(byActor.body.lanes).toEqual(app.actorBins(f, window, 23, 5));
  const ids = app.visibleIds(f, window);
  expect(await allEventIds(base, query)).toEqual(ids);
  const marks = await getJson(base, `/api/marks?${query}&limit=5000`);
  expect(marks.body.total).toBe(ids.length);
  expect(marks.body.marks.map((m: { id: string }) => m.id)).toEqual(ids);
  const places = await getJson(base, `/api/places?${query}`);
  expect(places.status).toBe(200);
  expect(places.body).toEqual(app.places(f, window));
  // The events of some lanes (the sparse ones): every other type lane; an actor lane and "Other actors".
  const everyOther = app.laneEvents(f, window, 'type', 0, (keys) => keys.filter((_, i) => i % 2 === 0));
  expect(await allEventIds(base, `${query}&inLanes=${everyOther.subset.keys.join(',')}`, 400)).toEqual(everyOther.ids);
  const actorLanes = app.laneEvents(f, window, 'actor', 5, (keys) => keys.filter((_, i) => i === 1 || i === keys.length - 1));
  if (actorLanes.subset.mode !== 'actor') throw new Error('lanes by actor');
  const laneQuery = `${query}&lanes=actor&inLanes=${actorLanes.subset.keys.map(encodeURIComponent).join(',')}&laneActors=${actorLanes.subset.laneActors.map(encodeURIComponent).join(',')}`;
  expect(await allEventIds(base, laneQuery, 400)).toEqual(actorLanes.ids);
}

describe('the data server on the seed (Arabic text)', () => {
  let seed: Running | undefined;
  beforeAll(async () => {
    const read = await readDataset([SEED]);
    if (!read.ok) throw new Error(read.message);
    seed = await start('seed', read.dataset, read.reports);
  });
  afterAll(() => stop(seed));

  it('answers /api/info and /api/report', async () => {
    const { base, dataset, app } = seed!;
    const info = await getJson(base, '/api/info');
    expect(info.status).toBe(200);
    expect(info.body.engine).toBe('duckdb');
    expect(info.body.count).toBe(16);
    expect(info.body.extent).toEqual(app.table.extent);
    expect(info.body.dataset.title).toBe(dataset.title);
    expect(info.body.dataset.actors).toEqual(dataset.actors);
    const report = await getJson(base, '/api/report');
    expect(report.body.reports).toHaveLength(1);
    expect(report.body.reports[0].fileName).toBe('seed.json');
    expect(report.body.reports[0].imported).toBe(16);
  });

  it('answers as the app does, for every filter, over all time and a window', async () => {
    const { table } = seed!.app;
    const all = { from: table.extent!.from, to: table.extent!.to + 1 };
    const september = { from: Date.UTC(2022, 8, 12), to: Date.UTC(2022, 8, 16) };
    const actor = table.actors[0]!.id;
    for (const window of [all, september]) {
      await expectSameAsApp(seed!, NO_FILTERS, window);
      await expectSameAsApp(seed!, filters({ types: ['clash', 'ceasefire'] }), window);
      await expectSameAsApp(seed!, filters({ actors: [actor] }), window);
      await expectSameAsApp(seed!, filters({ actors: [actor], role: 'initiator' }), window);
      await expectSameAsApp(seed!, filters({ q: 'وقف اطلاق النار' }), window);
      await expectSameAsApp(seed!, filters({ country: 'ARM' }), window);
      // LIKE's wildcards and a quote are text like any other.
      await expectSameAsApp(seed!, filters({ q: '%' }), window);
      await expectSameAsApp(seed!, filters({ q: "_ '" }), window);
      // The server's word index finds a word inside a word (Arabic too), and a word said twice, as the app's.
      await expectSameAsApp(seed!, filters({ q: 'طلا ceasef' }), window);
      await expectSameAsApp(seed!, filters({ q: 'fire fire' }), window);
    }
  });

  it('finds "وقف إطلاق النار" when asked for "وقف اطلاق النار"', async () => {
    const { base } = seed!;
    const { body } = await getJson(base, `/api/events?q=${encodeURIComponent('وقف اطلاق النار')}`);
    expect(body.total).toBeGreaterThan(0);
    // The query has no hamza; the text it finds has one.
    expect(body.events.some((e: unknown) => JSON.stringify(e).includes('وقف إطلاق النار'))).toBe(true);
  });

  it('gives one event deep-equal to the dataset’s, and 404 for an unknown id', async () => {
    const { base, dataset } = seed!;
    const event = dataset.events[3]!;
    const { status, body } = await getJson(base, `/api/event?id=${encodeURIComponent(event.id)}`);
    expect(status).toBe(200);
    expect(body.event).toEqual(JSON.parse(JSON.stringify(event)));
    // Every event, paged in time order, is the dataset's own.
    const { body: page } = await getJson(base, '/api/events?limit=1000');
    const byId = new Map(dataset.events.map((e) => [e.id, JSON.parse(JSON.stringify(e))]));
    expect(page.events).toEqual(page.events.map((e: { id: string }) => byId.get(e.id)));
    expect(page.events).toHaveLength(16);
    const missing = await getJson(base, `/api/event?id=${encodeURIComponent("' OR '1'='1")}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: expect.any(String) });
  });

  it('refuses bad parameters with 400 and a message naming the parameter', async () => {
    const { base } = seed!;
    const cases: [string, RegExp][] = [
      ['/api/bins?from=2022-01-01&to=2023-01-01&bins=0', /^bins: must be at least 1/],
      ['/api/bins?from=2022-01-01&to=2023-01-01&bins=5000', /^bins: must be at most 4096/],
      ['/api/bins?from=2022-01-01&to=2023-01-01&bins=ten', /^bins: is not a whole number/],
      ['/api/bins?bins=10', /^from: missing/],
      ['/api/bins?from=2022-01-01&to=2023-01-01', /^bins: missing/],
      ['/api/bins?from=2022-01-01&to=2023-01-01&bins=10&lanes=region', /^lanes: "region" is not type, actor or place/],
      ['/api/counts?bbox=44,39,46', /^bbox: "44,39,46" is not west,south,east,north/],
      ['/api/counts?bbox=44,39,46,41,0', /^bbox: .* is not west,south,east,north/],
      ['/api/counts?bbox=46,39,44,41', /^bbox: west must be less than east/],
      ['/api/counts?bbox=44,41,46,39', /^bbox: south must be less than north/],
      ['/api/counts?bbox=44,39,44,41', /^bbox: west must be less than east/],
      ['/api/counts?bbox=-181,39,46,41', /^bbox: west "-181" must be at least -180/],
      ['/api/counts?bbox=44,39,46,90.5', /^bbox: north "90.5" must be at most 90/],
      ['/api/counts?bbox=44,NaN,46,41', /^bbox: south "NaN" is not a latitude/],
      ['/api/counts?bbox=44,1e1,46,41', /^bbox: south "1e1" is not a latitude/],
      ['/api/counts?bbox=Infinity,39,46,41', /^bbox: west "Infinity" is not a longitude/],
      ['/api/events?bbox=', /^bbox: "" is not west,south,east,north/],
      ['/api/map?west=44&south=39&east=46&north=41&zoom=6', /^cell: missing/],
      ['/api/map?west=44&south=39&east=46&zoom=6&cell=16', /^north: missing/],
      ['/api/map?west=46&south=39&east=44&north=41&zoom=6&cell=16', /^east: must be greater than west/],
      ['/api/map?west=44&south=41&east=46&north=39&zoom=6&cell=16', /^north: must be greater than south/],
      ['/api/map?west=44&south=39&east=46&north=41&zoom=25&cell=16', /^zoom: must be at most 24/],
      ['/api/map?west=44&south=39&east=46&north=41&zoom=-1&cell=16', /^zoom: must be at least 0/],
      ['/api/map?west=44&south=39&east=46&north=41&zoom=6&cell=1', /^cell: must be at least 2/],
      ['/api/map?west=-180&south=-85&east=180&north=85&zoom=20&cell=16', /^cell: the view spans \d+ cells of 16 px at zoom 20, more than 65536/],
      ['/api/map?west=44&south=39&east=46&north=41&zoom=6&cell=16&limit=5', /^"limit" is not a parameter of \/api\/map/],
      ['/api/events?inLanes=x&lanePlaces=y', /^lanePlaces: only with lanes=place/],
      ['/api/events?lanes=place&inLanes=%25zz', /^inLanes: "%zz" is not a percent-encoded lane key/],
      ['/api/counts?from=yesterday&to=2023-01-01', /^from: "yesterday" is not a date/],
      ['/api/counts?from=2023-01-01&to=2022-01-01', /^to: must be after from/],
      ['/api/counts?from=2023-01-01', /^to: missing/],
      ['/api/counts?types=clash,skirmish', /^types: "skirmish" is not an event type/],
      ['/api/counts?role=boss', /^role: "boss" is not one of/],
      ['/api/counts?country=Armenia', /^country: is not an ISO 3166-1 alpha-3 code/],
      ['/api/counts?types=clash&types=ceasefire', /^types: given 2 times/],
      ['/api/counts?token=abc', /^"token" is not a parameter of \/api\/counts/],
      ['/api/events?limit=1001', /^limit: must be at most 1000/],
      ['/api/events?offset=-1', /^offset: is not a whole number/],
      ['/api/marks?limit=5001', /^limit: must be at most 5000/],
      [`/api/counts?q=${'a'.repeat(501)}`, /^q: is longer than 500 characters/],
      ['/api/event', /^id: missing/],
      ['/api/events?inLanes=clash,skirmish', /^inLanes: "skirmish" is not an event type/],
      ['/api/events?lanes=actor', /^lanes: only with inLanes/],
      ['/api/events?inLanes=clash&laneActors=a', /^laneActors: only with lanes=actor/],
      ['/api/places?limit=3', /^"limit" is not a parameter of \/api\/places/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await getJson(base, path);
      expect({ path, status }).toEqual({ path, status: 400 });
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatch(message);
    }
  });

  it('treats hostile values as data: no leak, no effect', async () => {
    const { base } = seed!;
    const hostile = [
      ['types', "clash');DROP TABLE events;--", 400],
      ['q', "' OR 1=1 --", 200],
      ['actors', "x') OR 1=1; DROP TABLE event_actors; --", 200],
      ['place', "'; DELETE FROM events; --", 200],
      ['id', "1' OR '1'='1", 404],
    ] as const;
    for (const [name, value, expected] of hostile) {
      const path = name === 'id' ? '/api/event' : '/api/events';
      const { status, body } = await getJson(base, `${path}?${name}=${encodeURIComponent(value)}`);
      expect({ name, status }).toEqual({ name, status: expected });
      if (status === 200) expect(body.total).toBe(0);
      else expect(JSON.stringify(body)).not.toMatch(/SELECT|DuckDB|Error:|at .*\.ts|\n/);
    }
    // Every parameter of every path, with the classic attempts.
    const paths = {
      info: [],
      report: [],
      bins: ['bins=10', 'from=2022-01-01', 'to=2023-01-01'],
      marks: [],
      events: [],
      event: ['id=x'],
      counts: [],
      places: [],
      laneEvents: ['lanes=actor', 'inLanes=*'],
      placeLaneEvents: ['lanes=place', 'inLanes=*'],
      map: ['west=44', 'south=39', 'east=46', 'north=41', 'zoom=6', 'cell=16'],
    } as const;
    for (const [name_, base_] of Object.entries(paths)) {
      const path = name_ === 'laneEvents' || name_ === 'placeLaneEvents' ? 'events' : name_;
      const names = ['from', 'to', 'types', 'actors', 'role', 'q', 'country', 'place', 'bbox', 'lanes', 'bins', 'maxLanes', 'limit', 'offset', 'id', 'inLanes', 'laneActors', 'lanePlaces', 'west', 'south', 'east', 'north', 'zoom', 'cell'];
      for (const name of names) {
        for (const attack of ["'); DROP TABLE events; --", '1 OR 1=1', '$1', '\u0000']) {
          const params = new URLSearchParams(base_.map((p) => p.split('=') as [string, string]).filter(([k]) => k !== name));
          params.set(name, attack);
          const { status, body } = await getJson(base, `/api/${path}?${params}`);
          expect([200, 400, 404]).toContain(status);
          if (status !== 200) {
            expect(Object.keys(body)).toEqual(['error']);
            expect(body.error).not.toMatch(/SELECT|FROM events|DuckDB|Binder|Parser|Error:|\.ts:/);
          }
        }
      }
    }
    expect((await getJson(base, '/api/info')).body.count).toBe(16);
    expect((await getJson(base, '/api/counts')).body.visible).toBe(16);
    expect(seed!.logged).toEqual([]);
  });

  it('answers unknown paths and other methods with JSON errors, and refuses a URL too long', async () => {
    const { base } = seed!;
    const unknown = await getJson(base, '/api/tables');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/^no such path/);
    const post = await fetch(`${base}/api/info`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await post.json()).toEqual({ error: expect.any(String) });
    const long = await fetch(`${base}/api/events?q=${'a'.repeat(9000)}`);
    expect(long.status).toBe(414);
  });

  it('survives a malformed request and one with huge headers', async () => {
    const { base } = seed!;
    const { port } = new URL(base);
    for (const raw of ['GARBAGE\r\n\r\n', `GET /api/info HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`]) {
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(raw));
        socket.on('data', (chunk) => (text += chunk));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    expect((await getJson(base, '/api/info')).body.count).toBe(16);
  });

  it('serves the built app with its security headers, and nothing outside it', async () => {
    const { base } = seed!;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(index.headers.get(name)).toBe(value);
    expect(await index.text()).toContain('Conflict Timeline');
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const path of ['/../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00']) {
      const response = await rawGet(base, path);
      expect({ path, status: response.status }).toEqual({ path, status: response.status === 400 ? 400 : 404 });
      expect(response.body).not.toContain('not for clients');
    }
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });

  it('survives a client that goes away in the middle of a query', async () => {
    const { base } = seed!;
    await new Promise<void>((resolve) => {
      const req = request(`${base}/api/events?limit=1000`, () => {});
      req.on('error', () => resolve());
      req.end(() => setImmediate(() => (req.destroy(), resolve())));
    });
    const controller = new AbortController();
    const pending = fetch(`${base}/api/bins?from=1990-01-01&to=2030-01-01&bins=4096&lanes=actor`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await getJson(base, '/api/info')).body.count).toBe(16);
  });
});

/** A GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the data server on generated ACLED data', () => {
  let acled: Running | undefined;
  beforeAll(async () => {
    const result = importText({ text: acledCsv(generatedAcledRows(3000, 11, 60)), fileName: 'acled.csv' });
    if (result.kind !== 'done') throw new Error(result.kind);
    acled = await start('acled', result.dataset, [result.report]);
  });
  afterAll(() => stop(acled));

  it('answers as the app does, for filters alone and together, in windows', async () => {
    const { table } = acled!.app;
    const busiest = acled!.app.counts(NO_FILTERS, { from: table.extent!.from, to: table.extent!.to });
    const actors = Object.entries(busiest.actors).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id);
    const place = table.places[5]!;
    const windows = [
      { from: table.extent!.from, to: table.extent!.to + 1 },
      { from: Date.UTC(2019, 4, 3, 7), to: Date.UTC(2019, 10, 17, 13) },
      { from: Date.UTC(2021, 0, 1), to: Date.UTC(2021, 0, 2) },
    ];
    for (const window of windows) {
      await expectSameAsApp(acled!, NO_FILTERS, window);
      await expectSameAsApp(acled!, filters({ types: ['clash'] }), window);
      await expectSameAsApp(acled!, filters({ actors, role: 'target' }), window);
      await expectSameAsApp(acled!, filters({ q: 'Lorem  IPSUM dolor' }), window);
      await expectSameAsApp(acled!, filters({ country: place.country, place: place.name.toUpperCase() }), window);
      await expectSameAsApp(acled!, filters({ types: ['clash', 'remote-violence'], actors: actors.slice(0, 1), q: 'generated' }), window);
    }
    // Hundreds of requests: on a busy two-core machine this took longer than the default 20 s.
  }, 120_000);

  it("finds words as the app does through the server's word index: part of a word, words many words hold, a word none holds", async () => {
    const { table } = acled!.app;
    const all = { from: table.extent!.from, to: table.extent!.to + 1 };
    const busiest = acled!.app.counts(NO_FILTERS, all);
    const actor = Object.entries(busiest.actors).sort((a, b) => b[1] - a[1])[0]![0];
    await expectSameAsApp(acled!, filters({ q: 'illag 12 1' }), { from: Date.UTC(2019, 4, 3, 7), to: Date.UTC(2019, 10, 17, 13) });
    await expectSameAsApp(acled!, filters({ q: 'group nothing-holds-this' }), all);
    await expectSameAsApp(acled!, filters({ types: ['clash'], actors: [actor], q: 'psum' }), all);
  }, 60_000);

  it('says how many marks there are instead of listing them past the limit', async () => {
    const { body } = await getJson(acled!.base, '/api/marks?limit=10');
    expect(body).toEqual({ total: acled!.app.table.size, marks: null });
  });
});

describe('the area filter, the map and lanes by place', () => {
  let geo: Running | undefined;
  beforeAll(async () => {
    const result = importText({ text: acledCsv(generatedAcledRows(3000, 11, 60)), fileName: 'acled.csv' });
    if (result.kind !== 'done') throw new Error(result.kind);
    geo = await start('geo', placedDataset(result.dataset), [result.report]);
  });
  afterAll(() => stop(geo));

  const boxes = [
    { west: 44.5, south: 39.5, east: 45.25, north: 40.75 },
    { west: 45.9, south: 40.9, east: 46, north: 41 },
    { west: 10, south: 10, east: 11, north: 11 },
  ];
  const bboxParam = (box: { west: number; south: number; east: number; north: number }) => `bbox=${box.west},${box.south},${box.east},${box.north}`;

  it('narrows every answer to the events whose coordinates lie in the box', async () => {
    const { base, app } = geo!;
    const { table } = app;
    const actor = app.table.actors[3]!.id;
    const all = { from: table.extent!.from, to: table.extent!.to + 1 };
    const year = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) };
    let narrowed = 0;
    for (const box of boxes) {
      for (const [f, window] of [[NO_FILTERS, all], [filters({ types: ['clash', 'protest'] }), year], [filters({ actors: [actor], q: 'lorem' }), all]] as const) {
        const expected = app.inArea(f, window, box);
        const query = `${queryStringOf(f, window)}&${bboxParam(box)}`;
        const counts = await getJson(base, `/api/counts?${query}`);
        expect(counts.body).toEqual(expected.counts);
        expect((await getJson(base, `/api/bins?${query}&lanes=type&bins=41`)).body.lanes).toEqual(expected.typeBins(41));
        expect((await getJson(base, `/api/bins?${query}&lanes=actor&bins=13&maxLanes=4`)).body.lanes).toEqual(expected.actorBins(13, 4));
        expect((await getJson(base, `/api/bins?${query}&lanes=place&bins=17&maxLanes=4`)).body.lanes).toEqual(expected.placeBins(17, 4));
        expect(await allEventIds(base, query, 500)).toEqual(expected.ids);
        const marks = await getJson(base, `/api/marks?${query}&limit=5000`);
        expect(marks.body.marks.map((m: { id: string }) => m.id)).toEqual(expected.ids);
        const places = await getJson(base, `/api/places?${query}`);
        const countries = Object.values(places.body.countries as Record<string, number>).reduce((a, b) => a + b, 0);
        expect(countries).toBe(app.inArea({ ...f, country: null, place: null }, window, box).counts.visible);
        if (expected.ids.length < app.visibleIds(f, window).length) narrowed++;
      }
    }
    // The boxes hold some events and leave others out; one holds none.
    expect(narrowed).toBeGreaterThan(3);
    expect(app.inArea(NO_FILTERS, all, boxes[0]!).ids.length).toBeGreaterThan(100);
    expect(app.inArea(NO_FILTERS, all, boxes[2]!).ids).toEqual([]);
  }, 120_000);

  it('puts each event in the lane of its place as the page does, busiest first; other places, then no place, last', async () => {
    const { base, app } = geo!;
    const { table } = app;
    const all = { from: table.extent!.from, to: table.extent!.to + 1 };
    const query = queryStringOf(NO_FILTERS, all);
    const lanes = (await getJson(base, `/api/bins?${query}&lanes=place&bins=20&maxLanes=12`)).body.lanes as { key: string; counts: number[] }[];
    expect(lanes).toEqual(app.inArea(NO_FILTERS, all, null).placeBins(20, 12));
    expect(lanes.length).toBeGreaterThan(5);
    expect(lanes.map((l) => l.key)).toContain("ARM|x'); DROP TABLE events; --");
    // With the whole world as the box, only events without coordinates drop out.
    expect((await getJson(base, `/api/counts?${query}&bbox=-180,-90,180,90`)).body.visible).toBe(table.size - table.size / 10);
    // With room for a few lanes, "Other places" holds the rest.
    const few = (await getJson(base, `/api/bins?${query}&lanes=place&bins=20&maxLanes=4`)).body.lanes as { key: string; counts: number[] }[];
    expect(few).toEqual(app.inArea(NO_FILTERS, all, null).placeBins(20, 4));
    // "Other places", then the events without a place, last.
    expect(few.slice(-2).map((l) => l.key)).toEqual(['*', '']);
    // The events of some lanes: a place's and the other places' ('*').
    const sparse = few.map((l) => l.key).filter((k) => k !== '*' && k !== '');
    const laneOf = (id: string) => {
      const place = table.placeOf[table.rowOfId.get(id)!]!;
      return place >= 0 ? placeLaneKey(table.places[place]!) : null;
    };
    const ids = app.visibleIds(NO_FILTERS, all);
    const inLanes = `${query}&lanes=place&inLanes=${encodeURIComponent(sparse[1]!)},*&lanePlaces=${sparse.map(encodeURIComponent).join(',')}`;
    expect(await allEventIds(base, inLanes, 1000)).toEqual(ids.filter((id) => laneOf(id) === sparse[1] || (laneOf(id) !== null && !sparse.includes(laneOf(id)!))));
  }, 60_000);

  it('answers /api/map with the points in the view when few, else counts per map cell as mercatorCell has them', async () => {
    const { base, app } = geo!;
    const { table } = app;
    const all = { from: table.extent!.from, to: table.extent!.to + 1 };
    const asked: string[] = [];
    for (const [view, zoom, cell] of [
      [{ west: 44, south: 39, east: 46, north: 41 }, 6.7, 16],
      [{ west: 44, south: 39, east: 46, north: 41 }, 9, 8],
      [{ west: 43.5, south: 38.5, east: 46.5, north: 41.5 }, 12.2, 64],
      [{ west: 44.9, south: 39.9, east: 45.1, north: 40.1 }, 11, 16],
      [{ west: -180, south: -85, east: 180, north: 85 }, 0, 4],
    ] as const) {
      for (const [f, box] of [[NO_FILTERS, null], [filters({ types: ['clash'] }), null], [NO_FILTERS, boxes[0]!]] as const) {
        const expected = app.inArea(f, all, box).map({ view, zoom, cell });
        const { status, body } = await getJson(base, `/api/map?${queryStringOf(f, all)}${box ? `&${bboxParam(box)}` : ''}&west=${view.west}&south=${view.south}&east=${view.east}&north=${view.north}&zoom=${zoom}&cell=${cell}`);
        expect(status).toBe(200);
        expect(body).toEqual(expected);
        asked.push(body.kind);
      }
    }
    // Both kinds of answer were checked, with precisions of every kind.
    expect(asked).toContain('points');
    expect(asked).toContain('cells');
    const few = await getJson(base, `/api/map?${queryStringOf(NO_FILTERS, all)}&west=44.9&south=39.9&east=45.1&north=40.1&zoom=11&cell=16`);
    expect(new Set(few.body.points.map((p: { precision: string }) => p.precision)).size).toBe(5);
  }, 60_000);
});

describe('the token and the allowed origins', () => {
  let guarded: Running | undefined;
  beforeAll(async () => {
    const read = await readDataset([SEED]);
    if (!read.ok) throw new Error(read.message);
    guarded = await start('guarded', read.dataset, read.reports, TOKEN);
  });
  afterAll(async () => {
    await stop(guarded);
    rmSync(dir, { recursive: true, force: true });
  });

  it('needs the bearer token on /api/, and never takes it from the query string', async () => {
    const { base } = guarded!;
    expect((await getJson(base, '/api/info')).status).toBe(401);
    const wrong = await getJson(base, '/api/info', { Authorization: 'Bearer wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: expect.stringMatching(/token/) });
    expect((await getJson(base, `/api/info?token=${encodeURIComponent(TOKEN)}`)).status).toBe(401);
    expect((await getJson(base, '/api/info', { Authorization: TOKEN })).status).toBe(401);
    expect((await getJson(base, '/api/info', { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await getJson(base, '/api/info', { Authorization: `bearer ${TOKEN}` })).status).toBe(200);
    expect((await getJson(base, '/api/info', { Authorization: `Bearer ${TOKEN.toUpperCase()}` })).status).toBe(401);
    // The page itself needs no token: it asks for one.
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('gives CORS headers to listed origins only, preflight included', async () => {
    const { base } = guarded!;
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const allowed = await getJson(base, '/api/info', { ...auth, Origin: ALLOWED });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const other = await getJson(base, '/api/info', { ...auth, Origin: 'https://elsewhere.example' });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/api/bins`, { method: 'OPTIONS', headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization');
    const refused = await fetch(`${base}/api/bins`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
