import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { createEventsGeoJson, eventsToGeoJson } from './eventsGeoJson.ts';
import { ALL_HOSTILE_TEXT } from '../testing/hostileText.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;

function event(id: string, place?: ConflictEvent['place'], overrides: Partial<ConflictEvent> = {}): ConflictEvent {
  return {
    id,
    type: 'clash',
    title: { en: `Clash ${id}`, ar: `اشتباك ${id}` },
    originalLanguage: 'ar',
    start: { at: '2022-09-13T00:05:00+04:00', precision: 'minute', tz: 'Asia/Yerevan' },
    actors: [],
    ...(place ? { place } : {}),
    counts: [],
    claims: [],
    sources: [{ publisher: 'P', date: '2022-09-14', language: 'en' }],
    relations: [],
    tags: [],
    ...overrides,
  };
}

describe('GeoJSON of the exported events', () => {
  it('is a FeatureCollection with a Point per located event, [lon, lat], and its properties', () => {
    const jermuk = event('a', { name: { en: 'Jermuk', ar: 'جيرموك' }, country: 'ARM', lat: 39.84, lon: 45.67, precision: 'near', admin: ['Vayots Dzor'] }, { end: { at: '2022-09-14T20:00:00+04:00', precision: 'minute', tz: 'Asia/Yerevan' } });
    const geo = JSON.parse(eventsToGeoJson([jermuk], 'en'));
    expect(geo).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          geometry: { type: 'Point', coordinates: [45.67, 39.84] },
          properties: { id: 'a', type: 'clash', title: 'Clash a', start: '2022-09-13T00:05:00+04:00', end: '2022-09-14T20:00:00+04:00', place: 'Jermuk', country: 'ARM', admin1: 'Vayots Dzor', precision: 'near' },
        },
      ],
    });
  });

  it('lists events without coordinates with a null geometry, and without a place with null place fields', () => {
    const noCoordinates = event('b', { name: { en: 'Border' }, country: 'ARM' });
    const latOnly = event('c', { name: { en: 'Half' }, country: 'AZE', lat: 40 });
    const placeless = event('d');
    const geo = JSON.parse(eventsToGeoJson([noCoordinates, latOnly, placeless], 'ar'));
    expect(geo.features.map((f: { geometry: unknown }) => f.geometry)).toEqual([null, null, null]);
    expect(geo.features[0].properties).toMatchObject({ place: 'Border', country: 'ARM', precision: null, end: null });
    expect(geo.features[2].properties).toMatchObject({ place: null, country: null, admin1: null, precision: null, title: 'اشتباك d' });
  });

  it('written in batches, is the same file as written at once, and empty is an empty collection', () => {
    const events = dataset.events;
    const writer = createEventsGeoJson('en');
    const parts = [writer.head, writer.features(events.slice(0, 5)), writer.features([]), writer.features(events.slice(5)), writer.tail()];
    expect(parts.join('')).toBe(eventsToGeoJson(events, 'en'));
    expect(JSON.parse(parts.join('')).features).toHaveLength(events.length);
    expect(JSON.parse(eventsToGeoJson([], 'en'))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('keeps hostile text as text: JSON strings, never markup or code', () => {
    const events = ALL_HOSTILE_TEXT.map((text, i) => event(`h${i}`, { name: { en: text }, country: 'ARM', lat: 40, lon: 44 }, { title: { en: text } }));
    const file = eventsToGeoJson(events, 'en');
    const geo = JSON.parse(file);
    expect(geo.features.map((f: { properties: { title: string } }) => f.properties.title)).toEqual(ALL_HOSTILE_TEXT);
    expect(geo.features.map((f: { properties: { place: string } }) => f.properties.place)).toEqual(ALL_HOSTILE_TEXT);
  });
});
