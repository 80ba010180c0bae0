// EventTable: events sorted by start time, with the columns the timeline reads on every frame
// kept in typed arrays, so that a window is a binary search and a filter an index set.
import { EVENT_TYPES, type EventType } from '../model/taxonomy.ts';
import { GEO_PRECISIONS, ROLES, type Actor, type ConflictEvent, type Dataset, type GeoPrecision, type Place } from '../model/schema.ts';
import { anchorTime } from '../model/time.ts';
import type { TimeValue } from '../model/schema.ts';
import type { UtcMillis } from '../model/brand.ts';
import { idLookupOf, idLookupOfColumn, lazyIdLookup, type IdLookup } from './idLookup.ts';
import type { JoinedStrings } from './joinedStrings.ts';

export interface EventTable {
  readonly size: number;
  /**
   * The event on row `row` (rows are in time order; row i of every column describes eventAt(i)).
   * A table may keep its events packed and build each when asked: do not rely on getting the same
   * object twice, and ask only for the rows needed.
   */
  eventAt(row: number): ConflictEvent;
  /** The event's title, description and original language, without building the rest of it (for the search index). */
  textAt(row: number): EventText;
  /**
   * The event's title and original language alone (for labels): a packed table that decodes its
   * text where it is read then leaves the descriptions alone (see utf8Column).
   */
  titleAt(row: number): EventTitle;
  /** Row i of the table is event order[i] of its source (the dataset's order). */
  readonly order: Uint32Array;
  /** Where each event sits on the axis (see anchorTime), in UTC milliseconds. */
  readonly start: Float64Array;
  /** The end instant; equal to start for point events. */
  readonly end: Float64Array;
  /** Index into EVENT_TYPES. */
  readonly type: Uint8Array;
  /** Actors of row i are actorIndex[actorOffset[i] .. actorOffset[i+1]), indexes into `actors`. */
  readonly actorOffset: Uint32Array;
  readonly actorIndex: Uint32Array;
  /** Beside actorIndex: the roles (bit i = ROLES[i]) the actor plays in the event. */
  readonly actorRoles: Uint16Array;
  readonly actors: readonly Actor[];
  readonly actorRow: ReadonlyMap<string, number>;
  readonly rowOfId: IdLookup;
  /** The id of the event on row `row`, without building the event. */
  idAt(row: number): string;
  /** Index into `places` of each row's place, or -1 for none. */
  readonly placeOf: Int32Array;
  /** Each distinct place once: filters and counts by place read this, not the events. */
  readonly places: readonly TablePlace[];
  /** Each row's place's longitude and latitude; NaN when it has none. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** How closely they locate the event: 0 when not stated, else 1 + its index in GEO_PRECISIONS. */
  readonly geoPrecision: Uint8Array;
  readonly longestDuration: number;
  readonly extent: { from: UtcMillis; to: UtcMillis } | null;
}

export interface TablePlace {
  country: string;
  /** The name shown in lists: English, else the first given. */
  name: string;
  /** Every name it has, lower-cased, for matching a typed place. */
  keys: readonly string[];
  /** Its country and names as given: two places are one when these are equal. */
  key: string;
  /** The first administrative area its first event names (ACLED admin1, UCDP adm_1), for lanes by place. */
  admin1?: string;
}

/** The geoPrecision column's value of a place's precision. */
export const geoPrecisionCode = (precision: GeoPrecision | undefined): number => (precision === undefined ? 0 : GEO_PRECISIONS.indexOf(precision) + 1);

/** Where a table's events come from: the dataset's array, or the packed columns the import worker sends. */
export interface EventSource {
  readonly size: number;
  /** The id of event i, without building the event. */
  idAt(i: number): string;
  /** Every id in one packed column, where the source has them so: the table finds rows by id in it. */
  readonly ids?: JoinedStrings;
  eventAt(i: number): ConflictEvent;
  /** The title, description and original language of event i, without building the rest of it. */
  textAt(i: number): EventText;
  /** The title and original language of event i alone. */
  titleAt(i: number): EventTitle;
}

export type EventText = Pick<ConflictEvent, 'title' | 'description' | 'originalLanguage'>;
export type EventTitle = Pick<ConflictEvent, 'title' | 'originalLanguage'>;

