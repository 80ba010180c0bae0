// The DuckDB engine's queries, as pure functions from the app's typed query to SQL text and its
// parameters. The text is made of fixed pieces only: every value from a request is a bound
// parameter ($n), lists included, so nothing a client sends ever becomes SQL.
import { DOUBLE, INTEGER, LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { ROLES } from '../src/model/schema.ts';
import { MAP_POINT_LIMIT, NO_PLACE_LANE, OTHER_ACTORS_LANE, type EngineFilters, type LaneSubset, type MapRequest, type ViewQuery } from './engine.ts';
import type { GeoBox } from '../src/model/geo.ts';
import { MAX_MERCATOR_LAT } from '../src/layout/mercator.ts';
import { mapCellCount } from './mapCells.ts';
import { PLACE_GROUP_LIMIT } from './placeCounts.ts';
import { countedBy, onlyTypes, type SkippedFacet } from './countsAtLoad.ts';

export interface BoundSql {
  sql: string;
  values: DuckDBValue[];
  types: DuckDBType[];
}


/** Collects parameters in order; each call returns the placeholder that stands for its value. */
export function createParams() {
  const values: DuckDBValue[] = [];
  const types: DuckDBType[] = [];
  const add = (value: DuckDBValue, type: DuckDBType) => {
    values.push(value);
    types.push(type);
    return `$${values.length}`;
  };
  return {
    values,
    types,
    text: (value: string) => add(value, VARCHAR),
    number: (value: number) => add(value, DOUBLE),
    integer: (value: number) => add(value, INTEGER),
    texts: (list: readonly string[]) => add(listValue([...list]), LIST(VARCHAR)),
    integers: (list: readonly number[]) => add(listValue([...list]), LIST(INTEGER)),
  };
}
export type Params = ReturnType<typeof createParams>;

/**
 * Where a query reads the events: the stored tables, or a search's (duckdbSearch.ts), named by
 * the engine, never by a request. The queries read `events` as `e` and `eventActors` as `a`.
 */
export interface EventSource {
  /** The events' table: at least row, type, start_ms and end_ms. */
  events: string;
  /** Their actors: row, actor and roles. */
  eventActors: string;
  /** Each event with each of its actors, as `e` (and `a`). */
  withActors: string;
  /** The actor's column in withActors. */
  actor: string;
  /** As actor_totals, of these events. */
  actorTotals: string;
  /** The condition on `e` of an event without actors. */
  actorless: string;
  /** Whether `e` has its event's set of actors and cast (`e.set_id`, `e.cast_id`: see actor_sets and casts). */
  sets: boolean;
  /** Counts of these events as made at load (start_counts…), or null: none (the events answer). */
  counts: CountTables | null;
  /** A table of rows (`row`) that stands for the query's words (a search's events), or null: the words are looked up. */
  matched: string | null;
}

/** The tables of counts that countedBy's views read (see DERIVED_SQL); the sets of actors (actor_sets, actor_set_members) are the database's. */
export interface CountTables {
  start: string;
  span: string;
  actorStart: string;
  actorSpan: string;
  setStart: string;
  actorSetStart: string;
}

export const STORED_EVENTS: EventSource = {
  events: 'events',
  eventActors: 'event_actors',
  withActors: 'events e JOIN event_actors a ON a.row = e.row',
  actor: 'a.actor',
  actorTotals: 'actor_totals',
  actorless: 'e.row NOT IN (SELECT a.row FROM event_actors a)',
  sets: false,
  counts: {
    start: 'start_counts',
    span: 'span_counts',
    actorStart: 'actor_start_counts',
    actorSpan: 'actor_span_counts',
    setStart: 'set_start_counts',
    actorSetStart: 'actor_set_start_counts',
  },
  matched: null,
};

/** The stored events, the query's words read as the rows of `matched` when given. */
const storedWith = (matched: string | null): EventSource => ({ ...STORED_EVENTS, matched });

/** countedBy, when the counts made at load count the source's events. */
const countedIn = (source: EventSource, filters: EngineFilters, skip?: SkippedFacet) => (source.counts ? countedBy(filters, skip) : null);
/** The source's counts (countedIn said there are). */
const countsOf = (source: EventSource): CountTables => source.counts!;

/** Role bits as the table stores them (roleBitOf); no role: any role. */
export function roleBits(role: EngineFilters['role']): number {
  return role === null ? 0xffff : 1 << ROLES.indexOf(role);
}

/** countedBy's filters as conditions on counts `s` of the type (and for 'actor', of the actor and its roles). */
export function countConditions(filters: EngineFilters, p: Params, skip?: SkippedFacet): string[] {
  const where = skip !== 'types' && filters.types.length ? [`list_contains(${p.texts(filters.types)}, s.type)`] : [];
  if (skip !== 'actors' && filters.actors.length) where.push(`s.actor = ${p.text(filters.actors[0]!)}`, `(s.roles & ${p.integer(roleBits(filters.role))}) <> 0`);
  return where;
}

/** The window's overlap (windowCondition) on counts `s` by start and last anchor. */
export function spanWindow(query: ViewQuery, p: Params): string {
  return `s.start_ms <= ${p.number(query.to)} AND s.last_ms >= ${p.number(query.from)}`;
}

/** The filters as conditions on `e` (events), as filterMask applies them, without `skip`. */
function filterConditions(filters: EngineFilters, p: Params, skip?: SkippedFacet, source: EventSource = STORED_EVENTS): string[] {
  const where: string[] = [];
  if (skip !== 'types' && filters.types.length) where.push(`list_contains(${p.texts(filters.types)}, e.type)`);
  if (skip !== 'actors' && filters.actors.length && source.sets) {
    // The events whose cast has one of them in the role: a few casts, not every actor's row.
    where.push(`e.cast_id IN (SELECT m.cast_id FROM cast_members m WHERE list_contains(${p.texts(filters.actors)}, m.actor) AND (m.roles & ${p.integer(roleBits(filters.role))}) <> 0)`);
  } else if (skip !== 'actors' && filters.actors.length) {
    where.push(
      // An uncorrelated IN (a hash semi-join): a correlated EXISTS took ten times as long at 1M events.
      `e.row IN (SELECT a.row FROM ${source.eventActors} a WHERE list_contains(${p.texts(filters.actors)}, a.actor) AND (a.roles & ${p.integer(roleBits(filters.role))}) <> 0)`,
    );
  }
  // A query word has no spaces: it occurs in a row's search text exactly when it occurs inside
  // one of the row's words (the app's word index). The distinct words are read, not every row's
  // text. A word with a space (only a caller other than the API sends one) is looked for in the text.
  if (skip !== 'q' && source.matched !== null && filters.words.length) {
    // The search's rows, found once for the query's words.
    where.push(`e.row IN (SELECT m.row FROM ${source.matched} m)`);
  } else if (skip !== 'q') {
    for (const word of new Set(filters.words)) {
      where.push(word.includes(' ') ? `contains(e.search, ${p.text(word)})` : `e.row IN (SELECT unnest(w.rows) FROM words w WHERE contains(w.word, ${p.text(word)}))`);
    }
  }
  if (skip !== 'place') {
    if (filters.country !== null) where.push(`e.country = ${p.text(filters.country)}`);
    if (filters.place !== null) where.push(`list_contains(e.place_keys, ${p.text(filters.place)})`);
  }
  if (filters.bbox) where.push(boxCondition(filters.bbox, p));
  return where;
}

/** In the box, edges included (boxContains); an event without coordinates (NULL) never is. */
function boxCondition(box: GeoBox, p: Params): string {
  return `e.lon >= ${p.number(box.west)} AND e.lon <= ${p.number(box.east)} AND e.lat >= ${p.number(box.south)} AND e.lat <= ${p.number(box.north)}`;
}

/** In the window as rowsInWindow has it: the event overlaps [from, to]. */
export function windowCondition(query: ViewQuery, p: Params): string {
  return `e.start_ms <= ${p.number(query.to)} AND coalesce(e.end_ms, e.start_ms) >= ${p.number(query.from)}`;
}

export const whereOf = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

export function bound(p: Params, sql: string): BoundSql {
  return { sql, values: p.values, types: p.types };
}

/** Events in the window passing the filters (but `skip`). */
export function countSql(query: ViewQuery, skip?: SkippedFacet, source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  const by = countedIn(source, query.filters, skip);
  if (by) {
    // Counts per type, start and last anchor made at load: one row per distinct span, not per event.
    const from = `${by === 'types' ? countsOf(source).span : countsOf(source).actorSpan} s`;
    return bound(p, `SELECT coalesce(sum(s.n), 0)::INTEGER AS n FROM ${from} ${whereOf([...countConditions(query.filters, p, skip), spanWindow(query, p)])}`);
  }
  return bound(p, `SELECT count(*)::INTEGER AS n FROM ${source.events} e ${whereOf([...filterConditions(query.filters, p, skip, source), windowCondition(query, p)])}`);
}

/**
 * The bin of each event's start, as densityBins computes it: floor((start − from) / span × bins)
 * in doubles, the same operations in the same order, kept when in [0, bins).
 */
function binned(query: ViewQuery, bins: number, p: Params, select: string, from: string, conditions: string[]): string {
  const f = p.number(query.from);
  const t = p.number(query.to);
  const n = p.number(bins);
  return `SELECT key, bin, count(*)::INTEGER AS n FROM (
  SELECT ${select} AS key, CAST(floor((e.start_ms - ${f}) / (${t} - ${f}) * ${n}) AS BIGINT) AS bin
  FROM ${from} ${whereOf([...conditions, `e.start_ms >= ${f}`, `e.start_ms < ${t}`])}
) WHERE bin >= 0 AND bin < ${n} GROUP BY key, bin`;
}

/** Counts per event type and bin of the window's starts. */
export function typeBinsSql(query: ViewQuery, bins: number, source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  const { filters } = query;
  if (countedIn(source, filters)) {
    // The counts per start anchor made at load: as many rows as distinct anchors, not events.
    const conditions = filters.types.length ? [`list_contains(${p.texts(filters.types)}, s.type)`] : [];
    if (filters.actors.length) conditions.push(`s.actor = ${p.text(filters.actors[0]!)}`, `(s.roles & ${p.integer(roleBits(filters.role))}) <> 0`);
    return bound(p, binnedCounts(query, bins, p, `${filters.actors.length ? countsOf(source).actorStart : countsOf(source).start} s`, conditions));
  }
  return bound(p, binned(query, bins, p, 'e.type', `${source.events} e`, filterConditions(filters, p, undefined, source)));
}

/**
 * As binned, over counts per start anchor (start_counts, actor_start_counts… as `s`): the same bin
 * for each anchor. `key` is the lane (by default the type).
 */
function binnedCounts(query: ViewQuery, bins: number, p: Params, from: string, conditions: string[], key = 's.type'): string {
  const f = p.number(query.from);
  const t = p.number(query.to);
  const n = p.number(bins);
  return `SELECT key, bin, sum(c)::INTEGER AS n FROM (
  SELECT ${key} AS key, CAST(floor((s.start_ms - ${f}) / (${t} - ${f}) * ${n}) AS BIGINT) AS bin, s.n AS c
  FROM ${from} ${whereOf([...conditions, `s.start_ms >= ${f}`, `s.start_ms < ${t}`])}
) WHERE bin >= 0 AND bin < ${n} GROUP BY key, bin`;
}

/** Counts per actor of `actors` and bin (an event counts once in each of its actors' lanes). */
export function actorBinsSql(query: ViewQuery, bins: number, actors: readonly string[], source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  const by = countedIn(source, query.filters);
  // Counts made at load: per actor and start (an event once in each of its actors' lanes), or for
  // one actor, per set of actors of its events (each actor of the set a lane).
  if (by === 'types') return bound(p, binnedCounts(query, bins, p, `${countsOf(source).actorStart} s`, [...countConditions(query.filters, p), `list_contains(${p.texts(actors)}, s.actor)`], 's.actor'));
  if (by === 'actor') {
    const from = `${countsOf(source).actorSetStart} s JOIN actor_set_members m ON m.set_id = s.set_id`;
    return bound(p, binnedCounts(query, bins, p, from, [...countConditions(query.filters, p), `list_contains(${p.texts(actors)}, m.actor)`], 'm.actor'));
  }
  const conditions = [...filterConditions(query.filters, p, undefined, source), `list_contains(${p.texts(actors)}, ${source.actor})`];
  return bound(p, binned(query, bins, p, source.actor, source.withActors, conditions));
}

/**
 * Counts per bin of the lane "Other actors", under key '*': as actorLanes' lanesOf, the events with
 * an actor not in `actors` (beside their own lanes) and the events without an actor.
 */
export function otherActorBinsSql(query: ViewQuery, bins: number, actors: readonly string[], source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  const by = countedIn(source, query.filters);
  // The sets of actors inside the lanes: as many members in the lanes as they have (the set of
  // none has no member, so is never inside).
  const inside = () => `SELECT m.set_id FROM actor_set_members m WHERE list_contains(${p.texts(actors)}, m.actor) GROUP BY m.set_id, m.size HAVING count(*) = m.size`;
  if (by === 'types') {
    // Every event of the bin less those of the sets inside: reads the counts of a few sets, not
    // of every set (85 ms at 1M).
    const types = countConditions(query.filters, p);
    const all = binnedCounts(query, bins, p, `${countsOf(source).start} s`, types, "'*'");
    const less = binnedCounts(query, bins, p, `${countsOf(source).setStart} s`, [...types, `s.set_id IN (${inside()})`], "'*'");
    return bound(p, `SELECT key, bin, sum(n)::INTEGER AS n FROM (${all} UNION ALL SELECT key, bin, -n AS n FROM (${less})) GROUP BY key, bin`);
  }
  if (by) {
    return bound(p, binnedCounts(query, bins, p, `${countsOf(source).actorSetStart} s`, [...countConditions(query.filters, p), `s.set_id NOT IN (${inside()})`], "'*'"));
  }
  if (source.sets) {
    // The events whose set of actors is not inside the lanes (the set of none never is).
    return bound(p, binned(query, bins, p, "'*'", `${source.events} e`, [...filterConditions(query.filters, p, undefined, source), `e.set_id NOT IN (${inside()})`]));
  }
  const conditions = [
    ...filterConditions(query.filters, p, undefined, source),
    `(e.row NOT IN (SELECT a.row FROM ${source.eventActors} a) OR e.row IN (SELECT a.row FROM ${source.eventActors} a WHERE NOT list_contains(${p.texts(actors)}, a.actor)))`,
  ];
  return bound(p, binned(query, bins, p, "'*'", `${source.events} e`, conditions));
}

/** Types present in the data (the app's lanes by type exist for these, whatever the window). */
export const TYPES_PRESENT_SQL = 'SELECT DISTINCT type FROM start_counts';

/** Per actor, the events passing the filters, all time (how actorLanes ranks them); and the events without an actor (actor NULL). */
export function actorRankingSql(filters: EngineFilters, source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  if (onlyTypes(filters)) {
    const where = filters.types.length ? `WHERE list_contains(${p.texts(filters.types)}, t.type)` : '';
    return bound(p, `SELECT t.actor AS actor, sum(t.n)::INTEGER AS n FROM ${source.actorTotals} t ${where} GROUP BY t.actor`);
  }
  if (countedIn(source, filters) === 'actor') {
    // The events of the filter's actor, per actor of each (itself too); none is without an actor.
    return bound(p, `SELECT m.actor AS actor, sum(s.n)::INTEGER AS n FROM ${countsOf(source).actorSetStart} s JOIN actor_set_members m ON m.set_id = s.set_id ${whereOf(countConditions(filters, p))} GROUP BY m.actor`);
  }
  const conditions = filterConditions(filters, p, undefined, source);
  return bound(
    p,
    `SELECT ${source.actor} AS actor, count(*)::INTEGER AS n FROM ${source.withActors} ${whereOf(conditions)} GROUP BY ${source.actor}
UNION ALL
SELECT NULL AS actor, count(*)::INTEGER AS n FROM ${source.events} e ${whereOf([...conditions, source.actorless])}`,
  );
}

/** The marks of the window, in time order. */
export function marksSql(query: ViewQuery, limit: number, matched: string | null = null): BoundSql {
  const p = createParams();
  const where = whereOf([...filterConditions(query.filters, p, undefined, storedWith(matched)), windowCondition(query, p)]);
  return bound(
    p,
    `SELECT e.id, e.type, e.start_ms, e.end_ms, e.title, e.language,
  coalesce((SELECT list(a.actor ORDER BY a.position) FROM event_actors a WHERE a.row = e.row), []::VARCHAR[]) AS actors
FROM events e ${where} ORDER BY e.row LIMIT ${p.integer(limit)}`,
  );
}

/** A page of the window's events (as JSON), in time order. */
export function eventsPageSql(query: ViewQuery, offset: number, limit: number, source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  const where = whereOf([...filterConditions(query.filters, p, undefined, source), windowCondition(query, p)]);
  // The page's rows first, then their JSON: ordering the JSON of every match took most of the time.
  const page = `SELECT e.row FROM ${source.events} e ${where} ORDER BY e.row LIMIT ${p.integer(limit)} OFFSET ${p.integer(offset)}`;
  return bound(p, `SELECT p.json FROM events p WHERE p.row IN (${page}) ORDER BY p.row`);
}

export function eventByIdSql(id: string): BoundSql {
  const p = createParams();
  return bound(p, `SELECT e.json FROM events e WHERE e.id = ${p.text(id)} ORDER BY e.row LIMIT 1`);
}

/** Per type: events in the window under the other filters. */
export function typeCountsSql(query: ViewQuery, source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  const by = countedIn(source, query.filters, 'types');
  if (by) {
    const from = `${by === 'types' ? countsOf(source).span : countsOf(source).actorSpan} s`;
    return bound(p, `SELECT s.type AS key, sum(s.n)::INTEGER AS n FROM ${from} ${whereOf([...countConditions(query.filters, p, 'types'), spanWindow(query, p)])} GROUP BY s.type`);
  }
  return bound(p, `SELECT e.type AS key, count(*)::INTEGER AS n FROM ${source.events} e ${whereOf([...filterConditions(query.filters, p, 'types', source), windowCondition(query, p)])} GROUP BY e.type`);
}

/** Per actor: events in the window under the other filters (each event counts for each of its actors). */
export function actorCountsSql(query: ViewQuery, source: EventSource = STORED_EVENTS): BoundSql {
  const p = createParams();
  if (countedIn(source, query.filters, 'actors') === 'types') {
    // Each event once per actor of it (actor_span_counts or-s an actor's roles in the event).
    return bound(p, `SELECT s.actor AS key, sum(s.n)::INTEGER AS n FROM ${countsOf(source).actorSpan} s ${whereOf([...countConditions(query.filters, p, 'actors'), spanWindow(query, p)])} GROUP BY s.actor`);
  }
  const where = whereOf([...filterConditions(query.filters, p, 'actors', source), windowCondition(query, p)]);
  return bound(p, `SELECT ${source.actor} AS key, count(*)::INTEGER AS n FROM ${source.withActors} ${where} GROUP BY ${source.actor}`);
}

export const EXTENT_SQL = 'SELECT count(*)::INTEGER AS n, min(start_ms) AS first, max(coalesce(end_ms, start_ms)) AS last FROM events';

// Place counts and the events of some lanes (sparse lanes' marks): apart from the queries above.

/** Per country: events in the window under every filter but the place's (country and name). */
export function countryCountsSql(query: ViewQuery, matched: string | null = null): BoundSql {
  const p = createParams();
  const where = whereOf([...filterConditions(query.filters, p, 'place', storedWith(matched)), windowCondition(query, p), 'e.country IS NOT NULL']);
  return bound(p, `SELECT e.country AS key, count(*)::INTEGER AS n FROM events e ${where} GROUP BY e.country`);
}

/**
 * Per place (country and lower-cased names, as stored): its events in the window under every
 * filter but the place's, and its first row, whose event names it; the busiest PLACE_GROUP_LIMIT.
 */
export function placeGroupsSql(query: ViewQuery, matched: string | null = null): BoundSql {
  const p = createParams();
  const where = whereOf([...filterConditions(query.filters, p, 'place', storedWith(matched)), windowCondition(query, p), 'e.country IS NOT NULL']);
  return bound(
    p,
    `SELECT e.country AS country, count(*)::INTEGER AS n, min(e.row) AS first_row FROM events e ${where}
GROUP BY e.country, e.place_keys ORDER BY n DESC, first_row LIMIT ${PLACE_GROUP_LIMIT}`,
  );
}

/** The events (as JSON) of these rows. */
export function eventsOfRowsSql(rows: readonly number[]): BoundSql {
  const p = createParams();
  // A semi-join on the list's rows: list_contains on each row of the table took a second at 300,000 events.
  return bound(p, `SELECT e.row AS row, e.json AS json FROM events e WHERE e.row IN (SELECT unnest(${p.integers(rows)}))`);
}

/** An event is in one of `lanes`, as the bins put it there (lanesOf): by type, or by any of its actors (any role), or in "Other actors". */
function laneCondition(lanes: LaneSubset, p: Params): string {
  if (lanes.mode === 'type') return `list_contains(${p.texts(lanes.keys)}, e.type)`;
  if (lanes.mode === 'place') {
    const own = lanes.keys.filter((k) => k !== OTHER_ACTORS_LANE);
    const any = own.filter((k) => k !== NO_PLACE_LANE).length ? [`list_contains(${p.texts(own)}, e.place_lane)`] : [];
    // The other places' lane: a place without a lane of its own (list_contains of NULL is NULL).
    if (lanes.keys.includes(OTHER_ACTORS_LANE)) any.push(`(e.place_lane IS NOT NULL AND NOT list_contains(${p.texts(lanes.lanePlaces)}, e.place_lane))`);
    if (own.includes(NO_PLACE_LANE)) any.push('e.place_lane IS NULL');
    return any.length ? `(${any.join(' OR ')})` : 'false';
  }
  const own = lanes.keys.filter((k) => k !== OTHER_ACTORS_LANE);
  const any: string[] = [];
  if (own.length) any.push(`e.row IN (SELECT a.row FROM event_actors a WHERE list_contains(${p.texts(own)}, a.actor))`);
  if (lanes.keys.includes(OTHER_ACTORS_LANE)) {
    any.push(`e.row NOT IN (SELECT a.row FROM event_actors a)`, `e.row IN (SELECT a.row FROM event_actors a WHERE NOT list_contains(${p.texts(lanes.laneActors)}, a.actor))`);
  }
  return any.length ? `(${any.join(' OR ')})` : 'false';
}

/** Events in the window passing the filters, of `lanes` only. */
export function laneCountSql(query: ViewQuery, lanes: LaneSubset, matched: string | null = null): BoundSql {
  const p = createParams();
  return bound(p, `SELECT count(*)::INTEGER AS n FROM events e ${whereOf([...filterConditions(query.filters, p, undefined, storedWith(matched)), windowCondition(query, p), laneCondition(lanes, p)])}`);
}

/** A page of the window's events of `lanes` only (as JSON), in time order. */
export function laneEventsPageSql(query: ViewQuery, lanes: LaneSubset, offset: number, limit: number, matched: string | null = null): BoundSql {
  const p = createParams();
  const where = whereOf([...filterConditions(query.filters, p, undefined, storedWith(matched)), windowCondition(query, p), laneCondition(lanes, p)]);
  const page = `SELECT e.row FROM events e ${where} ORDER BY e.row LIMIT ${p.integer(limit)} OFFSET ${p.integer(offset)}`;
  return bound(p, `SELECT p.json FROM events p WHERE p.row IN (${page}) ORDER BY p.row`);
}

// Lanes by place (placeLaneKey: an area, or a country alone) and the map.

/** Per lane by place (NULL: the events without a place), the events passing the filters, all time: how lanes by place rank them. */
export function placeRankingSql(filters: EngineFilters, matched: string | null = null): BoundSql {
  const p = createParams();
  return bound(p, `SELECT e.place_lane AS place, count(*)::INTEGER AS n FROM events e ${whereOf(filterConditions(filters, p, undefined, storedWith(matched)))} GROUP BY e.place_lane`);
}

/** Counts per bin of each lane by place: the places `places`, '*' for another place, '' for none. */
export function placeBinsSql(query: ViewQuery, bins: number, places: readonly string[], matched: string | null = null): BoundSql {
  const p = createParams();
  const conditions = filterConditions(query.filters, p, undefined, storedWith(matched));
  return bound(p, binned(query, bins, p, `CASE WHEN e.place_lane IS NULL THEN '' WHEN list_contains(${p.texts(places)}, e.place_lane) THEN e.place_lane ELSE '*' END`, 'events e', conditions));
}

/** The map's conditions: the filters, the window and the view's box. */
function mapConditions(query: ViewQuery, map: MapRequest, p: Params, matched: string | null): string[] {
  return [...filterConditions(query.filters, p, undefined, storedWith(matched)), windowCondition(query, p), boxCondition(map.view, p)];
}

/** Events in the map's view. */
export function mapCountSql(query: ViewQuery, map: MapRequest, matched: string | null = null): BoundSql {
  const p = createParams();
  return bound(p, `SELECT count(*)::INTEGER AS n FROM events e ${whereOf(mapConditions(query, map, p, matched))}`);
}

/** The events in the map's view, in time order, MAP_POINT_LIMIT at most. */
export function mapPointsSql(query: ViewQuery, map: MapRequest, matched: string | null = null): BoundSql {
  const p = createParams();
  return bound(p, `SELECT e.id, e.lon, e.lat, e.type, e.geo_precision, e.title FROM events e ${whereOf(mapConditions(query, map, p, matched))} ORDER BY e.row LIMIT ${MAP_POINT_LIMIT}`);
}

/**
 * Per cell of the map's grid and type, the events in the view: the cell as mercatorCell has it,
 * the same double operations in the same order (x = (lon + 180) / 360; y from the latitude
 * clamped to Web Mercator's limit), the grid's size worked out in JavaScript (mapCellCount).
 */
export function mapCellsSql(query: ViewQuery, map: MapRequest, matched: string | null = null): BoundSql {
  const p = createParams();
  const where = whereOf(mapConditions(query, map, p, matched));
  const cells = p.number(mapCellCount(map));
  const y = `(1 - ln(tan(pi() / 4 + (greatest(-${MAX_MERCATOR_LAT}::DOUBLE, least(${MAX_MERCATOR_LAT}::DOUBLE, e.lat)) * pi() / 180) / 2)) / pi()) / 2`;
  return bound(
    p,
    `SELECT col, row, type, count(*)::INTEGER AS n FROM (
  SELECT CAST(least(${cells} - 1, floor((e.lon + 180) / 360 * ${cells})) AS BIGINT) AS col, CAST(least(${cells} - 1, floor(${y} * ${cells})) AS BIGINT) AS row, e.type AS type
  FROM events e ${where}
) GROUP BY col, row, type`,
  );
}
