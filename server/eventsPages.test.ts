// The Events table's pages, found from the counts made at load (pageSpan) when no filter but types,
// or one actor, is set: held to the app's own rows in time order on DuckDB and ClickHouse (one
// server, and two shards), at the start, across start anchors, deep in the table and past its
// end, on days that hold many events and with events that start before the window and span into it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import type { Dataset } from '../src/model/schema.ts';
import { NO_FILTERS, type Filters } from '../src/table/filter.ts';
import type { Engine, ViewQuery } from './engine.ts';
import { readDataset } from './readDataset.ts';
import { startThreeEngines, type ThreeEngines } from './testing/threeEngines.ts';
import { appAnswers } from './testing/appAnswers.ts';
import { countedBy } from './countsAtLoad.ts';

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 2, 1);
const DAYS = 40;

/** Generated rows on DAYS days only, about 60 events a day: pages start and end inside days. */
function denseRows() {
  return generatedAcledRows(2400, 11, 9).map((row, i) => {
    const date = new Date(FIRST_DAY + ((i * 7) % DAYS) * DAY).toISOString().slice(0, 10);
    return { ...row, event_date: date, year: date.slice(0, 4) };
  });
}

/**
 * Every fourth event ends three days after it starts (so a window starting inside holds events
 * that start before it), every seventh has no actor, every eleventh its first actor again in
 * another role (the app or-s the roles).
 */
function varied(dataset: Dataset): Dataset {
  const events = dataset.events.map((event, i) => {
    let actors = event.actors;
    if (i % 7 === 1) actors = [];
    else if (i % 11 === 4 && actors.length) actors = [...actors, { ...actors[0]!, role: actors[0]!.role === 'mediator' ? ('participant' as const) : ('mediator' as const) }];
    const end = i % 4 === 0 && !event.end ? { end: { ...event.start, at: new Date(Date.parse(event.start.at) + 3 * DAY).toISOString() } } : {};
    return { ...event, ...end, actors };
  });
  return { ...dataset, events };
}

let dir: string;
let started: ThreeEngines | undefined;
let answers: ReturnType<typeof appAnswers>;
const engines: Record<string, Engine> = {};
let busiest: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-events-pages-'));
  const acled = join(dir, 'dense-acled.csv');
  writeFileSync(acled, acledCsv(denseRows()));
  const read = await readDataset([acled]);
  if (!read.ok) throw new Error(read.message);
  const dataset = varied(read.dataset);
  answers = appAnswers(dataset);
  started = await startThreeEngines(dataset, read.reports, dir, 700);
  Object.assign(engines, started.engines);
  const all = answers.counts(NO_FILTERS, { from: -8.64e15, to: 8.64e15 }).actors;
  busiest = Object.keys(all).sort((a, b) => all[b]! - all[a]! || (a < b ? -1 : 1));
}, 240_000);