export function arrayEvents(events: readonly ConflictEvent[]): EventSource {
  return { size: events.length, idAt: (i) => events[i]!.id, eventAt: (i) => events[i]!, textAt: (i) => events[i]!, titleAt: (i) => events[i]! };
}

const TYPE_INDEX = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, i]));
const ROLE_INDEX = new Map<string, number>(ROLES.map((r, i) => [r, i]));

/** The type's column value: its place in EVENT_TYPES, that of 'other' for a type not there. */
export const typeIndexOf = (type: string): number => TYPE_INDEX.get(type as EventType) ?? TYPE_INDEX.get('other')!;
/** The role's bit in actorRoles. */
export const roleBitOf = (role: string): number => 1 << ROLE_INDEX.get(role)!;

/**
 * The table's columns, without the events and the maps. The import worker computes them where it
 * parsed the data and posts them as typed arrays, so that the page does not stop to index a large
 * file.
 */
export interface TableColumns {
  /** Row i of the table is dataset.events[order[i]]. */
  order: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  type: Uint8Array;
  actorOffset: Uint32Array;
  actorIndex: Uint32Array;
  actorRoles: Uint16Array;
  placeOf: Int32Array;
  places: TablePlace[];
  lon: Float64Array;
  lat: Float64Array;
  geoPrecision: Uint8Array;
  longestDuration: number;
  maxEnd: number;
}

/**
 * What the table's columns are computed from, one event at a time: the dataset's event objects,
 * or the packed columns (see packedEvents.ts), so that both give the same columns by one code.
 */
export interface ColumnReader {
  readonly size: number;
  idAt(i: number): string;
  /** anchorTime of the event's start, and of its end (null when it has none). */
  startAnchorAt(i: number): number;
  endAnchorAt(i: number): number | null;
  typeAt(i: number): string;
  /** The event's place, or null. */
  placeAt(i: number): Pick<Place, 'name' | 'country' | 'admin'> | null;
  /** The place's longitude and latitude (NaN: none), and geoPrecisionCode of its precision. */
  lonAt(i: number): number;
  latAt(i: number): number;
  geoPrecisionAt(i: number): number;
  /** Calls `visit` with each actor reference's actor id and role, in order. */
  forEachActor(i: number, visit: (actor: string, role: string) => void): void;
  /**
   * Compares two events' ids as `<` compares the strings, where the reader can do it without a
   * string per id (the packed reader compares them where they lie, in the joined ids).
   */
  compareIds?(a: number, b: number): number;
  /** The ids' characters, where the reader can give them without a string per id. */
  idChars?(): IdChars;
  /**
   * Types and actor references as the columns hold them, where the reader can give them faster
   * than by looking each string up (the packed reader looks up each distinct string once).
   */
  indexed?(actorRow: ReadonlyMap<string, number>): IndexedReader | undefined;
}

/** Event i's type and actors as column values. */
export interface IndexedReader {
  /** typeIndexOf(typeAt(i)). */
  typeIndexAt(i: number): number;
  /** Calls `visit` with the actor row and role bit of each reference to an actor in actorRow, in order. */
  forEachActorRow(i: number, visit: (row: number, bit: number) => void): void;
}

function lookUpEachTime(reader: ColumnReader, actorRow: ReadonlyMap<string, number>): IndexedReader {
  return {
    typeIndexAt: (i) => typeIndexOf(reader.typeAt(i)),
    forEachActorRow: (i, visit) =>
      reader.forEachActor(i, (actor, role) => {
        const row = actorRow.get(actor);
        if (row !== undefined) visit(row, roleBitOf(role));
      }),
  };
}

/** A reader of event objects: those of an array, or any given by index. */
export function eventsColumnReader(events: readonly ConflictEvent[]): ColumnReader {
  return objectColumnReader(events.length, (i) => events[i]!);
}

export function objectColumnReader(size: number, eventAt: (i: number) => ConflictEvent): ColumnReader {
  const anchorOf = createAnchorCache();
  return {
    size,
    idAt: (i) => eventAt(i).id,
    startAnchorAt: (i) => anchorOf(eventAt(i).start),
    endAnchorAt: (i) => {
      const end = eventAt(i).end;
      return end ? anchorOf(end) : null;
    },
    typeAt: (i) => eventAt(i).type,
    placeAt: (i) => eventAt(i).place ?? null,
    lonAt: (i) => eventAt(i).place?.lon ?? NaN,
    latAt: (i) => eventAt(i).place?.lat ?? NaN,
    geoPrecisionAt: (i) => geoPrecisionCode(eventAt(i).place?.precision),
    forEachActor: (i, visit) => {
      for (const ref of eventAt(i).actors) visit(ref.actor, ref.role);
    },
  };
}

