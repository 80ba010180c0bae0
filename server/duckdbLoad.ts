// Writes a dataset to a DuckDB database file with the Appender: the rows the app's own table code
// makes (eventRowsOf), so that time order, anchors, places and search text are the app's.
import { existsSync } from 'node:fs';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, type DuckDBConnection, INTEGER, LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Dataset, DatasetInfo } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { datasetInfoOf, eventRowsOf } from './eventRows.ts';

/** Written into dataset_info.format: a database with another value (or none) is not ours. */
export const DATABASE_FORMAT = 'conflict-timeline-duckdb-5';

/**
 * The formats written before, which the server no longer reads (format 3 added the events'
 * coordinates; format 4 the counts per window and actor set that counts and actor lanes read;
 * format 5 the words' counts and the events' facts that a search reads).
 */
export const OLDER_DATABASE_FORMATS: readonly string[] = ['conflict-timeline-duckdb-1', 'conflict-timeline-duckdb-2', 'conflict-timeline-duckdb-3', 'conflict-timeline-duckdb-4'];

/** The tables the rows are appended to. */
export const ROWS_SCHEMA_SQL = `
CREATE TABLE events (
  row INTEGER NOT NULL, id VARCHAR NOT NULL, type VARCHAR NOT NULL, start_ms DOUBLE NOT NULL, end_ms DOUBLE,
  country VARCHAR, place_keys VARCHAR[] NOT NULL, search VARCHAR NOT NULL, title VARCHAR NOT NULL,
  language VARCHAR NOT NULL, json VARCHAR NOT NULL,
  lon DOUBLE, lat DOUBLE, geo_precision VARCHAR, place_lane VARCHAR
);
CREATE TABLE event_actors (row INTEGER NOT NULL, actor VARCHAR NOT NULL, roles INTEGER NOT NULL, position INTEGER NOT NULL);
`;

export const SCHEMA_SQL = `${ROWS_SCHEMA_SQL}
CREATE TABLE dataset_info (format VARCHAR NOT NULL, dataset VARCHAR NOT NULL, reports VARCHAR NOT NULL);
`;

/** Each row's set of actors: sorted and distinct, so that equal sets are equal lists. */
const ROW_ACTOR_SETS = 'SELECT row, list_sort(list_distinct(list(actor))) AS actors FROM event_actors GROUP BY row';

/** Each row's cast: its actors in order, with their roles there (as event_actors lists them). */
const ROW_CASTS = "SELECT row, list({'actor': actor, 'roles': roles} ORDER BY position) AS members FROM event_actors GROUP BY row";
const NO_CAST = '[]::STRUCT(actor VARCHAR, roles INTEGER)[]';

/**
 * Tables made from the rows once they are all in, for the queries that would otherwise read every
 * row:
 * - `words`: the word index of the app's search (src/table/wordIndex.ts), each distinct word of the
 *   rows' search text (the text split at spaces, as the app splits it) with the rows that hold it.
 *   A query word (it has no spaces) occurs in a row's text exactly when it occurs inside one of
 *   the row's words, so a search reads the distinct words and the rows of those that match, not
 *   every row's text.
 * - `word_counts`: each word's number of rows, without the rows: a search finds its words and how
 *   many rows each holds from it (reading `words` reads every word's rows list), so that a query
 *   word held by every row is no filter at all and the others are read rarest first.
 * - `start_counts`: the events per type and start anchor, and `actor_start_counts` per actor, its
 *   roles there (all its roles in the event, or-ed) and the same: bins by type need only the
 *   anchors, so a view with no filter but types, or one actor, reads one row per type and
 *   distinct start (a day, in data of days) instead of one per event. The bin of an anchor is
 *   worked out exactly as for each of its events.
 * - `actor_totals`: per actor (NULL: the events without one) and type, the events of all time, as
 *   actorLanes ranks them when no filter but the type filter is set.
 * - `span_counts` and `actor_span_counts`: as start_counts and actor_start_counts, by start and
 *   last anchor (the end, or the start of an instant): counts take the events that overlap the
 *   window (start ≤ to, last ≥ from), which the start alone cannot tell. The tables per actor
 *   here are in time order, so that a window reads its row groups only (in actor order, every
 *   row group spans all time; and a zone map of the actors' names is of little use when they
 *   share a long prefix: one actor's counts read 23 ms at 1M, against 3 ms in time order).
 * - `actor_sets`: each distinct set of actors of an event (sorted; [] for none) and a number;
 *   `actor_set_members` its actors, a row each with the set's size; `set_start_counts`: the
 *   events per set, type and start. "Other actors" holds an event with an actor outside the
 *   lanes, which counts per actor cannot tell: the sets inside the lanes are found from the
 *   lanes' actors' rows of actor_set_members (a set is inside when all its members are), then
 *   the counts of the other sets summed (a list test on each count's row took 0.9 s at 1M).
 *   `actor_set_start_counts`: the same per actor of the set and its roles there, for actor
 *   lanes with one actor as filter.
 * - `casts`: each distinct cast of an event (its actors and their roles there, in order; none for
 *   an event without actors) and a number; `cast_members` its actors and roles, a row each.
 * - `event_facts`: per event, in row order, what a search's counts and lanes read of it: type,
 *   anchors, its set of actors and its cast. A search copies its events' facts in one pass over a
 *   table of numbers, and their actors from the casts' few members, not from event_actors.
 */
