import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { buildEventTable } from './eventTable.ts';
import { allEventsOf, makeDataset, seededRandom } from '../testing/fixtures.ts';
import { facetActive, filterMask, isFiltering, NO_FILTERS } from './filter.ts';
import { textMatcherFor } from './wordIndex.ts';
import { boxContains, type GeoBox } from '../model/geo.ts';

const r = validateDataset(seed);
const seedData = (r.ok ? r.dataset : null) as Dataset;
const YEREVAN: GeoBox = { west: 44.3, south: 40.05, east: 44.7, north: 40.3 };

function passingIds(dataset: Dataset, filters: typeof NO_FILTERS): string[] {
  const table = buildEventTable(dataset);
  const mask = filterMask(table, filters, textMatcherFor(table));
  return allEventsOf(table).filter((_, row) => !mask || mask[row] === 1).map((e) => e.id);
}

/** A dataset whose events lie all over the world, some without coordinates or a place. */
function scattered(n: number): Dataset {
  const base = makeDataset({ events: n, seed: 7 });
  const random = seededRandom(11);
  const events = base.events.map((e, i): ConflictEvent => {
    if (i % 10 === 0) return e; // no place
    const lon = Math.round((random() * 360 - 180) * 1000) / 1000;
    const lat = Math.round((random() * 180 - 90) * 1000) / 1000;
    return { ...e, place: i % 10 === 1 ? { name: { en: `P${i}` }, country: 'ARM' } : { name: { en: `P${i}` }, country: 'ARM', lon, lat } };
  });
  return { ...base, events };
}

describe('the area filter', () => {
  it('keeps the seed’s Yerevan events, and none without coordinates', () => {
    const ids = passingIds(seedData, { ...NO_FILTERS, area: YEREVAN });
    const yerevan = seedData.events.filter((e) => e.place?.lat !== undefined && Math.abs(e.place.lat - 40.1811) < 0.01).map((e) => e.id);
    expect(yerevan.length).toBe(5);
    expect(ids.sort()).toEqual(yerevan.sort());
  });

  it('matches a naive pass over the events, edges included, alone and with other filters', () => {
    const data = scattered(3000);
    const boxes: GeoBox[] = [
      { west: -180, south: -90, east: 180, north: 90 },
      { west: 0, south: 0, east: 60, north: 45 },
      { west: -20.5, south: -10.25, east: -3, north: 12 },
      { west: 10, south: 10, east: 10.001, north: 10.001 },
    ];
    // A box whose edges are an event's coordinates exactly: that event is inside.
    const edge = data.events.find((e) => e.place?.lon !== undefined)!.place!;
    boxes.push({ west: edge.lon!, south: edge.lat!, east: edge.lon! + 1, north: edge.lat! + 1 });
    for (const area of boxes) {
      const naive = (types: readonly string[]) =>
        data.events
          .filter((e) => e.place?.lon !== undefined && e.place.lat !== undefined && boxContains(area, e.place.lon, e.place.lat) && (!types.length || types.includes(e.type)))
          .map((e) => e.id)
          .sort();
      expect(passingIds(data, { ...NO_FILTERS, area }).sort(), JSON.stringify(area)).toEqual(naive([]));
      expect(passingIds(data, { ...NO_FILTERS, area, types: ['clash', 'protest'] }).sort()).toEqual(naive(['clash', 'protest']));
    }
    expect(passingIds(data, { ...NO_FILTERS, area: boxes[4]! })).toContain(data.events.find((e) => e.place === edge)!.id);
  });

  it('is a filter and a facet of its own, which the facet counts can leave out', () => {
    expect(isFiltering({ ...NO_FILTERS, area: YEREVAN })).toBe(true);
    expect(facetActive({ ...NO_FILTERS, area: YEREVAN }, 'area')).toBe(true);
    expect(facetActive(NO_FILTERS, 'area')).toBe(false);
    const table = buildEventTable(seedData);
    expect(filterMask(table, { ...NO_FILTERS, area: YEREVAN }, textMatcherFor(table), 'area')).toBeNull();
    const typesOnly = filterMask(table, { ...NO_FILTERS, area: YEREVAN, types: ['protest'] }, textMatcherFor(table), 'area');
    expect(typesOnly).toEqual(filterMask(table, { ...NO_FILTERS, types: ['protest'] }, textMatcherFor(table)));
  });

  it('works with a text search, not just returning the text’s own mask', () => {
    const table = buildEventTable(seedData);
    const words = filterMask(table, { ...NO_FILTERS, q: 'ceasefire' }, textMatcherFor(table))!;
    const both = filterMask(table, { ...NO_FILTERS, q: 'ceasefire', area: YEREVAN }, textMatcherFor(table))!;
    expect(both).not.toBe(words);
    for (let row = 0; row < table.size; row++) {
      const e = table.eventAt(row);
      const inside = e.place?.lon !== undefined && boxContains(YEREVAN, e.place.lon, e.place.lat!);
      expect(both[row], e.id).toBe(words[row] === 1 && inside ? 1 : 0);
    }
  });
});
