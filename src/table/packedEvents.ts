// Events packed for the trip from the import worker to the page, and kept packed there: a million
// event objects took longer to post than to read, and filled the page's heap. Each text column
// (ids, titles, descriptions) is one long string with the start of every entry; each shared part
// (a time, an actor list, a source list…) is kept once, and every event holds its index. Posting
// them copies typed arrays, which is fast. The page builds an event only when it shows or exports it.
//
// Exact: eventAt(i) equals the event packed, with its keys in the same order. Whatever does not fit
// the columns (text whose languages come in another order, a place or an event with unusual keys)
// is kept whole for that event.
import { GEO_PRECISIONS, type ConflictEvent, type Dataset, type DatasetInfo, type DayPart, type GeoPrecision, type Place, type Precision, type TimeValue } from '../model/schema.ts';
import { geoPrecisionCode, objectColumnReader, roleBitOf, typeIndexOf, type ColumnReader, type EventSource, type EventText, type EventTitle, type IdChars, type IndexedReader } from './eventTable.ts';
import { anchorTime } from '../model/time.ts';

export type { JoinedStrings, Utf8Text } from './joinedStrings.ts';
import type { JoinedStrings } from './joinedStrings.ts';

export interface PackedEvents {
  size: number;
  info: DatasetInfo;
  id: JoinedStrings;
  /** Index into `strings`. */
  type: Uint32Array;
  originalLanguage: Uint32Array;
  /** Per language: [language, column]. */
  title: [string, JoinedStrings][];
  description: [string, JoinedStrings][];
  /** The start and the end (see TimeColumns); hasEnd is 1 where the event has an end. */
  start: TimeColumns;
  hasEnd: Uint8Array;
  end: TimeColumns;
  /** The actors of event i are rows actorOffset[i] up to actorOffset[i + 1] of the actor columns. */
  actorOffset: Uint32Array;
  /** Index into `strings`. */
  actorId: Uint32Array;
  actorRole: Uint32Array;
  /** 0 for none, else k: strings[k - 1]. */
  actorName: Uint32Array;
  /** 0 for none, 1 or 2. */
  actorSide: Uint8Array;
  /** 1 where the reference gives its side before its name (as the ACLED importer writes it). */
  actorSideFirst: Uint8Array;
  /** Index into `parts`; for `placeAdmin`, 0 means none and k means parts[k - 1]. */
  counts: Uint32Array;
  claims: Uint32Array;
  sources: Uint32Array;
  relations: Uint32Array;
  tags: Uint32Array;
  /** 1 when the event has a place; its fields follow. */
  hasPlace: Uint8Array;
  placeName: Uint32Array;
  placeCountry: Uint32Array;
  /** NaN when absent. */
  placeLat: Float64Array;
  placeLon: Float64Array;
  /** geoPrecisionCode of the place's precision (0: not stated). */
  placePrecision: Uint8Array;
  placeAdmin: Uint32Array;
  strings: string[];
  /** Every distinct part (time, list, place name), once. */
  parts: unknown[];
  /** Event index → the event kept whole, where the columns cannot hold it exactly. */
  whole: Map<number, ConflictEvent>;
  /**
   * The sources of rows whose list is theirs alone (a UCDP GED row cites its own articles), as
   * JSON in one text column, which moves between threads as UTF-8: 300,000 lists kept as parts
   * took two to three seconds to post from the workers to the page. A row without an entry here
   * has its list in `sources`.
   */
  sourcesJson?: JoinedStrings;
}

/** A time per event: indexes into `strings`; dayPart 0 for none, else k: strings[k - 1]. */
export interface TimeColumns {
  at: Uint32Array;
  precision: Uint32Array;
  tz: Uint32Array;
  dayPart: Uint32Array;
}

const newTimeColumns = (n: number): TimeColumns => ({ at: new Uint32Array(n), precision: new Uint32Array(n), tz: new Uint32Array(n), dayPart: new Uint32Array(n) });

