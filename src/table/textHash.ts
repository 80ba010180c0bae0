// Hashing a stretch of a string where it lies, without cutting it out: for hash tables of ids and
// words over a million rows, where a Map of strings would first need each one as its own string.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of text.slice(from, to). */
export function hashOf(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** MurmurHash3's finaliser: FNV-1a alone leaves its low bits, which pick the slot, poorly mixed. */
export function spread(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** Whether a.slice(aFrom, aFrom + length) equals b.slice(bFrom, bFrom + length). */
export function sameStretch(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}
