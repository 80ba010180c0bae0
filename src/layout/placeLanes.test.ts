import { describe, expect, it } from 'vitest';
import type { ConflictEvent, Dataset, Place } from '../model/schema.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { lanesOfKeys, placeLanes, type PlaceLaneWords } from './lanes.ts';
import { buildLaneIndex } from './laneIndex.ts';

const words: PlaceLaneWords = { locale: 'en-GB', otherPlaces: 'Other places', noPlace: 'No place' };

let n = 0;
function event(place?: Place): ConflictEvent {
  n++;
  return {
    id: `e${n}`,
    type: 'clash',
    title: { en: `Event ${n}` },
    originalLanguage: 'en',
    start: { at: `2022-09-${String(10 + (n % 9)).padStart(2, '0')}T00:00:00Z`, precision: 'day', tz: 'UTC' },
    actors: [],
    ...(place ? { place } : {}),
    counts: [],
    claims: [],
    sources: [{ publisher: 'P', date: '2022-09-20', language: 'en' }],
    relations: [],
    tags: [],
  };
}

const yerevan = (name = 'Yerevan'): Place => ({ name: { en: name }, country: 'ARM', admin: ['Yerevan'], lat: 40.18, lon: 44.51 });
const syunik: Place = { name: { en: 'Goris' }, country: 'ARM', admin: ['Syunik', 'Goris'], lat: 39.5, lon: 46.3 };
const baku: Place = { name: { en: 'Baku' }, country: 'AZE' };

const dataset: Dataset = {
  title: 'Places',
  attribution: 'test',
  licence: 'CC0',
  actors: [],
  events: [event(yerevan()), event(yerevan('Parliament')), event(yerevan('Government House')), event(syunik), event(syunik), event(baku), event(), event()],
} as unknown as Dataset;
const table = buildEventTable(dataset);
const laneOfId = (lanes: ReturnType<typeof placeLanes>) => Object.fromEntries(Array.from({ length: table.size }, (_, row) => [table.idAt(row), lanes.lanesOf(row).map((l) => lanes.lanes[l]!.label)]));

describe('lanes by place', () => {
  it('gives each first administrative area a lane ("Yerevan, ARM"), a country without one its name, and "No place" last', () => {
    const lanes = placeLanes(table, null, 12, words);
    expect(lanes.lanes.map((l) => l.label)).toEqual(['Yerevan, ARM', 'Syunik, ARM', 'Azerbaijan', 'No place']);
    expect(lanes.lanes.map((l) => l.key)).toEqual(['place:ARM|Yerevan', 'place:ARM|Syunik', 'place:AZE', 'place:']);
    const byId = laneOfId(lanes);
    expect(byId['e1']).toEqual(['Yerevan, ARM']);
    expect(byId['e2']).toEqual(['Yerevan, ARM']);
    expect(byId['e4']).toEqual(['Syunik, ARM']);
    expect(byId['e6']).toEqual(['Azerbaijan']);
    expect(byId['e7']).toEqual(['No place']);
  });

  it('ranks over the rows that pass the filters, and leaves out lanes with none', () => {
    const mask = new Uint8Array(table.size);
    for (let row = 0; row < table.size; row++) mask[row] = ['e4', 'e5', 'e6'].includes(table.idAt(row)) ? 1 : 0;
    expect(placeLanes(table, mask, 12, words).lanes.map((l) => l.label)).toEqual(['Syunik, ARM', 'Azerbaijan']);
  });

  it('puts the rest in "Other places" past the lanes that fit', () => {
    const lanes = placeLanes(table, null, 3, words);
    expect(lanes.lanes.map((l) => l.label)).toEqual(['Yerevan, ARM', 'Other places', 'No place']);
    const byId = laneOfId(lanes);
    expect(byId['e4']).toEqual(['Other places']);
    expect(byId['e6']).toEqual(['Other places']);
    const index = buildLaneIndex(table, null, lanes);
    expect(index.rows.map((r) => r.length)).toEqual([3, 3, 2]);
  });

  it('names country lanes in the UI language, and takes a data server’s keys in its order', () => {
    const ar = placeLanes(table, null, 12, { locale: 'ar', otherPlaces: 'أماكن أخرى', noPlace: 'بلا مكان' });
    expect(ar.lanes[2]!.label).toBe(new Intl.DisplayNames(['ar'], { type: 'region' }).of('AZ'));
    const remote = lanesOfKeys('place', ['AZE', 'ARM|Syunik', '*'], table, 'en', 'Other actors', words);
    expect(remote.lanes.map((l) => l.label)).toEqual(['Azerbaijan', 'Syunik, ARM', 'Other places']);
    const byId = laneOfId(remote);
    expect(byId['e6']).toEqual(['Azerbaijan']);
    expect(byId['e1']).toEqual(['Other places']);
    // Events without a place have no lane when the server gave none for them.
    expect(byId['e7']).toEqual(['Other places']);
  });
});