export function computeTableColumns(dataset: { readonly events: readonly ConflictEvent[]; readonly actors: readonly Actor[] }): TableColumns {
  return computeColumns(eventsColumnReader(dataset.events), dataset.actors);
}

export function computeColumns(reader: ColumnReader, actors: readonly Actor[]): TableColumns {
  const { size } = reader;
  // First each event's values, in the events' order. Then the rows, in time order, gather them.
  // At a million events, reading the events' columns in time order (each event far from the one
  // before) took a second; gathering from a few arrays takes a fraction of that.
  const anchors = new Float64Array(size);
  const compareIds = reader.compareIds?.bind(reader);
  const ids = compareIds ? [] : new Array<string>(size);
  const hasEnd = new Uint8Array(size);
  const endAnchors = new Float64Array(size);
  const typeOf = new Uint8Array(size);
  // An event's place as first numbered here (in the events' order); rows number them in time order.
  const placeOfEvent = new Int32Array(size).fill(-1);
  const lonOfEvent = new Float64Array(size);
  const latOfEvent = new Float64Array(size);
  const precisionOfEvent = new Uint8Array(size);
  const placesMet: TablePlace[] = [];
  const placeByKey = new Map<string, number>();
  // Found by its name object first: importers and packed tables share one per distinct name.
  const placeByName = new Map<object, { country: string; at: number }>();
  const placeIndex = (place: Pick<Place, 'name' | 'country' | 'admin'>) => {
    const known = placeByName.get(place.name);
    if (known?.country === place.country) return known.at;
    const names = Object.values(place.name);
    const key = `${place.country}\u0000${names.join('\u0000')}`;
    let at = placeByKey.get(key);
    if (at === undefined) {
      at = placesMet.length;
      placeByKey.set(key, at);
      const admin1 = place.admin?.[0];
      placesMet.push({ country: place.country, name: place.name.en ?? names[0]!, keys: names.map((n) => n.toLocaleLowerCase('en')), key, ...(admin1 ? { admin1 } : {}) });
    }
    if (!known) placeByName.set(place.name, { country: place.country, at });
    return at;
  };
  // Each event's actor references: one per actor, with the bits of its roles.
  const actorRow = new Map<string, number>(actors.map((a, i) => [a.id, i]));
  const refOffset = new Uint32Array(size + 1);
  // Typed, and grown when full: most events name one or two actors.
  let refs = new Uint32Array(2 * size + 16);
  let refRoleBits = new Uint16Array(2 * size + 16);
  let refCount = 0;
  let first = 0;
  const indexed = reader.indexed?.(actorRow) ?? lookUpEachTime(reader, actorRow);
  const addActor = (row: number, bit: number) => {
    for (let at = first; at < refCount; at++) {
      if (refs[at] === row) {
        refRoleBits[at]! |= bit;
        return;
      }
    }
    if (refCount === refs.length) {
      refs = grownTo(new Uint32Array(2 * refCount), refs);
      refRoleBits = grownTo(new Uint16Array(2 * refCount), refRoleBits);
    }
    refs[refCount] = row;
    refRoleBits[refCount++] = bit;
  };
  for (let e = 0; e < size; e++) {
    anchors[e] = reader.startAnchorAt(e);
    if (!compareIds) ids[e] = reader.idAt(e);
    const endAnchor = reader.endAnchorAt(e);
    if (endAnchor !== null) {
      hasEnd[e] = 1;
      endAnchors[e] = endAnchor;
    }
    typeOf[e] = indexed.typeIndexAt(e);
    const place = reader.placeAt(e);
    if (place) placeOfEvent[e] = placeIndex(place);
    lonOfEvent[e] = reader.lonAt(e);
    latOfEvent[e] = reader.latAt(e);
    precisionOfEvent[e] = reader.geoPrecisionAt(e);
    refOffset[e] = first = refCount;
    indexed.forEachActorRow(e, addActor);
  }
  refOffset[size] = refCount;

  const idChars = reader.idChars?.() ?? { length: (i: number) => ids[i]!.length, charAt: (i: number, k: number) => ids[i]!.charCodeAt(k) };
  const order = timeOrder(anchors, compareIds ?? ((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0)), idSortKeys(size, idChars));
  const start = new Float64Array(size);
  const end = new Float64Array(size);
  const type = new Uint8Array(size);
  const actorOffset = new Uint32Array(size + 1);
  const actorIndex = new Uint32Array(refCount);
  const actorRoles = new Uint16Array(refCount);
  const placeOf = new Int32Array(size).fill(-1);
  const places: TablePlace[] = [];
  const rowOfPlace = new Int32Array(placesMet.length).fill(-1);
  let longestDuration = 0;
  let maxEnd = -Infinity;
  let ref = 0;
  // One column at a time: each pass reads one or two arrays out of order, not all of them.
  for (let i = 0; i < size; i++) start[i] = anchors[order[i]!]!;
  for (let i = 0; i < size; i++) {
    const e = order[i]!;
    end[i] = hasEnd[e] ? Math.max(start[i]!, endAnchors[e]!) : start[i]!;
    longestDuration = Math.max(longestDuration, end[i]! - start[i]!);
    maxEnd = Math.max(maxEnd, end[i]!);
  }
  for (let i = 0; i < size; i++) type[i] = typeOf[order[i]!]!;
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);
  const geoPrecision = new Uint8Array(size);
  for (let i = 0; i < size; i++) lon[i] = lonOfEvent[order[i]!]!;
  for (let i = 0; i < size; i++) lat[i] = latOfEvent[order[i]!]!;
  for (let i = 0; i < size; i++) geoPrecision[i] = precisionOfEvent[order[i]!]!;
  for (let i = 0; i < size; i++) {
    const place = placeOfEvent[order[i]!]!;
    if (place >= 0) {
      if (rowOfPlace[place] === -1) rowOfPlace[place] = places.push(placesMet[place]!) - 1;
      placeOf[i] = rowOfPlace[place]!;
    }
  }
  for (let i = 0; i < size; i++) {
    const e = order[i]!;
    actorOffset[i] = ref;
    for (let r = refOffset[e]!; r < refOffset[e + 1]!; r++, ref++) {
      actorIndex[ref] = refs[r]!;
      actorRoles[ref] = refRoleBits[r]!;
    }
  }
  actorOffset[size] = ref;
  return { order, start, end, type, actorOffset, actorIndex, actorRoles, placeOf, places, lon, lat, geoPrecision, longestDuration, maxEnd };
}

