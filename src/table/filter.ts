// Filters as pure functions over the table: the result is a mask, 1 for rows that pass.
import { EVENT_TYPES, type EventType } from '../model/taxonomy.ts';
import { ROLES, type Role } from '../model/schema.ts';
import type { EventTable } from './eventTable.ts';
import { queryWords } from './search.ts';
import type { TextMatcher } from './wordIndex.ts';
import type { GeoBox } from '../model/geo.ts';

export interface Filters {
  /** Selected actor ids; an event passes when any of its actors is selected. Empty = no filter. */
  actors: readonly string[];
  /** Narrows the actor filter to actors in this role. */
  role: Role | null;
  /** Selected event types. Empty = no filter. */
  types: readonly EventType[];
  q: string;
  /** ISO 3166-1 alpha-3 country of the event's place. */
  country: string | null;
  /** The place's name (in any language). */
  place: string | null;
  /** The area on the map: an event passes when its coordinates lie in it (edges included); one without coordinates does not. */
  area: GeoBox | null;
}

export const NO_FILTERS: Filters = { actors: [], role: null, types: [], q: '', country: null, place: null, area: null };

export function isFiltering(f: Filters): boolean {
  return f.actors.length > 0 || f.types.length > 0 || f.q.trim() !== '' || f.country !== null || f.place !== null || f.area !== null;
}

export type FilterFacet = 'actors' | 'types' | 'q' | 'place' | 'area';

/** Whether a facet narrows the rows at all: when it does not, the mask without it is the whole mask. */
export function facetActive(filters: Filters, facet: FilterFacet): boolean {
  if (facet === 'actors') return filters.actors.length > 0;
  if (facet === 'types') return filters.types.length > 0;
  if (facet === 'q') return queryWords(filters.q).length > 0;
  if (facet === 'area') return filters.area !== null;
  return filters.country !== null || filters.place !== null;
}

/**
 * The mask of rows that pass every filter except `skip` (for facet counts: "events under the
 * other filters"). Returns null when nothing is filtered, meaning every row passes. `text`
 * answers for the text filter (see createWordMatcher). The mask is read only: it may be the
 * text matcher's own.
 */
export function filterMask(
  table: EventTable,
  filters: Filters,
  text: TextMatcher,
  skip?: FilterFacet,
): Uint8Array | null {
  const byActors = skip !== 'actors' && facetActive(filters, 'actors');
  const byTypes = skip !== 'types' && facetActive(filters, 'types');
  const words = skip === 'q' ? [] : queryWords(filters.q);
  const byPlace = skip !== 'place' && facetActive(filters, 'place');
  const area = skip !== 'area' ? filters.area : null;
  if (!byActors && !byTypes && !words.length && !byPlace && !area) return null;

  const actorWanted = new Uint8Array(table.actors.length);
  for (const id of filters.actors) {
    const row = table.actorRow.get(id);
    if (row !== undefined) actorWanted[row] = 1;
  }
  const typeWanted = new Uint8Array(EVENT_TYPES.length);
  for (const t of filters.types) typeWanted[EVENT_TYPES.indexOf(t)] = 1;
  const textMask = words.length ? text.mask(words) : null;
  // Text alone: the matcher's mask is the answer (read only, as every mask is).
  if (textMask && !byActors && !byTypes && !byPlace && !area) return textMask;
  const roleBits = filters.role === null ? 0xffff : 1 << ROLES.indexOf(filters.role);
  const placeKey = filters.place?.toLocaleLowerCase('en') ?? null;
  // Places are matched once each, then rows look up their place's answer.
  const placeWanted = new Uint8Array(table.places.length);
  if (byPlace) {
    table.places.forEach((p, i) => {
      placeWanted[i] = (filters.country === null || p.country === filters.country) && (placeKey === null || p.keys.includes(placeKey)) ? 1 : 0;
    });
  }

  // The box's edges and the coordinate columns as locals: at a million rows this loop is the cost.
  const { lon, lat } = table;
  const west = area?.west ?? 0;
  const east = area?.east ?? 0;
  const south = area?.south ?? 0;
  const north = area?.north ?? 0;

  const mask = new Uint8Array(table.size);
  for (let row = 0; row < table.size; row++) {
    if (byTypes && !typeWanted[table.type[row]!]) continue;
    if (area) {
      // Written so that NaN (no coordinates) fails: every comparison with NaN is false.
      const x = lon[row]!;
      const y = lat[row]!;
      if (!(x >= west && x <= east && y >= south && y <= north)) continue;
    }
    if (byActors) {
      let any = false;
      for (let k = table.actorOffset[row]!; k < table.actorOffset[row + 1]! && !any; k++) {
        any = actorWanted[table.actorIndex[k]!] === 1 && (table.actorRoles[k]! & roleBits) !== 0;
      }
      if (!any) continue;
    }
    if (byPlace) {
      const place = table.placeOf[row]!;
      if (place < 0 || !placeWanted[place]) continue;
    }
    if (textMask && textMask[row] !== 1) continue;
    mask[row] = 1;
  }
  return mask;
}
