// Which lanes the timeline has, and which lanes each event row belongs to.
import { EVENT_TYPES, EVENT_TYPE_INFO, type EventType } from '../model/taxonomy.ts';
import { actorName } from '../model/actors.ts';
import { actorRowsOf, typesPresent, type EventTable, type TablePlace } from '../table/eventTable.ts';
import { countryName } from '../model/countries.ts';

export type LaneMode = 'type' | 'actor' | 'place';

export interface LaneDef {
  key: string;
  label: string;
  /** The legend colour for type lanes. */
  colour: string | null;
}

export interface LaneAssignment {
  lanes: LaneDef[];
  /** The lanes a table row is drawn in (an event with two actors sits in both actors' lanes). */
  lanesOf(row: number): readonly number[];
  /** For lanes by type: the lane of each type index (−1: none), so that indexing can skip lanesOf. */
  laneOfType?: Int16Array;
}

const NONE: readonly number[] = [];

/**
 * One lane per event type present in the data, in the taxonomy's order; with `only` (the type
 * filter), just those types, so that filtered-out types leave no empty lanes.
 */
export function typeLanes(table: EventTable, lang: string, only: readonly EventType[] = []): LaneAssignment {
  const present = typesPresent(table).slice();
  if (only.length) EVENT_TYPES.forEach((t, i) => !only.includes(t) && (present[i] = 0));
  const laneOfType = new Int16Array(EVENT_TYPES.length).fill(-1);
  const lanes: LaneDef[] = [];
  EVENT_TYPES.forEach((t, i) => {
    if (!present[i]) return;
    laneOfType[i] = lanes.length;
    const info = EVENT_TYPE_INFO[t];
    lanes.push({ key: `type:${t}`, label: info.label[lang === 'ar' ? 'ar' : 'en'], colour: info.colour });
  });
  const single = lanes.map((_, i) => [i] as const);
  return { lanes, lanesOf: (row) => single[laneOfType[table.type[row]!]!] ?? NONE, laneOfType };
}

/**
 * Lanes by actor, made here or by a data server: a row sits in the lane of each of its actors,
 * and in "Other actors" (lane `other`, -1 for none) for an actor without a lane of its own or
 * when it has no actor.
 */
function actorLaneAssignment(table: EventTable, lanes: LaneDef[], laneOfActor: Int32Array, other: number): LaneAssignment {
  return {
    lanes,
    lanesOf(row) {
      const result: number[] = [];
      for (const a of actorRowsOf(table, row)) {
        const lane = laneOfActor[a]! >= 0 ? laneOfActor[a]! : other;
        if (lane >= 0 && !result.includes(lane)) result.push(lane);
      }
      if (result.length === 0 && other >= 0) result.push(other);
      return result;
    },
  };
}

/**
 * One lane per actor, busiest first, over the rows that pass the filters. When there are more
 * actors than `maxLanes`, the rest share a last lane, "Other actors".
 */
export function actorLanes(
  table: EventTable,
  mask: Uint8Array | null,
  lang: string,
  maxLanes: number,
  otherLabel: string,
): LaneAssignment {
  const counts = new Uint32Array(table.actors.length);
  let actorless = 0;
  for (let row = 0; row < table.size; row++) {
    if (mask && mask[row] !== 1) continue;
    const refs = actorRowsOf(table, row);
    if (refs.length === 0) actorless++;
    for (const a of refs) counts[a]!++;
  }
  const ranked = [...counts.keys()].filter((a) => counts[a]! > 0).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const needOther = ranked.length > maxLanes || actorless > 0;
  const own = needOther ? ranked.slice(0, Math.max(0, maxLanes - 1)) : ranked;
  const laneOfActor = new Int32Array(table.actors.length).fill(-1);
  const lanes: LaneDef[] = own.map((a, i) => {
    laneOfActor[a] = i;
    return { key: `actor:${table.actors[a]!.id}`, label: actorName(table.actors[a]!, lang), colour: null };
  });
  const other = needOther ? lanes.length : -1;
  if (needOther) lanes.push({ key: 'actor:*', label: otherLabel, colour: null });
  return actorLaneAssignment(table, lanes, laneOfActor, other);
}

/**
 * Lanes another engine made (the data server: event types, or actor ids with OTHER_ACTOR_KEY for
 * the rest), in its order. Rows of `table` sit in them as in typeLanes and actorLanes.
 */
