// Packed events must come back exactly: the same values, with keys in the same order (exports
// write them as they are), after a trip through structured cloning (the worker posts them).
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { packEvents, packedColumnReader, packedEvents } from './packedEvents.ts';
import { computeColumns, computeTableColumns } from './eventTable.ts';
import { importText } from '../io/importer.ts';
import { acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { corrupt } from '../testing/corrupt.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { validateDataset } from '../model/validate.ts';
import type { Actor, ConflictEvent, Dataset } from '../model/schema.ts';

const seedDataset = (validateDataset(seed) as { ok: true; dataset: Dataset }).dataset;

function roundTrip(events: readonly ConflictEvent[], actors: readonly Actor[]): ConflictEvent[] {
  const { events: _events, ...info } = seedDataset;
  const packed = packEvents(info, events);
  const moved = structuredClone(packed);
  // The table's columns read from the packed columns are those read from the events.
  expect(computeColumns(packedColumnReader(moved), actors)).toEqual(computeTableColumns({ events, actors }));
  const source = packedEvents(moved);
  expect(source.size).toBe(events.length);
  return Array.from({ length: source.size }, (_, i) => {
    const { title, description, originalLanguage } = events[i]!;
    expect(source.idAt(i)).toBe(events[i]!.id);
    expect(source.textAt(i)).toEqual({ title, ...(description ? { description } : {}), originalLanguage });
    return source.eventAt(i);
  });
}

function expectExact(events: readonly ConflictEvent[], actors: readonly Actor[] = seedDataset.actors): void {
  const back = roundTrip(events, actors);
  expect(back).toEqual(events);
  expect(JSON.stringify(back)).toBe(JSON.stringify(events));
}

const imported = (text: string, fileName: string) => {
  const result = importText({ text, fileName });
  if (result.kind !== 'done') throw new Error(result.kind);
  return result.dataset;
};

describe('packed events', () => {
  it('come back exactly: the bundled dataset (Arabic and English text)', () => {
    expectExact(seedDataset.events);
  });

  it('come back exactly from an ACLED import, whose parts are shared', () => {
    const { events, actors } = imported(acledCsv([...generatedAcledRows(300, 5), acledRow({ event_id_cnty: 'Q', notes: '' })]), 'a.csv');
    expectExact(events, actors);
    // With half its actors unknown to the table, their references are left out of the columns.
    expectExact(events, actors.slice(0, actors.length / 2));
    expectExact(events, []);
  });

  it('keep whole what the columns cannot hold in order: languages in another order, a new language later, unusual key orders', () => {
    const [a, b] = seedDataset.events;
    const events: ConflictEvent[] = [
      { ...a!, title: { en: 'First', ar: 'الأول' } },
      { ...b!, title: { ar: 'الثاني', en: 'Second' } },
      { ...a!, id: 'fr-later', title: { en: 'Third', fr: 'Troisième' }, description: { fr: 'Seulement en français' } },
      { ...b!, id: 'fr-first', title: { fr: 'Quatrième', en: 'Fourth' } },
      Object.assign({ tags: [] }, a!, { id: 'tags-first' }),
      { ...a!, id: 'odd-place', place: { country: 'ARM', name: { en: 'Berd' } } },
      { ...a!, id: 'no-place', place: undefined },
      // An end, in its place after the start.
      Object.fromEntries(
        Object.entries({ ...a!, id: 'with-end' }).flatMap(([key, value]) =>
          key === 'start' ? [[key, value], ['end', { at: '2022-09-14T20:00:00+04:00', precision: 'hour', tz: 'Asia/Yerevan' }]] : [[key, value]],
        ),
      ) as ConflictEvent,
    ];
    expectExact(events);
    const { events: _events, ...info } = seedDataset;
    expect([...packEvents(info, events).whole.keys()]).toEqual([1, 3, 4, 5]);
  });

  it('hold a place that states its precision in the columns, as UCDP and ACLED places do', () => {
    const [a] = seedDataset.events;
    const precise: ConflictEvent = { ...a!, id: 'precise', place: { name: { en: 'Jermuk' }, country: 'ARM', lat: 39.84, lon: 45.67, precision: 'point', admin: ['Vayots Dzor'] } };
    expectExact([precise]);
    const { events: _events, ...info } = seedDataset;
    expect(packEvents(info, [precise]).whole.size).toBe(0);
    const { events } = imported(UCDP_HEADER + ucdpRow(1) + ucdpRow(2, 'Islamic State'), 'ged.csv');
    expect(events.map((e) => e.place?.precision)).toEqual(['point', 'point']);
    expectExact(events);
    expect(packEvents(info, events).whole.size).toBe(0);
  });

  it('keep each event’s own source list (as a JSON file gives it) in one text column, and lists that rows share as parts', () => {
    const { events: _events, ...info } = seedDataset;
    const base = seedDataset.events[0]!;
    // As JSON.parse gives them: a list per event, not shared objects.
    const own = Array.from({ length: 200 }, (_, i) => ({ ...base, id: `own-${i}`, sources: [{ publisher: 'Wire', title: `Report ${i}`, language: 'en' }] }));
    const packed = packEvents(info, own);
    expect(packed.sourcesJson).toBeDefined();
    expect(packed.parts.some((part) => JSON.stringify(part).includes('Report'))).toBe(false);
    expectExact(own);
    // One list, equal in every event: a part, no column.
    const shared = own.map((event) => ({ ...event, sources: [{ publisher: 'Wire', language: 'en' }] }));
    expect(packEvents(info, shared).sourcesJson).toBeUndefined();
    expectExact(shared);
  });

  it('come back exactly from 300 damaged ACLED files', () => {
    const text = acledCsv([...generatedAcledRows(8, 3), acledRow({ event_id_cnty: 'X', notes: 'a "quoted"\nnote' })], { layout: 'pre2023', hxl: true });
    for (let i = 0; i < 300; i++) {
      const result = importText({ text: corrupt(text, seededRandom(104729 * (i + 1))), fileName: 'a.csv' });
      if (result.kind === 'done') expectExact(result.dataset.events, result.dataset.actors);
    }
  });

  it('pack nothing into an empty table', () => {
    expectExact([]);
  });
});
