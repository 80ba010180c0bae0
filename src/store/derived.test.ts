// The counts and slices that avoid listing every row in view must agree with the lists.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEventTable } from '../table/eventTable.ts';
import { facetActive, filterMask, NO_FILTERS, type Filters } from '../table/filter.ts';
import { makeDataset, seededRandom } from '../testing/fixtures.ts';
import seed from '../../data/seed.json';
import type { Dataset } from '../model/schema.ts';
import { EVENT_TYPES } from '../model/taxonomy.ts';
import { actorsInEvents, awaitSearchIndex, maskOf, maskWithout, prepareSearchIndex, searchIndexOf, searchIndexState, typeCounts, typeRowsIndexOf, visibleCount, visibleRows, visibleRowsWithout, visibleSlice } from './derived.ts';
import { createRowPartsReader } from '../table/search.ts';
import { createWordIndexBuilder } from '../table/wordIndex.ts';

const table = buildEventTable(makeDataset({ events: 4000, actors: 20, seed: 3, lasting: 0.2 }));
const random = seededRandom(9);
const filterSets: Filters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, types: ['clash', 'statement'] },
  { ...NO_FILTERS, actors: ['actor-2', 'actor-9'] },
  { ...NO_FILTERS, actors: ['actor-4'], types: ['protest'] },
];

function randomWindow() {
  const { from, to } = table.extent!;
  const a = from + random() * (to - from);
  const span = Math.exp(Math.log(3_600_000) + random() * (Math.log(to - from) - Math.log(3_600_000)));
  return { from: a - span / 2, to: a + span / 2 };
}

describe('rows per event type', () => {
  it('are the rows of each type under the filters, and are not rebuilt when a filter is cleared', () => {
    const unfiltered = typeRowsIndexOf(table, null);
    for (const filters of filterSets) {
      const mask = maskWithout(table, filters, 'types');
      const index = typeRowsIndexOf(table, mask);
      EVENT_TYPES.forEach((_, t) => {
        const want = Array.from({ length: table.size }, (_, row) => row).filter((row) => table.type[row] === t && (!mask || mask[row] === 1));
        expect(Array.from(index.rows[t]!)).toEqual(want);
        expect(Array.from(index.starts[t]!)).toEqual(want.map((row) => table.start[row]));
      });
    }
    expect(typeRowsIndexOf(table, null)).toBe(unfiltered);
  });
});

describe('visibleSlice and visibleCount', () => {
  it('agree with visibleRows on random windows and filters, long events included', () => {
    let reachingIn = 0;
    for (const filters of filterSets) {
      for (let k = 0; k < 60; k++) {
        const state = { table, filters, window: randomWindow() };
        const all = visibleRows(state);
        expect(visibleCount(state)).toBe(all.length);
        const first = Math.floor(random() * (all.length + 5));
        const last = first + Math.floor(random() * 40);
        const slice = visibleSlice(state, first, last);
        expect(slice.total).toBe(all.length);
        expect(Array.from(slice.rows)).toEqual(Array.from(all.subarray(first, last)));
        for (let probe = 0; probe < 20; probe++) {
          const row = Math.floor(random() * table.size);
          expect(slice.indexOf(row)).toBe(all.indexOf(row));
        }
        all.forEach((row, i) => expect(slice.indexOf(row)).toBe(i));
        if (all.length && table.start[all[0]!]! < state.window.from) reachingIn++;
      }
    }
    // Some windows must begin inside a long event, or the early rows go untested.
    expect(reachingIn).toBeGreaterThan(10);
  });
});

describe('typeCounts', () => {
  it('counts each type in the window under the other filters, as the rows in view would', () => {
    for (const filters of filterSets) {
      for (let k = 0; k < 40; k++) {
        const state = { table, filters, window: randomWindow() };
        const expected = new Uint32Array(EVENT_TYPES.length);
        for (const row of visibleRowsWithout(state, 'types')) expected[table.type[row]!]!++;
        expect(Array.from(typeCounts(state))).toEqual(Array.from(expected));
      }
    }
  });

  it('gives back the same array while the counts stay the same', () => {
    const window = randomWindow();
    const a = typeCounts({ table, filters: NO_FILTERS, window });
    const b = typeCounts({ table, filters: NO_FILTERS, window: { ...window } });
    expect(b).toBe(a);
  });
});

