// The compact variant of the app's JSON. It was the format for large datasets; Parquet is now (see
// appParquet.ts). A compact file is still written (`npm run import -- --compact`) and read: parsed
// as any JSON, then decoded here into events, which the JSON importer checks one by one.
//
// Events are stored as columns: `events.start[i]` is event i's start, and so on. Every string that
// repeats across events (types, precisions, time zones, offsets, languages, actor ids, roles,
// publishers, dates, tags…) is kept once in `strings`, and columns hold its index there. Titles,
// descriptions and place names are columns per language (`title.en[i]`, null when absent).
// Lists inside an event (actors, sources, counts, tags, place admin areas) are flattened: the rows
// of event i are `offsets[i]` up to `offsets[i + 1]` of their child columns. A time is stored as
// epoch milliseconds plus the offset text it was written with, which rebuilds `at` exactly.
// Whatever the columns cannot hold exactly (claims, relations, day parts, quotes, a time written
// without seconds, a field added to the schema later…) is kept verbatim in the sparse `extra`,
// keyed by event index; those fields replace what the columns give. The round trip is exact.
import { eventSchema, type Actor, type ActorRef, type ConflictEvent, type Count, type Dataset, type Place, type Source, type TimeValue } from '../model/schema.ts';
import { NONE } from './intern.ts';

export const COMPACT_FORMAT = 'conflict-timeline-compact';
export const COMPACT_VERSION = 1;

/** Text columns per language: `title.en[i]` is event i's English title, null when it has none. */
export type CompactText = Record<string, (string | null)[]>;

/**
 * Numbers are indexes into `strings` unless said otherwise; child columns are indexed by row.
 * A column that may hold null is left out when it holds nothing else.
 */
export interface CompactEvents {
  id: string[];
  type: number[];
  title: CompactText;
  description: CompactText;
  originalLanguage: number[];
  /** Epoch milliseconds of `start.at`. */
  start: number[];
  /** The offset text of `start.at` ("+04:00" or "Z"). */
  startOffset: number[];
  startPrecision: number[];
  startTz: number[];
  /** null in all four when the event has no end. */
  end?: (number | null)[];
  endOffset?: (number | null)[];
  endPrecision?: (number | null)[];
  endTz?: (number | null)[];
  placeName: CompactText;
  /** null when the event has no place. */
  placeCountry?: (number | null)[];
  placeLat?: (number | null)[];
  placeLon?: (number | null)[];
  placeAdminOffsets: number[];
  placeAdmin: number[];
  actorOffsets: number[];
  actor: number[];
  actorRole: number[];
  /** 1 or 2, or 0 when the source codes no side. */
  actorSide: number[];
  actorName?: (number | null)[];
  sourceOffsets: number[];
  sourcePublisher: number[];
  sourceUrl?: (number | null)[];
  sourceTitle?: (number | null)[];
  sourceDate?: (number | null)[];
  sourceLanguage: number[];
  countOffsets: number[];
  countKind: number[];
  /** Plain numbers. */
  countValue: number[];
  countQualifier: number[];
  /** Plain numbers. */
  countLow?: (number | null)[];
  countHigh?: (number | null)[];
  countOf?: (number | null)[];
  countClaimant: number[];
  countClaimedOn: number[];
  /** Plain numbers: an index into the event's sources. */
  countSource?: (number | null)[];
  tagOffsets: number[];
  tag: number[];
}

export interface CompactDataset {
  format: typeof COMPACT_FORMAT;
  version: typeof COMPACT_VERSION;
  $schema?: string;
  title: string;
  description?: string;
  attribution: string;
  license?: string;
  actors: Actor[];
  strings: string[];
  events: CompactEvents;
  /** Event index → fields of that event kept verbatim; they replace what the columns give. */
  extra: Record<string, Partial<ConflictEvent>>;
}

export interface CompactProblem {
  path: string;
  message: string;
}

export type CompactDecodeResult = { ok: true; dataset: Dataset } | { ok: false; problems: CompactProblem[] };

export function isCompactDataset(input: unknown): boolean {
  return isObject(input) && input.format === COMPACT_FORMAT;
}

// ---------------------------------------------------------------------------------------------
// Column layout, shared by the encoder and the decoder.

type EventColumn = { [K in keyof CompactEvents]-?: CompactEvents[K] extends CompactText ? never : K }[keyof CompactEvents];
type TextColumn = 'title' | 'description' | 'placeName';

const TEXT_COLUMNS: readonly TextColumn[] = ['title', 'description', 'placeName'];
/** Columns with one entry per event. */
const PER_EVENT: readonly EventColumn[] = [
  'id', 'type', 'originalLanguage', 'start', 'startOffset', 'startPrecision', 'startTz',
  'end', 'endOffset', 'endPrecision', 'endTz', 'placeCountry', 'placeLat', 'placeLon',
];
/** Offsets column (n + 1 entries) → its child columns. */
const CHILD_LISTS: readonly [EventColumn, readonly EventColumn[]][] = [
  ['placeAdminOffsets', ['placeAdmin']],
  ['actorOffsets', ['actor', 'actorRole', 'actorSide', 'actorName']],
  ['sourceOffsets', ['sourcePublisher', 'sourceUrl', 'sourceTitle', 'sourceDate', 'sourceLanguage']],
  ['countOffsets', ['countKind', 'countValue', 'countQualifier', 'countLow', 'countHigh', 'countOf', 'countClaimant', 'countClaimedOn', 'countSource']],
  ['tagOffsets', ['tag']],
];

