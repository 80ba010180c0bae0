import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { datasetSchema, eventSchema, type ConflictEvent, type Dataset } from '../model/schema.ts';
import { makeDataset, seededRandom } from '../testing/fixtures.ts';
import { COMPACT_FORMAT, COMPACT_VERSION, decodeCompact, encodeCompact, formatInstant, isCompactDataset, type CompactDataset } from './compact.ts';

const seedData = datasetSchema.parse(seed);
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** encode → JSON text → decode, as a file on disk would go. */
function roundTrip(dataset: Dataset): Dataset {
  const decoded = decodeCompact(viaJson(encodeCompact(dataset)));
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  return decoded.dataset;
}

function event(overrides: Partial<ConflictEvent> = {}): ConflictEvent {
  return {
    id: 'e1',
    type: 'clash',
    title: { en: 'A clash' },
    originalLanguage: 'en',
    start: { at: '2022-09-14T20:00:00+04:00', precision: 'hour', tz: 'Asia/Yerevan' },
    actors: [],
    counts: [],
    claims: [],
    sources: [{ publisher: 'Someone', language: 'en' }],
    relations: [],
    tags: [],
    ...overrides,
  };
}

const datasetOf = (events: ConflictEvent[]): Dataset => ({ title: 'T', attribution: 'A', actors: [], events });

