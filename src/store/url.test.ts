import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl, formatUrlInstant, parseUrlInstant, type UrlKnowledge, type UrlView } from './url.ts';
import { NO_FILTERS } from '../table/filter.ts';

const known: UrlKnowledge = {
  resolveActor: (v) => ({ 'az-forces': 'az-forces', 'am-forces': 'am-forces', Baku: 'az-government', 'az-government': 'az-government' })[v],
  hasEvent: (id) => id === '2022-09-14-ceasefire',
};

describe('URL instants', () => {
  it('writes instants as briefly as they are exact', () => {
    expect(formatUrlInstant(Date.UTC(2022, 8, 13))).toBe('2022-09-13');
    expect(formatUrlInstant(Date.UTC(2022, 8, 14, 16))).toBe('2022-09-14T16:00Z');
    expect(formatUrlInstant(Date.UTC(2022, 8, 14, 16, 0, 30))).toBe('2022-09-14T16:00:30Z');
  });

  it('reads years, months, days and times, all in UTC', () => {
    expect(parseUrlInstant('1994')).toBe(Date.UTC(1994, 0, 1));
    expect(parseUrlInstant('2022-09')).toBe(Date.UTC(2022, 8, 1));
    expect(parseUrlInstant('2022-09-14T16:00Z')).toBe(Date.UTC(2022, 8, 14, 16));
    expect(parseUrlInstant('2022-09-14T16:00')).toBe(Date.UTC(2022, 8, 14, 16));
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['yesterday', '2022-02-31', '2022-13-01', '2022-09-14T25:00Z', '', '2022-9-1', '1e12']) {
      expect(parseUrlInstant(bad), bad).toBeNull();
    }
  });
});

describe('URL codec', () => {
  const view: UrlView = {
    window: { from: Date.UTC(2022, 8, 13), to: Date.UTC(2022, 8, 15, 6, 30) },
    event: '2022-09-14-ceasefire',
    lanes: 'actor',
    filters: { actors: ['az-forces', 'am-forces'], role: 'initiator', types: ['clash', 'ceasefire'], q: 'وقف إطلاق النار', country: 'ARM', place: 'Jermuk', area: { west: 44.5, south: 39.25, east: 45.75, north: 40.5 } },
  };

  it('round-trips: state → URL → state', () => {
    const encoded = encodeUrl(view);
    const decoded = decodeUrl(encoded, known);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.view).toEqual(view);
  });

  it('writes readable, hand-editable values', () => {
    expect(encodeUrl(view)).toContain('from=2022-09-13&to=2022-09-15T06:30Z');
    expect(encodeUrl(view)).toContain('actors=az-forces,am-forces');
    expect(encodeUrl(view)).toContain('types=clash,ceasefire');
    expect(encodeUrl({ window: null, event: null, lanes: 'type', filters: NO_FILTERS })).toBe('');
  });

  it('resolves actor aliases in links', () => {
    expect(decodeUrl('actors=Baku', known).view.filters.actors).toEqual(['az-government']);
  });

  it('ignores bad values, says why, and keeps the good ones', () => {
    const { view: v, ignored } = decodeUrl('from=yesterday&to=2022-09-15&actors=az-forces,martians&types=clash,battle&lanes=diagonal&event=nope&role=boss&country=Armenia&zoom=3', known);
    expect(v.window).toBeNull();
    expect(v.filters.actors).toEqual(['az-forces']);
    expect(v.filters.types).toEqual(['clash']);
    expect(v.lanes).toBe('type');
    expect(v.event).toBeNull();
    expect(ignored).toEqual([
      'from "yesterday" is not a date',
      'actor "martians" is not in the data',
      'type "battle" is not an event type',
      'role "boss" is not one of initiator, target, mediator, participant, speaker, audience, signatory, claimant, subject, associate',
      'lanes "diagonal" must be "type" or "actor"',
      'event "nope" is not in the data',
      'country "Armenia" is not a three-letter ISO code',
      'unknown parameter "zoom"',
    ]);
  });

  it('reads the area filter (bbox=west,south,east,north) and refuses a box that is not one', () => {
    expect(encodeUrl(view)).toContain('bbox=44.5,39.25,45.75,40.5');
    for (const bad of ['46,39,44,41', '44,41,46,39', '44,39,46', '-181,39,46,41', '44,NaN,46,41', '44,1e1,46,41']) {
      const decoded = decodeUrl(`bbox=${bad}`, known);
      expect(decoded.view.filters.area, bad).toBeNull();
      expect(decoded.ignored).toEqual([`bbox "${bad}" is not west,south,east,north in degrees`]);
    }
  });

  it('refuses a window that ends before it starts, and clamps one beyond the zoom range', () => {
    expect(decodeUrl('from=2022-09-15&to=2022-09-13', known).ignored).toEqual(['to "2022-09-13" is not after from "2022-09-15"']);
    const tooShort = decodeUrl('from=2022-09-14T16:00Z&to=2022-09-14T16:01Z', known);
    expect(tooShort.view.window!.to - tooShort.view.window!.from).toBe(3_600_000);
    expect(tooShort.ignored[0]).toContain('adjusted');
  });
});
