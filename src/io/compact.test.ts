import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { datasetSchema } from '../model/schema.ts';
import { decodeCompact, encodeCompact } from './compact.ts';
import { makeDataset } from '../testing/fixtures.ts';

// `$schema` points an editor at data/schema.json; it is not part of the data.
const { $schema: _schema, ...seedData } = datasetSchema.parse(seed);
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the compact JSON variant', () => {
  it('round-trips the seed exactly: claims, quotes, relations, day parts and ends included', () => {
    const decoded = decodeCompact(roundTrip(encodeCompact(seedData)));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
    expect(roundTrip(decoded.dataset)).toEqual(roundTrip(seedData));
  });

  it('keeps each repeated part once and is much smaller than the full JSON', () => {
    const data = makeDataset({ events: 5000, actors: 20, lasting: 0.1 });
    const compact = encodeCompact(data);
    expect(compact.tables.actors.length).toBeLessThan(500);
    const decoded = decodeCompact(roundTrip(compact));
    if (!decoded.ok) throw new Error('not decoded');
    expect(roundTrip(decoded.dataset)).toEqual(roundTrip(data));
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(data).length * 0.7);
  });

  it.each([
    [(c: Record<string, any>) => (c.version = 2), 'version'],
    [(c: Record<string, any>) => c.events.type.pop(), 'events.type'],
    [(c: Record<string, any>) => (c.events.start[1] = 999), 'events.start[1]'],
    [(c: Record<string, any>) => (c.events.actors = 'none'), 'events.actors'],
    [(c: Record<string, any>) => (c.tables.place = {}), 'tables.place'],
  ])('refuses a malformed file, saying where (%#)', (damage, path) => {
    const compact = roundTrip(encodeCompact(seedData));
    damage(compact);
    const decoded = decodeCompact(compact);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems[0]!.path).toBe(path);
  });
});