describe('the compact JSON variant: round trip', () => {
  it('gives back the seed exactly: claims, quotes, relations, counts, day parts and ends included', () => {
    const has = (test: (e: ConflictEvent) => unknown) => seedData.events.some(test);
    expect([has((e) => e.claims.length), has((e) => e.relations.length), has((e) => e.counts.length), has((e) => e.end)]).toEqual([true, true, true, true]);
    expect([has((e) => e.start.dayPart), has((e) => e.sources.some((s) => s.quote)), has((e) => e.description), has((e) => e.place)]).toEqual([true, true, true, true]);
    const back = roundTrip(seedData);
    expect(back).toStrictEqual(seedData);
    for (const e of back.events) expect(eventSchema.safeParse(e).success).toBe(true);
  });

  it('gives back every `at` character for character, even ones the columns cannot rebuild', () => {
    const ats = [
      '2022-09-14T20:00:00+04:00', '2022-09-14T20:00:00Z', '2022-09-14T20:00:00+00:00', '2022-09-14T20:00:00-00:00',
      '2022-09-14T01:00:00-03:30', '2022-09-14T23:59:59+14:00', '1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z',
      '2024-02-29T12:00:00+05:45', '9999-12-31T23:59:59-12:00',
      // Not rebuilt from (ms, offset), so kept verbatim in `extra`:
      '2022-09-14T20:00+04:00', '2022-09-14T20:00:00.5Z', '2022-09-14T20:00:00.120Z', '2022-09-14T20:00:00.123+05:45',
    ];
    const events = ats.map((at, i) => event({ id: `e${i}`, start: { at, precision: 'minute', tz: 'UTC' }, end: { at, precision: 'day', tz: 'UTC' } }));
    for (const e of events) expect(eventSchema.safeParse(e).success).toBe(true);
    const data = datasetOf(events);
    expect(roundTrip(data)).toStrictEqual(data);
    expect(Object.keys(encodeCompact(data).extra)).toEqual(['10', '11', '12', '13']);
  });

  it('writes times like Date does, across the whole four-digit calendar', () => {
    const random = seededRandom(3);
    const from = Date.UTC(0, 0, 1) - 1000 * 86_400_000;
    const span = Date.UTC(9999, 11, 31) - from;
    for (let k = 0; k < 5000; k++) {
      const ms = from + Math.floor(random() * span / 1000) * 1000;
      const iso = new Date(ms).toISOString();
      if (!iso.startsWith('+') && !iso.startsWith('-')) expect(formatInstant(ms, 0, 'Z')).toBe(iso.replace('.000Z', 'Z'));
    }
    expect(formatInstant(Date.parse('2022-09-13T20:30:00Z'), 240, '+04:00')).toBe('2022-09-14T00:30:00+04:00');
  });

  it('leaves optional fields absent, and keeps every one of them when present', () => {
    const bare = event({ id: 'bare' });
    const full = event({
      id: 'full',
      title: { en: 'Shelling', ar: 'قصف' },
      description: { ar: 'وصف' },
      start: { at: '2022-09-13T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan', dayPart: 'early-hours' },
      end: { at: '2022-09-14T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      actors: [
        { actor: 'a', role: 'initiator', name: 'A (2018-)', side: 1 },
        { actor: 'b', role: 'target', side: 2 },
        { actor: 'not-in-the-registry', role: 'participant' },
      ],
      place: { name: { en: 'Jermuk', ar: 'جيرموك' }, country: 'ARM', lat: 39.84, admin: ['Vayots Dzor'] },
      counts: [
        { kind: 'killed', value: 49, qualifier: 'at-least', low: 40, high: 60, of: 'a', claimant: 'b', claimedOn: '2022-09-13', source: 1 },
        { kind: 'wounded', value: 0, qualifier: 'exact', claimant: 'a', claimedOn: '2022-09-14' },
      ],
      claims: [{ claimant: 'a', text: { en: 'They started it' }, status: 'disputed', disputedBy: ['b'], source: 0 }],
      sources: [
        { publisher: 'P', url: 'https://example.org/a', title: 'Headline', date: '2022-09-15', language: 'ar', quote: { ar: 'نص' } },
        { publisher: 'Q', language: 'en' },
      ],
      relations: [{ kind: 'breaks', event: 'bare' }],
      tags: ['border', 'shelling'],
    });
    const placeOnlyLon = event({ id: 'lon', place: { name: { en: 'Somewhere' }, country: 'AZE', lon: 45.5 } });
    const data: Dataset = { ...datasetOf([bare, full, placeOnlyLon]), $schema: './schema.json', description: 'D', license: 'L' };
    const back = roundTrip(data);
    expect(back).toStrictEqual(data);
    for (const key of ['description', 'end', 'place'] as const) expect(key in back.events[0]!).toBe(false);
    expect('lat' in back.events[2]!.place!).toBe(false);
    expect('side' in back.events[1]!.actors[2]!).toBe(false);
    expect(roundTrip(datasetOf([]))).toStrictEqual(datasetOf([]));
  });

  it('round-trips a large generated dataset, stores each repeated string once, and is much smaller', () => {
    const data = makeDataset({ events: 20_000, actors: 30, lasting: 0.2 });
    const compact = encodeCompact(data);
    const text = JSON.stringify(compact);
    const decoded = decodeCompact(JSON.parse(text));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
    expect(decoded.dataset).toStrictEqual(data);
    // Parts that repeat come back as one shared, frozen object, as the importers make them.
    const [a, b] = decoded.dataset.events;
    expect(a!.sources).toBe(b!.sources);
    expect(Object.isFrozen(a!.sources)).toBe(true);

    expect(new Set(compact.strings).size).toBe(compact.strings.length);
    for (const s of ['Fixture', 'UTC', 'en', 'Z', 'actor-3', 'initiator', '2022-01-01']) expect(compact.strings.filter((x) => x === s)).toHaveLength(1);
    expect(compact.strings.length).toBeLessThan(100);
    expect(compact.extra).toEqual({});
    expect(compact.events.placeLat).toBeUndefined(); // all null, so left out
    expect(text.length).toBeLessThan(JSON.stringify(data).length * 0.35);
  });
});