const TIME_KEYS = ['at', 'precision', 'tz', 'dayPart'] as const;
const REF_KEYS_NAME_FIRST = ['actor', 'role', 'name', 'side'] as const;
const REF_KEYS_SIDE_FIRST = ['actor', 'role', 'side', 'name'] as const;
const EVENT_KEYS = ['id', 'type', 'title', 'description', 'originalLanguage', 'start', 'end', 'actors', 'place', 'counts', 'claims', 'sources', 'relations', 'tags'] as const;
const PLACE_KEYS = ['name', 'country', 'lat', 'lon', 'precision', 'admin'] as const;

/** Whether an object's keys are some of `order`, in that order. */
function keysInOrder(value: object, order: readonly string[]): boolean {
  let at = 0;
  for (const key of Object.keys(value)) {
    while (at < order.length && order[at] !== key) at++;
    if (at === order.length) return false;
    at++;
  }
  return true;
}

export class JoinedBuilder {
  private readonly pieces: string[] = [];
  private readonly start: Uint32Array;
  private present: Uint8Array | undefined;
  private length = 0;

  /**
   * A column started at row `from`: the rows before it have no string. `place`: its place among
   * the text's language columns, which rebuild a text's languages in that order.
   */
  constructor(
    private readonly n: number,
    from = 0,
    readonly place = 0,
  ) {
    this.start = new Uint32Array(n + 1);
    if (from > 0) this.present = new Uint8Array(n).fill(1).fill(0, 0, from);
  }

  set(i: number, value: string | undefined): void {
    // Rows are set in order; a row left out is absent.
    this.start[i] = this.length;
    if (value === undefined) {
      (this.present ??= new Uint8Array(this.n).fill(1))[i] = 0;
      return;
    }
    this.pieces.push(value);
    this.length += value.length;
    this.start[i + 1] = this.length;
  }

  /** The column; `size` rows when fewer than planned were set (see sliceColumns). */
  done(size = this.n): JoinedStrings {
    this.start[size] = this.length;
    const start = size === this.n ? this.start : this.start.slice(0, size + 1);
    const present = size === this.n ? this.present : this.present?.slice(0, size);
    return { text: this.pieces.join(''), start, ...(present ? { present } : {}) };
  }
}

export function joinedAt(column: JoinedStrings, i: number): string | undefined {
  if (column.present && column.present[i] === 0) return undefined;
  return column.entryAt ? column.entryAt(i) : column.text.slice(column.start[i], column.start[i + 1]);
}

/** The characters of each entry of a joined column (for ordering ids: see idSortKeys). */
function joinedChars({ text, start }: JoinedStrings): IdChars {
  return { length: (i) => start[i + 1]! - start[i]!, charAt: (i, k) => text.charCodeAt(start[i]! + k) };
}

/** Compares entries a and b of a joined column as `<` compares their strings (an absent entry as ""), without slicing them. */
function compareJoined({ text, start, present }: JoinedStrings, a: number, b: number): number {
  let i = present && present[a] === 0 ? 0 : start[a]!;
  let j = present && present[b] === 0 ? 0 : start[b]!;
  const iEnd = present && present[a] === 0 ? 0 : start[a + 1]!;
  const jEnd = present && present[b] === 0 ? 0 : start[b + 1]!;
  for (; i < iEnd && j < jEnd; i++, j++) {
    const difference = text.charCodeAt(i) - text.charCodeAt(j);
    if (difference !== 0) return difference;
  }
  return iEnd - i - (jEnd - j);
}

/** The columns with one entry per event (all but the text and the actors), empty: no place, no end. */
type EventColumns = Pick<PackedEvents, 'type' | 'originalLanguage' | 'start' | 'hasEnd' | 'end' | 'counts' | 'claims' | 'sources' | 'relations' | 'tags' | 'hasPlace' | 'placeName' | 'placeCountry' | 'placeLat' | 'placeLon' | 'placePrecision' | 'placeAdmin'>;

