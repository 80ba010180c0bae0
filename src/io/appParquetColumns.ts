// The app's Parquet schema: one row per event, in columns that DuckDB, pandas and R read without
// help (strings, doubles, int32, UTC timestamps, lists of strings). What has no plain column
// (counts, claims, sources, relations; the text in every language) is JSON text. Pure: no
// Parquet library here, so the writer and the reader each load only their own half.
import type { SchemaElement } from 'hyparquet-writer';
import type { Actor, ActorRef, ConflictEvent, DatasetInfo, LocalizedText, Place, TimeValue } from '../model/schema.ts';

/** The key of the file's key-value metadata that holds the dataset's own fields as JSON. */
export const APP_PARQUET_METADATA_KEY = 'conflict_timeline';
/** What that metadata's `format` says, and the version of this schema. */
export const APP_PARQUET_FORMAT = 'conflict-timeline-parquet';
export const APP_PARQUET_VERSION = 1;

type Leaf = 'STRING' | 'INT32' | 'DOUBLE' | 'TIMESTAMP';

interface ColumnSpec {
  name: string;
  type: Leaf;
  required?: boolean;
  /** A list of values of `type` (a 3-level Parquet LIST, which every reader knows). */
  list?: boolean;
}

/** The columns, in the file's order. README "Parquet" describes each; keep them in step. */
export const APP_PARQUET_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'STRING', required: true },
  { name: 'type', type: 'STRING', required: true },
  { name: 'start', type: 'TIMESTAMP', required: true },
  { name: 'start_offset', type: 'INT32', required: true },
  { name: 'start_tz', type: 'STRING', required: true },
  { name: 'start_precision', type: 'STRING', required: true },
  { name: 'start_day_part', type: 'STRING' },
  { name: 'end', type: 'TIMESTAMP' },
  { name: 'end_offset', type: 'INT32' },
  { name: 'end_tz', type: 'STRING' },
  { name: 'end_precision', type: 'STRING' },
  { name: 'end_day_part', type: 'STRING' },
  { name: 'language', type: 'STRING', required: true },
  { name: 'title', type: 'STRING', required: true },
  { name: 'title_i18n', type: 'STRING' },
  { name: 'description', type: 'STRING' },
  { name: 'description_i18n', type: 'STRING' },
  { name: 'actor_ids', type: 'STRING', list: true },
  { name: 'actor_roles', type: 'STRING', list: true },
  { name: 'actor_names', type: 'STRING', list: true },
  { name: 'actor_sides', type: 'INT32', list: true },
  { name: 'place_name', type: 'STRING' },
  { name: 'place_name_i18n', type: 'STRING' },
  { name: 'country', type: 'STRING' },
  { name: 'admin', type: 'STRING', list: true },
  { name: 'latitude', type: 'DOUBLE' },
  { name: 'longitude', type: 'DOUBLE' },
  { name: 'geo_precision', type: 'STRING' },
  { name: 'counts', type: 'STRING' },
  { name: 'claims', type: 'STRING' },
  { name: 'sources', type: 'STRING' },
  { name: 'source_publishers', type: 'STRING', list: true },
  { name: 'relations', type: 'STRING' },
  { name: 'tags', type: 'STRING', list: true },
  { name: 'extra', type: 'STRING' },
];

/** Columns written for other tools only: the reader has what they hold elsewhere (the sources' JSON), and skips them. */
const FOR_OTHER_TOOLS = new Set(['source_publishers']);

/** The columns the reader reads, of those a file has. */
export const readColumnsOf = (names: readonly string[]): string[] => names.filter((name) => !FOR_OTHER_TOOLS.has(name));

/** The columns a file must have to be read as the app's Parquet. */
const REQUIRED_NAMES = APP_PARQUET_COLUMNS.filter((c) => c.required).map((c) => c.name);

/** Whether a Parquet (or Arrow) file's column names are the app's schema's. */
export function isAppParquetColumns(names: readonly string[]): boolean {
  const have = new Set(names);
  return REQUIRED_NAMES.every((name) => have.has(name));
}

function leafElement(name: string, type: Leaf, repetition: 'REQUIRED' | 'OPTIONAL'): SchemaElement {
  const base = { name, repetition_type: repetition } as const;
  if (type === 'STRING') return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
  if (type === 'INT32') return { ...base, type: 'INT32' };
  if (type === 'DOUBLE') return { ...base, type: 'DOUBLE' };
  // An instant, not a wall-clock time: readers take it as UTC (DuckDB: TIMESTAMP WITH TIME ZONE).
  return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } };
}

