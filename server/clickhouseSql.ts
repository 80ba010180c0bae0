// The SQL of the ClickHouse engine and loader, as pure functions. The text is made of constant
// pieces only: table and column names from here, identifiers given by the operator (database,
// cluster) checked against a strict pattern, and conditions chosen by which filters are set. Every
// value of a request goes in external tables (_view, _types, _actors, _words, _ids) that the SQL
// reads with scalar subqueries and IN: ClickHouse 18.16 has no query parameters.
import { ROLES } from '../src/model/schema.ts';
import { MAP_POINT_LIMIT, OTHER_ACTORS_LANE, type EngineFilters, type LaneSubset, type MapRequest, type ViewQuery } from './engine.ts';
import type { GeoBox } from '../src/model/geo.ts';
import { MAX_MERCATOR_LAT } from '../src/layout/mercator.ts';
import { mapCellCount } from './mapCells.ts';
import { PLACE_GROUP_LIMIT } from './placeCounts.ts';
import type { ExternalTable } from './clickhouseHttp.ts';
import { countedBy, type SkippedFacet } from './countsAtLoad.ts';

/** Where the tables are: one server, or local tables on every shard of a cluster with Distributed tables over them. */
export interface ClickHouseLayout {
  database: string;
  cluster: string | null;
}

export const DEFAULT_DATABASE = 'conflict_timeline';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** An identifier from the command line, checked and quoted: only letters, digits and _ get this far. */
export function identifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${what} "${name}" is not a plain name (letters, digits and _, not starting with a digit)`);
  return `\`${name}\``;
}

/** The events: EventRow's columns, with the event's actors as arrays beside (filters and actor lanes read them without a join). */
export const EVENT_COLUMNS: readonly (readonly [string, string])[] = [
  ['row', 'UInt32'],
  ['id', 'String'],
  ['type', 'String'],
  ['start_ms', 'Float64'],
  ['end_ms', 'Nullable(Float64)'],
  // The end, or the start of an instant: the window test reads it (the app's table.end).
  ['last_ms', 'Float64'],
  ['country', 'Nullable(String)'],
  ['place_keys', 'Array(String)'],
  ['actor_ids', 'Array(String)'],
  ['actor_roles', 'Array(UInt16)'],
  ['search', 'String'],
  ['title', 'String'],
  ['language', 'String'],
  ['json', 'String'],
  // The place's coordinates (located 1: both; 0: neither) and how closely they locate it (NULL: not
  // said). 18.16 parses decimal text into a Float64 off by an ulp at times (44.3567 becomes
  // 44.356700000000004), so the loader sends each double's bits, exact, and lon and lat are read
  // from them.
  ['located', 'UInt8'],
  ['lon_bits', 'UInt64'],
  ['lat_bits', 'UInt64'],
  ['lon', 'Float64 ALIAS reinterpretAsFloat64(reinterpretAsString(lon_bits))'],
  ['lat', 'Float64 ALIAS reinterpretAsFloat64(reinterpretAsString(lat_bits))'],
  ['geo_precision', 'Nullable(String)'],
  // The place's first administrative area, '' without one (lanes by place).
  ['place_lane', 'String'],
];

export const EVENT_ACTOR_COLUMNS: readonly (readonly [string, string])[] = [
  ['row', 'UInt32'],
  // The event's id, so that an event's actors sit on its shard.
  ['id', 'String'],
  ['actor', 'String'],
  ['roles', 'UInt16'],
];

export const WORD_ROW_COLUMNS: readonly (readonly [string, string])[] = [
  ['word', 'String'],
  ['row', 'UInt32'],
];

export const ACTOR_TOTAL_COLUMNS: readonly (readonly [string, string])[] = [
  ['actor', 'String'],
  ['actorless', 'UInt8'],
  ['type', 'String'],
  ['n', 'UInt64'],
];

const columnList = (columns: readonly (readonly [string, string])[]) => columns.map(([name, type]) => `${name} ${type}`).join(', ');

/** The tables' DDL: `shard` runs on every shard (or the one server), `front` on the server the URL names. */
export interface SchemaStatements {
  shard: string[];
  front: string[];
}

/**
 * Counts made at load beside start_counts, each filled from the events as they are inserted (a
 * SummingMergeTree: rows of the same key are summed when parts merge, so queries sum events_n):
 * [name, columns, sorting key, the SELECT from the events]. As the DuckDB engine's (duckdbLoad):
 * - span_counts, actor_span_counts: by start and last anchor, for counts of the events that
 *   overlap the window;
 * - set_start_counts: by set of actors (sorted: one row for the same set), for "Other actors";
 *   actor_set_start_counts: the same per actor of the set and its roles, for actor lanes under
 *   one actor's filter.
 */
const COUNT_TABLES: readonly (readonly [string, string, string, (events: string) => string])[] = [
  ['span_counts', 'type String, start_ms Float64, last_ms Float64, events_n UInt64', 'start_ms, last_ms, type', (events) => `SELECT type, start_ms, last_ms, count() AS events_n FROM ${events} GROUP BY type, start_ms, last_ms`],
  [
    'actor_span_counts',
    'actor String, roles UInt16, type String, start_ms Float64, last_ms Float64, events_n UInt64',
    'actor, start_ms, last_ms, type, roles',
    (events) => `SELECT actor, roles, type, start_ms, last_ms, count() AS events_n FROM ${events} ARRAY JOIN actor_ids AS actor, actor_roles AS roles GROUP BY actor, roles, type, start_ms, last_ms`,
  ],
  [
    'set_start_counts',
    'actor_set Array(String), type String, start_ms Float64, events_n UInt64',
    'start_ms, type, actor_set',
    (events) => `SELECT arraySort(actor_ids) AS actor_set, type, start_ms, count() AS events_n FROM ${events} GROUP BY actor_set, type, start_ms`,
  ],
  [
    'actor_set_start_counts',
    'actor String, roles UInt16, actor_set Array(String), type String, start_ms Float64, events_n UInt64',
    'actor, start_ms, type, roles, actor_set',
    (events) =>
      `SELECT actor, roles, arraySort(actor_ids) AS actor_set, type, start_ms, count() AS events_n FROM ${events} ARRAY JOIN actor_ids AS actor, actor_roles AS roles GROUP BY actor, roles, actor_set, type, start_ms`,
  ],
];