describe('the compact JSON variant: malformed files', () => {
  type Damage = (c: any) => unknown;
  const cases: [string, Damage, string][] = [
    ['a version it does not read', (c) => (c.version = 2), 'version'],
    ['a column of the wrong length', (c) => c.events.type.pop(), 'events.type'],
    ['a child column of the wrong length', (c) => c.events.actorRole.push(0), 'events.actorRole'],
    ['a text column of the wrong length', (c) => c.events.title.en.push('x'), 'events.title.en'],
    ['a column that is not a list', (c) => (c.events.actorRole = 'none'), 'events.actorRole'],
    ['a missing column', (c) => delete c.events.countKind, 'events.countKind'],
    ['an end without its offset', (c) => ((c.events.end[0] = 0), (c.events.endOffset[0] = null)), 'events.endOffset[0]'],
    ['a string index out of range', (c) => (c.events.startTz[1] = 99_999), 'events.startTz[1]'],
    ['a negative string index', (c) => (c.events.actor[0] = -1), 'events.actor[0]'],
    ['a fractional string index', (c) => (c.events.type[2] = 1.5), 'events.type[2]'],
    ['text where a number belongs', (c) => (c.events.start[3] = '2022-09-14'), 'events.start[3]'],
    ['a number where text belongs', (c) => (c.events.title.en[0] = 5), 'events.title.en[0]'],
    ['a side that is not 0, 1 or 2', (c) => (c.events.actorSide[0] = 3), 'events.actorSide[0]'],
    ['offsets that decrease', (c) => (c.events.actorOffsets[1] = -1), 'events.actorOffsets[1]'],
    ['offsets that do not start at 0', (c) => (c.events.sourceOffsets[0] = 1), 'events.sourceOffsets[0]'],
    ['an offset that is not an offset', (c) => (c.strings[c.events.startOffset[0]] = 'soon'), 'events.startOffset[0]'],
    ['a strings table with a number in it', (c) => c.strings.unshift(7), 'strings[0]'],
    ['no title', (c) => delete c.title, 'title'],
    ['events that are not columns', (c) => (c.events = []), 'events'],
    ['an extra for an event that does not exist', (c) => (c.extra['99999'] = {}), 'extra.99999'],
    ['an extra with a field events do not have', (c) => (c.extra['0'] = { colour: 'red' }), 'extra.0.colour'],
    ['a language code that is not one', (c) => (c.events.title['__proto__ x'] = c.events.title.en), 'events.title.__proto__ x'],
  ];

  it.each(cases)('refuses %s, saying where', (_name, damage, path) => {
    const compact = viaJson(encodeCompact(seedData)) as any;
    damage(compact);
    const decoded = decodeCompact(compact);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.problems[0]!.path).toBe(path);
      expect(decoded.problems[0]!.message.length).toBeGreaterThan(5);
    }
  });

  it('refuses what is not a compact dataset at all', () => {
    for (const input of [null, 'text', 42, [], {}]) {
      const decoded = decodeCompact(input);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.problems.length).toBeGreaterThan(0);
    }
  });

  it('never throws on randomly damaged files, and stops after a few problems', () => {
    const random = seededRandom(11);
    const junk = [null, -1, 0.5, 1e9, 'x', '', [], {}, true, Number.MAX_SAFE_INTEGER, 1];
    const base = viaJson(encodeCompact(seedData)) as CompactDataset;
    const names = Object.keys(base.events) as (keyof CompactDataset['events'])[];
    for (let k = 0; k < 300; k++) {
      const compact = viaJson(base) as any;
      for (let d = 0; d < 3; d++) {
        const name = names[Math.floor(random() * names.length)]!;
        const column = compact.events[name];
        const value = junk[Math.floor(random() * junk.length)];
        if (Array.isArray(column) && column.length) column[Math.floor(random() * column.length)] = value;
        else if (random() < 0.3) compact.events[name] = value;
      }
      const decoded = decodeCompact(compact);
      if (!decoded.ok) {
        expect(decoded.problems.length).toBeLessThanOrEqual(20);
        for (const p of decoded.problems) expect(p.path).toMatch(/^(events|strings|extra)/);
      }
    }
    const everywhere = viaJson(encodeCompact(makeDataset({ events: 100 }))) as any;
    everywhere.events.type = everywhere.events.type.map(() => -5);
    const decoded = decodeCompact(everywhere);
    expect(!decoded.ok && decoded.problems.length).toBe(20);
  });

  it('knows a compact file by its format field', () => {
    expect(isCompactDataset(viaJson(encodeCompact(seedData)))).toBe(true);
    expect(isCompactDataset(seedData)).toBe(false);
    expect(isCompactDataset(null)).toBe(false);
    expect(encodeCompact(seedData)).toMatchObject({ format: COMPACT_FORMAT, version: COMPACT_VERSION });
  });
});