export const DERIVED_SQL = `
CREATE TABLE words AS
  SELECT word, list(row ORDER BY row) AS rows
  FROM (SELECT row, unnest(list_distinct(string_split(search, ' '))) AS word FROM events)
  WHERE word <> '' GROUP BY word ORDER BY word;
CREATE TABLE word_counts AS
  SELECT word, len(rows)::INTEGER AS n FROM words ORDER BY word;
CREATE TABLE start_counts AS
  SELECT type, start_ms, count(*)::INTEGER AS n FROM events GROUP BY type, start_ms ORDER BY start_ms;
CREATE TABLE actor_start_counts AS
  SELECT a.actor AS actor, a.roles AS roles, e.type AS type, e.start_ms AS start_ms, count(*)::INTEGER AS n
  FROM (SELECT row, actor, bit_or(roles) AS roles FROM event_actors GROUP BY row, actor) a JOIN events e ON e.row = a.row
  GROUP BY a.actor, a.roles, e.type, e.start_ms ORDER BY a.actor, e.start_ms;
CREATE TABLE actor_totals AS
  SELECT a.actor AS actor, e.type AS type, count(*)::INTEGER AS n FROM events e JOIN event_actors a ON a.row = e.row GROUP BY a.actor, e.type
  UNION ALL
  SELECT NULL AS actor, e.type AS type, count(*)::INTEGER AS n FROM events e WHERE e.row NOT IN (SELECT row FROM event_actors) GROUP BY e.type;
CREATE TABLE span_counts AS
  SELECT type, start_ms, coalesce(end_ms, start_ms) AS last_ms, count(*)::INTEGER AS n FROM events GROUP BY type, start_ms, last_ms ORDER BY start_ms;
CREATE TABLE actor_span_counts AS
  SELECT a.actor AS actor, a.roles AS roles, e.type AS type, e.start_ms AS start_ms, coalesce(e.end_ms, e.start_ms) AS last_ms, count(*)::INTEGER AS n
  FROM (SELECT row, actor, bit_or(roles) AS roles FROM event_actors GROUP BY row, actor) a JOIN events e ON e.row = a.row
  GROUP BY a.actor, a.roles, e.type, e.start_ms, last_ms ORDER BY e.start_ms, a.actor;
CREATE TABLE actor_sets AS
  SELECT (row_number() OVER (ORDER BY actors) - 1)::INTEGER AS set_id, actors
  FROM (SELECT DISTINCT coalesce(s.actors, []::VARCHAR[]) AS actors FROM events e LEFT JOIN (${ROW_ACTOR_SETS}) s ON s.row = e.row);
CREATE TABLE actor_set_members AS
  SELECT actor, set_id, size FROM (SELECT set_id, len(actors)::INTEGER AS size, unnest(actors) AS actor FROM actor_sets) ORDER BY actor, set_id;
CREATE TABLE casts AS
  SELECT (row_number() OVER (ORDER BY members) - 1)::INTEGER AS cast_id, members
  FROM (SELECT DISTINCT coalesce(c.members, ${NO_CAST}) AS members FROM events e LEFT JOIN (${ROW_CASTS}) c ON c.row = e.row);
CREATE TABLE cast_members AS
  SELECT cast_id, m.actor AS actor, m.roles AS roles FROM (SELECT cast_id, unnest(members) AS m FROM casts) ORDER BY cast_id;
CREATE TABLE event_facts AS
  SELECT e.row AS row, e.type AS type, e.start_ms AS start_ms, e.end_ms AS end_ms, x.set_id AS set_id, k.cast_id AS cast_id
  FROM events e LEFT JOIN (${ROW_CASTS}) c ON c.row = e.row
  JOIN casts k ON k.members = coalesce(c.members, ${NO_CAST})
  JOIN actor_sets x ON x.actors = list_sort(list_distinct(list_transform(k.members, m -> m.actor)))
  ORDER BY e.row;
CREATE TABLE set_start_counts AS
  SELECT x.set_id AS set_id, e.type AS type, e.start_ms AS start_ms, count(*)::INTEGER AS n
  FROM events e LEFT JOIN (${ROW_ACTOR_SETS}) s ON s.row = e.row JOIN actor_sets x ON x.actors = coalesce(s.actors, []::VARCHAR[])
  GROUP BY x.set_id, e.type, e.start_ms ORDER BY e.start_ms;
CREATE TABLE actor_set_start_counts AS
  SELECT a.actor AS actor, a.roles AS roles, x.set_id AS set_id, e.type AS type, e.start_ms AS start_ms, count(*)::INTEGER AS n
  FROM (SELECT row, actor, bit_or(roles) AS roles FROM event_actors GROUP BY row, actor) a
  JOIN (${ROW_ACTOR_SETS}) s ON s.row = a.row JOIN actor_sets x ON x.actors = s.actors JOIN events e ON e.row = a.row
  GROUP BY a.actor, a.roles, x.set_id, e.type, e.start_ms ORDER BY e.start_ms, a.actor;
`;