/**
 * Statements that replace any earlier load of the database. Without a cluster: MergeTree tables
 * and dataset_info on the one server. With one: events_local and event_actors_local on every
 * shard (with `onCluster`, through ON CLUSTER, which needs the cluster's distributed DDL;
 * otherwise run `shard` on each shard's URL), and on the front server Distributed tables over
 * them, sharded by a hash of the event id, and dataset_info.
 */
export function schemaStatements(layout: ClickHouseLayout, onCluster: boolean): SchemaStatements {
  const db = identifier(layout.database, 'database');
  const events = `ENGINE = MergeTree ORDER BY (start_ms, id)`;
  const actors = `ENGINE = MergeTree ORDER BY (actor, row)`;
  const info = [
    `DROP TABLE IF EXISTS ${db}.dataset_info`,
    `CREATE TABLE ${db}.dataset_info (json String, longest_ms Float64) ENGINE = TinyLog`,
    `DROP TABLE IF EXISTS ${db}.actor_totals`,
    `CREATE TABLE ${db}.actor_totals (${columnList(ACTOR_TOTAL_COLUMNS)}) ENGINE = TinyLog`,
  ];
  // The word index of each shard's events, filled as they are inserted (materialized views).
  const wordIndex = (suffix: string, on: string) => [
    `DROP TABLE IF EXISTS ${db}.word_rows_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.words_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.word_rows${suffix}${on}`,
    `DROP TABLE IF EXISTS ${db}.words${suffix}${on}`,
    `CREATE TABLE ${db}.word_rows${suffix}${on} (${columnList(WORD_ROW_COLUMNS)}) ENGINE = MergeTree ORDER BY (word, row)`,
    `CREATE TABLE ${db}.words${suffix}${on} (word String) ENGINE = ReplacingMergeTree ORDER BY word`,
    `CREATE MATERIALIZED VIEW ${db}.word_rows_mv${on} TO ${db}.word_rows${suffix} AS SELECT word, row FROM ${db}.events${suffix} ARRAY JOIN arrayDistinct(splitByChar(' ', search)) AS word WHERE word != ''`,
    `CREATE MATERIALIZED VIEW ${db}.words_mv${on} TO ${db}.words${suffix} AS SELECT word FROM ${db}.events${suffix} ARRAY JOIN splitByChar(' ', search) AS word WHERE word != '' GROUP BY word`,
    // The events per type and start anchor: bins by type with no filter but types read these.
    `DROP TABLE IF EXISTS ${db}.start_counts_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.start_counts${suffix}${on}`,
    `CREATE TABLE ${db}.start_counts${suffix}${on} (type String, start_ms Float64, events_n UInt64) ENGINE = SummingMergeTree ORDER BY (start_ms, type)`,
    `CREATE MATERIALIZED VIEW ${db}.start_counts_mv${on} TO ${db}.start_counts${suffix} AS SELECT type, start_ms, count() AS events_n FROM ${db}.events${suffix} GROUP BY type, start_ms`,
    // And per actor and its roles in the event (the app's table holds an actor once per event, its roles or-ed).
    `DROP TABLE IF EXISTS ${db}.actor_start_counts_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.actor_start_counts${suffix}${on}`,
    `CREATE TABLE ${db}.actor_start_counts${suffix}${on} (actor String, roles UInt16, type String, start_ms Float64, events_n UInt64) ENGINE = SummingMergeTree ORDER BY (actor, start_ms, type, roles)`,
    `CREATE MATERIALIZED VIEW ${db}.actor_start_counts_mv${on} TO ${db}.actor_start_counts${suffix} AS SELECT actor, roles, type, start_ms, count() AS events_n FROM ${db}.events${suffix} ARRAY JOIN actor_ids AS actor, actor_roles AS roles GROUP BY actor, roles, type, start_ms`,
    ...COUNT_TABLES.flatMap(([name, columns, order, select]) => [
      `DROP TABLE IF EXISTS ${db}.${name}_mv${on}`,
      `DROP TABLE IF EXISTS ${db}.${name}${suffix}${on}`,
      `CREATE TABLE ${db}.${name}${suffix}${on} (${columns}) ENGINE = SummingMergeTree ORDER BY (${order})`,
      `CREATE MATERIALIZED VIEW ${db}.${name}_mv${on} TO ${db}.${name}${suffix} AS ${select(`${db}.events${suffix}`)}`,
    ]),
  ];
  // The tables each shard holds: named as they are (one server) or with `_local` under Distributed ones.
  const shardTables = (suffix: string, on: string) => [
    `CREATE DATABASE IF NOT EXISTS ${db}${on}`,
    `DROP TABLE IF EXISTS ${db}.word_rows_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.words_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.start_counts_mv${on}`,
    `DROP TABLE IF EXISTS ${db}.actor_start_counts_mv${on}`,
    ...COUNT_TABLES.map(([name]) => `DROP TABLE IF EXISTS ${db}.${name}_mv${on}`),
    `DROP TABLE IF EXISTS ${db}.events${suffix}${on}`,
    `DROP TABLE IF EXISTS ${db}.event_actors${suffix}${on}`,
    `CREATE TABLE ${db}.events${suffix}${on} (${columnList(EVENT_COLUMNS)}) ${events}`,
    `CREATE TABLE ${db}.event_actors${suffix}${on} (${columnList(EVENT_ACTOR_COLUMNS)}) ${actors}`,
    ...wordIndex(suffix, on),
  ];
  if (layout.cluster === null) return { shard: shardTables('', ''), front: info };
  const cluster = identifier(layout.cluster, 'cluster');
  const on = onCluster ? ` ON CLUSTER ${cluster}` : '';
  const distributed = (local: string) => `ENGINE = Distributed(${cluster}, ${db}, ${local}, cityHash64(id))`;
  // Never inserted into: no sharding key.
  const readOnly = (local: string) => `ENGINE = Distributed(${cluster}, ${db}, ${local})`;
  return {
    shard: shardTables('_local', on),
    front: [
      `CREATE DATABASE IF NOT EXISTS ${db}`,
      `DROP TABLE IF EXISTS ${db}.events`,
      `DROP TABLE IF EXISTS ${db}.event_actors`,
      `DROP TABLE IF EXISTS ${db}.word_rows`,
      `DROP TABLE IF EXISTS ${db}.words`,
      `CREATE TABLE ${db}.events (${columnList(EVENT_COLUMNS)}) ${distributed('events_local')}`,
      `CREATE TABLE ${db}.event_actors (${columnList(EVENT_ACTOR_COLUMNS)}) ${distributed('event_actors_local')}`,
      `CREATE TABLE ${db}.word_rows (${columnList(WORD_ROW_COLUMNS)}) ${readOnly('word_rows_local')}`,
      `CREATE TABLE ${db}.words (word String) ${readOnly('words_local')}`,
      `DROP TABLE IF EXISTS ${db}.start_counts`,
      `CREATE TABLE ${db}.start_counts (type String, start_ms Float64, events_n UInt64) ${readOnly('start_counts_local')}`,
      `DROP TABLE IF EXISTS ${db}.actor_start_counts`,
      `CREATE TABLE ${db}.actor_start_counts (actor String, roles UInt16, type String, start_ms Float64, events_n UInt64) ${readOnly('actor_start_counts_local')}`,
      ...COUNT_TABLES.flatMap(([name, columns]) => [`DROP TABLE IF EXISTS ${db}.${name}`, `CREATE TABLE ${db}.${name} (${columns}) ${readOnly(`${name}_local`)}`]),
      ...info,
    ],
  };
}