function newEventColumns(n: number): EventColumns {
  return {
    type: new Uint32Array(n),
    originalLanguage: new Uint32Array(n),
    start: newTimeColumns(n),
    hasEnd: new Uint8Array(n),
    end: newTimeColumns(n),
    counts: new Uint32Array(n),
    claims: new Uint32Array(n),
    sources: new Uint32Array(n),
    relations: new Uint32Array(n),
    tags: new Uint32Array(n),
    hasPlace: new Uint8Array(n),
    placeName: new Uint32Array(n),
    placeCountry: new Uint32Array(n),
    placeLat: new Float64Array(n).fill(NaN),
    placeLon: new Float64Array(n).fill(NaN),
    placePrecision: new Uint8Array(n),
    placeAdmin: new Uint32Array(n),
  };
}

/** Columns made for more rows than were set: each typed array cut to its first `size` entries (copies, to post). */
function sliceColumns<T extends object>(columns: T, size: number): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(columns)) out[key] = ArrayBuffer.isView(value) ? (value as Uint32Array).slice(0, size) : sliceColumns(value as object, size);
  return out as T;
}

/** The packed strings, each kept once: indexOf gives a string's index, adding it if new. */
function createStringTable(): { strings: string[]; indexOf(value: string): number } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  return {
    strings,
    indexOf(value) {
      let at = index.get(value);
      if (at === undefined) index.set(value, (at = strings.push(value) - 1));
      return at;
    },
  };
}

/** A time as string indexes: [at, precision, tz, dayPart], dayPart 0 (or left out) for none, else k: strings[k - 1]. */
export type TimeCells = readonly [at: number, precision: number, tz: number, dayPart?: number];

function setTime(time: TimeColumns, i: number, [at, precision, tz, dayPart = 0]: TimeCells): void {
  time.at[i] = at;
  time.precision[i] = precision;
  time.tz[i] = tz;
  time.dayPart[i] = dayPart;
}

/**
 * Packed events written a row at a time, in order: the one writer of the packed columns, shared by
 * the packers (packEvents, acledPacked.ts, appParquetPacked.ts). A row's id, text and actor
 * references go through startRow, ref and endRow; its other columns (`columns`) are set at its
 * index. `capacity`: at least the rows to come; done() cuts the columns to the rows written.
 */