/** `bigger`, with `array` copied to its start. */
function grownTo<T extends Uint32Array | Uint16Array>(bigger: T, array: T): T {
  bigger.set(array);
  return bigger;
}

/** anchorTime, worked out once per time object (importers share one object per distinct time). */
function createAnchorCache(): (time: TimeValue) => number {
  const byObject = new Map<object, number>();
  return (time) => {
    let anchor = byObject.get(time);
    if (anchor === undefined) {
      anchor = anchorTime(time);
      byObject.set(time, anchor);
    }
    return anchor;
  };
}

/** The characters of each event's id. */
export interface IdChars {
  length(i: number): number;
  /** The UTF-16 code of character k of event i's id. */
  charAt(i: number, k: number): number;
}

/** Characters of an id a sort key holds, 7 bits each (ASCII): 28 bits, which leave room for a position (see timeOrder). */
const KEY_CHARS = 4;
const KEY_BASE = 128;

/**
 * Per event, a number that orders the ids as `<` does as far as their first KEY_CHARS characters
 * after the prefix all of them share go (a shorter id counts as padded with character 0); null when
 * an id has a character there that is not ASCII, or is 0 (ID_PATTERN allows neither).
 */
export function idSortKeys(size: number, ids: IdChars): Float64Array | null {
  let prefix = size > 0 ? ids.length(0) : 0;
  for (let i = 1; i < size && prefix > 0; i++) {
    const shared = Math.min(prefix, ids.length(i));
    let k = 0;
    while (k < shared && ids.charAt(i, k) === ids.charAt(0, k)) k++;
    prefix = k;
  }
  const keys = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const length = ids.length(i);
    let key = 0;
    for (let k = prefix; k < prefix + KEY_CHARS; k++) {
      const c = k < length ? ids.charAt(i, k) : 0;
      if (k < length && (c === 0 || c >= KEY_BASE)) return null;
      key = key * KEY_BASE + c;
    }
    keys[i] = key;
  }
  return keys;
}