/**
 * After a load: per actor (actorless 1: the events without one) and type, the events of all time,
 * as actorLanes ranks them when no filter but the type filter is set; on the front server.
 */
export function actorTotalsStatements(layout: ClickHouseLayout): string[] {
  const db = identifier(layout.database, 'database');
  return [
    `INSERT INTO ${db}.actor_totals SELECT total_actor, 0, type, count() FROM ${db}.events ARRAY JOIN actor_ids AS total_actor GROUP BY total_actor, type`,
    `INSERT INTO ${db}.actor_totals SELECT '', 1, type, count() FROM ${db}.events WHERE empty(actor_ids) GROUP BY type`,
  ];
}

/** After a load, on every shard: the distinct words merged (each insert added its own). */
export function wordsMergeStatement(layout: ClickHouseLayout): string {
  return `OPTIMIZE TABLE ${identifier(layout.database, 'database')}.${layout.cluster === null ? 'words' : 'words_local'} FINAL`;
}

export function insertSql(layout: ClickHouseLayout, table: 'events' | 'event_actors' | 'dataset_info'): string {
  return `INSERT INTO ${identifier(layout.database, 'database')}.${table} FORMAT JSONEachRow`;
}

/** The bits of a double as a UInt64's decimal digits (little-endian, as reinterpretAsFloat64 reads them): what the loader sends for lon and lat. */
export function doubleBits(value: number): string {
  return new BigUint64Array(new Float64Array([value]).buffer)[0]!.toString();
}

/** A JSONEachRow line of an event with its coordinates' bits added (JSON.stringify cannot write a UInt64 past 2^53). */
export function withCoordinateBits(line: string, lon: number | null, lat: number | null): string {
  const located = lon !== null && lat !== null;
  return `${line.slice(0, -1)},"located":${located ? 1 : 0},"lon_bits":${located ? doubleBits(lon) : 0},"lat_bits":${located ? doubleBits(lat) : 0}}`;
}

/**
 * 18.16's position() reads its needle up to the first NUL, so a word with one would match too
 * much. The loader and the words both put a noncharacter (meant for a program's own use) in
 * place of NUL: substring matching stays the same for any text that does not hold U+FDD0.
 */
export function searchableText(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '\uFDD0') : text;
}

export type Facet = SkippedFacet;

/**
 * Per distinct query word (in order of first use), the distinct words of the word index that hold
 * it (wordMatchesQuery): what a search reads instead of every row's text.
 */
export type WordMatches = ReadonlyMap<string, readonly string[]>;

/** A view, with the word index's answers for its query words when the engine has asked for them. */
export type SearchedView = ViewQuery & { matches?: WordMatches };

/** A query's text and the external tables it reads. */
export interface BuiltQuery {
  sql: string;
  external: ExternalTable[];
}

/** The values of a view in external tables, and the conditions that read them. */
interface Conditions {
  where: string[];
  external: ExternalTable[];
}

// One row of numbers and single values of the request. `span` is to − from worked out in
// JavaScript, so the bin of a start is the very same double as the app's densityBins.
const VIEW_STRUCTURE =
  'view_from Float64, view_to Float64, view_span Float64, view_bins Float64, view_role_bits UInt16, view_country String, view_place String, view_offset UInt64, view_limit UInt64';
const v = (column: string) => `(SELECT view_${column} FROM _view)`;

export interface ViewNumbers {
  bins?: number;
  offset?: number;
  limit?: number;
}

function viewTable(query: SearchedView, numbers: ViewNumbers): ExternalTable {
  const { filters } = query;
  // As filterMask: without a role every role bit counts.
  const roleBits = filters.role === null ? 0xffff : 1 << ROLES.indexOf(filters.role);
  return {
    name: '_view',
    structure: VIEW_STRUCTURE,
    rows: [[query.from, query.to, query.to - query.from, numbers.bins ?? 0, roleBits, filters.country ?? '', placeKeyOf(filters) ?? '', wholeNumber(numbers.offset), wholeNumber(numbers.limit)]],
  };
}

/** A count for a UInt64 column: the HTTP layer checks them; here a bad one cannot break the TSV either. */
const wholeNumber = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

const placeKeyOf = (filters: EngineFilters) => filters.place?.toLocaleLowerCase('en') ?? null;

/** The type filter's types and the actor filter's actors, sent as external data (read with IN (SELECT …)). */
const typesTable = (filters: EngineFilters): ExternalTable => ({ name: '_types', structure: 'type String', rows: filters.types.map((t) => [t]) });
const actorsTable = (filters: EngineFilters): ExternalTable => ({ name: '_actors', structure: 'actor_id String', rows: filters.actors.map((a) => [a]) });

/** The type filter's condition (none when skipped or unset): the start of both kinds of conditions below. */
function typeFilterPart(filters: EngineFilters, skip?: Facet): Conditions {
  if (skip === 'types' || !filters.types.length) return { where: [], external: [] };
  return { where: ['type IN (SELECT type FROM _types)'], external: [typesTable(filters)] };
}