const EVENT_COLUMN_TYPES: readonly DuckDBType[] = [INTEGER, VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR, LIST(VARCHAR), VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR, VARCHAR];
const ACTOR_COLUMN_TYPES: readonly DuckDBType[] = [INTEGER, VARCHAR, INTEGER, INTEGER];
/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/** Rows gathered by column and handed on a full chunk at a time. */
function createBatch(types: readonly DuckDBType[], append: (chunk: DuckDBDataChunk) => void) {
  let columns: DuckDBValue[][] = types.map(() => []);
  const flush = () => {
    if (!columns[0]!.length) return;
    const chunk = DuckDBDataChunk.create(types, columns[0]!.length);
    chunk.setColumns(columns);
    append(chunk);
    columns = types.map(() => []);
  };
  return {
    add(values: readonly DuckDBValue[]) {
      values.forEach((value, i) => columns[i]!.push(value));
      if (columns[0]!.length === CHUNK_ROWS) flush();
    },
    flush,
  };
}

/**
 * Appends the rows the app's table makes of `dataset` to `events` and `event_actors`, numbered
 * from `firstRow` (a part of a larger load: see mergeDuckDbParts).
 */
export async function appendEventRows(connection: DuckDBConnection, dataset: Pick<Dataset, 'events' | 'actors'>, firstRow = 0): Promise<void> {
  const rows = eventRowsOf(dataset);
  const events = await connection.createAppender('events');
  const actors = await connection.createAppender('event_actors');
  // A chunk of rows at a time: one call into DuckDB per column and chunk, not per value
  // (100k generated ACLED events written in 3.6 s instead of 4.6 s on 2 cores).
  const eventBatch = createBatch(EVENT_COLUMN_TYPES, (chunk) => events.appendDataChunk(chunk));
  const actorBatch = createBatch(ACTOR_COLUMN_TYPES, (chunk) => actors.appendDataChunk(chunk));
  for (let row = 0; row < rows.table.size; row++) {
    const e = rows.eventRow(row);
    eventBatch.add([firstRow + e.row, e.id, e.type, e.start, e.end, e.country, listValue(e.placeKeys), e.search, e.title, e.language, e.json, e.lon, e.lat, e.precision, e.placeLane]);
    rows.actorRows(row).forEach((a, position) => actorBatch.add([firstRow + a.row, a.actor, a.roles, position]));
  }
  eventBatch.flush();
  actorBatch.flush();
  events.closeSync();
  actors.closeSync();
}

