// The table's rows by event id. A Map of a million id strings took the page over a second to
// build after a large import (each id cut out of the packed column, hashed and stored). This is an
// open-addressing hash table in one Int32Array, filled by hashing each id where it lies in one
// string (the packed id column, or all the ids joined), without cutting it out.
import type { JoinedStrings } from './joinedStrings.ts';
import { hashOf, sameStretch, spread } from './textHash.ts';

export interface IdLookup {
  /** The row of the event with this id, or undefined. */
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/**
 * Rows by id, where the id of row r is text.slice(from[order[r]], from[order[r] + 1]). Where two
 * rows share an id, the later row is found (as a Map filled in row order would give), and
 * `onRepeat` hears of it.
 */
export function idLookupOfColumn(ids: Pick<JoinedStrings, 'text' | 'start'>, order: Uint32Array, onRepeat?: (row: number, earlier: number) => void): IdLookup {
  const { text, start } = ids;
  const size = order.length;
  let capacity = 8;
  while (capacity < size * 2) capacity *= 2;
  const mask = capacity - 1;
  // Slot value: row + 1, or 0 for an empty slot.
  const slots = new Int32Array(capacity);
  /** Whether row's id is other.slice(from, from + length). */
  const idIs = (row: number, other: string, from: number, length: number) => {
    const at = start[order[row]!]!;
    return start[order[row]! + 1]! - at === length && sameStretch(text, at, other, from, length);
  };
  for (let row = 0; row < size; row++) {
    const from = start[order[row]!]!;
    const to = start[order[row]! + 1]!;
    let slot = spread(hashOf(text, from, to)) & mask;
    while (slots[slot] !== 0 && !idIs(slots[slot]! - 1, text, from, to - from)) slot = (slot + 1) & mask;
    if (slots[slot] !== 0) onRepeat?.(row, slots[slot]! - 1);
    slots[slot] = row + 1;
  }
  const get = (id: string) => {
    for (let slot = spread(hashOf(id, 0, id.length)) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) if (idIs(slots[slot]! - 1, id, 0, id.length)) return slots[slot]! - 1;
    return undefined;
  };
  return { get, has: (id) => get(id) !== undefined };
}

/** Rows by id, where row r's id is idOfRow(r): the ids are joined into one column first. */
export function idLookupOf(size: number, idOfRow: (row: number) => string): IdLookup {
  const pieces: string[] = [];
  const start = new Uint32Array(size + 1);
  for (let row = 0; row < size; row++) {
    const id = idOfRow(row);
    pieces.push(id);
    start[row + 1] = start[row]! + id.length;
  }
  return idLookupOfColumn({ text: pieces.join(''), start }, Uint32Array.from({ length: size }, (_, row) => row));
}

/** The lookup `build` gives, built on the first question asked of it. */
export function lazyIdLookup(build: () => IdLookup): IdLookup {
  let built: IdLookup | undefined;
  return {
    get: (id) => (built ??= build()).get(id),
    has: (id) => (built ??= build()).has(id),
  };
}