/** The filters as conditions (all but `skip`, for facet counts), as filterMask applies them. */
export function filterConditions(filters: EngineFilters, skip?: Facet, matches?: WordMatches): Conditions {
  const { where, external } = typeFilterPart(filters, skip);
  if (skip !== 'actors' && filters.actors.length) {
    // An event passes when one of its actors is wanted and plays a wanted role there.
    where.push(`arrayExists((actor, roles) -> has((SELECT groupArray(actor_id) FROM _actors), actor) AND bitAnd(roles, ${v('role_bits')}) != 0, actor_ids, actor_roles)`);
    external.push(actorsTable(filters));
  }
  if (skip !== 'q' && filters.words.length) {
    // A query word (it has no spaces) occurs in a row's search text exactly when it occurs inside
    // one of the row's words: the rows are those of the index's words that hold it (word_rows,
    // ordered by word, so ClickHouse reads only those words' parts). On a cluster the servers run
    // with distributed_product_mode=local, so each shard reads its own word_rows_local.
    const indexed = [...new Set(filters.words)].filter((w) => matches?.has(w) && !w.includes(' '));
    indexed.forEach((word, n) => where.push(`row IN (SELECT row FROM word_rows WHERE word IN (SELECT word FROM _matched WHERE word_n = ${n}))`));
    if (indexed.length) external.push({ name: '_matched', structure: 'word_n UInt32, word String', rows: indexed.flatMap((w, n) => matches!.get(w)!.map((m) => [n, m])) });
    // Any other word (a word with a space comes only from a caller other than the API) is a
    // substring of the search text, as the app's scan (bytes of UTF-8 match where code points do).
    // The text goes into the lambda as an array argument: 18.16 does not read a column that a
    // lambda in WHERE only captures ("Unknown identifier").
    const scanned = filters.words.filter((w) => !indexed.includes(w));
    if (scanned.length) {
      const words = '(SELECT groupArray(word) FROM _words)';
      where.push(`arrayAll((text, word) -> position(text, word) > 0, replicate(search, ${words}), ${words})`);
      external.push({ name: '_words', structure: 'word String', rows: scanned.map((w) => [searchableText(w)]) });
    }
  }
  if (skip !== 'place') {
    if (filters.country !== null) where.push(`country = ${v('country')}`);
    if (placeKeyOf(filters) !== null) where.push(`has(place_keys, ${v('place')})`);
  }
  if (filters.bbox) {
    where.push(boxCondition('_area'));
    external.push(boxTable('_area', filters.bbox));
  }
  return { where, external };
}

/** A box as an external table of one row: `<name>_west`… read by boxCondition. */
function boxTable(name: '_area' | '_map', box: GeoBox, cells?: number): ExternalTable {
  const prefix = name.slice(1);
  const structure = `${prefix}_west Float64, ${prefix}_south Float64, ${prefix}_east Float64, ${prefix}_north Float64${cells === undefined ? '' : `, ${prefix}_cells Float64`}`;
  return { name, structure, rows: [[box.west, box.south, box.east, box.north, ...(cells === undefined ? [] : [cells])]] };
}

/** In the box, edges included (boxContains); an event without coordinates never is. */
function boxCondition(name: '_area' | '_map'): string {
  const side = (s: string) => `(SELECT ${name.slice(1)}_${s} FROM ${name})`;
  return `located = 1 AND lon >= ${side('west')} AND lon <= ${side('east')} AND lat >= ${side('south')} AND lat <= ${side('north')}`;
}

/**
 * Events in the window as the app's visibleRows has them: those that start by the window's end
 * and end (instants: start) at or after its start. As rowsInWindow, only events that start at most the longest
 * duration before the window can: that bound lets ClickHouse skip by its primary key (start_ms).
 * Scalar subqueries in WHERE are worked out once, on the server the query came to, before the
 * key is read; dataset_info is on that server.
 */
const IN_WINDOW = `start_ms <= ${v('to')} AND start_ms >= ${v('from')} - (SELECT max(longest_ms) FROM dataset_info) AND last_ms >= ${v('from')}`;

function built(sql: string, query: SearchedView, conditions: Conditions, numbers: ViewNumbers = {}): BuiltQuery {
  return { sql, external: [viewTable(query, numbers), ...conditions.external] };
}

const where = (conditions: string[]) => (conditions.length ? conditions.join(' AND ') : '1');

/**
 * countedBy's filters (but `skip`) as conditions on counts made at load: the type, and for one
 * actor the actor and its roles there.
 */
function countConditions(filters: EngineFilters, skip?: Facet): Conditions {
  const { where, external } = typeFilterPart(filters, skip);
  if (skip !== 'actors' && filters.actors.length) {
    where.push('actor IN (SELECT actor_id FROM _actors)', `bitAnd(roles, ${v('role_bits')}) != 0`);
    external.push(actorsTable(filters));
  }
  return { where, external };
}

/** How many events are in the window under the filters. */
export function countQuery(query: SearchedView): BuiltQuery {
  const by = countedBy(query.filters);
  if (by) {
    // Counts per start and last anchor made at load: IN_WINDOW reads the same columns.
    const conditions = countConditions(query.filters);
    return built(`SELECT sum(events_n) AS n FROM ${by === 'types' ? 'span_counts' : 'actor_span_counts'} WHERE ${where([IN_WINDOW, ...conditions.where])} FORMAT JSONEachRow`, query, conditions);
  }
  const conditions = filterConditions(query.filters, undefined, query.matches);
  return built(`SELECT count() AS n FROM events WHERE ${where([IN_WINDOW, ...conditions.where])} FORMAT JSONEachRow`, query, conditions);
}

/** Types present in the data: the app's lanes by type exist for these, whatever the window. */
export const TYPES_PRESENT_SQL = 'SELECT DISTINCT type FROM start_counts FORMAT JSONEachRow';

/** The bin of each start, as densityBins works it out, in the same order of double operations. */
const BIN = 'floor((start_ms - view_from) / view_span * view_bins)';

/**
 * Counts per bin of the events in `from` (with `arrayJoin`, if any) under `conditions`, `lane` the
 * lane's key: by start, in `bins` equal bins of [from, to), as densityBins. The bin reads the
 * view's numbers as columns of a CROSS JOIN: 18.16 names a scalar subquery in a SELECT expression
 * differently on the shards of a Distributed table and fails to find the column. The window's
 * bounds stay scalar subqueries in WHERE, which the primary key can use (a join's columns cannot:
 * a 5M-row table was read whole, 4 times slower).
 */
function binnedSql(lane: string, arrayJoin: string, conditions: readonly string[], from = 'events', counted = 'count()'): string {
  return (
    `SELECT ${lane} AS lane, ${BIN} AS bin, ${counted} AS n ` +
    `FROM ${from} ${arrayJoin} CROSS JOIN (SELECT view_from, view_span, view_bins FROM _view) ` +
    `WHERE ${where([`start_ms >= ${v('from')}`, `start_ms <= ${v('to')}`, 'bin >= 0', 'bin < view_bins', ...conditions])} ` +
    `GROUP BY lane, bin FORMAT JSONEachRow`
  );
}