export function createPackedWriter(capacity: number) {
  const { strings, indexOf } = createStringTable();
  const parts: unknown[] = [];
  const columns = newEventColumns(capacity);
  const id = new JoinedBuilder(capacity);
  const titles = new Map<string, JoinedBuilder>();
  const descriptions = new Map<string, JoinedBuilder>();
  const actorOffset = new Uint32Array(capacity + 1);
  const refs = { id: [] as number[], role: [] as number[], name: [] as number[], side: [] as number[], sideFirst: [] as number[] };
  const whole = new Map<number, ConflictEvent>();
  let ownSources: JoinedBuilder | undefined;
  let ownSourcesRow = -1;
  let ownSourceRows = 0;
  let size = 0;
  /** The row's text in each language it has: a language's column starts at the first row with text in it, in the order met. */
  const setText = (builders: Map<string, JoinedBuilder>, text: Record<string, string> | undefined) => {
    if (text) for (const language in text) if (!builders.has(language)) builders.set(language, new JoinedBuilder(capacity, size, builders.size));
    for (const [language, column] of builders) column.set(size, text?.[language]);
  };
  const textColumns = (builders: Map<string, JoinedBuilder>) => [...builders].map(([language, column]): [string, JoinedStrings] => [language, column.done(size)]);
  const writer = {
    strings,
    /** A string's index in `strings`, added if new. */
    string: indexOf,
    parts,
    /** Keeps a part (a list, a place name…) and gives its index in `parts`. */
    keepPart: (part: unknown) => parts.push(part) - 1,
    columns,
    /** Row → its event, for the rows kept whole. */
    whole,
    /** The text columns by language, in their order. */
    titles: titles as ReadonlyMap<string, JoinedBuilder>,
    descriptions: descriptions as ReadonlyMap<string, JoinedBuilder>,
    /** Rows written; the row being written is row `size`. */
    get size() {
      return size;
    },
    /** Starts row `size` with its id and text, and gives its index. */
    startRow(eventId: string, title?: Record<string, string>, description?: Record<string, string>): number {
      id.set(size, eventId);
      setText(titles, title);
      setText(descriptions, description);
      return size;
    },
    /** One actor reference of the row, as string indexes; `name` 0 for none, else k: strings[k - 1]. */
    ref(actor: number, role: number, name: number, side: number, sideFirst: number): void {
      refs.id.push(actor);
      refs.role.push(role);
      refs.name.push(name);
      refs.side.push(side);
      refs.sideFirst.push(sideFirst);
    },
    /** The sources of the row being written, a list no row before shares: kept as its JSON (see sourcesJson). */
    ownSources(sources: readonly object[], json = JSON.stringify(sources)): void {
      (ownSources ??= new JoinedBuilder(capacity, size)).set(size, json);
      ownSourcesRow = size;
      ownSourceRows++;
    },
    endRow(): void {
      if (ownSources && ownSourcesRow !== size) ownSources.set(size, undefined);
      actorOffset[++size] = refs.id.length;
    },
    /** A row whose event the columns cannot hold exactly: kept whole. */
    keepWhole(event: ConflictEvent): void {
      whole.set(writer.startRow(event.id), event);
      writer.endRow();
    },
    /** Row i's start and, where given, its end (see TimeCells). */
    setSpan(i: number, start: TimeCells, end?: TimeCells | null): void {
      setTime(columns.start, i, start);
      if (end) {
        columns.hasEnd[i] = 1;
        setTime(columns.end, i, end);
      }
    },
    /**
     * Row i's place: its name (an index in `parts`), country (in `strings`), coordinates where
     * known, precision, and admin areas (0 for none, else k: parts[k - 1]).
     */
    setPlace(i: number, name: number, country: number, lat: number | undefined, lon: number | undefined, precision: GeoPrecision | undefined, admin: number): void {
      columns.hasPlace[i] = 1;
      columns.placeName[i] = name;
      columns.placeCountry[i] = country;
      if (lat !== undefined) columns.placeLat[i] = lat;
      if (lon !== undefined) columns.placeLon[i] = lon;
      columns.placePrecision[i] = geoPrecisionCode(precision);
      columns.placeAdmin[i] = admin;
    },
    done(info: DatasetInfo): PackedEvents {
      let sourcesJson = ownSources?.done(size);
      // A few rows' own lists (each shared list's first row, in ACLED data) cost less as parts
      // than a column with an entry for every row.
      if (sourcesJson && ownSourceRows * OWN_SOURCES_MIN_SHARE < size) {
        for (let i = 0; i < size; i++) {
          const json = joinedAt(sourcesJson, i);
          if (json !== undefined) columns.sources[i] = parts.push(JSON.parse(json)) - 1;
        }
        sourcesJson = undefined;
      }
      return {
        size,
        info,
        id: id.done(size),
        title: textColumns(titles),
        description: textColumns(descriptions),
        ...(size === capacity ? columns : sliceColumns(columns, size)),
        actorOffset: size === capacity ? actorOffset : actorOffset.slice(0, size + 1),
        actorId: Uint32Array.from(refs.id),
        actorRole: Uint32Array.from(refs.role),
        actorName: Uint32Array.from(refs.name),
        actorSide: Uint8Array.from(refs.side),
        actorSideFirst: Uint8Array.from(refs.sideFirst),
        strings,
        parts,
        whole,
        ...(sourcesJson ? { sourcesJson } : {}),
      };
    },
  };
  return writer;
}

/** Rows for each own source list below which the lists go into parts instead (see done). */
const OWN_SOURCES_MIN_SHARE = 64;