/** Positions a sort key leaves room for: a bucket of more events is sorted by comparing ids. */
const POSITIONS = 2 ** 20;

/**
 * The permutation that sorts events by anchor, then by id (`compareIds` compares two events' ids),
 * then by index. Events are put in buckets of equal anchor, by the anchor's rank among the distinct
 * anchors (sorted as numbers, natively), and only a bucket of several (exports give many events
 * the same day) is sorted by id: with `idKeys` (see idSortKeys), natively by key and position,
 * and then only the events of equal key by comparing their ids.
 */
export function timeOrder(anchors: Float64Array, compareIds: (a: number, b: number) => number, idKeys: Float64Array | null = null): Uint32Array {
  const size = anchors.length;
  const { rank, distinct } = anchorRanks(anchors);
  // Where each bucket starts in the order, by the rank of its anchor.
  const counts = new Uint32Array(distinct + 1);
  for (let i = 0; i < size; i++) counts[rank[i]! + 1]!++;
  for (let r = 0; r < distinct; r++) counts[r + 1]! += counts[r]!;
  const order = new Uint32Array(size);
  const next = counts.slice(0, distinct);
  for (let i = 0; i < size; i++) order[next[rank[i]!]!++] = i;
  const byId = (a: number, b: number) => compareIds(a, b) || a - b;
  for (let r = 0; r < distinct; r++) {
    const from = counts[r]!;
    const to = counts[r + 1]!;
    if (to - from < 2) continue;
    if (idKeys && to - from <= POSITIONS) sortBucketByKey(order, from, to, idKeys, byId);
    else order.subarray(from, to).sort(byId);
  }
  return order;
}

/** A double's two halves, to hash it by. */
const doubleBits = new Float64Array(1);
const doubleHalves = new Int32Array(doubleBits.buffer);
function hashOfDouble(value: number): number {
  doubleBits[0] = value;
  return Math.imul(doubleHalves[0]! ^ Math.imul(doubleHalves[1]!, 0x9e3779b1), 0x85ebca6b) >>> 7;
}

/**
 * Per event, the rank of its anchor among the distinct anchors, and how many there are (at least
 * one for any events). The distinct anchors are found with a hash table (an export has a few
 * thousand, its events' days) and only they are sorted: sorting every anchor and finding each
 * one's rank by a binary search took a fifth of a second at a million events.
 * 0 and -0 are one anchor; NaN ranks first (with the lowest anchor's events), as it did.
 */
function anchorRanks(anchors: Float64Array): { rank: Uint32Array; distinct: number } {
  const size = anchors.length;
  let capacity = 1024;
  let keys = new Float64Array(capacity);
  // Per slot: the index of its anchor in `values` + 1, or 0 when empty.
  let slots = new Int32Array(capacity);
  const values: number[] = [];
  const valueOf = new Int32Array(size).fill(-1);
  const slotFor = (anchor: number) => {
    const mask = capacity - 1;
    let slot = hashOfDouble(anchor) & mask;
    while (slots[slot] !== 0 && keys[slot] !== anchor) slot = (slot + 1) & mask;
    return slot;
  };
  for (let i = 0; i < size; i++) {
    const anchor = anchors[i]! === 0 ? 0 : anchors[i]!;
    if (anchor !== anchor) continue;
    let slot = slotFor(anchor);
    if (slots[slot] === 0) {
      // At most half full.
      if ((values.length + 1) * 2 > capacity) {
        capacity *= 2;
        keys = new Float64Array(capacity);
        slots = new Int32Array(capacity);
        values.forEach((value, k) => {
          const free = slotFor(value);
          keys[free] = value;
          slots[free] = k + 1;
        });
        slot = slotFor(anchor);
      }
      keys[slot] = anchor;
      slots[slot] = values.push(anchor);
    }
    valueOf[i] = slots[slot]! - 1;
  }
  const sorted = Float64Array.from(values).sort();
  const rankOfValue = new Uint32Array(values.length);
  for (let r = 0; r < sorted.length; r++) rankOfValue[slots[slotFor(sorted[r]!)]! - 1] = r;
  const rank = new Uint32Array(size);
  for (let i = 0; i < size; i++) rank[i] = valueOf[i]! < 0 ? 0 : rankOfValue[valueOf[i]!]!;
  return { rank, distinct: Math.max(values.length, size > 0 ? 1 : 0) };
}

