// A text search on DuckDB, made once per query text and kept (duckdbEngine's search cache): the
// events whose text holds every query word go into tables of the engine's own in-memory catalog,
// which every answer of the search's views reads (lanes, counts, pages, and each later zoom, pan
// or type or actor filter) instead of finding those rows again among all the events.
//
// Each query word's rows are the rows of the index's words that hold it (the app's word index,
// `words`). A query word held by every event filters nothing and is left out (so "village 12"
// is "12" where every event names a village, and a text held by every event is no filter at
// all: the counts made at load answer); the others are read rarest first.
//
// The tables' names are the engine's (a number of its own), never a request's; the words are
// bound parameters.
import { VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { CountTables, EventSource } from './duckdbSql.ts';

/** The engine's in-memory catalog, beside the read-only database of events. */
export const CACHE_CATALOG = 'memory';

/** What word_counts says of a query word: how many words of the index hold it, the rows of the one with most, and the sum of their rows (at least the rows that hold it). */
export interface WordReach {
  word: string;
  words: number;
  most: number;
  bound: number;
}

export const wordReachSql = (word: string) => ({
  sql: 'SELECT count(*)::INTEGER AS words, coalesce(max(n), 0)::BIGINT AS most, coalesce(sum(n), 0)::BIGINT AS bound FROM word_counts WHERE contains(word, $1)',
  values: [word] as DuckDBValue[],
  types: [VARCHAR] as DuckDBType[],
});

/**
 * The query words that filter, rarest first: a word that one index word held by all `total`
 * events holds is in every event's text. Empty: the text holds no filter (every event matches).
 */
export function filteringWords(reaches: readonly WordReach[], total: number): string[] {
  return reaches
    .filter((r) => r.most < total)
    .sort((a, b) => a.bound - b.bound || (a.word < b.word ? -1 : 1))
    .map((r) => r.word);
}

/** The names of a search's tables: `search_N` its events' facts (event_facts), `search_N_actors` a row per event and actor (its facts with the actor and roles), `search_N_actor_totals` per actor and type, and their counts. */
export function searchTables(n: number) {
  const name = `${CACHE_CATALOG}.main.search_${n}`;
  const counts: CountTables = {
    start: `${name}_start_counts`,
    span: `${name}_span_counts`,
    actorStart: `${name}_actor_start_counts`,
    actorSpan: `${name}_actor_span_counts`,
    setStart: `${name}_set_start_counts`,
    actorSetStart: `${name}_actor_set_start_counts`,
  };
  return { events: name, actors: `${name}_actors`, actorTotals: `${name}_actor_totals`, counts, eventGroups: `${name}_event_groups`, actorGroups: `${name}_actor_groups` };
}
export type SearchTables = ReturnType<typeof searchTables>;

/**
 * The facts of the events whose text holds each of `words` (no spaces), from event_facts: one
 * pass over a narrow table. Not sorted (the answers order what they list): sorting 2.7 million
 * rows took longer than finding them.
 */
export function searchEventsSql(tables: SearchTables, words: readonly string[]) {
  const held = words.map((_, i) => `f.row IN (SELECT unnest(w.rows) FROM words w WHERE contains(w.word, $${i + 1}))`);
  return {
    sql: `CREATE TABLE ${tables.events} AS SELECT f.row, f.type, f.start_ms, f.end_ms, f.set_id, f.cast_id FROM event_facts f ${held.length ? `WHERE ${held.join(' AND ')}` : 'WHERE false'}`,
    values: [...words] as DuckDBValue[],
    types: words.map(() => VARCHAR) as DuckDBType[],
  };
}

/**
 * Each found event once per actor (an actor is once in an event's cast, its roles there or-ed, as
 * the app's table has them), with the event's facts: counts and lanes per actor read this one
 * table, no join. Made from the casts' members (a few thousand rows), not from event_actors.
 */
export const searchActorsSql = (tables: SearchTables) =>
  `CREATE TABLE ${tables.actors} AS SELECT e.row, e.type, e.start_ms, e.end_ms, e.set_id, e.cast_id, m.actor, m.roles FROM ${tables.events} e JOIN cast_members m ON m.cast_id = e.cast_id`;

/** The condition on `e` (a search's events, or their actors) of an event without actors. */
const ACTORLESS = 'e.cast_id NOT IN (SELECT m.cast_id FROM cast_members m)';

/**
 * The counts made at load (DERIVED_SQL), of the found events: the views of a kept search with no
 * filter but types, or one actor, read as many rows as distinct days (per type, actor or set of
 * actors), not one per event. Made after the first answers, which read the events.
 */
export function searchCountsSql(tables: SearchTables): string[] {
  const { counts, eventGroups, actorGroups } = tables;
  // The finest counts first, one pass over the events and one over their actors; each table of
  // counts then sums those (fewer rows than events wherever events share a day).
  const sums = (table: string, from: string, columns: string, order: string) =>
    `CREATE TABLE ${table} AS SELECT ${columns}, sum(n)::INTEGER AS n FROM ${from} GROUP BY ${columns} ORDER BY ${order}`;
  return [
    `CREATE TABLE ${eventGroups} AS SELECT set_id, type, start_ms, coalesce(end_ms, start_ms) AS last_ms, count(*)::INTEGER AS n FROM ${tables.events} GROUP BY set_id, type, start_ms, last_ms`,
    sums(counts.start, eventGroups, 'type, start_ms', 'start_ms'),
    sums(counts.span, eventGroups, 'type, start_ms, last_ms', 'start_ms'),
    sums(counts.setStart, eventGroups, 'set_id, type, start_ms', 'start_ms'),
    `CREATE TABLE ${actorGroups} AS SELECT actor, roles, set_id, type, start_ms, coalesce(end_ms, start_ms) AS last_ms, count(*)::INTEGER AS n FROM ${tables.actors} GROUP BY actor, roles, set_id, type, start_ms, last_ms`,
    sums(counts.actorStart, actorGroups, 'actor, roles, type, start_ms', 'start_ms, actor'),
    sums(counts.actorSpan, actorGroups, 'actor, roles, type, start_ms, last_ms', 'start_ms, actor'),
    sums(counts.actorSetStart, actorGroups, 'actor, roles, set_id, type, start_ms', 'start_ms, actor'),
  ];
}

/** As actor_totals, of the found events: per actor (NULL: the events without one) and type. */
export const searchActorTotalsSql = (tables: SearchTables) =>
  `CREATE TABLE ${tables.actorTotals} AS
  SELECT a.actor AS actor, a.type AS type, count(*)::INTEGER AS n FROM ${tables.actors} a GROUP BY a.actor, a.type
  UNION ALL
  SELECT NULL AS actor, e.type AS type, count(*)::INTEGER AS n FROM ${tables.events} e WHERE ${ACTORLESS} GROUP BY e.type`;

export const dropSearchSql = (tables: SearchTables) =>
  [...Object.values(tables.counts), tables.eventGroups, tables.actorGroups, tables.actorTotals, tables.actors, tables.events].map((t) => `DROP TABLE IF EXISTS ${t}`);

/** Reads the found events and their actors (and their counts, once made) in place of the stored tables (the query's words left out: these are its rows). */
export function searchSource(tables: SearchTables, countsMade: boolean): EventSource {
  return {
    events: tables.events,
    eventActors: tables.actors,
    withActors: `${tables.actors} e`,
    actor: 'e.actor',
    actorTotals: tables.actorTotals,
    actorless: ACTORLESS,
    sets: true,
    counts: countsMade ? tables.counts : null,
    matched: null,
  };
}