/** Packs a dataset's events (in the dataset's order). */
export function packEvents(info: DatasetInfo, events: readonly ConflictEvent[]): PackedEvents {
  const n = events.length;
  const w = createPackedWriter(n);
  const { parts, string: s, columns: p } = w;
  // Parts are found by identity first. Importers share one frozen object per distinct part, so a
  // frozen one is new by value too; others (from JSON) are looked up by their JSON.
  const partByObject = new Map<object, number>();
  const partByJson = new Map<string, number>();
  const part = (value: object) => {
    let at = partByObject.get(value);
    if (at === undefined) {
      if (Object.isFrozen(value)) at = parts.push(value) - 1;
      else {
        const json = JSON.stringify(value);
        at = partByJson.get(json);
        if (at === undefined) partByJson.set(json, (at = parts.push(value) - 1));
      }
      partByObject.set(value, at);
    }
    return at;
  };
  // Place names and admin lists are rarely shared objects (a place per row of coordinates): they
  // are found by a key made of their strings, cheaper than JSON.
  const partByText = new Map<string, number>();
  const partByKey = (value: object, key: string) => {
    let at = partByText.get(key);
    if (at === undefined) partByText.set(key, (at = parts.push(value) - 1));
    return at;
  };
  // Each string with its length before it: no two different values share a key.
  const textKey = (text: Record<string, string>) => {
    let key = 'name';
    for (const language in text) key += `|${language.length}:${language}|${text[language]!.length}:${text[language]}`;
    return key;
  };
  // A name in one language, the usual case, is found without building a key.
  const oneLanguageNames = new Map<string, Map<string, number>>();
  const placeNamePart = (name: Record<string, string>) => {
    let language: string | undefined;
    for (const key in name) {
      if (language !== undefined) return partByKey(name, textKey(name));
      language = key;
    }
    if (language === undefined) return partByKey(name, textKey(name));
    let byText = oneLanguageNames.get(language);
    if (!byText) oneLanguageNames.set(language, (byText = new Map()));
    let at = byText.get(name[language]!);
    if (at === undefined) byText.set(name[language]!, (at = parts.push(name) - 1));
    return at;
  };
  const adminKey = (admin: string[]) => {
    let key = 'admin';
    for (const area of admin) key += `|${area.length}:${area}`;
    return key;
  };
  // Sources shared as one frozen object are a part; others (from JSON) are kept as the row's own
  // JSON until a second row has the same list (see sourcesJson). -1: met once, kept as JSON.
  const sourcesByJson = new Map<string, number>();
  const setSources = (i: number, sources: ConflictEvent['sources']) => {
    if (Object.isFrozen(sources)) return void (p.sources[i] = part(sources));
    const json = JSON.stringify(sources);
    let at = sourcesByJson.get(json);
    if (at === undefined) {
      sourcesByJson.set(json, -1);
      return w.ownSources(sources, json);
    }
    if (at < 0) sourcesByJson.set(json, (at = parts.push(sources) - 1));
    p.sources[i] = at;
  };
  const placeFits = new Map<object, boolean>();
  const fitsText = (text: unknown, columns: ReadonlyMap<string, JoinedBuilder>) => {
    if (typeof text !== 'object' || text === null) return false;
    // The record's languages must come in the order of the columns (new ones last, as they will be
    // added), to be rebuilt in that order.
    let last = -1;
    let sawNew = false;
    for (const [language, value] of Object.entries(text)) {
      if (typeof value !== 'string') return false;
      const column = columns.get(language);
      const at = column ? column.place : -1;
      if (at < 0) sawNew = true;
      else if (sawNew || at <= last) return false;
      else last = at;
    }
    return true;
  };
  const timeFits = (t: unknown) => {
    if (typeof t !== 'object' || t === null || !keysInOrder(t, TIME_KEYS)) return false;
    const { at, precision, tz, dayPart } = t as Record<string, unknown>;
    return typeof at === 'string' && typeof precision === 'string' && typeof tz === 'string' && (dayPart === undefined || typeof dayPart === 'string');
  };
  const timeCells = new Map<object, TimeCells>();
  const cellsOf = (t: ConflictEvent['start']) => {
    let cells = timeCells.get(t);
    if (!cells) timeCells.set(t, (cells = [s(t.at), s(t.precision), s(t.tz), t.dayPart === undefined ? 0 : s(t.dayPart) + 1]));
    return cells;
  };
  // An actor list fits when each reference has an actor and a role, then a name and a side in either order.
  const actorsFit = (actors: unknown) =>
    Array.isArray(actors) &&
    actors.every((ref: Record<string, unknown>) => {
      if (typeof ref !== 'object' || ref === null || typeof ref.actor !== 'string' || typeof ref.role !== 'string') return false;
      if (!(keysInOrder(ref, REF_KEYS_NAME_FIRST) || keysInOrder(ref, REF_KEYS_SIDE_FIRST))) return false;
      return (ref.name === undefined || typeof ref.name === 'string') && (ref.side === undefined || ref.side === 1 || ref.side === 2);
    });
  const hasEveryPart = (event: ConflictEvent) =>
    typeof event.id === 'string' && typeof event.type === 'string' && typeof event.originalLanguage === 'string' &&
    [event.start, event.actors, event.counts, event.claims, event.sources, event.relations, event.tags].every((v) => typeof v === 'object' && v !== null);
  for (let i = 0; i < n; i++) {
    const event = events[i]!;
    const place = event.place;
    let placeOk = true;
    if (place) {
      placeOk = placeFits.get(place) ?? (keysInOrder(place, PLACE_KEYS) && typeof place.name === 'object' && typeof place.country === 'string');
      placeFits.set(place, placeOk);
    }
    const fits =
      hasEveryPart(event) && keysInOrder(event, EVENT_KEYS) && timeFits(event.start) && (event.end === undefined || timeFits(event.end)) && actorsFit(event.actors) && placeOk && fitsText(event.title, w.titles) && (event.description === undefined || fitsText(event.description, w.descriptions));
    if (!fits) {
      w.keepWhole(event);
      continue;
    }
    w.startRow(event.id, event.title, event.description);
    p.type[i] = s(event.type);
    p.originalLanguage[i] = s(event.originalLanguage);
    w.setSpan(i, cellsOf(event.start), event.end && cellsOf(event.end));
    for (const ref of event.actors) {
      let sideFirst = 0;
      if (ref.name !== undefined && ref.side !== undefined) for (const key in ref) if (key === 'side' || key === 'name') { sideFirst = key === 'side' ? 1 : 0; break; }
      w.ref(s(ref.actor), s(ref.role), ref.name === undefined ? 0 : s(ref.name) + 1, ref.side ?? 0, sideFirst);
    }
    p.counts[i] = part(event.counts);
    p.claims[i] = part(event.claims);
    setSources(i, event.sources);
    p.relations[i] = part(event.relations);
    p.tags[i] = part(event.tags);
    if (place) w.setPlace(i, placeNamePart(place.name), s(place.country), place.lat, place.lon, place.precision, place.admin ? partByKey(place.admin, adminKey(place.admin)) + 1 : 0);
    w.endRow();
  }
  return w.done(info);
}

