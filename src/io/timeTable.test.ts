import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/fixtures.ts';
import { TimeTable } from './timeTable.ts';

describe('TimeTable', () => {
  it('finds each time added by its ms and offset, as a Map of both would, through growing', () => {
    const random = seededRandom(7);
    const table = new TimeTable<number>();
    const expected = new Map<string, number>();
    // Days, hours and seconds near each other (which share slots before probing), far apart, and negative.
    const someMs = () => [Math.floor(random() * 40) * 86_400_000, 1_663_178_400_000 + Math.floor(random() * 5000) * 1000, -Math.floor(random() * 1e12), random() * 1e13][Math.floor(random() * 4)]!;
    for (let k = 0; k < 20_000; k++) {
      const ms = someMs();
      const offset = Math.floor(random() * 4);
      const key = `${ms}|${offset}`;
      expect(table.get(ms, offset)).toBe(expected.get(key));
      if (!expected.has(key)) {
        table.add(ms, offset, k);
        expected.set(key, k);
      }
    }
    expect(expected.size).toBeGreaterThan(5000);
    for (const [key, value] of expected) {
      const [ms, offset] = key.split('|').map(Number) as [number, number];
      expect(table.get(ms, offset)).toBe(value);
    }
    expect(table.get(1, 99)).toBeUndefined();
  });
});
