// Counts, actor lanes and the one-actor ranking read counts made at load (per span, per set of
// actors) when no filter but types, or one actor, is set: held here to the app's own answers on
// events made to catch what such counts get wrong (no actor, one, three, an actor twice in one
// event in two roles, events spanning days, windows inside them), on DuckDB and on ClickHouse
// (one server, and two shards).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import type { Dataset } from '../src/model/schema.ts';
import { NO_FILTERS, type Filters } from '../src/table/filter.ts';
import type { Engine, EngineFilters, ViewQuery } from './engine.ts';
import { readDataset } from './readDataset.ts';
import { startThreeEngines, type ThreeEngines } from './testing/threeEngines.ts';
import { appAnswers } from './testing/appAnswers.ts';
import { actorBinsSql, actorCountsSql, actorRankingSql, countSql, otherActorBinsSql, typeCountsSql } from './duckdbSql.ts';
import { actorBinsQuery, countQuery, facetQuery, otherActorBinsQuery } from './clickhouseSql.ts';
import { countedBy } from './countsAtLoad.ts';
import { queryWords } from '../src/table/search.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');
const DAY = 86_400_000;

/**
 * The events with their actors varied: every seventh without an actor, every fifth with a third
 * actor, every eleventh with its first actor again in another role (the app or-s the roles), and
 * every fourth ending some days after another event's start (ends in the same time zone); and
 * "dossier" in every title.
 */
function variedActors(dataset: Dataset): Dataset {
  const ids = dataset.actors.map((a) => a.id);
  const events = dataset.events.map((event, i) => {
    let actors = event.actors;
    if (i % 7 === 1) actors = [];
    else if (i % 5 === 2 && actors.length) actors = [...actors, { actor: ids.find((id) => !actors.some((a) => a.actor === id))!, role: 'participant' as const }];
    else if (i % 11 === 4 && actors.length) actors = [...actors, { ...actors[0]!, role: actors[0]!.role === 'mediator' ? ('participant' as const) : ('mediator' as const) }];
    const later = dataset.events[i + 40];
    const end = i % 4 === 0 && !event.end && later && later.start.tz === event.start.tz && Date.parse(later.start.at) > Date.parse(event.start.at) ? { end: later.start } : {};
    // A word in every event's text (a search leaves it out: it filters nothing).
    const title = { ...event.title, en: `${event.title.en ?? ''} dossier` };
    return { ...event, ...end, actors, title };
  });
  return { ...dataset, events };
}

let dir: string;
let started: ThreeEngines | undefined;
let answers: ReturnType<typeof appAnswers>;
/** Settles once the DuckDB engine's own work is done (a kept search's counts). */
let duckIdle: () => Promise<void> = async () => {};
const engines: Record<string, Engine> = {};
let actor: string;
let busiest: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-counts-at-load-'));
  const acled = join(dir, 'generated-acled.csv');
  writeFileSync(acled, acledCsv(generatedAcledRows(1500, 7, 12)));
  const read = await readDataset([SEED, acled]);
  if (!read.ok) throw new Error(read.message);
  const dataset = variedActors(read.dataset);
  answers = appAnswers(dataset);
  started = await startThreeEngines(dataset, read.reports, dir, 500);
  Object.assign(engines, started.engines);
  duckIdle = started.duckIdle;
  // The busiest actors, and one of the many with a third actor beside it.
  const all = answers.counts(NO_FILTERS, { from: -8.64e15, to: 8.64e15 }).actors;
  busiest = Object.keys(all).sort((a, b) => all[b]! - all[a]! || (a < b ? -1 : 1));
  actor = busiest[2]!;
}, 240_000);

