// Engine-agnostic parts of lanes: which lanes there are (as src/layout/lanes.ts makes them) and
// the bins of each, from the (lane, bin, count) rows an engine's GROUP BY gives.
import { EVENT_TYPES, type EventType } from '../src/model/taxonomy.ts';
import { NO_PLACE_LANE, OTHER_ACTORS_LANE, type LaneBins } from './engine.ts';

/** Lanes by type: the types present, of the filter's types when set, in the taxonomy's order (typeLanes). */
export function typeLaneKeys(present: ReadonlySet<string>, only: readonly EventType[]): string[] {
  return EVENT_TYPES.filter((t) => present.has(t) && (only.length === 0 || only.includes(t)));
}

/**
 * Lanes by actor as actorLanes ranks them: busiest first, ties in the registry's order; when there
 * are more actors than `maxLanes`, or events without an actor, the last lane is "Other actors".
 */
export function actorLaneKeys(
  counts: ReadonlyMap<string, number>,
  actorless: number,
  registryOrder: ReadonlyMap<string, number>,
  maxLanes: number,
): { own: string[]; other: boolean } {
  const order = (id: string) => registryOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ranked = [...counts.keys()].filter((id) => counts.get(id)! > 0).sort((a, b) => counts.get(b)! - counts.get(a)! || order(a) - order(b));
  const other = ranked.length > maxLanes || actorless > 0;
  return { own: other ? ranked.slice(0, Math.max(0, maxLanes - 1)) : ranked, other };
}

/** The lanes `keys` (then "Other actors" when `other`), each with its counts per bin from `rows`. */
export function laneBinsOf(keys: readonly string[], other: boolean, rows: readonly { key: string; bin: number; n: number }[], bins: number): LaneBins[] {
  return binsOfLanes(other ? [...keys, OTHER_ACTORS_LANE] : keys, rows, bins);
}

/** The lanes `all`, in order, each with its counts per bin from `rows`. */
export function binsOfLanes(all: readonly string[], rows: readonly { key: string; bin: number; n: number }[], bins: number): LaneBins[] {
  const byKey = new Map(all.map((key) => [key, new Array<number>(bins).fill(0)]));
  for (const { key, bin, n } of rows) {
    const counts = byKey.get(key);
    if (counts && bin >= 0 && bin < bins) counts[bin] = n;
  }
  return all.map((key) => ({ key, counts: byKey.get(key)! }));
}

/**
 * Lanes by place as placeLanes ranks them: busiest first, ties by key (UTF-16 order, as the page's
 * `<`); "No place" (NO_PLACE_LANE) last when events have none, and "Other places"
 * (OTHER_ACTORS_LANE) before it when the places do not fit. `own`: the places with a lane.
 */
export function placeLaneKeys(counts: ReadonlyMap<string, number>, unplaced: number, maxLanes: number): { own: string[]; keys: string[] } {
  const ranked = [...counts.keys()].filter((place) => counts.get(place)! > 0).sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const room = Math.max(1, maxLanes - (unplaced > 0 ? 1 : 0));
  const own = ranked.length > room ? ranked.slice(0, Math.max(0, room - 1)) : ranked;
  return { own, keys: [...own, ...(ranked.length > room ? [OTHER_ACTORS_LANE] : []), ...(unplaced > 0 ? [NO_PLACE_LANE] : [])] };
}
