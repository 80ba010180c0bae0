import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { buildEventTable, arrayEvents } from './eventTable.ts';
import { allEventsOf } from '../testing/fixtures.ts';
import { packEvents, packedEvents } from './packedEvents.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { filterMask, NO_FILTERS } from './filter.ts';
import { textMatcherFor } from './wordIndex.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const table = buildEventTable(dataset);
const passing = (mask: Uint8Array | null) => allEventsOf(table).filter((_, row) => !mask || mask[row] === 1).map((e) => e.id);

describe('the place filter, through the table’s place column', () => {
  it('matches what a naive pass over the events finds, by country and by name in any language', () => {
    const names = [...new Set(dataset.events.flatMap((e) => (e.place ? Object.values(e.place.name) : [])))];
    expect(names.length).toBeGreaterThan(2);
    for (const country of [null, 'ARM', 'AZE', 'RUS']) {
      for (const place of [null, ...names, names[0]!.toUpperCase(), 'Nowhere']) {
        const mask = filterMask(table, { ...NO_FILTERS, country, place }, textMatcherFor(table));
        const naive = allEventsOf(table)
          .filter((e) => (country === null || e.place?.country === country) && (place === null || Object.values(e.place?.name ?? {}).some((n) => n.toLowerCase() === place.toLowerCase())))
          .map((e) => e.id);
        expect(passing(mask)).toEqual(country === null && place === null ? allEventsOf(table).map((e) => e.id) : naive);
      }
    }
  });

  it('keeps each distinct place once', () => {
    const distinct = new Set(dataset.events.filter((e) => e.place).map((e) => `${e.place!.country}|${Object.values(e.place!.name).join('|')}`));
    expect(table.places).toHaveLength(distinct.size);
    expect([...table.placeOf].filter((p) => p < 0)).toHaveLength(dataset.events.filter((e) => !e.place).length);
  });
});

describe('a table assembled from columns and packed events computed elsewhere (the import worker)', () => {
  it('is the table built in place, after the columns and the packed events are posted (structured cloning)', async () => {
    const { assembleEventTable, computeTableColumns } = await import('./eventTable.ts');
    const columns = computeTableColumns(dataset);
    const moved = structuredClone(columns);
    const { events, ...info } = dataset;
    const packed = structuredClone(packEvents(info, events));
    const assembled = assembleEventTable(dataset.actors, packedEvents(packed), moved);
    const built = buildEventTable(dataset);
    // Every event, field for field, on the same row.
    expect(allEventsOf(assembled)).toEqual(allEventsOf(built));
    for (const key of ['start', 'end', 'type', 'actorOffset', 'actorIndex', 'actorRoles', 'placeOf'] as const) {
      expect(Array.from(assembled[key])).toEqual(Array.from(built[key]));
    }
    expect(assembled.places).toEqual(built.places);
    // Each id finds its row, both ways.
    for (const [row, event] of allEventsOf(built).entries()) {
      expect(built.rowOfId.get(event.id)).toBe(row);
      expect(assembled.rowOfId.get(event.id)).toBe(row);
    }
    expect(assembled.rowOfId.has('no-such-event')).toBe(false);
    expect(assembled.extent).toEqual(built.extent);
    expect(() => assembleEventTable(dataset.actors, arrayEvents(dataset.events.slice(1)), computeTableColumns(dataset))).toThrow(/describe 16 events, the dataset 15/);
  });
});

describe('timeOrder', () => {
  it('sorts by anchor, then by id, as a plain comparison sort does, with many ties, by key or by comparison', async () => {
    const { idSortKeys, timeOrder } = await import('./eventTable.ts');
    const random = seededRandom(99);
    const digits = (max: number) => String(Math.floor(random() * max));
    // Ids that differ early, late (beyond a key's characters), in length, and in characters a key cannot hold.
    const idKinds: Record<string, (i: number) => string> = {
      early: (i) => `E${digits(1e6)}-${i}`,
      late: (i) => `ACLED-2022-09-${digits(30)}-${i}`,
      lengths: () => `A${digits(10) === '0' ? '' : digits(1e4)}`,
      mixed: () => Array.from({ length: 1 + Number(digits(6)) }, () => '09AZaz-._:'[Number(digits(10))]).join(''),
      'not ASCII': (i) => `${i % 7 === 0 ? 'é' : 'e'}${digits(1e3)}`,
    };
    let keyed = 0;
    for (const [kind, idOf] of Object.entries(idKinds)) {
      for (const [n, distinct] of [[0, 1], [1, 1], [500, 7], [2000, 2000], [3000, 40]] as const) {
        const anchors = Float64Array.from({ length: n }, () => Math.floor(random() * distinct) * 86_400_000 - 3e11);
        const ids = Array.from({ length: n }, (_, i) => idOf(i));
        const compare = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
        const naive = [...Array(n).keys()].sort((a, b) => anchors[a]! - anchors[b]! || compare(a, b) || a - b);
        const keys = idSortKeys(n, { length: (i) => ids[i]!.length, charAt: (i, k) => ids[i]!.charCodeAt(k) });
        if (keys) keyed++;
        expect(keys === null, kind).toBe(kind === 'not ASCII' && n > 1);
        expect(Array.from(timeOrder(anchors, compare)), kind).toEqual(naive);
        expect(Array.from(timeOrder(anchors, compare, keys)), kind).toEqual(naive);
      }
    }
    expect(keyed).toBeGreaterThan(10);
  });

  it('takes 0 and -0 as one anchor, and puts NaN with the lowest anchor, sorted by id', async () => {
    const { timeOrder } = await import('./eventTable.ts');
    const ids = ['f', 'e', 'd', 'c', 'b', 'a'];
    const compare = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    expect(Array.from(timeOrder(Float64Array.of(5, NaN, -0, 0, 5, NaN), compare))).toEqual([5, 3, 2, 1, 4, 0]);
    expect(Array.from(timeOrder(Float64Array.of(NaN, NaN, NaN), compare))).toEqual([2, 1, 0]);
    // Thousands of distinct anchors, each its own bucket.
    const many = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) * 1000);
    expect(Array.from(timeOrder(many, () => 0))).toEqual([...many].map((anchor, i) => [anchor, i]).sort((a, b) => a[0]! - b[0]!).map(([, i]) => i));
  });
});