function textAt(columns: [string, JoinedStrings][], i: number): Record<string, string> | undefined {
  let text: Record<string, string> | undefined;
  for (const [language, column] of columns) {
    const value = joinedAt(column, i);
    if (value !== undefined) (text ??= {})[language] = value;
  }
  return text;
}

/** The events of a packed table, built one at a time when asked for. */
export function packedEvents(packed: PackedEvents): EventSource {
  const { strings, parts } = packed;
  const timeAt = (t: TimeColumns, i: number) => {
    const time: Record<string, unknown> = { at: strings[t.at[i]!], precision: strings[t.precision[i]!], tz: strings[t.tz[i]!] };
    if (t.dayPart[i]) time.dayPart = strings[t.dayPart[i]! - 1];
    return time;
  };
  const eventAt = (i: number): ConflictEvent => {
    const kept = packed.whole.get(i);
    if (kept) return kept;
    const event: Record<string, unknown> = { id: joinedAt(packed.id, i), type: strings[packed.type[i]!], title: textAt(packed.title, i) };
    const description = textAt(packed.description, i);
    if (description) event.description = description;
    event.originalLanguage = strings[packed.originalLanguage[i]!];
    event.start = timeAt(packed.start, i);
    if (packed.hasEnd[i]) event.end = timeAt(packed.end, i);
    const actors: Record<string, unknown>[] = [];
    for (let r = packed.actorOffset[i]!; r < packed.actorOffset[i + 1]!; r++) {
      const ref: Record<string, unknown> = { actor: strings[packed.actorId[r]!], role: strings[packed.actorRole[r]!] };
      const name = packed.actorName[r] ? strings[packed.actorName[r]! - 1] : undefined;
      const side = packed.actorSide[r] || undefined;
      if (packed.actorSideFirst[r]) {
        ref.side = side;
        ref.name = name;
      } else {
        if (name !== undefined) ref.name = name;
        if (side !== undefined) ref.side = side;
      }
      actors.push(ref);
    }
    event.actors = actors;
    if (packed.hasPlace[i]) {
      const place: Record<string, unknown> = { name: parts[packed.placeName[i]!], country: strings[packed.placeCountry[i]!] };
      if (!Number.isNaN(packed.placeLat[i])) place.lat = packed.placeLat[i];
      if (!Number.isNaN(packed.placeLon[i])) place.lon = packed.placeLon[i];
      if (packed.placePrecision[i]) place.precision = GEO_PRECISIONS[packed.placePrecision[i]! - 1];
      if (packed.placeAdmin[i]) place.admin = parts[packed.placeAdmin[i]! - 1];
      event.place = place as Place;
    }
    event.counts = parts[packed.counts[i]!];
    event.claims = parts[packed.claims[i]!];
    const ownSources = packed.sourcesJson && joinedAt(packed.sourcesJson, i);
    event.sources = ownSources === undefined ? parts[packed.sources[i]!] : JSON.parse(ownSources);
    event.relations = parts[packed.relations[i]!];
    event.tags = parts[packed.tags[i]!];
    return event as unknown as ConflictEvent;
  };
  const textOf = (i: number): EventText => {
    const kept = packed.whole.get(i);
    if (kept) return { title: kept.title, ...(kept.description ? { description: kept.description } : {}), originalLanguage: kept.originalLanguage };
    const description = textAt(packed.description, i);
    return { title: textAt(packed.title, i)!, ...(description ? { description } : {}), originalLanguage: strings[packed.originalLanguage[i]!]! };
  };
  const titleOf = (i: number): EventTitle => {
    const kept = packed.whole.get(i);
    return kept ? { title: kept.title, originalLanguage: kept.originalLanguage } : { title: textAt(packed.title, i)!, originalLanguage: strings[packed.originalLanguage[i]!]! };
  };
  return { size: packed.size, idAt: (i) => joinedAt(packed.id, i)!, ids: packed.id, eventAt, textAt: textOf, titleAt: titleOf };
}