/** As binnedSql, each row's bin and `value` (a signed count), not grouped: a part of a sum. */
function signedBinsSql(from: string, conditions: readonly string[], value: string): string {
  return (
    `SELECT ${BIN} AS bin, ${value} AS signed_n FROM ${from} CROSS JOIN (SELECT view_from, view_span, view_bins FROM _view) ` +
    `WHERE ${where([`start_ms >= ${v('from')}`, `start_ms <= ${v('to')}`, 'bin >= 0', 'bin < view_bins', ...conditions])}`
  );
}

/** Counts per type lane and bin. */
export function typeBinsQuery(query: SearchedView, bins: number): BuiltQuery {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  // No filter but types: the counts per type and start anchor (as many rows as distinct anchors), the same bin for each anchor.
  if (onlyTypeFilter(query.filters)) return built(binnedSql('type', '', conditions.where, 'start_counts', 'sum(events_n)'), query, conditions, { bins });
  // One actor (in a role) and at most types: its counts per start anchor.
  if (onlyTypeFilter({ ...query.filters, actors: [] }) && query.filters.actors.length === 1) {
    const types = filterConditions({ ...query.filters, actors: [] }, undefined, query.matches);
    const actor = [`actor IN (SELECT actor_id FROM _actors)`, `bitAnd(roles, ${v('role_bits')}) != 0`];
    return built(binnedSql('type', '', [...types.where, ...actor], 'actor_start_counts', 'sum(events_n)'), query, conditions, { bins });
  }
  return built(binnedSql('type', '', conditions.where), query, conditions, { bins });
}

/** The actors of the lanes asked for, as an external table the lane queries read. */
const lanesTable = (actors: readonly string[]): ExternalTable => ({ name: '_lanes', structure: 'lane_actor_id String', rows: actors.map((a) => [a]) });
const LANE_ACTORS = '(SELECT groupArray(lane_actor_id) FROM _lanes)';

/** Counts per bin of each actor in `actors`, an event in the lane of each of its actors. */
export function actorBinsQuery(query: SearchedView, bins: number, actors: readonly string[]): BuiltQuery {
  const by = countedBy(query.filters);
  if (by) {
    // Counts made at load: per actor and start, or for one actor per set of actors of its events.
    const counts = countConditions(query.filters);
    const sql =
      by === 'types'
        ? // IN, not has(): the table's primary key (actor first) reads only the lanes' actors.
          binnedSql('actor', '', [...counts.where, 'actor IN (SELECT lane_actor_id FROM _lanes)'], 'actor_start_counts', 'sum(events_n)')
        : binnedSql('lane_actor', 'ARRAY JOIN actor_set AS lane_actor', [...counts.where, `has(${LANE_ACTORS}, lane_actor)`], 'actor_set_start_counts', 'sum(events_n)');
    return { sql, external: [viewTable(query, { bins }), ...counts.external, lanesTable(actors)] };
  }
  const conditions = filterConditions(query.filters, undefined, query.matches);
  const sql = binnedSql('lane_actor', 'ARRAY JOIN actor_ids AS lane_actor', [...conditions.where, `has(${LANE_ACTORS}, lane_actor)`]);
  return { sql, external: [viewTable(query, { bins }), ...conditions.external, lanesTable(actors)] };
}

/**
 * Counts per bin of the lane "Other actors" (key '*'), as actorLanes' lanesOf: the events with an
 * actor not among `actors` (beside their own lanes), and the events without an actor.
 */
export function otherActorBinsQuery(query: SearchedView, bins: number, actors: readonly string[]): BuiltQuery {
  const by = countedBy(query.filters);
  if (by === 'types') {
    // Every event of the bin less those whose actors all have lanes: those are counted once, in
    // the rows of their set's first actor, which the key finds among the lanes' actors (a test of
    // every set's counts took 400 ms at 1M on two shards).
    const counts = countConditions(query.filters);
    const inside = ['actor IN (SELECT lane_actor_id FROM _lanes)', 'actor = actor_set[1]', `hasAll(${LANE_ACTORS}, actor_set)`];
    const all = signedBinsSql('start_counts', counts.where, 'toInt64(events_n)');
    const less = signedBinsSql('actor_set_start_counts', [...counts.where, ...inside], '-toInt64(events_n)');
    const sql = `SELECT '*' AS lane, bin, sum(signed_n) AS n FROM (${all} UNION ALL ${less}) GROUP BY bin FORMAT JSONEachRow`;
    return { sql, external: [viewTable(query, { bins }), ...counts.external, lanesTable(actors)] };
  }
  if (by) {
    // A set of actors not all in the lanes.
    const counts = countConditions(query.filters);
    const sql = binnedSql("'*'", '', [...counts.where, `NOT hasAll(${LANE_ACTORS}, actor_set)`], 'actor_set_start_counts', 'sum(events_n)');
    return { sql, external: [viewTable(query, { bins }), ...counts.external, lanesTable(actors)] };
  }
  const conditions = filterConditions(query.filters, undefined, query.matches);
  const other = `(empty(actor_ids) OR arrayExists(actor -> NOT has(${LANE_ACTORS}, actor), actor_ids))`;
  return { sql: binnedSql("'*'", '', [...conditions.where, other]), external: [viewTable(query, { bins }), ...conditions.external, lanesTable(actors)] };
}

/**
 * Per actor, the events passing the filters, all time: how actorLanes ranks them. (The answer's
 * column is not called "actor": 18.16 would put that alias in place of the filter's lambda
 * parameter of the same name.)
 */
export function actorRankingQuery(query: SearchedView): BuiltQuery {
  if (countedBy(query.filters) === 'actor') {
    // The events of the filter's actor, per actor of each (itself too).
    const counts = countConditions(query.filters);
    const sql = `SELECT rank_actor AS ranked_actor, sum(events_n) AS n FROM actor_set_start_counts ARRAY JOIN actor_set AS rank_actor WHERE ${where(counts.where)} GROUP BY ranked_actor FORMAT JSONEachRow`;
    return built(sql, query, counts);
  }
  const conditions = filterConditions(query.filters, undefined, query.matches);
  const sql = `SELECT rank_actor AS ranked_actor, count() AS n FROM events ARRAY JOIN actor_ids AS rank_actor WHERE ${where(conditions.where)} GROUP BY ranked_actor FORMAT JSONEachRow`;
  return built(sql, query, conditions);
}