async function finish(connection: DuckDBConnection, info: DatasetInfo, reports: readonly ImportReport[]): Promise<void> {
  await connection.run(DERIVED_SQL);
  await connection.run('INSERT INTO dataset_info VALUES ($1, $2, $3)', [DATABASE_FORMAT, JSON.stringify(info), JSON.stringify(reports)]);
  await connection.run('CHECKPOINT');
}

/** Creates the database at `path` (which must not exist yet) and closes it. */
export async function createDuckDbDatabase(dataset: Dataset, path: string, reports: readonly ImportReport[] = []): Promise<void> {
  await withNewDatabase(path, async (connection) => {
    await appendEventRows(connection, dataset);
    await finish(connection, datasetInfoOf(dataset), reports);
  });
}

/** Creates the database at `path` (which must not exist yet) with the schema, runs `fill` on it, and closes it. */
async function withNewDatabase(path: string, fill: (connection: DuckDBConnection) => Promise<void>): Promise<void> {
  if (existsSync(path)) throw new Error(`${path} exists already`);
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    try {
      await connection.run(SCHEMA_SQL);
      await fill(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Creates the database at `path` from parts written apart (in parallel: each a DuckDB file of
 * ROWS_SCHEMA_SQL's tables, filled with appendEventRows from a part of the events, rows numbered
 * uniquely within the part). The rows are numbered again in the app's time order: start anchor,
 * then id (DuckDB compares the ids' UTF-8 bytes, which order as the app's UTF-16 \`<\` does for
 * ids without characters beyond U+FFFF). `info` is the merged dataset's fields.
 */
export async function mergeDuckDbParts(parts: readonly string[], path: string, info: DatasetInfo, reports: readonly ImportReport[] = []): Promise<void> {
  await withNewDatabase(path, async (connection) => {
    // Each part attached under a name of ours (p0, p1…), its path quoted by sqlString.
    for (const [i, part] of parts.entries()) await connection.run(`ATTACH ${sqlString(part)} AS p${i} (READ_ONLY)`);
    const all = (table: string) => parts.map((_, i) => `SELECT ${i} AS part, * FROM p${i}.${table}`).join(' UNION ALL ');
    await connection.run(
      `CREATE TEMP TABLE numbering AS SELECT part, row AS local_row, (row_number() OVER (ORDER BY start_ms, id) - 1)::INTEGER AS row FROM (${parts.map((_, i) => `SELECT ${i} AS part, row, start_ms, id FROM p${i}.events`).join(' UNION ALL ')})`,
    );
    await connection.run(
      `INSERT INTO events SELECT n.row, s.id, s.type, s.start_ms, s.end_ms, s.country, s.place_keys, s.search, s.title, s.language, s.json, s.lon, s.lat, s.geo_precision, s.place_lane
       FROM (${all('events')}) s JOIN numbering n ON n.part = s.part AND n.local_row = s.row ORDER BY n.row`,
    );
    await connection.run(
      `INSERT INTO event_actors SELECT n.row, a.actor, a.roles, a.position
       FROM (${all('event_actors')}) a JOIN numbering n ON n.part = a.part AND n.local_row = a.row ORDER BY n.row, a.position`,
    );
    for (const [i] of parts.entries()) await connection.run(`DETACH p${i}`);
    await finish(connection, info, reports);
  });
}

/** A path as an SQL string literal (ATTACH takes no parameter): quotes doubled; only our own temporary paths come here. */
function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
