// The word index must answer every query as a plain scan of each row's search text does.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { createWordIndexBuilder, createWordMatcher, rowsHolding, wordsHolding } from './wordIndex.ts';
import { buildSearchIndex, createRowPartsReader, queryWords } from './search.ts';
import { buildEventTable } from './eventTable.ts';
import { makeDataset, seededRandom } from '../testing/fixtures.ts';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';

const seedDataset = (validateDataset(seed) as { ok: true; dataset: Dataset }).dataset;

/** Rows matching, as the plain scan finds them. */
const naive = (texts: string[], words: string[]) => [...texts.keys()].filter((row) => words.every((w) => texts[row]!.includes(w)));
const rowsOf = (mask: Uint8Array) => [...mask.keys()].filter((row) => mask[row] === 1);

describe('the word index', () => {
  it('finds a part of a word in the words that hold it, each word once', () => {
    const texts = ['ceasefire agreed', 'cease fire', 'fire fire firefly'];
    const index = createWordIndexBuilder(3, (row) => ({ own: texts[row]!, shared: row === 2 ? [{ key: 0, text: 'agreed firefly' }] : [] })).index();
    expect(index.words).toBe('ceasefire agreed cease fire firefly \u0001');
    expect(wordsHolding(index, 'fire').map((k) => index.words.split(' ')[k])).toEqual(['ceasefire', 'fire', 'firefly']);
    expect(rowsOf(rowsHolding(index, 'cease'))).toEqual([0, 1]);
    expect(rowsOf(rowsHolding(index, 'fly'))).toEqual([2]);
    // The shared part and its separator count for the row that has it.
    expect(rowsOf(rowsHolding(index, 'agreed'))).toEqual([0, 2]);
    expect(rowsOf(rowsHolding(index, '\u0001'))).toEqual([2]);
    expect(rowsOf(rowsHolding(index, 'zzz'))).toEqual([]);
    expect(rowsOf(rowsHolding(index, ''))).toEqual([0, 1, 2]);
  });

  it('answers as a scan of every row does, on the bundled data (Arabic and English) and on 3,000 generated events', () => {
    for (const dataset of [seedDataset, makeDataset({ events: 3000, actors: 40, seed: 5 })]) {
      const table = buildEventTable(dataset);
      const texts = buildSearchIndex(table);
      const matcher = createWordMatcher(() => createWordIndexBuilder(table.size, createRowPartsReader(table)).index());
      const random = seededRandom(31);
      // Queries: pieces of the rows' own text (parts of words, across words, several words), and some that match nothing.
      const queries = ['وقف اطلاق النار', 'ceasefire', 'Actor 1', 'actor 12 event', 'ARM', 'zz no such', 'ة', 'e', '\u0001'];
      for (let i = 0; i < 300; i++) {
        const text = texts[Math.floor(random() * texts.length)]!;
        const from = Math.floor(random() * text.length);
        queries.push(text.slice(from, from + 1 + Math.floor(random() * 14)));
      }
      for (const q of queries) {
        const words = queryWords(q);
        if (!words.length) continue;
        expect(rowsOf(matcher.mask(words)), q).toEqual(naive(texts, words));
      }
    }
  }, 30_000);

  it('is the same built a slice at a time as built at once', () => {
    const table = buildEventTable(makeDataset({ events: 2000, actors: 20, seed: 9 }));
    const whole = createWordIndexBuilder(table.size, createRowPartsReader(table)).index();
    const sliced = createWordIndexBuilder(table.size, createRowPartsReader(table));
    // A deadline already past: one batch of 256 rows per call, then it stops.
    let calls = 1;
    const progress: number[] = [sliced.progress];
    while (!sliced.buildUntil(performance.now() - 1)) {
      calls++;
      progress.push(sliced.progress);
    }
    expect(calls).toBe(Math.ceil(2000 / 256));
    // Rows read count for nine tenths: the last slice, which also finishes the index, makes it 1.
    expect(progress).toEqual(Array.from({ length: calls }, (_, k) => ((k * 256) / 2000) * 0.9));
    expect(sliced.progress).toBe(1);
    expect(sliced.done).toBe(true);
    expect(sliced.index()).toEqual(whole);
  });
});