afterAll(async () => {
  await started?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const engineFilters = (filters: Filters): EngineFilters => ({ types: filters.types, actors: filters.actors, role: filters.role, words: queryWords(filters.q), country: null, place: null });

/** The views of common browsing: no filter but types, or one actor (in a role, with types). */
const views = (): [string, Filters, { from: number; to: number }][] => [
  ['all time', NO_FILTERS, { from: Date.UTC(1990, 0, 1), to: Date.UTC(2030, 0, 1) }],
  ['a year', NO_FILTERS, { from: Date.UTC(2021, 0, 1), to: Date.UTC(2022, 0, 1) }],
  ['a week', NO_FILTERS, { from: Date.UTC(2022, 8, 10), to: Date.UTC(2022, 8, 17) }],
  ['a day inside events that span it', NO_FILTERS, { from: Date.UTC(2020, 5, 3, 6), to: Date.UTC(2020, 5, 3, 7) }],
  ['two types', { ...NO_FILTERS, types: ['clash', 'protest'] }, { from: Date.UTC(2017, 0, 1), to: Date.UTC(2025, 0, 1) }],
  ['one actor', { ...NO_FILTERS, actors: [] }, { from: Date.UTC(2017, 0, 1), to: Date.UTC(2025, 0, 1) }],
  ['one actor as participant, a type', { ...NO_FILTERS, actors: [], role: 'participant', types: ['clash'] }, { from: Date.UTC(2019, 0, 1), to: Date.UTC(2024, 0, 1) }],
  ['one actor as mediator', { ...NO_FILTERS, actors: [], role: 'mediator' }, { from: Date.UTC(2017, 0, 1), to: Date.UTC(2025, 0, 1) }],
  ['two actors (the events answer)', { ...NO_FILTERS, actors: [] }, { from: Date.UTC(2017, 0, 1), to: Date.UTC(2025, 0, 1) }],
];

/** The view with its actors filled in (known once the data is). */
function filled([name, filters, window]: ReturnType<typeof views>[number]): [Filters, { from: number; to: number }] {
  const actors = name.startsWith('one actor') ? [actor] : name.startsWith('two actors') ? [busiest[0]!, actor] : [];
  return [{ ...filters, actors }, window];
}

describe('counts made at load', () => {
  it('make events of every kind that they must get right', () => {
    const counts = answers.counts(NO_FILTERS, { from: -8.64e15, to: 8.64e15 });
    expect(counts.visible).toBeGreaterThan(1500);
    const { table } = answers;
    const sizes = new Set<number>();
    let spanning = 0;
    for (let row = 0; row < table.size; row++) {
      sizes.add(table.actorOffset[row + 1]! - table.actorOffset[row]!);
      if (table.end[row]! - table.start[row]! > DAY) spanning++;
    }
    expect([...sizes].sort()).toEqual(expect.arrayContaining([0, 1, 2, 3]));
    expect(spanning).toBeGreaterThan(100);
  });

  it('answer the common views, and only those', () => {
    const query = (filters: Filters): ViewQuery => ({ filters: engineFilters(filters), from: 0, to: 1 });
    for (const view of views()) {
      const [filters] = filled(view);
      const aggregated = !view[0].startsWith('two actors');
      expect(countedBy(query(filters).filters) !== null).toBe(aggregated);
      const q = query(filters);
      const duck = [countSql(q), typeCountsSql(q), actorBinsSql(q, 10, ['a']), otherActorBinsSql(q, 10, ['a'])].map((b) => b.sql);
      const house = [countQuery(q), facetQuery(q, 'types'), actorBinsQuery(q, 10, ['a']), otherActorBinsQuery(q, 10, ['a'])].map((b) => b.sql);
      for (const sql of [...duck, ...house]) expect(/FROM events\b/.test(sql)).toBe(!aggregated);
      if (filters.actors.length === 1) expect(actorRankingSql(q.filters).sql).toContain('actor_set_start_counts');
    }
    // Per actor the actor filter is left out: two actors and types still read counts.
    expect(actorCountsSql(query({ ...NO_FILTERS, actors: ['a', 'b'], types: ['clash'] })).sql).toContain('actor_span_counts');
    expect(facetQuery(query({ ...NO_FILTERS, actors: ['a', 'b'] }), 'actors').sql).toContain('actor_span_counts');
    // A word, a place or an area: the events.
    expect(countSql({ filters: { ...engineFilters(NO_FILTERS), words: ['a'] }, from: 0, to: 1 }).sql).toMatch(/FROM events\b/);
    expect(countQuery({ filters: { ...engineFilters(NO_FILTERS), country: 'ARM' }, from: 0, to: 1 }).sql).toMatch(/FROM events\b/);
  });

  for (const name of ['duckdb', 'clickhouse', 'clickhouse, two shards']) {
    it.each(views().map(([view]) => view))(`${name}: counts and actor lanes as the app's: %s`, async (viewName) => {
      const [filters, window] = filled(views().find(([n]) => n === viewName)!);
      const engine = engines[name]!;
      const query: ViewQuery = { filters: engineFilters(filters), ...window };
      const expected = answers.counts(filters, window);
      expect(expected.visible).toBeGreaterThan(0);
      expect(await engine.facetCounts(query)).toEqual(expected);
      expect((await engine.events(query, 0, 1)).total).toBe(expected.visible);
      for (const maxLanes of [2, 4, 9, 40]) expect(await engine.bins(query, { mode: 'actor', maxLanes }, 97)).toEqual(answers.actorBins(filters, window, 97, maxLanes));
      expect(await engine.bins(query, { mode: 'type' }, 97)).toEqual(answers.typeBins(filters, window, 97));
    });
  }

  /**
   * A search, kept by the engine for its text while the view changes (DuckDB keeps its events;
   * ClickHouse finds them each time): each step asked after the last, on the same text, and
   * another text between, so that a kept search and a new one both answer.
   */
  const searchSteps = (): [string, Filters, { from: number; to: number }][] => {
    const all = { from: Date.UTC(1990, 0, 1), to: Date.UTC(2030, 0, 1) };
    const text = (q: string, more: Partial<Filters> = {}) => ({ ...NO_FILTERS, q, ...more });
    return [
      ['words many events hold', text('village 1'), all],
      ['the same, a year', text('village 1'), { from: Date.UTC(2021, 0, 1), to: Date.UTC(2022, 0, 1) }],
      ['the same, a day inside events that span it', text('village 1'), { from: Date.UTC(2020, 5, 3, 6), to: Date.UTC(2020, 5, 3, 7) }],
      ['the same, two types', text('village 1', { types: ['clash', 'protest'] }), all],
      ['the same, one actor as participant', text('village 1', { actors: [actor], role: 'participant' }), all],
      ['the same, two actors', text('village 1', { actors: [busiest[0]!, actor] }), all],
      ['Arabic, normalised as the app does', text('وقف اطلاق'), all],
      ['part of a word, in another order', text('1 illage'), { from: Date.UTC(2019, 0, 1), to: Date.UTC(2024, 0, 1) }],
      ['a word no event holds', text('village nothing-holds-this'), all],
      ['a word in every event', text('dossier'), all],
      ['a word in every event, and another', text('1 dossier', { types: ['clash'] }), { from: Date.UTC(2019, 0, 1), to: Date.UTC(2024, 0, 1) }],
    ];
  };

  for (const name of ['duckdb', 'clickhouse', 'clickhouse, two shards']) {
    it(`${name}: a search's counts, lanes and pages as the app's, while its view changes`, async () => {
      const engine = engines[name]!;
      // Twice: DuckDB's later views read the counts it makes of a kept search after its first answers.
      const steps = searchSteps();
      for (const [i, [step, filters, window]] of [...steps, ...steps].entries()) {
        if (i >= steps.length) await duckIdle();
        const query: ViewQuery = { filters: engineFilters(filters), ...window };
        const expected = answers.counts(filters, window);
        if (!step.includes('no event')) expect(expected.visible, step).toBeGreaterThan(0);
        // Held by every event: no filter at all (the counts made at load answer).
        if (step === 'a word in every event') expect(expected.visible).toBe(answers.counts(NO_FILTERS, window).visible);
        expect(await engine.facetCounts(query), step).toEqual(expected);
        for (const maxLanes of [2, 9]) expect(await engine.bins(query, { mode: 'actor', maxLanes }, 97), step).toEqual(answers.actorBins(filters, window, 97, maxLanes));
        expect(await engine.bins(query, { mode: 'type' }, 97), step).toEqual(answers.typeBins(filters, window, 97));
        const page = await engine.events(query, 5, 40);
        expect(page.total, step).toBe(expected.visible);
        expect(page.events.map((e) => e.id), step).toEqual(answers.visibleIds(filters, window).slice(5, 45));
      }
    }, 120_000);
  }
});