afterAll(async () => {
  await started?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const ALL_TIME = { from: Date.UTC(1990, 0, 1), to: Date.UTC(2030, 0, 1) };
/** From the middle of a day: the events of the days before that span into it come first. */
const INSIDE = { from: FIRST_DAY + 10 * DAY + DAY / 2, to: FIRST_DAY + 17 * DAY };
const WEEKS_INSIDE = { from: INSIDE.from, to: FIRST_DAY + 38 * DAY };

/** The views the counts made at load page (and two actors, which the events page). */
const views = (): [string, Filters, { from: number; to: number }][] => [
  ['all time', NO_FILTERS, ALL_TIME],
  ['a week from the middle of a day', NO_FILTERS, INSIDE],
  ['two types', { ...NO_FILTERS, types: ['clash', 'protest'] }, ALL_TIME],
  ['one actor', { ...NO_FILTERS, actors: [busiest[0]!] }, ALL_TIME],
  ['one actor as participant, weeks', { ...NO_FILTERS, actors: [busiest[1]!], role: 'participant' }, WEEKS_INSIDE],
  ['one actor, two types', { ...NO_FILTERS, actors: [busiest[2]!], types: ['clash', 'protest'] }, ALL_TIME],
  ['one actor as mediator (few)', { ...NO_FILTERS, actors: [busiest[0]!], role: 'mediator' }, ALL_TIME],
  ['two actors (the events answer)', { ...NO_FILTERS, actors: [busiest[0]!, busiest[2]!] }, ALL_TIME],
  ['an hour with nothing in it', NO_FILTERS, { from: Date.UTC(2030, 0, 1), to: Date.UTC(2030, 0, 1) + DAY / 24 }],
];
const VIEW_NAMES = ['all time', 'a week from the middle of a day', 'two types', 'one actor', 'one actor as participant, weeks', 'one actor, two types', 'one actor as mediator (few)', 'two actors (the events answer)', 'an hour with nothing in it'];

const queryOf = (filters: Filters, window: { from: number; to: number }): ViewQuery => ({
  filters: { types: filters.types, actors: filters.actors, role: filters.role, words: [], country: null, place: null },
  ...window,
});

/** Pages at the start, one event, across days, in the middle, deep, the last ones, and past the end. */
function pagesOf(total: number): [number, number][] {
  const middle = Math.floor(total / 2);
  return [[0, 100], [0, 1], [1, 7], [59, 3], [61, 130], [middle, 100], [middle - 1, 1000], [Math.max(0, total - 101), 100], [Math.max(0, total - 1), 100], [total, 10], [total + 5, 10]];
}

describe('pages of the Events table', () => {
  it('are asked where they can go wrong', () => {
    expect(views().map(([name]) => name)).toEqual(VIEW_NAMES);
    const { table } = answers;
    // Many events a day, and events that start before the window and are in it.
    expect(table.size / DAYS).toBeGreaterThan(50);
    const rowOf = new Map(Array.from({ length: table.size }, (_, row) => [table.eventAt(row).id, row]));
    const startsBefore = answers.visibleIds(NO_FILTERS, INSIDE).filter((id) => table.start[rowOf.get(id)!]! < INSIDE.from);
    expect(startsBefore.length).toBeGreaterThan(10);
    for (const [name, filters, window] of views()) {
      const paged = countedBy(queryOf(filters, window).filters) !== null;
      expect(paged, name).toBe(!name.startsWith('two actors'));
      // More than a page of 100, and than most offsets asked.
      const held = answers.visibleIds(filters, window).length;
      if (name.startsWith('an hour')) expect(held, name).toBe(0);
      else expect(held, name).toBeGreaterThan(name.endsWith('(few)') ? 5 : 150);
    }
    // The lanes' types and the type filter's overlap (some views), or not at all.
    const [, types, window] = views().find(([n]) => n === 'two types')!;
    expect(answers.laneEvents(types, window, 'type', 0, (keys) => keys.filter((_, i) => i % 2 === 0)).ids.length).toBeGreaterThan(150);
  });

  it.each(['duckdb', 'clickhouse', 'clickhouse, two shards'])('%s: no event in lanes of types the type filter leaves out', async (engine) => {
    const query = queryOf({ ...NO_FILTERS, types: ['clash'] }, ALL_TIME);
    expect(await engines[engine]!.laneEvents(query, { mode: 'type', keys: ['protest', 'riot'] }, 0, 100)).toEqual({ total: 0, events: [] });
    expect((await engines[engine]!.laneEvents(query, { mode: 'type', keys: ['protest', 'clash'] }, 0, 100)).total).toBe(answers.visibleIds({ ...NO_FILTERS, types: ['clash'] }, ALL_TIME).length);
  });

  for (const engine of ['duckdb', 'clickhouse', 'clickhouse, two shards']) {
    it.each(VIEW_NAMES)(`${engine}: the app's rows in time order: %s`, async (name) => {
      const [, filters, window] = views().find(([n]) => n === name)!;
      const ids = answers.visibleIds(filters, window);
      for (const [offset, limit] of pagesOf(ids.length)) {
        const page = await engines[engine]!.events(queryOf(filters, window), offset, limit);
        expect(page.total, `${offset}, ${limit}`).toBe(ids.length);
        expect(page.events.map((e) => e.id), `${offset}, ${limit}`).toEqual(ids.slice(offset, offset + limit));
      }
    });

    it.each(VIEW_NAMES)(`${engine}: the events of some lanes by type as the app puts them there: %s`, async (name) => {
      const [, filters, window] = views().find(([n]) => n === name)!;
      const { subset, ids } = answers.laneEvents(filters, window, 'type', 0, (keys) => keys.filter((_, i) => i % 2 === 0));
      for (const [offset, limit] of pagesOf(ids.length)) {
        const page = await engines[engine]!.laneEvents(queryOf(filters, window), subset, offset, limit);
        expect(page.total, `${offset}, ${limit}`).toBe(ids.length);
        expect(page.events.map((e) => e.id), `${offset}, ${limit}`).toEqual(ids.slice(offset, offset + limit));
      }
    });
  }
});

