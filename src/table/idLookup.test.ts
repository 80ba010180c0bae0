import { describe, expect, it } from 'vitest';
import { idLookupOf, idLookupOfColumn, lazyIdLookup } from './idLookup.ts';
import { JoinedBuilder } from './packedEvents.ts';
import { seededRandom } from '../testing/fixtures.ts';

/** Ids with collisions of length and prefix, repeats, the empty id, and text beyond ASCII. */
function randomIds(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pieces = ['ARM', 'AZE', '1', '12', '-', 'حدث', 'é', ':', ''];
  return Array.from({ length: n }, () => Array.from({ length: Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
}

describe('rows by event id', () => {
  it('finds what a Map filled in row order finds, from a packed column and from strings', () => {
    for (const seed of [1, 2, 3]) {
      const ids = randomIds(3000, seed);
      const order = Uint32Array.from(ids.keys()).sort((a, b) => ((a * 7919) % 3001) - ((b * 7919) % 3001));
      const column = new JoinedBuilder(ids.length);
      ids.forEach((id, i) => column.set(i, id));
      const map = new Map<string, number>();
      order.forEach((event, row) => map.set(ids[event]!, row));
      const packed = idLookupOfColumn(column.done(), order);
      const strings = idLookupOf(order.length, (row) => ids[order[row]!]!);
      for (const id of [...ids, ...randomIds(500, seed + 10), 'not-there', 'ARM1ARM1ARM1ARM1']) {
        expect(packed.get(id)).toBe(map.get(id));
        expect(strings.get(id)).toBe(map.get(id));
        expect(packed.has(id)).toBe(map.has(id));
      }
      // Repeats exist, or the "later row wins" rule goes untested.
      expect(map.size).toBeLessThan(ids.length);
    }
  });

  it('is built once, when first asked, when lazy', () => {
    let builds = 0;
    const lookup = lazyIdLookup(() => {
      builds++;
      return idLookupOf(2, (row) => ['A1', 'B2'][row]!);
    });
    expect(builds).toBe(0);
    expect(lookup.has('B2')).toBe(true);
    expect(lookup.get('A1')).toBe(0);
    expect(lookup.get('C3')).toBeUndefined();
    expect(builds).toBe(1);
  });

  it('finds nothing in an empty table', () => {
    expect(idLookupOf(0, () => '').get('')).toBeUndefined();
  });
});