/** The Parquet schema, flattened as hyparquet-writer takes it. */
export function appParquetSchema(): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: 'root', num_children: APP_PARQUET_COLUMNS.length }];
  for (const column of APP_PARQUET_COLUMNS) {
    if (!column.list) {
      schema.push(leafElement(column.name, column.type, column.required ? 'REQUIRED' : 'OPTIONAL'));
      continue;
    }
    schema.push(
      { name: column.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      leafElement('element', column.type, 'OPTIONAL'),
    );
  }
  return schema;
}

/** One row: column name → value (null where the event has none). */
export type AppParquetRow = Record<string, unknown>;

const OFFSET = /(Z|([+-])(\d{2}):(\d{2}))$/;

/** The offset an instant is written in, in minutes east of UTC. */
export function offsetMinutes(at: string): number {
  const match = OFFSET.exec(at);
  if (!match || match[1] === 'Z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === '-' ? -minutes : minutes;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant written in the given offset: 2022-09-14T20:00:00+04:00 (milliseconds only when there are some). */
export function instantInOffset(utcMillis: number, offset: number): string {
  const local = new Date(utcMillis + offset * 60_000);
  const ms = local.getUTCMilliseconds();
  const year = local.getUTCFullYear();
  const date = `${year < 0 ? '-' : ''}${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The text in the language it was written in, else in the first language it has. */
function originalText(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}

/**
 * A text's JSON in every language, or null when it has only the event's own language: the plain
 * column holds it then, and the reader gives it back from that. Most events have one language,
 * and writing their text twice made the file a third larger and slower to read.
 */
function textInEveryLanguage(text: LocalizedText, language: string, jsonOf: (value: object) => string): string | null {
  let only = true;
  for (const key in text) if (key !== language) only = false;
  return only && text[language] !== undefined ? null : jsonOf(text);
}

/** What an actor is called in the columns: its registry name in English, else its first. */
function registryName(actor: Actor | undefined): string | undefined {
  return actor ? (actor.names.en ?? Object.values(actor.names)[0]) : undefined;
}

const json = (value: unknown) => JSON.stringify(value);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== null && v !== undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A row's `extra` that cannot be read: it would hold fields the columns do not, so the row is rejected. */
export function extraProblem(row: AppParquetRow): [string, string] | null {
  return present(row.extra) && !isObject(parsedJson(row.extra)) ? ['extra', 'is not a JSON object'] : null;
}

/** JSON text read back; text that is not JSON is left as it is, for the validator to reject. */
function parsedJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A timestamp cell as UTC milliseconds: readers give a Date, or a number or bigint of milliseconds. */
function utcMillis(cell: unknown): number | null {
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'number') return cell;
  return null;
}

function timeFrom(row: AppParquetRow, prefix: 'start' | 'end'): Record<string, unknown> | undefined {
  const millis = utcMillis(row[prefix]);
  if (millis === null) return prefix === 'start' ? {} : undefined;
  const offset = Number(row[`${prefix}_offset`] ?? 0);
  const at = Number.isFinite(millis) && Number.isInteger(offset) ? instantInOffset(millis, offset) : String(row[prefix]);
  const dayPart = row[`${prefix}_day_part`];
  return { at, precision: row[`${prefix}_precision`], tz: row[`${prefix}_tz`], ...(present(dayPart) ? { dayPart } : {}) };
}

/** One actor reference from its cells. A name that is the registry's was not the source's own (see actorsPart). */
function actorRefFrom(actor: unknown, role: unknown, name: unknown, side: unknown, actorsById: ReadonlyMap<string, Actor>): Partial<ActorRef> {
  const sourceName = present(name) && name !== registryName(actorsById.get(String(actor))) ? { name } : {};
  return { actor, role, ...sourceName, ...(present(side) ? { side: Number(side) } : {}) } as Partial<ActorRef>;
}

function actorRefsFrom(row: AppParquetRow, actorsById: ReadonlyMap<string, Actor>): Partial<ActorRef>[] {
  const roles = list(row.actor_roles);
  const names = list(row.actor_names);
  const sides = list(row.actor_sides);
  return list(row.actor_ids).map((actor, i) => actorRefFrom(actor, roles[i], names[i], sides[i], actorsById));
}

/** The place from its cells; `name`: its name already known (the writer's check), not parsed again. */
function placeFrom(row: AppParquetRow, knownName?: unknown): Record<string, unknown> | undefined {
  if (!present(row.place_name_i18n) && !present(row.place_name) && !present(row.country)) return undefined;
  const name = knownName ?? (present(row.place_name_i18n) ? parsedJson(row.place_name_i18n) : { [String(row.language)]: row.place_name });
  return {
    name,
    country: row.country,
    ...(present(row.latitude) ? { lat: row.latitude } : {}),
    ...(present(row.longitude) ? { lon: row.longitude } : {}),
    ...(present(row.geo_precision) ? { precision: row.geo_precision } : {}),
    ...(present(row.admin) ? { admin: row.admin } : {}),
  };
}

function textFrom(row: AppParquetRow, column: 'title' | 'description'): unknown {
  const all = row[`${column}_i18n`];
  if (present(all)) return parsedJson(all);
  return present(row[column]) ? { [String(row.language)]: row[column] } : undefined;
}

/**
 * The event a row holds, as a candidate for the validator (acceptEvent): built from the columns,
 * then whatever `extra` holds put over it. Nothing is checked here. The reader packs most rows
 * from the columns without it (appParquetPacked.ts); this is the way for the rest, and their rule.
 */
export function eventFromRow(row: AppParquetRow, actorsById: ReadonlyMap<string, Actor>): Record<string, unknown> {
  const description = textFrom(row, 'description');
  const end = timeFrom(row, 'end');
  const place = placeFrom(row);
  const event: Record<string, unknown> = {
    id: row.id,
    type: row.type,
    title: textFrom(row, 'title'),
    ...(description !== undefined ? { description } : {}),
    originalLanguage: row.language,
    start: timeFrom(row, 'start'),
    ...(end ? { end } : {}),
    actors: actorRefsFrom(row, actorsById),
    ...(place ? { place } : {}),
    counts: parsedJson(row.counts ?? '[]'),
    claims: parsedJson(row.claims ?? '[]'),
    sources: parsedJson(row.sources ?? '[]'),
    relations: parsedJson(row.relations ?? '[]'),
    tags: present(row.tags) ? row.tags : [],
  };
  const extra = parsedJson(row.extra);
  if (isObject(extra)) {
    // null: the field is absent from the event though the columns would give it one.
    for (const [key, value] of Object.entries(extra)) {
      if (value === null) delete event[key];
      else event[key] = value;
    }
  }
  return event;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** Fields whose columns hold them as they are: text, or the JSON of the whole value. */
const WRITTEN_WHOLE = new Set(['id', 'type', 'title', 'description', 'originalLanguage', 'counts', 'claims', 'sources', 'relations', 'tags']);

/** Some of a row's cells, and whether the reader rebuilds the field they come from exactly. */
interface Part {
  cells: AppParquetRow;
  exact: boolean;
}

function timePart(prefix: 'start' | 'end', time: TimeValue | undefined): Part {
  const cells = {
    [prefix]: time ? new Date(Date.parse(time.at)) : null,
    [`${prefix}_offset`]: time ? offsetMinutes(time.at) : null,
    [`${prefix}_tz`]: time?.tz ?? null,
    [`${prefix}_precision`]: time?.precision ?? null,
    [`${prefix}_day_part`]: time?.dayPart ?? null,
  };
  return { cells, exact: sameValue(time, timeFrom(cells, prefix)) };
}

function actorsPart(actors: readonly ActorRef[], actorsById: ReadonlyMap<string, Actor>, refExact: (ref: ActorRef, name: unknown, side: unknown) => boolean): Part {
  const cells = {
    actor_ids: actors.map((ref) => ref.actor),
    actor_roles: actors.map((ref) => ref.role),
    // The name the source used, else the registry's: what an analyst wants to read in a table.
    actor_names: actors.map((ref) => ref.name ?? registryName(actorsById.get(ref.actor)) ?? null),
    actor_sides: actors.map((ref) => ref.side ?? null),
  };
  return { cells, exact: actors.every((ref, i) => refExact(ref, cells.actor_names[i], cells.actor_sides[i])) };
}

/** The place's cells but its name in the event's language (place_name), which the event gives. */
function placePart(place: Place | undefined, jsonOf: (value: object) => string): Part {
  const cells = {
    place_name_i18n: place ? jsonOf(place.name) : null,
    country: place?.country ?? null,
    admin: place?.admin ?? null,
    latitude: place?.lat ?? null,
    longitude: place?.lon ?? null,
    geo_precision: place?.precision ?? null,
  };
  return { cells, exact: sameValue(place, placeFrom(cells, place?.name)) };
}

/**
 * Events → rows for one file. Importers share one frozen object per distinct time, place, actor
 * list or source list between thousands of events; such a part's cells are worked out once.
 */
export function createRowEncoder(actorsById: ReadonlyMap<string, Actor>): (event: ConflictEvent) => AppParquetRow {
  const parts = new Map<object, Part>();
  const texts = new Map<object, string>();
  const once = (value: object | undefined, make: () => Part): Part => {
    if (!value || !Object.isFrozen(value)) return make();
    let part = parts.get(value);
    if (!part) parts.set(value, (part = make()));
    return part;
  };
  const jsonOf = (value: object): string => {
    if (!Object.isFrozen(value)) return json(value);
    let text = texts.get(value);
    if (text === undefined) texts.set(value, (text = json(value)));
    return text;
  };
  // Actor references are shared too, where their lists are not (new pairs of actors).
  const exactRefs = new Map<object, boolean>();
  const refExact = (ref: ActorRef, name: unknown, side: unknown): boolean => {
    let exact = exactRefs.get(ref);
    if (exact === undefined) {
      exact = sameValue(ref, actorRefFrom(ref.actor, ref.role, name, side, actorsById));
      if (Object.isFrozen(ref)) exactRefs.set(ref, exact);
    }
    return exact;
  };
  const rebuilt = (event: ConflictEvent): Record<string, Part> => ({
    start: once(event.start, () => timePart('start', event.start)),
    end: once(event.end, () => timePart('end', event.end)),
    actors: once(event.actors, () => actorsPart(event.actors, actorsById, refExact)),
    place: once(event.place, () => placePart(event.place, jsonOf)),
  });
  return (event) => {
    const built = rebuilt(event);
    // Any field the columns do not give back exactly (an instant written without seconds, a
    // source name that is the registry's), or do not know, goes whole into `extra`: nothing is lost.
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(event)) {
      if (value === undefined || WRITTEN_WHOLE.has(key)) continue;
      if (!built[key]?.exact) extra[key] = value;
    }
    const language = event.originalLanguage;
    return {
      id: event.id,
      type: event.type,
      ...built.start!.cells,
      ...built.end!.cells,
      language,
      title: originalText(event.title, language),
      title_i18n: textInEveryLanguage(event.title, language, jsonOf),
      description: event.description ? originalText(event.description, language) : null,
      description_i18n: event.description ? textInEveryLanguage(event.description, language, jsonOf) : null,
      ...built.actors!.cells,
      place_name: event.place ? originalText(event.place.name, language) : null,
      ...built.place!.cells,
      counts: jsonOf(event.counts),
      claims: jsonOf(event.claims),
      sources: jsonOf(event.sources),
      source_publishers: event.sources.map((source) => source.publisher),
      relations: jsonOf(event.relations),
      tags: event.tags,
      extra: Object.keys(extra).length ? json(extra) : null,
    };
  };
}

/** The dataset's own fields, as the file's key-value metadata holds them. */
export interface AppParquetMetadata extends DatasetInfo {
  format: typeof APP_PARQUET_FORMAT;
  version: number;
}

/**
 * The metadata's JSON: the dataset's own fields, named one by one so that nothing else an object
 * holds (its events) goes in. `$schema` is left out: it points to a JSON schema beside a JSON file.
 */
export function appParquetMetadata(info: DatasetInfo): string {
  const metadata: AppParquetMetadata = {
    format: APP_PARQUET_FORMAT,
    version: APP_PARQUET_VERSION,
    title: info.title,
    ...(info.description !== undefined ? { description: info.description } : {}),
    attribution: info.attribution,
    ...(info.license !== undefined ? { license: info.license } : {}),
    actors: info.actors,
  };
  return json(metadata);
}