/** The dataset the packed events hold, each event built (for Node: the command line, the data server). */
export function unpackEvents(packed: PackedEvents): Dataset {
  const { eventAt } = packedEvents(packed);
  return { ...packed.info, events: Array.from({ length: packed.size }, (_, i) => eventAt(i)) };
}

/**
 * The table's column reader over packed events: the same answers as eventsColumnReader gives for
 * the events packed, read from the columns without building the events.
 */
export function packedColumnReader(packed: PackedEvents): ColumnReader {
  const { strings, parts, whole } = packed;
  const kept = objectColumnReader(packed.size, (i) => whole.get(i)!);
  const places = new Array<Pick<Place, 'name' | 'country' | 'admin'> | undefined>(parts.length);
  // anchorTime per distinct time: by its `at` (an index into strings), then the rest of it.
  const anchors = new Array<{ precision: number; tz: number; dayPart: number; anchor: number }[] | undefined>(strings.length);
  const anchorAt = (t: TimeColumns, i: number) => {
    const at = t.at[i]!;
    let known = anchors[at];
    for (const k of known ?? []) if (k.precision === t.precision[i] && k.tz === t.tz[i] && k.dayPart === t.dayPart[i]) return k.anchor;
    const time: TimeValue = { at: strings[at]!, precision: strings[t.precision[i]!] as Precision, tz: strings[t.tz[i]!]! };
    if (t.dayPart[i]) time.dayPart = strings[t.dayPart[i]! - 1] as DayPart;
    const anchor = anchorTime(time);
    if (!known) anchors[at] = known = [];
    known.push({ precision: t.precision[i]!, tz: t.tz[i]!, dayPart: t.dayPart[i]!, anchor });
    return anchor;
  };
  return {
    size: packed.size,
    idAt: (i) => joinedAt(packed.id, i)!,
    compareIds: (a, b) => compareJoined(packed.id, a, b),
    idChars: () => joinedChars(packed.id),
    startAnchorAt: (i) => (whole.has(i) ? kept.startAnchorAt(i) : anchorAt(packed.start, i)),
    endAnchorAt: (i) => (whole.has(i) ? kept.endAnchorAt(i) : packed.hasEnd[i] ? anchorAt(packed.end, i) : null),
    typeAt: (i) => (whole.has(i) ? kept.typeAt(i) : strings[packed.type[i]!]!),
    placeAt: (i) => {
      if (whole.has(i)) return kept.placeAt(i);
      if (!packed.hasPlace[i]) return null;
      // One object per name part while its country stays the same (it nearly always does).
      const name = packed.placeName[i]!;
      const country = strings[packed.placeCountry[i]!]!;
      let place = places[name];
      if (place?.country !== country) {
        const admin = packed.placeAdmin[i] ? (parts[packed.placeAdmin[i]! - 1] as string[]) : undefined;
        places[name] = place = { name: parts[name] as Place['name'], country, ...(admin ? { admin } : {}) };
      }
      return place;
    },
    lonAt: (i) => (whole.has(i) ? kept.lonAt(i) : packed.placeLon[i]!),
    latAt: (i) => (whole.has(i) ? kept.latAt(i) : packed.placeLat[i]!),
    geoPrecisionAt: (i) => (whole.has(i) ? kept.geoPrecisionAt(i) : packed.placePrecision[i]!),
    forEachActor: (i, visit) => {
      if (whole.has(i)) return kept.forEachActor(i, visit);
      for (let r = packed.actorOffset[i]!; r < packed.actorOffset[i + 1]!; r++) visit(strings[packed.actorId[r]!]!, strings[packed.actorRole[r]!]!);
    },
    indexed: (actorRow) => (whole.size ? undefined : indexedReader(packed, actorRow)),
  };
}

