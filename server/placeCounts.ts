// Engine-agnostic part of the place counts: an engine groups the rows by country and by place
// (its names, lower-cased, as it stores them) and names each group by one of its events; here the
// groups become the app's list (placeCounts in src/store/derived.ts): one entry per country and
// shown name, busiest first, then by name.
import type { ConflictEvent } from '../src/model/schema.ts';
import { PLACE_LIMIT, type PlaceCount, type PlaceCounts } from './engine.ts';

/** Groups an engine reads, at most this many (busiest first): twice the list, as groups of one shown name merge. */
export const PLACE_GROUP_LIMIT = 2 * PLACE_LIMIT;

/** One group of rows with the same place: its count, and the first row (time order), whose event names it. */
export interface PlaceGroup {
  country: string;
  n: number;
  firstRow: number;
}

/** The name the app shows for an event's place (TablePlace.name): English, else the first name given. */
export function shownPlaceName(event: Pick<ConflictEvent, 'place'>): string | null {
  const name = event.place?.name;
  if (!name) return null;
  return name.en ?? Object.values(name)[0] ?? null;
}

/** The list from the groups and the events that name them (by first row); a group without a name is left out. */
export function placeCountsOf(countries: Record<string, number>, groups: readonly PlaceGroup[], eventOfRow: ReadonlyMap<number, Pick<ConflictEvent, 'place'>>): PlaceCounts {
  const byName = new Map<string, PlaceCount>();
  for (const group of groups) {
    const event = eventOfRow.get(group.firstRow);
    const name = event ? shownPlaceName(event) : null;
    if (name === null) continue;
    const key = `${group.country}\u0000${name}`;
    const entry = byName.get(key) ?? { country: group.country, name, count: 0 };
    entry.count += group.n;
    byName.set(key, entry);
  }
  const places = [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, PLACE_LIMIT);
  return { countries, places };
}
