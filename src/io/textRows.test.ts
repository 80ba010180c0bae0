import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/fixtures.ts';
import { ID_MAX_LENGTH, ID_PATTERN } from '../model/schema.ts';
import { JoinedBuilder } from '../table/packedEvents.ts';
import { areUniqueIds, firstRowsOfText, TextRows } from './textRows.ts';

const joined = (texts: (string | undefined)[]) => {
  const builder = new JoinedBuilder(texts.length);
  texts.forEach((text, i) => builder.set(i, text));
  return builder.done();
};

/** Random short texts from a small alphabet, so that many repeat, with characters an id may not hold. */
function randomTexts(random: () => number, rows: number): string[] {
  const alphabet = ['a', 'b', 'A', '0', '9', '.', '_', ':', '-', ' ', 'é', 'ع', '\u{1F600}', '/'];
  return Array.from({ length: rows }, () => {
    const length = Math.floor(random() * 4);
    let text = '';
    for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)]!;
    return text;
  });
}

describe('rows of a joined column found by their text', () => {
  it('gives the first row with the same text, as a Map of the strings does, on random columns', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 50; round++) {
      const texts = randomTexts(random, 1 + Math.floor(random() * 300));
      const rows = new TextRows(joined(texts), texts.length);
      const first = new Map<string, number>();
      texts.forEach((text, i) => {
        expect(rows.firstWithTextOf(i), `"${text}"`).toBe(first.get(text) ?? -1);
        if (!first.has(text)) first.set(text, i);
      });
    }
  });

  it('gives each row its first row of the same text in one go, -1 for the first and for a row without text', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 30; round++) {
      const texts = randomTexts(random, 1 + Math.floor(random() * 300)).map((text) => (random() < 0.2 ? undefined : text));
      const first = new Map<string, number>();
      const expected = texts.map((text, i) => {
        if (text === undefined) return -1;
        const before = first.get(text);
        if (before === undefined) first.set(text, i);
        return before ?? -1;
      });
      expect(Array.from(firstRowsOfText(joined(texts)))).toEqual(expected);
    }
  });

  it('says whether a column holds ids, none repeated, as ID_PATTERN and a Set of them say', () => {
    const random = seededRandom(5);
    const naive = (ids: string[]) => ids.every((id) => id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id)) && new Set(ids).size === ids.length;
    const outcomes = { true: 0, false: 0 };
    for (let round = 0; round < 400; round++) {
      const rows = 1 + Math.floor(random() * 6);
      const ids = Array.from({ length: rows }, (_, i) => (random() < 0.9 ? `E${i}-${Math.floor(random() * 3)}` : randomTexts(random, 1)[0]!));
      const unique = naive(ids);
      expect(areUniqueIds(joined(ids), rows), ids.join(' | ')).toBe(unique);
      outcomes[`${unique}`]++;
    }
    expect(outcomes.true).toBeGreaterThan(50);
    expect(outcomes.false).toBeGreaterThan(50);
    expect(areUniqueIds(joined(['a'.repeat(ID_MAX_LENGTH)]), 1)).toBe(true);
    expect(areUniqueIds(joined(['a'.repeat(ID_MAX_LENGTH + 1)]), 1)).toBe(false);
    // A row without an id.
    expect(areUniqueIds(joined(['a', undefined]), 2)).toBe(false);
  });
});
