// Which query words a search reads, and in which order.
import { describe, expect, it } from 'vitest';
import { filteringWords } from './duckdbSearch.ts';

describe('filteringWords', () => {
  it('leaves out a word that every event holds, and reads the others rarest first', () => {
    const reach = (word: string, most: number, bound: number) => ({ word, words: 1, most, bound });
    expect(filteringWords([reach('village', 100, 100), reach('12', 30, 40), reach('1', 60, 90), reach('zz', 0, 0)], 100)).toEqual(['zz', '12', '1']);
    // Held by every event through several words (no one word in all): still a filter.
    expect(filteringWords([reach('a', 60, 100)], 100)).toEqual(['a']);
    expect(filteringWords([reach('village', 100, 100)], 100)).toEqual([]);
  });
});
