import { describe, expect, it } from 'vitest';
import { buildEventTable } from '../table/eventTable.ts';
import { filterMask, NO_FILTERS } from '../table/filter.ts';
import { makeDataset, seededRandom } from '../testing/fixtures.ts';
import { actorLanes, typeLanes } from './lanes.ts';
import { buildLaneIndex, buildTypeRowsIndex, laneCountInWindow, laneDensity, laneRowsInWindow, typeLaneIndex } from './laneIndex.ts';
import { textMatcherFor } from '../table/wordIndex.ts';

const table = buildEventTable(makeDataset({ events: 3000, actors: 30, seed: 11, lasting: 0.1 }));
const random = seededRandom(5);
const masks = [null, filterMask(table, { ...NO_FILTERS, types: ['clash', 'protest'] }, textMatcherFor(table)), filterMask(table, { ...NO_FILTERS, actors: ['actor-3', 'actor-7'] }, textMatcherFor(table))];
const lanesToTry = [typeLanes(table, 'en'), actorLanes(table, null, 'en', 8, 'Other actors')];

/** Random windows, from minutes to the whole span. */
function windows(count: number): [number, number][] {
  const { from, to } = table.extent!;
  return Array.from({ length: count }, () => {
    const a = from + random() * (to - from);
    const span = Math.exp(Math.log(60_000) + random() * (Math.log(to - from) - Math.log(60_000)));
    return [a - span / 2, a + span / 2];
  });
}

/** The naive answer: every row, tested one by one. */
function naiveRows(mask: Uint8Array | null, lane: number, lanes: (typeof lanesToTry)[number], test: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let row = 0; row < table.size; row++) if ((!mask || mask[row] === 1) && lanes.lanesOf(row).includes(lane) && test(row)) out.push(row);
  return out;
}

describe('the lane index gives the same answers as a naive filter over random data', () => {
  for (const [m, mask] of masks.entries()) {
    for (const lanes of lanesToTry) {
      it(`mask ${m}, ${lanes.lanes.length} lanes: rows in window, counts and densities`, () => {
        const index = buildLaneIndex(table, mask, lanes);
        for (const [from, to] of windows(40)) {
          lanes.lanes.forEach((_, lane) => {
            const overlapping = naiveRows(mask, lane, lanes, (row) => table.start[row]! <= to && table.end[row]! >= from);
            expect(Array.from(laneRowsInWindow(table, index, lane, from, to))).toEqual(overlapping);
            const starting = naiveRows(mask, lane, lanes, (row) => table.start[row]! >= from && table.start[row]! <= to);
            expect(laneCountInWindow(index, lane, from, to)).toBe(starting.length);
            const bins = 37;
            const step = (to - from) / bins;
            const edge = (b: number) => (b === bins ? to : from + b * step);
            const naive = Array.from({ length: bins }, (_, b) => starting.filter((row) => table.start[row]! >= edge(b) && table.start[row]! < edge(b + 1)).length);
            expect(Array.from(laneDensity(index, lane, from, to, bins))).toEqual(naive);
          });
        }
      });
    }
  }
});

describe('lanes by type under a type filter', () => {
  it('read the same rows from the rows per type under the other filters as from the full mask', () => {
    const search = textMatcherFor(table);
    const filters = { ...NO_FILTERS, types: ['clash', 'statement', 'protest'] as const, actors: ['actor-1', 'actor-2', 'actor-5'] };
    const lanes = typeLanes(table, 'en', [...filters.types]);
    expect(lanes.lanes).toHaveLength(3);
    const full = buildLaneIndex(table, filterMask(table, { ...filters, types: [...filters.types] }, search), lanes);
    const reused = typeLaneIndex(buildTypeRowsIndex(table, filterMask(table, { ...filters, types: [] }, search)), lanes.laneOfType!, lanes.lanes.length);
    lanes.lanes.forEach((_, lane) => {
      expect(full.rows[lane]!.length).toBeGreaterThan(0);
      expect(Array.from(reused.rows[lane]!)).toEqual(Array.from(full.rows[lane]!));
      expect(Array.from(reused.starts[lane]!)).toEqual(Array.from(full.starts[lane]!));
    });
  });
});