/** Whether actorTotalsQuery answers for the filters: none but the type filter. */
export const onlyTypeFilter = (filters: EngineFilters) => !filters.actors.length && !filters.words.length && filters.country === null && filters.place === null && !filters.bbox;

/** actorRankingQuery and actorlessQuery at once, from the totals made at load (see onlyTypeFilter). */
export function actorTotalsQuery(query: SearchedView): BuiltQuery {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  const sql = `SELECT actor AS ranked_actor, actorless, sum(n) AS n FROM actor_totals WHERE ${where(conditions.where)} GROUP BY ranked_actor, actorless FORMAT JSONEachRow`;
  return built(sql, query, conditions);
}

/** The distinct words of the index that hold `word` (wordMatches): the word goes in _words. */
export function wordMatchesQuery(word: string): BuiltQuery {
  return {
    sql: 'SELECT DISTINCT word AS matched FROM words WHERE position(word, (SELECT query_word FROM _words)) > 0 FORMAT JSONEachRow',
    external: [{ name: '_words', structure: 'query_word String', rows: [[searchableText(word)]] }],
  };
}

/**
 * A query word held by fewer index words than this is checked for being in every event (a word
 * in every event's text is usually one word of the index, as "village" is; "12" is in 50,000).
 */
export const WORDS_CHECKED_FOR_ALL = 64;

/** The rows of the index word with most rows among `matched` (those of one query word): a query word one of whose words every event holds filters nothing. */
export function mostHeldQuery(matched: readonly string[]): BuiltQuery {
  return {
    sql: 'SELECT count() AS n FROM word_rows WHERE word IN (SELECT word FROM _held) GROUP BY word ORDER BY n DESC LIMIT 1 FORMAT JSONEachRow',
    external: [{ name: '_held', structure: 'word String', rows: matched.map((w) => [w]) }],
  };
}

export const EVENT_COUNT_SQL = 'SELECT count() AS n FROM events FORMAT JSONEachRow';

/** The events passing the filters, all time, that have no actor (they go in "Other actors"). */
export function actorlessQuery(query: SearchedView): BuiltQuery {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  return built(`SELECT count() AS n FROM events WHERE ${where([...conditions.where, 'empty(actor_ids)'])} FORMAT JSONEachRow`, query, conditions);
}

export const MARK_COLUMNS = 'id, type, start_ms, end_ms, actor_ids, title, language';

/** The marks in the window, in the app's time order. */
export function marksQuery(query: SearchedView): BuiltQuery {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  return built(`SELECT ${MARK_COLUMNS} FROM events WHERE ${where([IN_WINDOW, ...conditions.where])} ORDER BY row FORMAT JSONEachRow`, query, conditions);
}

/** The numbers of first rows a page may be cut from (see eventsPageQuery). */
export const PAGE_LADDER: readonly number[] = [100, 1_000, 10_000, 100_000];

/**
 * Events `offset` … `offset + limit − 1` of the window in time order. 18.16 takes only literals in
 * LIMIT, so the page's rows are cut from the sorted row numbers with arraySlice, whose bounds are
 * values of _view. GLOBAL IN: on a cluster, the page is found once, then read on every shard.
 */
export function eventsPageQuery(query: SearchedView, offset: number, limit: number): BuiltQuery {
  return pageQuery(query, filterConditions(query.filters, undefined, query.matches), [], offset, limit);
}

/**
 * The page of the events in the window under `conditions` and `range` (conditions on the primary
 * key, read outside too), as eventsPageQuery says.
 */
function pageQuery(query: SearchedView, conditions: Conditions, range: readonly string[], offset: number, limit: number): BuiltQuery {
  const inView = where([...range, IN_WINDOW, ...conditions.where]);
  // The first rows of the window, as many as the smallest of a fixed ladder that reaches the page's
  // end: a LIMIT from our own list, never the request's number (a top-N sort, not every row
  // sorted in an array). Past the ladder, every row of the window.
  const first = PAGE_LADDER.find((rows) => rows >= offset + limit);
  const source = first === undefined ? 'events' : `(SELECT row FROM events WHERE ${inView} ORDER BY row LIMIT ${first})`;
  const page = `SELECT arrayJoin(arraySlice(arraySort(groupArray(row)), ${v('offset')} + 1, ${v('limit')})) FROM ${source}${first === undefined ? ` WHERE ${inView}` : ''}`;
  // The window again outside, so that the page's rows are looked for in its part of the table
  // only; PREWHERE, so that json is read for the granules that hold them only (18.16 left the IN
  // in WHERE, and read the json of the whole window: 1.1 GB at 1M events).
  return built(`SELECT json FROM events PREWHERE ${where([...range, IN_WINDOW])} AND row GLOBAL IN (${page}) ORDER BY row FORMAT JSONEachRow`, query, conditions, { offset, limit });
}

/**
 * The view's total and where events `offset` … `offset + limit − 1` lie, in one row, from the
 * counts per start and last anchor made at load (as countQuery reads them), for a view countedBy
 * answers: per start anchor of the window its events under the filters, sorted, and how many come
 * up to it; the first anchor past the offset (`page_first`, 1-based; 0: the page is empty), the
 * first that reaches the page's end (else the last), and how many of the first's events come
 * before the page. The offset reaches the lambdas as an array (replicate): see filterConditions.
 */
export function pageAnchorsQuery(query: SearchedView, offset: number, limit: number): BuiltQuery {
  const conditions = countConditions(query.filters);
  const counts = query.filters.actors.length ? 'actor_span_counts' : 'span_counts';
  const perAnchor = `SELECT start_ms, sum(events_n) AS n FROM ${counts} WHERE ${where([IN_WINDOW, ...conditions.where])} GROUP BY start_ms HAVING n > 0`;
  const sql =
    'SELECT total, page_first, starts[page_first] AS page_from, starts[if(page_end = 0, length(starts), page_end)] AS page_to, ' +
    'if(page_first = 0, 0, view_offset + ns[page_first] - through[page_first]) AS page_skip FROM (' +
    'SELECT starts, ns, through, arraySum(ns) AS total, view_offset, ' +
    'arrayFirstIndex((t, o) -> t > o, through, replicate(view_offset, through)) AS page_first, ' +
    'arrayFirstIndex((t, o) -> t >= o, through, replicate(view_offset + view_limit, through)) AS page_end FROM (' +
    'SELECT arrayMap(a -> a.1, anchors) AS starts, arrayMap(a -> a.2, anchors) AS ns, arrayCumSum(ns) AS through ' +
    `FROM (SELECT arraySort(groupArray((start_ms, n))) AS anchors FROM (${perAnchor}))` +
    ') CROSS JOIN (SELECT view_offset, view_limit FROM _view)) FORMAT JSONEachRow';
  return built(sql, query, conditions, { offset, limit });
}

