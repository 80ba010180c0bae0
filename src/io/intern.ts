// Values made once: importers meet the same dates, names, places and lists thousands of times in
// one file, and make, check and pack each distinct one once.

/** f, with each key's answer worked out once. */
export function memoize<K, T>(f: (key: K) => T): (key: K) => T {
  const answers = new Map<K, T>();
  return (key) => {
    // One lookup for a known answer; has() only where the answer may be undefined.
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known!;
    const answer = f(key);
    answers.set(key, answer);
    return answer;
  };
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
