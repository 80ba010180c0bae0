// The app's Parquet rows straight into packed events (see packedEvents.ts), read from the row
// group's columns: no row object, no event object, and the schema does not run once per row. A row
// is packed only when nothing the per-row path (eventFromRow, then the JSON importer's checks)
// would do to it could change it or reject it:
// - its id (pattern, not seen before), title and description (trimmed text, one language), type,
//   language, actor references (known actors, roles, sides) and coordinates, read as they are;
// - each distinct time, place name, country, admin list, tag list and JSON part (counts, claims,
//   sources, relations) checked once with the schema's own rule, its strings already clean, and
//   the actors and events it names known; a count's or claim's source within the row's sources.
// Any other row (one with `extra`, text in several languages, a value that fails or would be
// repaired) goes through the per-row path in appParquetRead.ts, which names it in the report as
// today, and its event is kept whole. A test holds both ways to the same events and report.
import type { z } from 'zod';
import { accepts } from '../model/validate.ts';
import { eventSchema, GEO_PRECISIONS, ID_MAX_LENGTH, ID_PATTERN, placeSchema, ROLES, timeSchema, type Actor, type DatasetInfo, type GeoPrecision } from '../model/schema.ts';
import { createPackedWriter } from '../table/packedEvents.ts';
import { instantInOffset } from './appParquetColumns.ts';
import { NONE } from './intern.ts';
import { isClean } from './jsonImport.ts';

/** A row group's columns by name, as hyparquet decodes them; a column the file lacks is absent. */
export type GroupColumns = Record<string, ArrayLike<unknown> | undefined>;

/** The columns a row is packed from. */
const READ = ['actor_ids', 'actor_names', 'actor_roles', 'actor_sides', 'admin', 'claims', 'country', 'counts', 'description', 'description_i18n', 'end', 'end_day_part', 'end_offset', 'end_precision', 'end_tz', 'extra', 'geo_precision', 'id', 'language', 'latitude', 'longitude', 'place_name', 'place_name_i18n', 'relations', 'sources', 'start', 'start_day_part', 'start_offset', 'start_precision', 'start_tz', 'tags', 'title', 'title_i18n', 'type'] as const;

const present = (v: unknown) => v !== null && v !== undefined;
/** Text the importer keeps as it is: the schema's trimmed, non-empty string, with nothing to trim. */
const isCleanText = (v: unknown): v is string => typeof v === 'string' && v !== '' && v === v.trim();
const isCleanString = (v: unknown): v is string => typeof v === 'string' && v === v.trim();

/**
 * A JSON part checked once: the schema's output, its index in `parts` once kept there (-1 before),
 * the rows that have it so far, its length, and the highest source index it names (-1 for none).
 */
interface JsonPart {
  list: Record<string, unknown>[];
  at: number;
  rows: number;
  length: number;
  maxSource: number;
}

/** Values of one kind by a key, each made and checked once; -1 where the check refuses it. */
function keyed<K, T>(make: (key: K) => T | null, keep: (value: T) => number): (key: K) => number {
  const known = new Map<K, number>();
  return (key) => {
    let at = known.get(key);
    if (at === undefined) {
      const value = make(key);
      known.set(key, (at = value === null ? -1 : keep(value)));
    }
    return at;
  };
}

/** JSON text parsed, or undefined where it is not JSON. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A list's entries, one step each: no key is built for a list that is not new. */
interface ListNode {
  at?: number;
  next?: Map<string, ListNode>;
}

/** Lists of clean strings that `rule` takes (admin areas, tags), each kept once by `keep`; -1 for one refused. */
function listParts(rule: (list: unknown) => boolean, keep: (list: string[]) => number): (list: unknown) => number {
  const root: ListNode = {};
  return (list) => {
    if (!Array.isArray(list) || !list.every(isCleanString)) return -1;
    let node = root;
    for (const entry of list as string[]) {
      let next = (node.next ??= new Map()).get(entry);
      if (!next) node.next.set(entry, (next = {}));
      node = next;
    }
    return (node.at ??= rule(list) ? keep(list) : -1);
  };
}

/**
 * Packs the rows of one file. `capacity`: the file's row count; `seen`: the ids kept so far by
 * their row, shared with the per-row path so that a repeated id is found whichever way each row
 * went, or null when the file holds no id twice (a million ids kept in a Map cost more than the rest of a row).
 */
