import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Actor, ConflictEvent, Dataset } from '../model/schema.ts';
import { createEventsCsv, eventsToCsv, EVENT_CSV_COLUMNS } from './eventsCsv.ts';

const actors: Actor[] = [
  { id: 'am-mod', names: { en: 'Ministry of Defence of Armenia', ar: 'وزارة الدفاع الأرمينية' }, aliases: [], kind: 'ministry' },
  { id: 'az-forces', names: { en: 'Armed Forces of Azerbaijan' }, aliases: [], kind: 'state-forces' },
  { id: 'az-mod', names: { en: 'Ministry of Defence of Azerbaijan' }, aliases: [], kind: 'ministry' },
];

const ARABIC_TITLE = 'اندلاع اشتباكات حدودية بين أرمينيا وأذربيجان، وهي أسوأ قتال بين الجارين منذ حرب 2020';

function event(overrides: Partial<ConflictEvent> = {}): ConflictEvent {
  return {
    id: 'e1',
    type: 'clash',
    title: { en: 'Border clash', ar: ARABIC_TITLE },
    originalLanguage: 'ar',
    start: { at: '2022-09-13T00:05:00+04:00', precision: 'day', tz: 'Asia/Yerevan', dayPart: 'early-hours' },
    end: { at: '2022-09-14T20:00:00+04:00', precision: 'minute', tz: 'Asia/Yerevan' },
    actors: [
      { actor: 'az-forces', role: 'initiator', side: 1, name: 'Military Forces of Azerbaijan (2003-)' },
      { actor: 'am-mod', role: 'claimant' },
    ],
    place: { name: { en: 'Jermuk' }, country: 'ARM', lat: 39.84, lon: -3.5, precision: 'near', admin: ['Vayots Dzor', 'Jermuk'] },
    counts: [
      { kind: 'killed', value: 105, qualifier: 'about', low: 90, high: 120, of: 'az-forces', claimant: 'am-mod', claimedOn: '2022-09-14', source: 0 },
    ],
    claims: [
      { claimant: 'am-mod', text: { en: 'Azerbaijan fired first.' }, status: 'disputed', disputedBy: ['az-mod'], source: 1 },
    ],
    sources: [
      { publisher: 'Al Jazeera Arabic', title: 'اشتباكات', url: 'https://example.org/a', date: '2022-09-15', language: 'ar', quote: { ar: 'نص', en: 'a quote' } },
      { publisher: 'Armenian MoD', language: 'en' },
    ],
    relations: [{ kind: 'part-of', event: 'e0' }],
    tags: ['border', 'disputed-blame'],
    ...overrides,
  };
}

/** The CSV as rows of cells, header first; checks the BOM and the line ends on the way. */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  expect(result.meta.linebreak).toBe('\r\n');
  return result.data;
}

function rowsByColumn(csv: string): Record<string, string>[] {
  const [header, ...rows] = parse(csv);
  return rows.map((row) => {
    expect(row).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((column, i) => [column, row[i]!]));
  });
}

