// Which counts made at load can answer a query in place of the events, for both engines: bins,
// counts and actor lanes read them when the filters are those of common browsing.
import type { EngineFilters } from './engine.ts';
import type { EventType } from '../src/model/taxonomy.ts';

/** A facet left out of the filters, for counts "under the other filters" (as filterMask's skip). */
export type SkippedFacet = 'types' | 'actors' | 'q' | 'place';

/** No filter but the type filter. */
export const onlyTypes = (filters: EngineFilters) => !filters.actors.length && !filters.words.length && filters.country === null && filters.place === null && !filters.bbox;

/**
 * 'types' when no filter but the type filter is set (but `skip`), 'actor' when one actor (in a
 * role) and at most the type filter; null: only the events can answer. Counts per actor cannot
 * answer for several actors: an event of two of them would count twice.
 */
export function countedBy(filters: EngineFilters, skip?: SkippedFacet): 'types' | 'actor' | null {
  const rest = { ...filters, types: skip === 'types' ? [] : filters.types, actors: skip === 'actors' ? [] : filters.actors };
  if (onlyTypes(rest)) return 'types';
  return rest.actors.length === 1 && onlyTypes({ ...rest, actors: [] }) ? 'actor' : null;
}

/**
 * The events of lanes by type `lanes` under `filters` are those of the filters with the type filter
 * narrowed to those types (so counts made at load find their pages as the view's); null when no
 * type is left, and no event.
 */
export function inTypeLanes(filters: EngineFilters, lanes: readonly EventType[]): EngineFilters | null {
  const types = filters.types.length ? filters.types.filter((type) => lanes.includes(type)) : [...new Set(lanes)];
  return types.length ? { ...filters, types } : null;
}