/** The anchors (start ms, first and last) that hold a page, and how many events of theirs come before it. */
export interface PageAnchors {
  from: number;
  to: number;
  skip: number;
}

/** pageAnchorsQuery's row (UInt64 values come quoted in JSON). */
export interface PageAnchorsRow {
  total: string;
  page_first: string | number;
  page_from: number;
  page_to: number;
  page_skip: string;
}

/** pageAnchorsQuery's answer: the total, and the page's anchors (null: an empty page). */
export function pageAnchorsOf(row: PageAnchorsRow | undefined, limit: number): { total: number; anchors: PageAnchors | null } {
  const total = Number(row?.total ?? 0);
  if (!row || Number(row.page_first) === 0 || limit <= 0) return { total, anchors: null };
  return { total, anchors: { from: Number(row.page_from), to: Number(row.page_to), skip: Number(row.page_skip) } };
}

/**
 * A page found from the anchors that hold it (pageAnchorsQuery): the events starting from
 * `anchors.from` to `anchors.to` only, by the primary key, less the first `anchors.skip`. Not
 * every event of the window sorted: 18.16 has no reading in key order, and sorted the window's
 * rows up to the page (4 s for all time at 10M events).
 */
export function countedPageQuery(query: SearchedView, anchors: PageAnchors, limit: number): BuiltQuery {
  const conditions = filterConditions(query.filters);
  const range = ['start_ms >= (SELECT page_from FROM _page)', 'start_ms <= (SELECT page_to FROM _page)'];
  const page = pageQuery(query, conditions, range, anchors.skip, limit);
  return { ...page, external: [...page.external, { name: '_page', structure: 'page_from Float64, page_to Float64', rows: [[anchors.from, anchors.to]] }] };
}

/** Per type or per actor: events in the window under the other filters (the app's facet counts). */
export function facetQuery(query: SearchedView, facet: 'types' | 'actors'): BuiltQuery {
  // Per actor the actor filter is skipped: only 'types' can answer there.
  const by = countedBy(query.filters, facet);
  if (by) {
    const counts = countConditions(query.filters, facet);
    const sql =
      facet === 'types'
        ? `SELECT type AS key, sum(events_n) AS n FROM ${by === 'types' ? 'span_counts' : 'actor_span_counts'} WHERE ${where([IN_WINDOW, ...counts.where])} GROUP BY key FORMAT JSONEachRow`
        : `SELECT actor AS key, sum(events_n) AS n FROM actor_span_counts WHERE ${where([IN_WINDOW, ...counts.where])} GROUP BY key FORMAT JSONEachRow`;
    return built(sql, query, counts);
  }
  const conditions = filterConditions(query.filters, facet, query.matches);
  const sql =
    facet === 'types'
      ? `SELECT type AS key, count() AS n FROM events WHERE ${where([IN_WINDOW, ...conditions.where])} GROUP BY key FORMAT JSONEachRow`
      : `SELECT facet_actor AS key, count() AS n FROM events ARRAY JOIN actor_ids AS facet_actor WHERE ${where([IN_WINDOW, ...conditions.where])} GROUP BY key FORMAT JSONEachRow`;
  return built(sql, query, conditions);
}

export function eventQuery(id: string): BuiltQuery {
  return {
    sql: 'SELECT json FROM events WHERE id IN (SELECT id FROM _ids) ORDER BY row LIMIT 1 FORMAT JSONEachRow',
    external: [{ name: '_ids', structure: 'id String', rows: [[id]] }],
  };
}

export const INFO_SQL = 'SELECT json FROM dataset_info LIMIT 1 FORMAT JSONEachRow';
export const EXTENT_SQL = 'SELECT count() AS n, min(start_ms) AS first, max(last_ms) AS last FROM events FORMAT JSONEachRow';

// Place counts and the events of some lanes (sparse lanes' marks): apart from the queries above.

/** Per country: events in the window under every filter but the place's (country and name). */
export function countryCountsQuery(query: ViewQuery): BuiltQuery {
  const conditions = filterConditions(query.filters, 'place');
  const sql = `SELECT country AS key, count() AS n FROM events WHERE ${where([IN_WINDOW, ...conditions.where, 'isNotNull(country)'])} GROUP BY key FORMAT JSONEachRow`;
  return built(sql, query, conditions);
}

/**
 * Per place (country and lower-cased names, as stored): its events in the window under every
 * filter but the place's, and its first row, whose event names it; the busiest PLACE_GROUP_LIMIT
 * (a constant of this text: 18.16 takes only literals in LIMIT).
 */
export function placeGroupsQuery(query: ViewQuery): BuiltQuery {
  const conditions = filterConditions(query.filters, 'place');
  const sql =
    `SELECT country AS place_country, count() AS n, min(row) AS first_row FROM events WHERE ${where([IN_WINDOW, ...conditions.where, 'isNotNull(country)'])} ` +
    `GROUP BY country, place_keys ORDER BY n DESC, first_row LIMIT ${PLACE_GROUP_LIMIT} FORMAT JSONEachRow`;
  return built(sql, query, conditions);
}

/** The events (as JSON) of these rows. */
export function eventsOfRowsQuery(rows: readonly number[]): BuiltQuery {
  return {
    sql: 'SELECT row, json FROM events WHERE row IN (SELECT row_id FROM _rows) FORMAT JSONEachRow',
    external: [{ name: '_rows', structure: 'row_id UInt32', rows: rows.map((r) => [wholeNumber(r)]) }],
  };
}