/**
 * Sorts order[from, to) by id: by key (then position, which keeps index order) as plain numbers,
 * natively, then each run of equal keys by `byId`.
 */
function sortBucketByKey(order: Uint32Array, from: number, to: number, idKeys: Float64Array, byId: (a: number, b: number) => number): void {
  const events = order.slice(from, to);
  const keyed = new Float64Array(to - from);
  for (let j = 0; j < keyed.length; j++) keyed[j] = idKeys[events[j]!]! * POSITIONS + j;
  keyed.sort();
  let run = from;
  for (let j = 0; j < keyed.length; j++) {
    order[from + j] = events[keyed[j]! % POSITIONS]!;
    const key = Math.floor(keyed[j]! / POSITIONS);
    if (j + 1 === keyed.length || Math.floor(keyed[j + 1]! / POSITIONS) !== key) {
      if (from + j + 1 - run > 1) order.subarray(run, from + j + 1).sort(byId);
      run = from + j + 1;
    }
  }
}

/** The table from its events, their actors and the columns computed from them, with the lookups by id. */
export function assembleEventTable(actors: readonly Actor[], source: EventSource, columns: TableColumns): EventTable {
  const { order } = columns;
  const size = order.length;
  if (size !== source.size) throw new Error(`the table's columns describe ${size} events, the dataset ${source.size}`);
  // Built when first asked: most views never look an event up by id, and at a million events the
  // table takes a third of a second to hash them.
  const rowOfId = lazyIdLookup(() => (source.ids ? idLookupOfColumn(source.ids, order) : idLookupOf(size, (row) => source.idAt(order[row]!))));
  return {
    size,
    eventAt: (row) => source.eventAt(order[row]!),
    textAt: (row) => source.textAt(order[row]!),
    titleAt: (row) => source.titleAt(order[row]!),
    idAt: (row) => source.idAt(order[row]!),
    order,
    start: columns.start,
    end: columns.end,
    type: columns.type,
    actorOffset: columns.actorOffset,
    actorIndex: columns.actorIndex,
    actorRoles: columns.actorRoles,
    actors,
    actorRow: new Map<string, number>(actors.map((a, i) => [a.id, i])),
    rowOfId,
    placeOf: columns.placeOf,
    places: columns.places,
    lon: columns.lon,
    lat: columns.lat,
    geoPrecision: columns.geoPrecision,
    longestDuration: columns.longestDuration,
    extent: size ? { from: columns.start[0] as UtcMillis, to: columns.maxEnd as UtcMillis } : null,
  };
}

export function buildEventTable(dataset: Pick<Dataset, 'events' | 'actors'>): EventTable {
  return assembleEventTable(dataset.actors, arrayEvents(dataset.events), computeTableColumns(dataset));
}

/** The first row whose start is >= t. */
export function lowerBound(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first row whose start is > t. */
export function upperBound(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows that overlap [from, to] and pass the filter mask (1 = passes; null = all pass), in time
 * order. Only rows that start at most `longestDuration` before the window can reach into it.
 */
export function rowsInWindow(table: EventTable, mask: Uint8Array | null, from: number, to: number): Uint32Array {
  const lo = lowerBound(table.start, from - table.longestDuration);
  const hi = upperBound(table.start, to);
  const out = new Uint32Array(Math.max(0, hi - lo));
  let n = 0;
  for (let i = lo; i < hi; i++) {
    if (table.end[i]! >= from && (mask === null || mask[i] === 1)) out[n++] = i;
  }
  return out.subarray(0, n);
}

export function actorRowsOf(table: EventTable, row: number): Uint32Array {
  return table.actorIndex.subarray(table.actorOffset[row], table.actorOffset[row + 1]);
}

const presentTypes = new WeakMap<EventTable, Uint8Array>();
/** Per event type (index into EVENT_TYPES): 1 when the table holds an event of that type. Worked out once per table. */
export function typesPresent(table: EventTable): Uint8Array {
  let present = presentTypes.get(table);
  if (!present) {
    present = new Uint8Array(EVENT_TYPES.length);
    for (let i = 0; i < table.size; i++) present[table.type[i]!] = 1;
    presentTypes.set(table, present);
  }
  return present;
}