/** Columns that may hold null, and are left out when they hold nothing else. */
const NULLABLE = new Set<EventColumn>([
  'end', 'endOffset', 'endPrecision', 'endTz', 'placeCountry', 'placeLat', 'placeLon', 'actorName',
  'sourceUrl', 'sourceTitle', 'sourceDate', 'countLow', 'countHigh', 'countOf', 'countSource',
]);

/** Keys the columns can hold, per object; an object with any other key is kept in `extra`. */
const TIME_KEYS = new Set(['at', 'precision', 'tz']);
const PLACE_KEYS = new Set(['name', 'country', 'lat', 'lon', 'admin']);
const ACTOR_REF_KEYS = new Set(['actor', 'role', 'name', 'side']);
const SOURCE_KEYS = new Set(['publisher', 'url', 'title', 'date', 'language']);
const COUNT_KEYS = new Set(['kind', 'value', 'qualifier', 'low', 'high', 'of', 'claimant', 'claimedOn', 'source']);
const COLUMN_EVENT_KEYS = new Set(['id', 'type', 'title', 'description', 'originalLanguage', 'start', 'end', 'place', 'actors', 'sources', 'counts', 'tags']);
/** Event fields `extra` may hold. */
const EVENT_FIELDS = new Set(Object.keys(eventSchema.shape));

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// ---------------------------------------------------------------------------------------------
// Times: `at` rebuilt from epoch ms and the offset text, without Date or regexes.

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const DAY_MS = 86_400_000;

/** "Z" → 0, "+04:00" → 240, "-03:30" → -210; null for anything else. */
function offsetMinutes(text: string): number | null {
  if (text === 'Z') return 0;
  if (text.length !== 6 || text[3] !== ':') return null;
  const sign = text[0] === '+' ? 1 : text[0] === '-' ? -1 : 0;
  const h = digits2(text, 1);
  const m = digits2(text, 4);
  if (sign === 0 || h < 0 || m < 0 || m > 59) return null;
  return sign * (h * 60 + m);
}

function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** 2022-09-14T20:00:00+04:00 from the instant, the offset in minutes and its text (seconds kept, milliseconds dropped). */
export function formatInstant(ms: number, offset: number, offsetText: string): string {
  const local = ms + offset * 60_000;
  const days = Math.floor(local / DAY_MS);
  const seconds = Math.floor((local - days * DAY_MS) / 1000);
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  return `${yyyy}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hh]}:${TWO_DIGITS[mm]}:${TWO_DIGITS[seconds % 60]}${offsetText}`;
}

/** The offset part of an `at` ("Z" or "+04:00"), or null when it has none. */
function offsetTextOf(at: string): string | null {
  if (at.endsWith('Z')) return 'Z';
  const text = at.slice(-6);
  return offsetMinutes(text) === null ? null : text;
}

// ---------------------------------------------------------------------------------------------
// Encoding

export function encodeCompact(dataset: Dataset): CompactDataset {
  const encoder = new Encoder(dataset.events.length);
  dataset.events.forEach((event, i) => encoder.add(event, i));
  return {
    format: COMPACT_FORMAT,
    version: COMPACT_VERSION,
    ...(dataset.$schema !== undefined ? { $schema: dataset.$schema } : {}),
    title: dataset.title,
    ...(dataset.description !== undefined ? { description: dataset.description } : {}),
    attribution: dataset.attribution,
    ...(dataset.license !== undefined ? { license: dataset.license } : {}),
    actors: dataset.actors,
    strings: encoder.strings,
    events: encoder.columns(),
    extra: encoder.extra as Record<string, Partial<ConflictEvent>>,
  };
}

type Columns = { [K in EventColumn]-?: NonNullable<CompactEvents[K]> };

class Encoder {
  readonly strings: string[] = [];
  readonly extra: Record<number, Record<string, unknown>> = {};
  private readonly index = new Map<string, number>();
  /** Language codes seen, checked once each. */
  private readonly languages = new Set<string>();
  private readonly text: Record<TextColumn, Map<string, (string | null)[]>> = { title: new Map(), description: new Map(), placeName: new Map() };
  private readonly c: Columns;

  constructor(private readonly n: number) {
    // Columns with one entry per event are made full size (of nulls): filling them is faster than growing them.
    const columns: [string, unknown[]][] = PER_EVENT.map((name) => [name, new Array<null>(n).fill(null)]);
    for (const [offsets, children] of CHILD_LISTS) columns.push([offsets, [0]], ...children.map((child): [string, unknown[]] => [child, []]));
    // Built in one go: an object given this many properties one by one is slow to read.
    this.c = Object.fromEntries(columns) as unknown as Columns;
  }

  columns(): CompactEvents {
    const text = (name: TextColumn) => Object.fromEntries(this.text[name]);
    const columns: CompactEvents = { ...this.c, title: text('title'), description: text('description'), placeName: text('placeName') };
    for (const name of NULLABLE) if (columns[name]!.every((v) => v === null)) delete columns[name];
    return columns;
  }

