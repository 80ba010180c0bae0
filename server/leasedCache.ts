// A small cache of values made on demand (a search's tables in the engine), the least recently
// used dropped past `capacity`. A value in use is leased: one dropped while leased is given to
// `drop` only when its last lease ends, so that no query loses the table it reads.

export interface LeasedCache<V> {
  /** Runs `use` with the value of `key`, made first if need be (once, however many ask at once). */
  lease<T>(key: string, use: (value: V) => Promise<T>): Promise<T>;
  /** Keys held, least recently used first (for tests). */
  keys(): string[];
}

interface Entry<V> {
  value: Promise<V>;
  leases: number;
  evicted: boolean;
}

export function createLeasedCache<V>(options: { capacity: number; make: (key: string) => Promise<V>; drop: (value: V) => Promise<void> }): LeasedCache<V> {
  // A Map keeps insertion order: re-inserting a key on use makes it the most recent.
  const entries = new Map<string, Entry<V>>();
  const dropWhenFree = (entry: Entry<V>) => {
    if (entry.evicted && entry.leases === 0) {
      // A value that could not be made has nothing to drop.
      entry.value.then(options.drop, () => {}).catch(() => {});
    }
  };
  const evictPastCapacity = () => {
    for (const [key, entry] of entries) {
      if (entries.size <= options.capacity) break;
      entries.delete(key);
      entry.evicted = true;
      dropWhenFree(entry);
    }
  };
  return {
    async lease(key, use) {
      let entry = entries.get(key);
      if (entry) entries.delete(key);
      else {
        const made: Entry<V> = { value: options.make(key), leases: 0, evicted: false };
        // A failed value is forgotten, so that the next lease makes it again.
        made.value.catch(() => {
          if (entries.get(key) === made) entries.delete(key);
        });
        entry = made;
      }
      entries.set(key, entry);
      entry.leases++;
      evictPastCapacity();
      try {
        return await use(await entry.value);
      } finally {
        entry.leases--;
        dropWhenFree(entry);
      }
    },
    keys: () => [...entries.keys()],
  };
}