describe('masks without a facet', () => {
  it('are the filter mask without that facet, and the whole mask itself where the facet filters nothing', () => {
    const matcher = { mask: () => new Uint8Array(table.size).fill(1) };
    for (const filters of [...filterSets, { ...NO_FILTERS, country: 'ARM' }]) {
      for (const facet of ['actors', 'types', 'q', 'place'] as const) {
        const without = maskWithout(table, filters, facet);
        const expected = filterMask(table, filters, matcher, facet);
        expect(without === null ? null : Array.from(without)).toEqual(expected === null ? null : Array.from(expected));
        if (!facetActive(filters, facet)) expect(without).toBe(maskOf(table, filters));
      }
    }
  });
});

describe('preparing the search index in the background', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('says how far it has got, and calls back once it is ready (at once when it already is)', async () => {
    const big = buildEventTable(makeDataset({ events: 3000, actors: 20, seed: 11 }));
    expect(searchIndexState(big)).toEqual({ ready: false, progress: 0 });
    const ready = vi.fn();
    prepareSearchIndex(big, ready);
    prepareSearchIndex(big, ready); // the same callback, asked twice, is called once
    expect(ready).not.toHaveBeenCalled(); // not before the first slice
    await vi.runAllTimersAsync();
    expect(ready).toHaveBeenCalledTimes(1);
    expect(searchIndexState(big)).toEqual({ ready: true, progress: 1 });
    const again = vi.fn();
    prepareSearchIndex(big, again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('builds it a slice at a time between timers, and stops when asked', async () => {
    const big = buildEventTable(makeDataset({ events: 3000, actors: 20, seed: 8 }));
    const stop = prepareSearchIndex(big);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    // Nothing left scheduled once stopped.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    // Stopped: a later search finishes what is left, and finds every row.
    const whole = (table: typeof big) => createWordIndexBuilder(table.size, createRowPartsReader(table)).index();
    const index = searchIndexOf(big);
    expect(index.size).toBe(3000);
    expect(index).toEqual(whole(big));

    const other = buildEventTable(makeDataset({ events: 3000, actors: 20, seed: 9 }));
    prepareSearchIndex(other);
    await vi.runAllTimersAsync();
    expect(searchIndexOf(other)).toEqual(whole(other));
  });
  it('waits for an index coming from the import worker, with its progress, instead of building one', async () => {
    const big = buildEventTable(makeDataset({ events: 3000, actors: 20, seed: 12 }));
    const coming = awaitSearchIndex(big);
    const ready = vi.fn();
    prepareSearchIndex(big, ready);
    prepareSearchIndex(big);
    coming.progress(0.4);
    await vi.runAllTimersAsync();
    // Nothing was built here meanwhile, and nothing is scheduled.
    expect(ready).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(searchIndexState(big)).toEqual({ ready: false, progress: 0.4 });
    const fromWorker = createWordIndexBuilder(big.size, createRowPartsReader(big)).index();
    coming.arrived(fromWorker);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(searchIndexState(big)).toEqual({ ready: true, progress: 1 });
    expect(searchIndexOf(big)).toBe(fromWorker);
  });

  it('builds the index itself when the worker gives none, or one that does not fit the table', async () => {
    for (const arrival of [null, createWordIndexBuilder(2, () => ({ own: 'two rows', shared: [] })).index()]) {
      const big = buildEventTable(makeDataset({ events: 3000, actors: 20, seed: 13 }));
      const coming = awaitSearchIndex(big);
      const ready = vi.fn();
      prepareSearchIndex(big, ready);
      coming.arrived(arrival);
      await vi.runAllTimersAsync();
      expect(ready).toHaveBeenCalledTimes(1);
      expect(searchIndexOf(big)).toEqual(createWordIndexBuilder(big.size, createRowPartsReader(big)).index());
    }
  });
});

describe('actorsInEvents', () => {
  it('marks the actors some event names, not those named only as a claimant', () => {
    const seedTable = buildEventTable(seed as unknown as Dataset);
    const named = actorsInEvents(seedTable);
    const ids = seedTable.actors.filter((_, i) => named[i] === 0).map((a) => a.id);
    expect(ids).toEqual(['al-jazeera']);
  });
});
