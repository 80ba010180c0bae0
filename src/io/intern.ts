// Events from one export repeat the same places, times, actor lists and counts thousands of
// times. Importers hand out one shared, frozen object per distinct value, which keeps a 400,000-row
// file in memory (and cheap to send from the worker: structured cloning keeps the sharing).
import type { ConflictEvent } from '../model/schema.ts';

interface Interner<T> {
  get(key: string, make: () => T): T;
}

function createInterner<T>(): Interner<T> {
  const get = keyed<T>();
  return { get: (key, make) => get(key, () => Object.freeze(make())) };
}

/** Values found by a key: each made once, on first asking. */
export function keyed<T>(): (key: string, make: () => T) => T {
  const cache = new Map<string, T>();
  return (key, make) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make()));
    return value;
  };
}

/** The interners an importer of rows shares its event parts through. */
export function createEventInterners() {
  return {
    time: createInterner<ConflictEvent['start']>(),
    actors: createInterner<ConflictEvent['actors']>(),
    place: createInterner<NonNullable<ConflictEvent['place']>>(),
    counts: createInterner<ConflictEvent['counts']>(),
    tags: createInterner<ConflictEvent['tags']>(),
  };
}

/**
 * The key of a part made of several values: each with its length before it (and an absent one
 * marked as absent), so that two different lists of values never give one key, whatever "|" or
 * line breaks the texts hold.
 */
export function keyOf(...values: readonly (string | number | undefined)[]): string {
  let key = '';
  for (const value of values) {
    if (value === undefined) key += '~|';
    else {
      const text = String(value);
      key += `${text.length}:${text}|`;
    }
  }
  return key;
}

/** One empty list for every event that has no claims, relations or tags. */
export const NONE = Object.freeze([]) as unknown as never[];