/** An event is in one of `lanes`, as the bins put it there: by type, by any of its actors (any role), or in "Other actors". */
function laneConditions(lanes: LaneSubset): Conditions {
  if (lanes.mode === 'type') {
    return { where: ['type IN (SELECT lane_key FROM _in_lanes)'], external: [{ name: '_in_lanes', structure: 'lane_key String', rows: lanes.keys.map((k) => [k]) }] };
  }
  if (lanes.mode === 'place') {
    const own = lanes.keys.filter((k) => k !== OTHER_ACTORS_LANE);
    const any: string[] = [];
    const external: ExternalTable[] = [];
    if (own.length) {
      any.push('place_lane IN (SELECT lane_key FROM _in_lanes)');
      external.push({ name: '_in_lanes', structure: 'lane_key String', rows: own.map((k) => [k]) });
    }
    if (lanes.keys.includes(OTHER_ACTORS_LANE)) {
      // Another place than those with a lane; not none ('', a lane of its own).
      if (lanes.lanePlaces.length) {
        any.push("(place_lane != '' AND place_lane NOT IN (SELECT lane_place FROM _place_lanes))");
        external.push(placeLanesTable(lanes.lanePlaces));
      } else any.push("place_lane != ''");
    }
    return { where: [any.length ? `(${any.join(' OR ')})` : '0'], external };
  }
  const own = lanes.keys.filter((k) => k !== OTHER_ACTORS_LANE);
  const any: string[] = [];
  const external: ExternalTable[] = [];
  if (own.length) {
    any.push('arrayExists(lane_own -> has((SELECT groupArray(lane_key) FROM _in_lanes), lane_own), actor_ids)');
    external.push({ name: '_in_lanes', structure: 'lane_key String', rows: own.map((k) => [k]) });
  }
  if (lanes.keys.includes(OTHER_ACTORS_LANE)) {
    if (lanes.laneActors.length) {
      any.push(`empty(actor_ids) OR arrayExists(other_actor -> NOT has(${LANE_ACTORS}, other_actor), actor_ids)`);
      external.push(lanesTable(lanes.laneActors));
    } else any.push('1');
  }
  return { where: [any.length ? `(${any.join(' OR ')})` : '0'], external };
}

function withLanes(query: ViewQuery, lanes: LaneSubset): Conditions {
  const filters = filterConditions(query.filters);
  const inLanes = laneConditions(lanes);
  return { where: [...filters.where, ...inLanes.where], external: [...filters.external, ...inLanes.external] };
}

/** Events in the window passing the filters, of `lanes` only. */
export function laneCountQuery(query: ViewQuery, lanes: LaneSubset): BuiltQuery {
  const conditions = withLanes(query, lanes);
  return built(`SELECT count() AS n FROM events WHERE ${where([IN_WINDOW, ...conditions.where])} FORMAT JSONEachRow`, query, conditions);
}

/** A page of the window's events of `lanes` only, in time order (as eventsPageQuery). */
export function laneEventsPageQuery(query: ViewQuery, lanes: LaneSubset, offset: number, limit: number): BuiltQuery {
  return pageQuery(query, withLanes(query, lanes), [], offset, limit);
}

// Lanes by place (placeLaneKey: an area, or a country alone) and the map.

/** The areas with a lane of their own, as an external table. */
const placeLanesTable = (places: readonly string[]): ExternalTable => ({ name: '_place_lanes', structure: 'lane_place String', rows: places.map((p) => [p]) });

/** Per lane by place ('': no place), the events passing the filters, all time: how lanes by place rank them. */
export function placeRankingQuery(query: SearchedView): BuiltQuery {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  return built(`SELECT place_lane AS ranked_place, count() AS n FROM events WHERE ${where(conditions.where)} GROUP BY ranked_place FORMAT JSONEachRow`, query, conditions);
}

/**
 * Counts per bin of the lanes by place: of each place of `places` (`other` false), or else of the
 * lanes '*' (another place) and '' (no place) (`other` true). Two queries, as for actors: 18.16
 * cannot read the places' list in a SELECT expression on a Distributed table.
 */
export function placeBinsQuery(query: SearchedView, bins: number, places: readonly string[], other: boolean): BuiltQuery {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  const sql = other
    ? binnedSql("if(place_lane = '', '', '*')", '', [...conditions.where, ...(places.length ? ['place_lane NOT IN (SELECT lane_place FROM _place_lanes)'] : [])])
    : binnedSql('place_lane', '', [...conditions.where, 'place_lane IN (SELECT lane_place FROM _place_lanes)']);
  return { sql, external: [viewTable(query, { bins }), ...conditions.external, ...(places.length ? [placeLanesTable(places)] : [])] };
}

function mapConditions(query: SearchedView, map: MapRequest): Conditions {
  const conditions = filterConditions(query.filters, undefined, query.matches);
  return { where: [IN_WINDOW, ...conditions.where, boxCondition('_map')], external: [...conditions.external, boxTable('_map', map.view, mapCellCount(map))] };
}

/** Events in the map's view. */
export function mapCountQuery(query: SearchedView, map: MapRequest): BuiltQuery {
  const conditions = mapConditions(query, map);
  return built(`SELECT count() AS n FROM events WHERE ${where(conditions.where)} FORMAT JSONEachRow`, query, conditions);
}

/** The events in the map's view, in time order, MAP_POINT_LIMIT at most (a constant of this text). */
export function mapPointsQuery(query: SearchedView, map: MapRequest): BuiltQuery {
  const conditions = mapConditions(query, map);
  return built(`SELECT id, lon, lat, type, geo_precision, title FROM events WHERE ${where(conditions.where)} ORDER BY row LIMIT ${MAP_POINT_LIMIT} FORMAT JSONEachRow`, query, conditions);
}

/**
 * Per cell of the map's grid and type, the events in the view: mercatorCell's cell, the same
 * double operations in the same order as the page and DuckDB. The grid's size is read from a
 * CROSS JOIN with _map (see binnedSql: not a scalar subquery in a SELECT expression).
 */
export function mapCellsQuery(query: SearchedView, map: MapRequest): BuiltQuery {
  const conditions = mapConditions(query, map);
  const lat = `greatest(-${MAX_MERCATOR_LAT}, least(${MAX_MERCATOR_LAT}, lat))`;
  const y = `(1 - log(tan(pi() / 4 + (${lat} * pi() / 180) / 2)) / pi()) / 2`;
  const sql =
    `SELECT least(map_cells - 1, floor((lon + 180) / 360 * map_cells)) AS cell_col, least(map_cells - 1, floor(${y} * map_cells)) AS cell_row, type, count() AS n ` +
    `FROM events CROSS JOIN (SELECT map_cells FROM _map) WHERE ${where(conditions.where)} GROUP BY cell_col, cell_row, type FORMAT JSONEachRow`;
  return built(sql, query, conditions);
}