export function createAppRowPacker(info: DatasetInfo, actorIds: ReadonlySet<string>, eventIds: ReadonlySet<string>, seen: Map<string, number> | null, capacity: number) {
  const w = createPackedWriter(capacity);
  const { strings, string: s, keepPart, columns: p } = w;
  const none = keepPart(NONE);
  const registryName = new Map(info.actors.map((a: Actor) => [a.id, a.names.en ?? Object.values(a.names)[0]]));
  const roles = new Set<unknown>(ROLES);

  /** Strings that `rule` takes, by their index in `strings`. */
  const stringsBy = (rule: (v: unknown) => boolean) => keyed((v: unknown) => (rule(v) ? (v as string) : null), s);
  const types = stringsBy(accepts(eventSchema.shape.type));
  // A language named "url" would have its text read as a link (see normaliseStrings).
  const isLanguage = accepts(eventSchema.shape.originalLanguage);
  const languages = stringsBy((v) => v !== 'url' && isLanguage(v));
  const countries = stringsBy(accepts(placeSchema.shape.country));
  const admins = listParts(accepts(placeSchema.shape.admin), keepPart);
  const tagLists = listParts(accepts(eventSchema.shape.tags), keepPart);

  /** Place names from their JSON, as the place's `name` (placeSchema), strings clean. */
  const placeNames = keyed((text: string) => {
    const name = parsed(text);
    const checked = placeSchema.shape.name.safeParse(name);
    return checked.success && isClean(name) ? checked.data : null;
  }, keepPart);

  /** A JSON part from its text (the column's null is "[]", as eventFromRow reads it): the schema's output, strings clean, the actors and events it names known. */
  const jsonParts = (schema: z.ZodType, known: (value: Record<string, unknown>) => boolean) => {
    const byText = new Map<string, JsonPart | null>();
    return (cell: unknown): JsonPart | null => {
      const text = cell ?? '[]';
      if (typeof text !== 'string') return null;
      let part = byText.get(text);
      if (part === undefined) {
        const value = parsed(text);
        const checked = schema.safeParse(value);
        const list = checked.data as Record<string, unknown>[] | undefined;
        part = checked.success && isClean(value) && list!.every(known) ? { list: list!, at: -1, rows: 0, length: list!.length, maxSource: Math.max(-1, ...list!.map((item) => (item.source as number | undefined) ?? -1)) } : null;
        byText.set(text, part);
      }
      return part;
    };
  };
  /** The part's index in `parts`, kept there when first asked for. */
  const partAt = (part: JsonPart) => (part.at < 0 ? (part.at = keepPart(part.list)) : part.at);
  const actor = (id: unknown) => id === undefined || actorIds.has(id as string);
  const counts = jsonParts(eventSchema.shape.counts, (c) => actor(c.claimant) && actor(c.of));
  const claims = jsonParts(eventSchema.shape.claims, (c) => actor(c.claimant) && ((c.disputedBy as string[] | undefined) ?? []).every(actor));
  const sources = jsonParts(eventSchema.shape.sources, () => true);
  const relations = jsonParts(eventSchema.shape.relations, (r) => eventIds.has(r.event as string));

  const isTime = accepts(timeSchema);
  /** Times by their UTC milliseconds, then the rest of their cells: [at, precision, tz, dayPart] as packed, or null where the schema refuses the time. */
  const times = new Map<number, { cells: readonly unknown[]; packed: [number, number, number, number] | null }[]>();
  const timeOf = (millis: unknown, offsetCell: unknown, tz: unknown, precision: unknown, dayPart: unknown) => {
    if (typeof millis !== 'number') return null;
    let known = times.get(millis);
    if (!known) times.set(millis, (known = []));
    for (const time of known) if (time.cells[0] === offsetCell && time.cells[1] === tz && time.cells[2] === precision && time.cells[3] === dayPart) return time.packed;
    const offset = Number(offsetCell ?? 0);
    let packed: [number, number, number, number] | null = null;
    if (Number.isFinite(millis) && Number.isInteger(offset) && isCleanString(tz)) {
      const at = instantInOffset(millis, offset);
      const time = { at, precision, tz, ...(present(dayPart) ? { dayPart } : {}) };
      if (isTime(time)) packed = [s(at), s(precision as string), s(tz), present(dayPart) ? s(dayPart as string) + 1 : 0];
    }
    known.push({ cells: [offsetCell, tz, precision, dayPart], packed });
    return packed;
  };

  /** For one row group: packs its row j (row `row` of the file) as the next event; false, packing nothing, where the per-row path must read it. */
  const packGroup = (c: GroupColumns) => {
    // Each column once, by name (absent: no cells), so that a row reads plain properties.
    const col = Object.fromEntries(READ.map((name) => [name, c[name] ?? NONE])) as Record<(typeof READ)[number], ArrayLike<unknown>>;
    const listAt = (cells: ArrayLike<unknown>, j: number) => (Array.isArray(cells[j]) ? (cells[j] as unknown[]) : NONE);
    return (j: number, row: number): boolean => {
      const eventId = col.id[j];
      if (typeof eventId !== 'string' || eventId.length > ID_MAX_LENGTH || !ID_PATTERN.test(eventId) || seen?.has(eventId)) return false;
      if (present(col.extra[j]) || present(col.title_i18n[j]) || present(col.description_i18n[j])) return false;
      const type = types(col.type[j]);
      const language = languages(col.language[j]);
      const title = col.title[j];
      const description = col.description[j];
      if (type < 0 || language < 0 || !isCleanText(title) || (present(description) && !isCleanText(description))) return false;
      const start = timeOf(col.start[j], col.start_offset[j], col.start_tz[j], col.start_precision[j], col.start_day_part[j]);
      const hasEnd = present(col.end[j]);
      const end = hasEnd ? timeOf(col.end[j], col.end_offset[j], col.end_tz[j], col.end_precision[j], col.end_day_part[j]) : null;
      if (!start || (hasEnd && (!end || (col.end[j] as number) < (col.start[j] as number)))) return false;

      // Actor references as actorRefFrom reads them: the name only where it is not the registry's.
      const ids = listAt(col.actor_ids, j);
      const roleList = listAt(col.actor_roles, j);
      const names = listAt(col.actor_names, j);
      const sides = listAt(col.actor_sides, j);
      for (let r = 0; r < ids.length; r++) {
        const name = names[r];
        const side = sides[r];
        if (!actorIds.has(ids[r] as string) || !roles.has(roleList[r])) return false;
        if (present(name) && name !== registryName.get(ids[r] as string) && !isCleanString(name)) return false;
        if (present(side) && side !== 1 && side !== 2) return false;
      }

      const placed = present(col.place_name_i18n[j]) || present(col.place_name[j]) || present(col.country[j]);
      let placeName = -1;
      let country = -1;
      let admin = 0;
      const lat = col.latitude[j];
      const lon = col.longitude[j];
      const geoPrecision = col.geo_precision[j];
      if (placed) {
        const nameText = col.place_name_i18n[j];
        if (typeof nameText !== 'string') return false;
        placeName = placeNames(nameText);
        country = countries(col.country[j]);
        if (present(col.admin[j]) && (admin = admins(col.admin[j]) + 1) === 0) return false;
        const latOk = !present(lat) || (typeof lat === 'number' && lat >= -90 && lat <= 90);
        const lonOk = !present(lon) || (typeof lon === 'number' && lon >= -180 && lon <= 180);
        if (placeName < 0 || country < 0 || !latOk || !lonOk) return false;
        if (present(geoPrecision) && !GEO_PRECISIONS.includes(geoPrecision as GeoPrecision)) return false;
      }
      const countList = counts(col.counts[j]);
      const claimList = claims(col.claims[j]);
      const sourceList = sources(col.sources[j]);
      const relationList = relations(col.relations[j]);
      const tags = present(col.tags[j]) ? tagLists(col.tags[j]) : none;
      if (!countList || !claimList || !sourceList || !relationList || tags < 0) return false;
      if (countList.maxSource >= sourceList.length || claimList.maxSource >= sourceList.length) return false;

      seen?.set(eventId, row);
      const text = strings[language]!;
      const i = w.startRow(eventId, { [text]: title }, present(description) ? { [text]: description as string } : undefined);
      p.type[i] = type;
      p.originalLanguage[i] = language;
      w.setSpan(i, start, end);
      // The schema's order: a reference's name before its side.
      for (let r = 0; r < ids.length; r++) {
        const name = names[r];
        w.ref(s(ids[r] as string), s(roleList[r] as string), present(name) && name !== registryName.get(ids[r] as string) ? s(name as string) + 1 : 0, (sides[r] as number | null | undefined) ?? 0, 0);
      }
      if (placed) w.setPlace(i, placeName, country, present(lat) ? (lat as number) : undefined, present(lon) ? (lon as number) : undefined, present(geoPrecision) ? (geoPrecision as GeoPrecision) : undefined, admin);
      p.counts[i] = partAt(countList);
      p.claims[i] = partAt(claimList);
      // A list of sources no row before had is most often the row's own (a GED event's articles):
      // kept as its JSON (see sourcesJson), and made a part only when a second row has it.
      if (sourceList.rows++ === 0) w.ownSources(sourceList.list);
      else p.sources[i] = partAt(sourceList);
      p.relations[i] = partAt(relationList);
      p.tags[i] = tags;
      w.endRow();
      return true;
    };
  };

  return { packGroup, keepWhole: w.keepWhole, packed: () => w.done(info) };
}
