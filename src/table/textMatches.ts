// Text search that narrows as the user types: rows matching "cease" are the only ones that can
// match "ceasefire", so each key scans the rows the query before it left, not every row.
import { matchesQuery } from './search.ts';

/** Finds the rows whose search text holds every word; 1 in the mask for those rows. */
export interface TextMatcher {
  mask(words: readonly string[]): Uint8Array;
}

/** Rows (in order) whose indexed text holds every word; only `within` is scanned when given. */
export function rowsMatching(index: readonly string[], words: readonly string[], within?: Uint32Array): Uint32Array {
  const out = new Uint32Array(within ? within.length : index.length);
  let n = 0;
  if (within) {
    for (const row of within) if (matchesQuery(index[row]!, words)) out[n++] = row;
  } else {
    for (let row = 0; row < index.length; row++) if (matchesQuery(index[row]!, words)) out[n++] = row;
  }
  return out.slice(0, n);
}

/**
 * Whether every row matching `words` also matches `easier`: so it is when each easier word lies
 * inside one of the words (a row holding "ceasefire" holds "cease").
 */
export function narrows(words: readonly string[], easier: readonly string[]): boolean {
  return easier.every((e) => words.some((w) => w.includes(e)));
}

/** How many recent answers are kept to narrow from. */
const RECENT = 8;

/** A matcher over one table's search index that remembers its last answers and narrows from them. */
export function createTextMatcher(index: () => readonly string[]): TextMatcher {
  const recent: { key: string; words: readonly string[]; rows: Uint32Array; mask: Uint8Array }[] = [];
  return {
    mask(words) {
      const key = words.join(' ');
      const at = recent.findIndex((r) => r.key === key);
      if (at >= 0) {
        const [hit] = recent.splice(at, 1);
        recent.unshift(hit!);
        return hit!.mask;
      }
      const rowsIndex = index();
      let base: Uint32Array | undefined;
      for (const r of recent) if (narrows(words, r.words) && (!base || r.rows.length < base.length)) base = r.rows;
      const rows = rowsMatching(rowsIndex, words, base);
      const mask = new Uint8Array(rowsIndex.length);
      for (const row of rows) mask[row] = 1;
      recent.unshift({ key, words, rows, mask });
      if (recent.length > RECENT) recent.pop();
      return mask;
    },
  };
}