export function lanesOfKeys(mode: LaneMode, keys: readonly string[], table: EventTable, lang: string, otherLabel: string, placeWords?: PlaceLaneWords): LaneAssignment {
  if (mode === 'place') return placeLaneAssignment(table, keys, placeWords ?? { locale: lang, otherPlaces: otherLabel, noPlace: '—' });
  if (mode === 'type') {
    const laneOfType = new Int16Array(EVENT_TYPES.length).fill(-1);
    const lanes: LaneDef[] = [];
    for (const key of keys) {
      const t = EVENT_TYPES.indexOf(key as EventType);
      if (t < 0 || laneOfType[t]! >= 0) continue;
      laneOfType[t] = lanes.length;
      const info = EVENT_TYPE_INFO[EVENT_TYPES[t]!];
      lanes.push({ key: `type:${EVENT_TYPES[t]!}`, label: info.label[lang === 'ar' ? 'ar' : 'en'], colour: info.colour });
    }
    const single = lanes.map((_, i) => [i] as const);
    return { lanes, lanesOf: (row) => single[laneOfType[table.type[row]!]!] ?? NONE, laneOfType };
  }
  const laneOfActor = new Int32Array(table.actors.length).fill(-1);
  let other = -1;
  const lanes: LaneDef[] = [];
  for (const key of keys) {
    if (key === OTHER_ACTOR_KEY) {
      other = lanes.length;
      lanes.push({ key: 'actor:*', label: otherLabel, colour: null });
      continue;
    }
    const a = table.actorRow.get(key);
    if (a !== undefined) laneOfActor[a] = lanes.length;
    lanes.push({ key: `actor:${key}`, label: a === undefined ? key : actorName(table.actors[a]!, lang), colour: null });
  }
  return actorLaneAssignment(table, lanes, laneOfActor, other);
}

/** The words lanes by place need, in the UI language. */
export interface PlaceLaneWords {
  /** The Intl locale for country names. */
  locale: string;
  otherPlaces: string;
  noPlace: string;
}

/**
 * A place's lane without its "place:" prefix, as a data server names it too: "ARM|Syunik" for a
 * first administrative area, "ARM" for a country alone (no admin1), "" for events without a place
 * and OTHER_PLACE_KEY for the rest.
 */
export const placeLaneKey = (place: Pick<TablePlace, 'country' | 'admin1'>): string => (place.admin1 ? `${place.country}|${place.admin1}` : place.country);
export const OTHER_PLACE_KEY = '*';
export const NO_PLACE_KEY = '';

/** "Syunik, ARM" for an admin1, "Armenia" for a country alone, in the UI's language. */
function placeLaneLabel(key: string, words: PlaceLaneWords): string {
  if (key === OTHER_PLACE_KEY) return words.otherPlaces;
  if (key === NO_PLACE_KEY) return words.noPlace;
  const bar = key.indexOf('|');
  return bar < 0 ? countryName(key, words.locale) : `${key.slice(bar + 1)}, ${key.slice(0, bar)}`;
}

/** Rows sit in the lane of their place's key; keys without a lane go to "Other places" (−1: none). */
function placeLaneAssignment(table: EventTable, keys: readonly string[], words: PlaceLaneWords): LaneAssignment {
  const laneOfKey = new Map(keys.map((key, i) => [key, i]));
  const other = laneOfKey.get(OTHER_PLACE_KEY) ?? -1;
  const laneOf = (key: string) => laneOfKey.get(key) ?? other;
  // Places are looked up once each; a row then reads its place's lane.
  const laneOfPlace = Int32Array.from(table.places, (p) => laneOf(placeLaneKey(p)));
  const noPlace = laneOf(NO_PLACE_KEY);
  const single = keys.map((_, i) => [i] as const);
  return {
    lanes: keys.map((key) => ({ key: `place:${key}`, label: placeLaneLabel(key, words), colour: null })),
    lanesOf(row) {
      const place = table.placeOf[row]!;
      return single[place < 0 ? noPlace : laneOfPlace[place]!] ?? NONE;
    },
  };
}

/**
 * One lane per first administrative area (admin1) of the events' places, or per country for
 * places without one, busiest first over the rows that pass the filters; events without a place
 * in "No place". Past `maxLanes`, the rest share "Other places".
 */
export function placeLanes(table: EventTable, mask: Uint8Array | null, maxLanes: number, words: PlaceLaneWords): LaneAssignment {
  const perPlace = new Uint32Array(table.places.length);
  let placeless = 0;
  for (let row = 0; row < table.size; row++) {
    if (mask && mask[row] !== 1) continue;
    const place = table.placeOf[row]!;
    if (place < 0) placeless++;
    else perPlace[place]!++;
  }
  const perKey = new Map<string, number>();
  table.places.forEach((p, i) => {
    if (perPlace[i]) perKey.set(placeLaneKey(p), (perKey.get(placeLaneKey(p)) ?? 0) + perPlace[i]!);
  });
  // Busiest first; ties in a stable order, so that lanes do not swap between equal counts.
  const ranked = [...perKey.keys()].sort((a, b) => perKey.get(b)! - perKey.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const room = Math.max(1, maxLanes - (placeless > 0 ? 1 : 0));
  const own = ranked.length > room ? ranked.slice(0, Math.max(0, room - 1)) : ranked;
  const keys = [...own, ...(ranked.length > room ? [OTHER_PLACE_KEY] : []), ...(placeless > 0 ? [NO_PLACE_KEY] : [])];
  return placeLaneAssignment(table, keys, words);
}

/** The key the data server gives the lane of the other actors. */
export const OTHER_ACTOR_KEY = '*';
