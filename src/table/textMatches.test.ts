// Narrowing from earlier answers must find exactly the rows a full scan finds.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/fixtures.ts';
import { matchesQuery, queryWords } from './search.ts';
import { createTextMatcher, narrows, rowsMatching } from './textMatches.ts';

const random = seededRandom(21);
const VOCABULARY = ['cease', 'ceasefire', 'fire', 'armed', 'group', 'village', 'jermuk', 'shelling', 'protest', '2022', '20', '1', 'يريفان', 'وقف'];
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const index = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(VOCABULARY) + (random() < 0.3 ? String(Math.floor(random() * 300)) : '')).join(' '));
const naive = (words: readonly string[]) => index.flatMap((text, row) => (matchesQuery(text, words) ? [row] : []));

describe('text matching that narrows as the user types', () => {
  it('says when one query can only match rows of another', () => {
    expect(narrows(['ceasefire'], ['cease'])).toBe(true);
    expect(narrows(['ceasefire', 'jermuk'], ['fire', 'jer'])).toBe(true);
    expect(narrows(['cease'], ['ceasefire'])).toBe(false);
    expect(narrows(['village'], ['village', 'armed'])).toBe(false);
  });

  it('gives the same rows as a full scan while queries are typed, extended, cut back and replaced', () => {
    const matcher = createTextMatcher(() => index);
    let narrowed = 0;
    for (let session = 0; session < 40; session++) {
      const target = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(VOCABULARY) + (random() < 0.3 ? String(Math.floor(random() * 30)) : '')).join(' ');
      // Type it key by key, sometimes deleting a key, as a person would.
      for (let k = 1; k <= target.length; k++) {
        const typed = random() < 0.1 && k > 2 ? target.slice(0, k - 2) : target.slice(0, k);
        const words = queryWords(typed);
        if (!words.length) continue;
        const mask = matcher.mask(words);
        const expected = naive(words);
        expect(Array.from(mask.keys()).filter((row) => mask[row] === 1)).toEqual(expected);
        if (k > 1) narrowed++;
      }
    }
    expect(narrowed).toBeGreaterThan(100);
  });

  it('scans only the rows it is given', () => {
    const within = Uint32Array.from([0, 5, 9]);
    const all = naive(['a']);
    expect(Array.from(rowsMatching(index, ['a'], within))).toEqual([0, 5, 9].filter((row) => all.includes(row)));
  });
});