describe('events as CSV', () => {
  it('has the header row with every column of the model, flattened', () => {
    const [header] = parse(eventsToCsv([], actors, 'en'));
    expect(header).toEqual([
      'id', 'type', 'title', 'title_language', 'description', 'description_language', 'original_language',
      'start', 'start_precision', 'start_timezone', 'start_day_part', 'end', 'end_precision', 'end_timezone', 'end_day_part',
      'place', 'country', 'admin', 'lat', 'lon', 'geo_precision', 'actors', 'actor_ids', 'actor_kinds', 'counts', 'claims', 'sources', 'source_quotes',
      'relations', 'tags',
    ]);
    expect(header).toEqual([...EVENT_CSV_COLUMNS]);
  });

  it('writes one readable row per event', () => {
    const [row] = rowsByColumn(eventsToCsv([event()], actors, 'en'));
    expect(row).toEqual({
      id: 'e1',
      type: 'clash',
      title: 'Border clash',
      title_language: 'en',
      description: '',
      description_language: '',
      original_language: 'ar',
      start: '2022-09-13T00:05:00+04:00',
      start_precision: 'day',
      start_timezone: 'Asia/Yerevan',
      start_day_part: 'early-hours',
      end: '2022-09-14T20:00:00+04:00',
      end_precision: 'minute',
      end_timezone: 'Asia/Yerevan',
      end_day_part: '',
      place: 'Jermuk',
      country: 'ARM',
      admin: 'Vayots Dzor; Jermuk',
      lat: '39.84',
      lon: '-3.5',
      geo_precision: 'near',
      actors: 'Armed Forces of Azerbaijan (initiator, side 1, as "Military Forces of Azerbaijan (2003-)"); Ministry of Defence of Armenia (claimant)',
      actor_ids: 'az-forces; am-mod',
      actor_kinds: 'state-forces; ministry',
      counts: 'killed: about 105 (low 90, high 120) of Armed Forces of Azerbaijan, claimed by Ministry of Defence of Armenia on 2022-09-14, source 1',
      claims: 'Ministry of Defence of Armenia claims "Azerbaijan fired first." (disputed by Ministry of Defence of Azerbaijan; source 2)',
      sources: '[1] Al Jazeera Arabic | اشتباكات | https://example.org/a | 2022-09-15 | ar; [2] Armenian MoD |  |  |  | en',
      source_quotes: '[1] "a quote"',
      relations: 'part-of:e0',
      tags: 'border; disputed-blame',
    });
  });

  it('keeps an Arabic title byte for byte, and says which language it used', () => {
    const csv = eventsToCsv([event()], actors, 'ar');
    const [row] = rowsByColumn(csv);
    expect(row!.title).toBe(ARABIC_TITLE);
    expect(row!.title_language).toBe('ar');
    expect(new TextEncoder().encode(row!.title)).toEqual(new TextEncoder().encode(ARABIC_TITLE));
    expect(row!.actors).toContain('وزارة الدفاع الأرمينية (claimant)');
    // Text missing in the wanted language falls back to the original.
    const [fallback] = rowsByColumn(eventsToCsv([event({ title: { ar: ARABIC_TITLE } })], actors, 'en'));
    expect(fallback!.title).toBe(ARABIC_TITLE);
    expect(fallback!.title_language).toBe('ar');
  });

  it('defuses cells a spreadsheet would run as formulas, and leaves plain numbers alone', () => {
    const formula = '=HYPERLINK("http://evil")';
    const csv = eventsToCsv(
      [event({ title: { en: formula }, originalLanguage: 'en', tags: ['+1', '@me', '-3.5', '-2+3'] })],
      actors,
      'en',
    );
    const [row] = rowsByColumn(csv);
    expect(row!.title).toBe(`'${formula}`);
    expect(row!.lon).toBe('-3.5');
    expect(row!.tags).toBe(`'+1; @me; -3.5; -2+3`);
    const [sum, number] = rowsByColumn(eventsToCsv([event({ tags: ['-2+3'] }), event({ id: 'e2', tags: ['-3.5'] })], actors, 'en'));
    expect(sum!.tags).toBe(`'-2+3`);
    expect(number!.tags).toBe('-3.5');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('round-trips commas, quotes and line breaks inside cells', () => {
    const title = 'Clash near "Sotk", Goris\r\nand Jermuk;\nsecond line';
    const [row] = rowsByColumn(eventsToCsv([event({ title: { en: title }, originalLanguage: 'en' })], actors, 'en'));
    expect(row!.title).toBe(title);
  });

  it('leaves empty cells for an event without a place, an end or lists', () => {
    const { place: _place, end: _end, ...bare } = event();
    const [row] = rowsByColumn(eventsToCsv([{ ...bare, actors: [], counts: [], claims: [], relations: [], tags: [] }], actors, 'en'));
    for (const column of ['end', 'end_precision', 'end_timezone', 'place', 'country', 'admin', 'lat', 'lon', 'geo_precision', 'actors', 'counts', 'claims', 'relations', 'tags'])
      expect(row![column], column).toBe('');
    expect(row!.start).toBe('2022-09-13T00:05:00+04:00');
  });

  it('names an actor missing from the registry by its id', () => {
    const [row] = rowsByColumn(eventsToCsv([event({ actors: [{ actor: 'nobody', role: 'target' }] })], [], 'en'));
    expect(row!.actors).toBe('nobody (target)');
  });

  it('exports the bundled seed: one row per event, in order', () => {
    const result = validateDataset(seed);
    expect(result.ok).toBe(true);
    const dataset = (result.ok ? result.dataset : null) as Dataset;
    for (const lang of ['en', 'ar']) {
      const rows = rowsByColumn(eventsToCsv(dataset.events, dataset.actors, lang));
      expect(rows).toHaveLength(dataset.events.length);
      expect(rows.map((row) => row.id)).toEqual(dataset.events.map((e) => e.id));
      rows.forEach((row, i) => expect(row.title).toBe(dataset.events[i]!.title[lang]));
    }
  });
});

describe('events as CSV, in batches', () => {
  it('joins to the text eventsToCsv writes, whatever the batches', () => {
    const result = validateDataset(seed);
    const dataset = (result.ok ? result.dataset : null) as Dataset;
    const events = [...dataset.events, event(), event({ id: 'e2', tags: ['a "quoted", tag'], description: { en: 'two\nlines' } })];
    for (const lang of ['en', 'ar']) {
      for (const size of [1, 3, 7, 1000]) {
        const writer = createEventsCsv(dataset.actors, lang);
        const batches = Array.from({ length: Math.ceil(events.length / size) }, (_, k) => events.slice(k * size, (k + 1) * size));
        expect(writer.header + batches.map((batch) => writer.rows(batch)).join('')).toBe(eventsToCsv(events, dataset.actors, lang));
      }
    }
    // What Papa Parse writes for the whole table at once: no blank line after the header.
    const rows = Papa.parse<string[]>(eventsToCsv(events, dataset.actors, 'en').slice(1), { skipEmptyLines: false }).data;
    expect(rows).toHaveLength(events.length + 2);
    expect(rows.at(-1)).toEqual(['']);
    expect(rows.slice(1, -1).every((row) => row.length === EVENT_CSV_COLUMNS.length)).toBe(true);
    expect(eventsToCsv([], [], 'en')).toBe(`\ufeff${EVENT_CSV_COLUMNS.join(',')}\r\n`);
  });
});

