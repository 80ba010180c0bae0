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
    filters: { actors: ['az-forces', 'am-forces'], role: 'initiator', types: ['clash', 'ceasefire'], q: 'وقف إطلاق النار', country: 'ARM', place: 'Jermuk', area: { west: 44.3, south: 40.05, east: 44.7, north: 40.3 } },
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
      'lanes "diagonal" must be "type", "actor" or "place"',
      'event "nope" is not in the data',
      'country "Armenia" is not a three-letter ISO code',
      'unknown parameter "zoom"',
    ]);
  });

  it('refuses a window that ends before it starts, and clamps one beyond the zoom range', () => {
    expect(decodeUrl('from=2022-09-15&to=2022-09-13', known).ignored).toEqual(['to "2022-09-13" is not after from "2022-09-15"']);
    const tooShort = decodeUrl('from=2022-09-14T16:00Z&to=2022-09-14T16:01Z', known);
    expect(tooShort.view.window!.to - tooShort.view.window!.from).toBe(3_600_000);
    expect(tooShort.ignored[0]).toContain('adjusted');
  });
});

describe('the area filter in the URL: bbox=west,south,east,north', () => {
  it('writes the box as four readable numbers, and reads it back', () => {
    const area = { west: 44.3, south: 40.05, east: 44.7, north: 40.3 };
    const encoded = encodeUrl({ window: null, event: null, lanes: 'type', filters: { ...NO_FILTERS, area } });
    expect(encoded).toBe('bbox=44.3,40.05,44.7,40.3');
    expect(decodeUrl(encoded, known)).toEqual({ view: { window: null, event: null, lanes: 'type', filters: { ...NO_FILTERS, area } }, ignored: [] });
  });

  it('reads negative edges, spaces and a box touching the world\'s edges', () => {
    expect(decodeUrl('bbox=-180,-90,180,90', known).view.filters.area).toEqual({ west: -180, south: -90, east: 180, north: 90 });
    expect(decodeUrl('bbox=-3.5, -10 ,+2,.5', known).view.filters.area).toEqual({ west: -3.5, south: -10, east: 2, north: 0.5 });
  });

  it('rounds to five decimals (about a metre), so a reload reads what was written', () => {
    const { view } = decodeUrl('bbox=44.123456789,40,45,41', known);
    expect(view.filters.area!.west).toBe(44.12346);
    expect(encodeUrl(view)).toBe('bbox=44.12346,40,45,41');
  });

  it('ignores a box that is not one, naming the value and why', () => {
    const cases: [string, string][] = [
      ['44,40,45', 'bbox "44,40,45" must be four numbers: west,south,east,north'],
      ['44,40,45,41,1', 'bbox "44,40,45,41,1" must be four numbers: west,south,east,north'],
      ['a,b,c,d', 'bbox "a,b,c,d" must be four numbers: west,south,east,north'],
      ['44,40,,41', 'bbox "44,40,,41" must be four numbers: west,south,east,north'],
      ['0x10,40,45,41', 'bbox "0x10,40,45,41" must be four numbers: west,south,east,north'],
      ['1e2,40,45,41', 'bbox "1e2,40,45,41" must be four numbers: west,south,east,north'],
      ['Infinity,40,45,41', 'bbox "Infinity,40,45,41" must be four numbers: west,south,east,north'],
      ['-190,40,45,41', 'bbox "-190,40,45,41" has a longitude outside −180 to 180'],
      ['44,40,181,41', 'bbox "44,40,181,41" has a longitude outside −180 to 180'],
      ['44,-91,45,41', 'bbox "44,-91,45,41" has a latitude outside −90 to 90'],
      ['45,40,44,41', 'bbox "45,40,44,41" must have west less than east'],
      ['44,40,44,41', 'bbox "44,40,44,41" must have west less than east'],
      ['44,41,45,40', 'bbox "44,41,45,40" must have south less than north'],
      ['', 'bbox "" must be four numbers: west,south,east,north'],
    ];
    for (const [value, reason] of cases) {
      const { view, ignored } = decodeUrl(`bbox=${encodeURIComponent(value)}&types=clash`, known);
      expect(view.filters.area, value).toBeNull();
      expect(view.filters.types, value).toEqual(['clash']);
      expect(ignored, value).toEqual([reason]);
    }
  });

  it('reads and writes lanes=place', () => {
    const { view, ignored } = decodeUrl('lanes=place', known);
    expect(ignored).toEqual([]);
    expect(view.lanes).toBe('place');
    expect(encodeUrl(view)).toBe('lanes=place');
  });
});
