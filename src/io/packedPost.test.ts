// Packed events posted from the worker to the page with their typed columns moved: the page must
// read the very events the worker packed; the worker must keep what it needs to index them.
import { describe, expect, it } from 'vitest';
import { importTextPacked, type PackedImport } from './importer.ts';
import { columnsForPosting, packedForPosting } from './packedPost.ts';
import { computeColumns } from '../table/eventTable.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { packedColumnReader, packedEvents, packEvents, type PackedEvents } from '../table/packedEvents.ts';
import type { Dataset } from '../model/schema.ts';

/** Text of one, two, three and four bytes a character, and events without a description or without an English title. */
const dataset: Dataset = (() => {
  const base = makeDataset({ events: 300, actors: 8, seed: 5, lasting: 0.2 });
  const events = base.events.map((e, i) => ({
    ...e,
    title: i % 5 === 0 ? { ar: `حدث ${i} – 🚩` } : i % 3 === 0 ? { ...e.title, ar: `اشتباك ${i}` } : e.title,
    ...(i % 4 === 0 ? { description: { en: `Notes ${i}: “quoted” ✓ 𝒳` } } : { description: undefined }),
  }));
  return { ...base, events };
})();

const packedDataset = ({ events, ...info }: Dataset) => packEvents(info, events);

const eventsOf = (packed: PackedEvents) => Array.from({ length: packed.size }, (_, i) => packedEvents(packed).eventAt(i));

describe('packed events posted with their buffers moved', () => {
  it('gives the page the events packed from a dataset, every typed column moved, and the worker keeps the same events', () => {
    const packed = packedDataset(dataset);
    const expected = eventsOf(packed);
    const { posted, transfer, kept } = packedForPosting(packed);
    const received = structuredClone(posted, { transfer });
    // Every buffer moved (none left behind).
    expect(transfer.length).toBeGreaterThan(20);
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(eventsOf(received)).toEqual(expected);
    // The worker's own events, for its search index: the same, though their buffers went.
    expect(eventsOf(kept)).toEqual(expected);
  });

  it('moves the typed columns of events packed as they were read (an ACLED CSV)', () => {
    const result = importTextPacked({ text: acledCsv(generatedAcledRows(500, 4)), fileName: 'events.csv' });
    const packed = (result as PackedImport).packed;
    const expected = eventsOf(packed);
    const { posted, transfer, kept } = packedForPosting(packed);
    expect(transfer.length).toBeGreaterThan(20);
    expect(eventsOf(structuredClone(posted, { transfer }))).toEqual(expected);
    expect(eventsOf(kept)).toEqual(expected);
  });

  it("moves the table's columns, and keeps copies of them", () => {
    const packed = packedDataset(dataset);
    const columns = computeColumns(packedColumnReader(packed), packed.info.actors);
    const expected = structuredClone(columns);
    const { transfer, kept } = columnsForPosting(columns);
    const received = structuredClone(columns, { transfer });
    expect(transfer.length).toBe(8);
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(received).toEqual(expected);
    expect(kept).toEqual(expected);
  });
});