/** The columns indexedReader reads: string indexes. */
interface IndexedColumns {
  strings: readonly string[];
  type: ArrayLike<number>;
  actorOffset: ArrayLike<number>;
  actorId: ArrayLike<number>;
  actorRole: ArrayLike<number>;
}

/** Types and actor references by their string indexes: each distinct string is looked up once. */
function indexedReader(packed: IndexedColumns, actorRow: ReadonlyMap<string, number>): IndexedReader {
  const { strings, actorOffset, actorId, actorRole } = packed;
  const UNSEEN = -2;
  const typeOf = new Int32Array(strings.length).fill(UNSEEN);
  // Per string: its actor row, or -1 for an actor not in actorRow.
  const rowOf = new Int32Array(strings.length).fill(UNSEEN);
  const bitOf = new Int32Array(strings.length).fill(UNSEEN);
  return {
    typeIndexAt(i) {
      const k = packed.type[i]!;
      if (typeOf[k] === UNSEEN) typeOf[k] = typeIndexOf(strings[k]!);
      return typeOf[k]!;
    },
    forEachActorRow(i, visit) {
      for (let r = actorOffset[i]!; r < actorOffset[i + 1]!; r++) {
        const actor = actorId[r]!;
        if (rowOf[actor] === UNSEEN) rowOf[actor] = actorRow.get(strings[actor]!) ?? -1;
        if (rowOf[actor]! < 0) continue;
        const role = actorRole[r]!;
        if (bitOf[role] === UNSEEN) bitOf[role] = roleBitOf(strings[role]!);
        visit(rowOf[actor]!, bitOf[role]!);
      }
    },
  };
}
