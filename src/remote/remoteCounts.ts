// The data server's facet counts in the shapes the filter panel reads for a table's
// (derived.ts: typeCounts per EVENT_TYPES index, actorCounts per actor row).
import { EVENT_TYPES } from '../model/taxonomy.ts';
import type { RemoteCounts, RemotePlaces } from '../store/remoteView.ts';
import type { PlaceCount } from '../store/derived.ts';

export function remoteTypeCounts(counts: RemoteCounts): Uint32Array {
  return Uint32Array.from(EVENT_TYPES, (t) => counts.types[t] ?? 0);
}

export function remoteActorCounts(counts: RemoteCounts, actors: readonly { id: string }[]): Uint32Array {
  return Uint32Array.from(actors, (a) => counts.actors[a.id] ?? 0);
}

/** Which types the filter lists: those with events under the other filters, and those ticked. */
export function remoteTypesPresent(counts: RemoteCounts, ticked: readonly string[]): Uint8Array {
  return Uint8Array.from(EVENT_TYPES, (t) => ((counts.types[t] ?? 0) > 0 || ticked.includes(t) ? 1 : 0));
}

/** The server's place counts in the shape of placeCounts (derived.ts), which the place filter reads. */
export function remotePlaceCounts(places: RemotePlaces): { countries: Map<string, number>; places: PlaceCount[] } {
  return { countries: new Map(Object.entries(places.countries)), places: places.places.map((p) => ({ ...p })) };
}