  add(event: ConflictEvent, i: number): void {
    const c = this.c;
    c.id[i] = event.id;
    c.type[i] = this.s(event.type);
    c.originalLanguage[i] = this.s(event.originalLanguage);
    if (!this.addText('title', event.title, i)) this.keep(i, 'title', event.title);
    if (event.description !== undefined && !this.addText('description', event.description, i)) this.keep(i, 'description', event.description);
    this.addStart(event.start, i);
    this.addEnd(event.end, i);
    this.addPlace(event.place, i);
    this.addActors(event.actors, i);
    this.addSources(event.sources, i);
    this.addCounts(event.counts, i);
    this.addTags(event.tags, i);
    for (const key in event) {
      const value = (event as Record<string, unknown>)[key];
      if (COLUMN_EVENT_KEYS.has(key) || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0 && (key === 'claims' || key === 'relations')) continue;
      this.keep(i, key, value);
    }
  }

  /** The index of a string in `strings`, adding it the first time. */
  private s(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  private isLanguage(code: string): boolean {
    if (this.languages.has(code)) return true;
    if (!LANGUAGE.test(code)) return false;
    this.languages.add(code);
    return true;
  }

  private optional(value: string | undefined): number | null {
    return value === undefined ? null : this.s(value);
  }

  private keep(i: number, key: string, value: unknown): void {
    if (value === undefined) return;
    (this.extra[i] ??= {})[key] = value;
  }

  /** Writes text in every language to its column; false (nothing written) when the columns cannot hold it. */
  private addText(name: TextColumn, text: Record<string, string>, i: number): boolean {
    if (!isObject(text)) return false;
    const languages = Object.keys(text);
    if (languages.length === 0 || !languages.every((l) => this.isLanguage(l) && typeof text[l] === 'string')) return false;
    for (const language of languages) {
      const columns = this.text[name];
      let column = columns.get(language);
      if (!column) columns.set(language, (column = new Array<string | null>(this.n).fill(null)));
      column[i] = text[language]!;
    }
    return true;
  }

  /** Epoch ms and offset text of a time, and whether they rebuild it exactly. */
  private time(t: TimeValue): { ms: number; offset: number; exact: boolean } {
    const at = typeof t.at === 'string' ? t.at : '';
    const parsed = Date.parse(at);
    const ms = Number.isFinite(parsed) ? parsed : 0;
    const offsetText = offsetTextOf(at);
    const exact =
      offsetText !== null &&
      typeof t.precision === 'string' &&
      typeof t.tz === 'string' &&
      hasOnlyKeys(t, TIME_KEYS) &&
      formatInstant(ms, offsetMinutes(offsetText)!, offsetText) === at;
    return { ms, offset: this.s(offsetText ?? 'Z'), exact };
  }

  private addStart(start: TimeValue, i: number): void {
    const { ms, offset, exact } = this.time(start);
    const c = this.c;
    c.start[i] = ms;
    c.startOffset[i] = offset;
    c.startPrecision[i] = this.s(String(start.precision));
    c.startTz[i] = this.s(String(start.tz));
    if (!exact) this.keep(i, 'start', start);
  }

  private addEnd(end: TimeValue | undefined, i: number): void {
    if (end === undefined) return; // the end columns hold null already
    const c = this.c;
    const { ms, offset, exact } = this.time(end);
    c.end[i] = ms;
    c.endOffset[i] = offset;
    c.endPrecision[i] = this.s(String(end.precision));
    c.endTz[i] = this.s(String(end.tz));
    if (!exact) this.keep(i, 'end', end);
  }

  private addPlace(place: ConflictEvent['place'], i: number): void {
    const c = this.c;
    const admin = place?.admin;
    const fits =
      place !== undefined &&
      hasOnlyKeys(place, PLACE_KEYS) &&
      typeof place.country === 'string' &&
      isOptional(place.lat, 'number') &&
      isOptional(place.lon, 'number') &&
      (admin === undefined || (Array.isArray(admin) && admin.length > 0 && admin.every((a) => typeof a === 'string'))) &&
      this.addText('placeName', place.name, i);
    if (!fits) {
      c.placeAdminOffsets.push(c.placeAdmin.length);
      if (place !== undefined) this.keep(i, 'place', place);
      return;
    }
    c.placeCountry[i] = this.s(place.country);
    c.placeLat[i] = place.lat ?? null;
    c.placeLon[i] = place.lon ?? null;
    if (admin) for (const a of admin) c.placeAdmin.push(this.s(a));
    c.placeAdminOffsets.push(c.placeAdmin.length);
  }

  private addActors(actors: ConflictEvent['actors'], i: number): void {
    const c = this.c;
    const fits = Array.isArray(actors) && actors.every((r) =>
      isObject(r) && hasOnlyKeys(r, ACTOR_REF_KEYS) && typeof r.actor === 'string' && typeof r.role === 'string' &&
      isOptional(r.name, 'string') && (r.side === undefined || r.side === 1 || r.side === 2));
    if (fits) {
      for (const r of actors) {
        c.actor.push(this.s(r.actor));
        c.actorRole.push(this.s(r.role));
        c.actorSide.push(r.side ?? 0);
        c.actorName.push(this.optional(r.name));
      }
    } else this.keep(i, 'actors', actors);
    c.actorOffsets.push(c.actor.length);
  }

  private addSources(sources: ConflictEvent['sources'], i: number): void {
    const c = this.c;
    const fits = Array.isArray(sources) && sources.every((s) =>
      isObject(s) && hasOnlyKeys(s, SOURCE_KEYS) && typeof s.publisher === 'string' && typeof s.language === 'string' &&
      isOptional(s.url, 'string') && isOptional(s.title, 'string') && isOptional(s.date, 'string'));
    if (fits) {
      for (const s of sources) {
        c.sourcePublisher.push(this.s(s.publisher));
        c.sourceUrl.push(this.optional(s.url));
        c.sourceTitle.push(this.optional(s.title));
        c.sourceDate.push(this.optional(s.date));
        c.sourceLanguage.push(this.s(s.language));
      }
    } else this.keep(i, 'sources', sources);
    c.sourceOffsets.push(c.sourcePublisher.length);
  }

  private addCounts(counts: ConflictEvent['counts'], i: number): void {
    const c = this.c;
    const fits = Array.isArray(counts) && counts.every((k) =>
      isObject(k) && hasOnlyKeys(k, COUNT_KEYS) && typeof k.kind === 'string' && typeof k.value === 'number' &&
      typeof k.qualifier === 'string' && typeof k.claimant === 'string' && typeof k.claimedOn === 'string' &&
      isOptional(k.low, 'number') && isOptional(k.high, 'number') && isOptional(k.of, 'string') && isOptional(k.source, 'number'));
    if (fits) {
      for (const k of counts) {
        c.countKind.push(this.s(k.kind));
        c.countValue.push(k.value);
        c.countQualifier.push(this.s(k.qualifier));
        c.countLow.push(k.low ?? null);
        c.countHigh.push(k.high ?? null);
        c.countOf.push(this.optional(k.of));
        c.countClaimant.push(this.s(k.claimant));
        c.countClaimedOn.push(this.s(k.claimedOn));
        c.countSource.push(k.source ?? null);
      }
    } else this.keep(i, 'counts', counts);
    c.countOffsets.push(c.countKind.length);
  }

  private addTags(tags: ConflictEvent['tags'], i: number): void {
    const c = this.c;
    if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) for (const t of tags) c.tag.push(this.s(t));
    else this.keep(i, 'tags', tags);
    c.tagOffsets.push(c.tag.length);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: object, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

function isOptional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Problems reported before giving up: enough to fix a file, few enough to read. */
const MAX_PROBLEMS = 20;

/**
 * Checks the structure of a compact file (it may come from anywhere), then rebuilds the events in
 * one pass. Never throws. The events are plain objects that the caller validates with the schema.
 */
export function decodeCompact(input: unknown): CompactDecodeResult {
  try {
    const problems: CompactProblem[] = [];
    const header = checkHeader(input, problems);
    if (!header) return { ok: false, problems };
    const layout = checkLayout(header.events, problems);
    const extra = layout && checkExtra(header.extra, layout.n, problems);
    if (!layout || !extra || problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
    const events = new EventReader(layout, header.strings, extra, problems).readAll();
    if (problems.length) return { ok: false, problems };
    const { input: file } = header;
    const dataset: Dataset = {
      ...(typeof file.$schema === 'string' ? { $schema: file.$schema } : {}),
      title: file.title as string,
      ...(typeof file.description === 'string' ? { description: file.description } : {}),
      attribution: file.attribution as string,
      ...(typeof file.license === 'string' ? { license: file.license } : {}),
      actors: file.actors as Actor[],
      events,
    };
    return { ok: true, dataset };
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `could not be read (${(error as Error)?.message ?? String(error)})` }] };
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return `${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

interface Header {
  input: Record<string, unknown>;
  strings: string[];
  events: Record<string, unknown>;
  extra: unknown;
}

function checkHeader(input: unknown, problems: CompactProblem[]): Header | null {
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) {
    problem('', `is ${describe(input)}; a compact dataset is an object`);
    return null;
  }
  if (input.format !== COMPACT_FORMAT) problem('format', `is ${describe(input.format)}; expected "${COMPACT_FORMAT}"`);
  if (input.version !== COMPACT_VERSION) problem('version', `is ${describe(input.version)}; this app reads version ${COMPACT_VERSION}`);
  if (typeof input.title !== 'string') problem('title', `is ${describe(input.title)}; expected text`);
  if (typeof input.attribution !== 'string') problem('attribution', `is ${describe(input.attribution)}; expected text`);
  for (const key of ['$schema', 'description', 'license'])
    if (input[key] !== undefined && typeof input[key] !== 'string') problem(key, `is ${describe(input[key])}; expected text or nothing`);
  if (!Array.isArray(input.actors)) problem('actors', `is ${describe(input.actors)}; expected a list of actors`);
  const strings = input.strings;
  if (!Array.isArray(strings)) problem('strings', `is ${describe(strings)}; expected a list of strings`);
  else {
    const bad = strings.findIndex((s) => typeof s !== 'string');
    if (bad >= 0) problem(`strings[${bad}]`, `is ${describe(strings[bad])}; expected a string`);
  }
  if (!isObject(input.events)) problem('events', `is ${describe(input.events)}; expected an object of columns`);
  if (problems.length) return null;
  return { input, strings: strings as string[], events: input.events as Record<string, unknown>, extra: input.extra };
}

/**
 * A column as the decoder reads it: the list JSON.parse gives, or, for a column the file leaves out
 * (it holds only nulls), a Float64Array of NaN (see checkLayout).
 */
type Column = unknown[] | Float64Array;

/** Whether a cell is null: null in a list, NaN in a Float64Array (JSON has no NaN). */
const isNullCell = (cell: unknown): boolean => cell === null || cell !== cell;

interface Layout {
  n: number;
  columns: Record<EventColumn, Column>;
  text: Record<TextColumn, [string, unknown[]][]>;
}

/** Every column is a list of the right length; offsets start at 0 and never decrease. */
function checkLayout(events: Record<string, unknown>, problems: CompactProblem[]): Layout | null {
  const problem = (path: string, message: string) => problems.push({ path, message });
  const ids = events.id;
  if (!Array.isArray(ids)) {
    problem('events.id', `is ${describe(ids)}; expected a list of event ids`);
    return null;
  }
  const n = ids.length;
  const columns = {} as Record<EventColumn, Column>;
  // A column left out holds only nulls: NaN. Those columns share one buffer: filling one each took a
  // tenth of a second at a million events.
  let nulls = new Float64Array(0);
  const nullColumn = (length: number) => {
    if (nulls.length < length) nulls = new Float64Array(length).fill(NaN);
    return nulls.subarray(0, length);
  };
  const list = (name: EventColumn, length: number, lengthNote: string): void => {
    const column = events[name] === undefined && NULLABLE.has(name) ? nullColumn(length) : events[name];
    if (!Array.isArray(column) && !(column instanceof Float64Array)) problem(`events.${name}`, `is ${describe(column)}; expected a list of ${length} entries`);
    else if (column.length !== length) problem(`events.${name}`, `has ${column.length} entries; expected ${length} (${lengthNote})`);
    else columns[name] = column;
  };
  for (const name of PER_EVENT) list(name, n, 'one per event, as in events.id');
  for (const [offsetsName, children] of CHILD_LISTS) {
    list(offsetsName, n + 1, 'one more than events.id');
    const offsets = columns[offsetsName];
    const rows = offsets ? checkOffsets(offsets, offsetsName, problems) : null;
    if (rows !== null) for (const child of children) list(child, rows, `the last entry of events.${offsetsName}`);
  }
  const text = {} as Layout['text'];
  for (const name of TEXT_COLUMNS) {
    const group = events[name];
    text[name] = [];
    if (!isObject(group)) {
      problem(`events.${name}`, `is ${describe(group)}; expected an object of columns per language`);
      continue;
    }
    for (const [language, column] of Object.entries(group)) {
      const path = `events.${name}.${language}`;
      if (!LANGUAGE.test(language)) problem(path, `"${language}" is not a language code such as "en" or "ar"`);
      else if (!Array.isArray(column)) problem(path, `is ${describe(column)}; expected a list of ${n} entries`);
      else if (column.length !== n) problem(path, `has ${column.length} entries; expected ${n} (one per event, as in events.id)`);
      else text[name].push([language, column]);
    }
  }
  // Copied in one go: an object given this many properties one by one is slow to read.
  return problems.length ? null : { n, columns: Object.fromEntries(Object.entries(columns)) as Layout['columns'], text };
}

/** The number of child rows, or null (with a problem) when the offsets are broken. */
function checkOffsets(offsets: Column, name: string, problems: CompactProblem[]): number | null {
  let previous = 0;
  for (let k = 0; k < offsets.length; k++) {
    const v = offsets[k];
    if (k === 0 ? v !== 0 : typeof v !== 'number' || !Number.isInteger(v) || v < previous) {
      const expected = k === 0 ? 'expected 0' : `offsets are whole numbers that never decrease (the one before is ${previous})`;
      problems.push({ path: `events.${name}[${k}]`, message: `is ${describe(v)}; ${expected}` });
      return null;
    }
    previous = v as number;
  }
  return previous;
}

/** `extra` as a map from event index to the fields kept verbatim. */
function checkExtra(extra: unknown, n: number, problems: CompactProblem[]): Map<number, Record<string, unknown>> | null {
  const byEvent = new Map<number, Record<string, unknown>>();
  if (extra === undefined) return byEvent;
  if (!isObject(extra)) {
    problems.push({ path: 'extra', message: `is ${describe(extra)}; expected an object keyed by event index` });
    return null;
  }
  for (const [key, fields] of Object.entries(extra)) {
    const i = Number(key);
    const path = `extra.${key}`;
    if (!(Number.isInteger(i) && i >= 0 && i < n && String(i) === key)) problems.push({ path, message: `"${key}" is not an event index (0–${n - 1})` });
    else if (!isObject(fields)) problems.push({ path, message: `is ${describe(fields)}; expected an object of event fields` });
    else {
      const unknown = Object.keys(fields).find((f) => !EVENT_FIELDS.has(f));
      if (unknown !== undefined) problems.push({ path: `${path}.${unknown}`, message: 'is not a field of an event' });
      else byEvent.set(i, fields);
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return byEvent;
}

/**
 * Parts shared between events (times, actor lists, places, counts, sources, tags), as the importers
 * share them: one frozen object per distinct part keeps a million events small in memory. Many
 * parts never repeat (a minute-precision time, a UCDP source title), so instead of a map keyed by
 * text this is a small cache with one slot per hash of the part's cells. A slot remembers where
 * its part was read (rows `from`–`to` of the part's columns); a part is the same when its cells
 * are. Most repeats are found, and a part that never repeats costs a hash and a comparison.
 */
class PartCache<T> {
  private static readonly BITS = 12;
  private readonly from = new Int32Array(1 << PartCache.BITS).fill(-1);
  private readonly to = new Int32Array(1 << PartCache.BITS);
  private readonly values = new Array<T | undefined>(1 << PartCache.BITS);

  constructor(private readonly columns: readonly Column[]) {}

  find(hash: number, from: number, to: number): T | undefined {
    const slot = hash >>> (32 - PartCache.BITS);
    const cachedFrom = this.from[slot]!;
    if (cachedFrom < 0 || !this.sameRows(cachedFrom, this.to[slot]!, from, to)) return undefined;
    return this.values[slot];
  }

  /** Whether rows [aFrom, aTo) and [bFrom, bTo) hold the same cells, column by column. */
  private sameRows(aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
    if (aTo - aFrom !== bTo - bFrom) return false;
    for (const column of this.columns)
      for (let k = 0; k < aTo - aFrom; k++) {
        const a = column[aFrom + k];
        const b = column[bFrom + k];
        // Two nulls read typed are two NaNs, which are not ===.
        if (a !== b && !(a !== a && b !== b)) return false;
      }
    return true;
  }

  keep(hash: number, from: number, to: number, value: T): T {
    const slot = hash >>> (32 - PartCache.BITS);
    this.from[slot] = from;
    this.to[slot] = to;
    this.values[slot] = Object.freeze(value);
    return value;
  }
}

/** Mixes a cell into a hash (cells are small integers, null or, for counts and coordinates, any number). */
function mix(hash: number, cell: unknown): number {
  const v = typeof cell === 'number' ? (cell | 0) ^ ((cell * 1000) | 0) : cell === null ? -7 : 0;
  return Math.imul(hash ^ v, 0x9e3779b1) ^ (hash >>> 15);
}

/**
 * Rebuilds the events from checked columns, checking every cell on the way (a bad cell becomes
 * a problem, and the events are then not returned).
 */
class EventReader {
  private readonly c: Record<EventColumn, Column>;
  /** Offset minutes per string index, worked out once per distinct offset. */
  private readonly offsets: (number | null | undefined)[] = [];
  private readonly shared: {
    start: PartCache<TimeValue>;
    end: PartCache<TimeValue>;
    place: PartCache<Place>;
    admin: PartCache<string[]>;
    actors: PartCache<ActorRef[]>;
    sources: PartCache<Source[]>;
    counts: PartCache<Count[]>;
    tags: PartCache<string[]>;
  };

  constructor(
    private readonly layout: Layout,
    private readonly strings: string[],
    private readonly extra: Map<number, Record<string, unknown>>,
    private readonly problems: CompactProblem[],
  ) {
    const c = (this.c = layout.columns);
    const cache = <T>(...names: EventColumn[]) => new PartCache<T>(names.map((name) => c[name]));
    this.shared = {
      start: cache('start', 'startOffset', 'startPrecision', 'startTz'),
      end: cache('end', 'endOffset', 'endPrecision', 'endTz'),
      place: new PartCache([c.placeCountry, c.placeLat, c.placeLon, ...layout.text.placeName.map(([, column]) => column)]),
      admin: cache('placeAdmin'),
      actors: cache('actor', 'actorRole', 'actorSide', 'actorName'),
      sources: cache('sourcePublisher', 'sourceUrl', 'sourceTitle', 'sourceDate', 'sourceLanguage'),
      counts: cache('countKind', 'countValue', 'countQualifier', 'countLow', 'countHigh', 'countOf', 'countClaimant', 'countClaimedOn', 'countSource'),
      tags: cache('tag'),
    };
  }

  readAll(): ConflictEvent[] {
    const { n } = this.layout;
    const events = new Array<ConflictEvent>(n);
    for (let i = 0; i < n && this.problems.length < MAX_PROBLEMS; i++) events[i] = this.event(i);
    return events;
  }

  /** Event i, its fields in the schema's order. */
  private event(i: number): ConflictEvent {
    const id = this.c.id[i];
    if (typeof id !== 'string') this.problem('id', i, `is ${describe(id)}; expected text`);
    const event: Record<string, unknown> = { id, type: this.str('type', i), title: this.text('title', i) ?? {} };
    const description = this.text('description', i);
    if (description) event.description = description;
    event.originalLanguage = this.str('originalLanguage', i);
    event.start = this.startOf(i);
    if (!isNullCell(this.c.end[i])) event.end = this.endOf(i);
    event.actors = this.actors(i);
    if (!isNullCell(this.c.placeCountry[i])) event.place = this.place(i);
    event.counts = this.counts(i);
    event.claims = NONE;
    event.sources = this.sources(i);
    event.relations = NONE;
    event.tags = this.tags(i);
    const extra = this.extra.get(i);
    if (extra) for (const key in extra) event[key] = extra[key];
    return event as unknown as ConflictEvent;
  }

  private startOf(i: number): TimeValue {
    return this.time(i, this.shared.start, 'start', 'startOffset', 'startPrecision', 'startTz');
  }

  /** Event i's end; ask only when its `end` cell is not null. */
  private endOf(i: number): TimeValue {
    return this.time(i, this.shared.end, 'end', 'endOffset', 'endPrecision', 'endTz');
  }

  private problem(column: string, row: number, message: string): void {
    this.problems.push({ path: `events.${column}[${row}]`, message });
  }

  private isIndex(v: unknown): v is number {
    return typeof v === 'number' && v >>> 0 === v && v < this.strings.length;
  }

  /**
   * Checks that a cell indexes `strings`, and gives the cell. `values`: the column, where the
   * caller has it (looking a column up by a name that varies is slow in a loop over millions).
   */
  private index(column: EventColumn, row: number, values = this.c[column]): unknown {
    const v = values[row];
    if (!this.isIndex(v))
      this.problem(column, row, `is ${describe(v)}; expected an index into strings (0–${this.strings.length - 1})`);
    return v;
  }

  /** As `index`, or null. */
  private optionalIndex(column: EventColumn, row: number, values = this.c[column]): unknown {
    const v = values[row];
    return isNullCell(v) ? null : this.index(column, row, values);
  }

  /** Checks that a cell holds a number, and gives the cell. */
  private num(column: EventColumn, row: number, values = this.c[column]): unknown {
    const v = values[row];
    if (!(typeof v === 'number' && Number.isFinite(v))) this.problem(column, row, `is ${describe(v)}; expected a number`);
    return v;
  }

  /** As `num`, or null. */
  private optionalNum(column: EventColumn, row: number, values = this.c[column]): unknown {
    const v = values[row];
    return isNullCell(v) ? null : this.num(column, row, values);
  }

  private str(column: EventColumn, row: number): string {
    return this.strings[this.index(column, row) as number] ?? '';
  }

  /** The string a checked cell indexes, or undefined for null. */
  private stringAt(column: EventColumn, row: number): string | undefined {
    const v = this.c[column][row];
    return isNullCell(v) ? undefined : this.strings[v as number];
  }

  /** The number in a checked cell, or undefined for null. */
  private numberAt(column: EventColumn, row: number): number | undefined {
    const v = this.c[column][row];
    return isNullCell(v) ? undefined : (v as number);
  }

  /** The child rows of event i: [from, to). */
  private range(offsets: EventColumn, i: number, column = this.c[offsets]): [number, number] {
    return [column[i] as number, column[i + 1] as number];
  }

  private text(name: TextColumn, i: number): Record<string, string> | undefined {
    let text: Record<string, string> | undefined;
    for (const [language, column] of this.layout.text[name]) {
      const v = column[i];
      if (v === null) continue;
      if (typeof v === 'string') (text ??= {})[language] = v;
      else this.problems.push({ path: `events.${name}.${language}[${i}]`, message: `is ${describe(v)}; expected text or null` });
    }
    return text;
  }

  private time(i: number, cache: PartCache<TimeValue>, ms: EventColumn, offset: EventColumn, precision: EventColumn, tz: EventColumn): TimeValue {
    const hash = mix(mix(mix(mix(0, this.num(ms, i)), this.index(offset, i)), this.index(precision, i)), this.index(tz, i));
    const shared = cache.find(hash, i, i + 1);
    if (shared) return shared;
    const o = this.c[offset][i];
    let minutes: number | null = 0;
    if (this.isIndex(o)) {
      minutes = this.offsets[o] ??= offsetMinutes(this.strings[o]!);
      if (minutes === null) this.problem(offset, i, `indexes ${describe(this.strings[o])}; expected an offset such as "+04:00" or "Z"`);
    }
    const at = formatInstant(this.c[ms][i] as number, minutes ?? 0, this.stringAt(offset, i) ?? '');
    return cache.keep(hash, i, i + 1, { at, precision: this.stringAt(precision, i) as TimeValue['precision'], tz: this.stringAt(tz, i)! });
  }

  private place(i: number): Place {
    let hash = mix(mix(mix(0, this.index('placeCountry', i)), this.optionalNum('placeLat', i)), this.optionalNum('placeLon', i));
    const admin = this.admin(i);
    hash = mix(hash, admin.length);
    const name = this.text('placeName', i) ?? {};
    const shared = this.shared.place.find(hash, i, i + 1);
    if (shared && shared.admin === (admin.length ? admin : undefined)) return shared;
    const place: Place = { name, country: this.stringAt('placeCountry', i)! };
    const lat = this.numberAt('placeLat', i);
    if (lat !== undefined) place.lat = lat;
    const lon = this.numberAt('placeLon', i);
    if (lon !== undefined) place.lon = lon;
    if (admin.length) place.admin = admin;
    return this.shared.place.keep(hash, i, i + 1, place);
  }

  private admin(i: number): string[] {
    const [from, to] = this.range('placeAdminOffsets', i, this.c.placeAdminOffsets);
    if (from === to) return NONE;
    let hash = to - from;
    for (let r = from; r < to; r++) hash = mix(hash, this.index('placeAdmin', r, this.c.placeAdmin));
    return this.shared.admin.find(hash, from, to) ?? this.shared.admin.keep(hash, from, to, this.rowStrings('placeAdmin', from, to));
  }

  private rowStrings(column: EventColumn, from: number, to: number): string[] {
    const values = new Array<string>(to - from);
    for (let r = from; r < to; r++) values[r - from] = this.strings[this.c[column][r] as number]!;
    return values;
  }

  private tags(i: number): string[] {
    const [from, to] = this.range('tagOffsets', i, this.c.tagOffsets);
    if (from === to) return NONE;
    let hash = to - from;
    for (let r = from; r < to; r++) hash = mix(hash, this.index('tag', r, this.c.tag));
    return this.shared.tags.find(hash, from, to) ?? this.shared.tags.keep(hash, from, to, this.rowStrings('tag', from, to));
  }

  private actors(i: number): ActorRef[] {
    const [from, to] = this.range('actorOffsets', i);
    if (from === to) return NONE;
    let hash = to - from;
    for (let r = from; r < to; r++) {
      const side = this.c.actorSide[r];
      if (side !== 0 && side !== 1 && side !== 2) this.problem('actorSide', r, `is ${describe(side)}; expected 1, 2 or 0 (no side)`);
      hash = mix(mix(mix(mix(hash, this.index('actor', r)), this.index('actorRole', r)), side), this.optionalIndex('actorName', r));
    }
    const shared = this.shared.actors.find(hash, from, to);
    if (shared) return shared;
    const refs = new Array<ActorRef>(to - from);
    for (let r = from; r < to; r++) {
      const ref: ActorRef = { actor: this.stringAt('actor', r)!, role: this.stringAt('actorRole', r) as ActorRef['role'] };
      const name = this.stringAt('actorName', r);
      if (name !== undefined) ref.name = name;
      const side = this.c.actorSide[r];
      if (side === 1 || side === 2) ref.side = side;
      refs[r - from] = ref;
    }
    return this.shared.actors.keep(hash, from, to, refs);
  }

  private sources(i: number): Source[] {
    const [from, to] = this.range('sourceOffsets', i, this.c.sourceOffsets);
    if (from === to) return NONE;
    let hash = to - from;
    const c = this.c;
    for (let r = from; r < to; r++) {
      hash = mix(mix(mix(hash, this.index('sourcePublisher', r, c.sourcePublisher)), this.optionalIndex('sourceUrl', r, c.sourceUrl)), this.optionalIndex('sourceTitle', r, c.sourceTitle));
      hash = mix(mix(hash, this.optionalIndex('sourceDate', r, c.sourceDate)), this.index('sourceLanguage', r, c.sourceLanguage));
    }
    const shared = this.shared.sources.find(hash, from, to);
    if (shared) return shared;
    const sources = new Array<Source>(to - from);
    for (let r = from; r < to; r++) {
      const source = { publisher: this.stringAt('sourcePublisher', r) } as Source;
      const url = this.stringAt('sourceUrl', r);
      if (url !== undefined) source.url = url;
      const title = this.stringAt('sourceTitle', r);
      if (title !== undefined) source.title = title;
      const date = this.stringAt('sourceDate', r);
      if (date !== undefined) source.date = date;
      source.language = this.stringAt('sourceLanguage', r)!;
      sources[r - from] = source;
    }
    return this.shared.sources.keep(hash, from, to, sources);
  }

  private counts(i: number): Count[] {
    const [from, to] = this.range('countOffsets', i, this.c.countOffsets);
    if (from === to) return NONE;
    let hash = to - from;
    const c = this.c;
    for (let r = from; r < to; r++) {
      hash = mix(mix(mix(hash, this.index('countKind', r, c.countKind)), this.num('countValue', r, c.countValue)), this.index('countQualifier', r, c.countQualifier));
      hash = mix(mix(mix(hash, this.optionalNum('countLow', r, c.countLow)), this.optionalNum('countHigh', r, c.countHigh)), this.optionalIndex('countOf', r, c.countOf));
      hash = mix(mix(mix(hash, this.index('countClaimant', r, c.countClaimant)), this.index('countClaimedOn', r, c.countClaimedOn)), this.optionalNum('countSource', r, c.countSource));
    }
    const shared = this.shared.counts.find(hash, from, to);
    if (shared) return shared;
    const counts = new Array<Count>(to - from);
    for (let r = from; r < to; r++) {
      const count = { kind: this.stringAt('countKind', r), value: this.numberAt('countValue', r), qualifier: this.stringAt('countQualifier', r) } as Count;
      const low = this.numberAt('countLow', r);
      if (low !== undefined) count.low = low;
      const high = this.numberAt('countHigh', r);
      if (high !== undefined) count.high = high;
      const of = this.stringAt('countOf', r);
      if (of !== undefined) count.of = of;
      count.claimant = this.stringAt('countClaimant', r)!;
      count.claimedOn = this.stringAt('countClaimedOn', r)!;
      const source = this.numberAt('countSource', r);
      if (source !== undefined) count.source = source;
      counts[r - from] = count;
    }
    return this.shared.counts.keep(hash, from, to, counts);
  }
}
