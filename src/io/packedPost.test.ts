// Packed events posted from the worker to the page with their buffers moved: the page must read
// the very events the worker packed, its text decoded from the UTF-8 moved, entry by entry or
// whole; the worker must keep what it needs to index them.
import { describe, expect, it, vi } from 'vitest';
import { importTextPacked, type PackedImport } from './importer.ts';
import { columnsForPosting, packedForPosting, receivedPacked } from './packedPost.ts';
import { ENTRIES_DECODED_ALONE } from '../table/utf8Column.ts';
import { computeColumns } from '../table/eventTable.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { joinedAt, packedColumnReader, packedEvents, packEvents, type PackedEvents } from '../table/packedEvents.ts';
import type { Dataset } from '../model/schema.ts';

/** An event's fields in the schema's order, as importers build them, so that it packs into the columns (not whole). */
const inSchemaOrder = (event: Record<string, unknown>) =>
  Object.fromEntries(['id', 'type', 'title', 'description', 'originalLanguage', 'start', 'end', 'actors', 'place', 'counts', 'claims', 'sources', 'relations', 'tags'].filter((key) => event[key] !== undefined).map((key) => [key, event[key]])) as unknown as Dataset['events'][number];

/** Text of one, two, three and four bytes a character, and events without a description or without an English title. */
const dataset: Dataset = (() => {
  const base = makeDataset({ events: 300, actors: 8, seed: 5, lasting: 0.2 });
  const events = base.events.map((e, i) =>
    inSchemaOrder({
      ...e,
      title: i % 5 === 0 ? { ar: `حدث ${i} – 🚩` } : i % 3 === 0 ? { ...e.title, ar: `اشتباك ${i}` } : e.title,
      ...(i % 4 === 0 ? { description: { en: `Notes ${i}: “quoted” ✓ 𝒳` } } : { description: undefined }),
    }),
  );
  return { ...base, events };
})();

const packedDataset = ({ events, ...info }: Dataset) => packEvents(info, events);

const eventsOf = (packed: PackedEvents) => Array.from({ length: packed.size }, (_, i) => packedEvents(packed).eventAt(i));

/** The packed events as the page receives them: a structured clone, the buffers moved. */
function posted(packed: PackedEvents) {
  const { posted, transfer, kept } = packedForPosting(packed);
  return { message: posted, received: receivedPacked(structuredClone(posted, { transfer })), transfer, kept };
}

describe('packed events posted with their buffers moved', () => {
  it('gives the page the events packed from a dataset, every typed column moved, and the worker keeps the same events', () => {
    const packed = packedDataset(dataset);
    // Packed into the columns, not kept whole: the text goes as UTF-8.
    expect(packed.whole.size).toBeLessThan(packed.size / 2);
    const expected = eventsOf(packed);
    const { posted, transfer, kept } = packedForPosting(packed);
    const received = receivedPacked(structuredClone(posted, { transfer }));
    // Every buffer moved (none left behind), among them the text's: ids, titles and descriptions in each language.
    expect(transfer.length).toBeGreaterThanOrEqual(1 + packed.title.length + packed.description.length + 20);
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
    expect(eventsOf(receivedPacked(structuredClone(posted, { transfer })))).toEqual(expected);
    expect(eventsOf(kept)).toEqual(expected);
  });

  it('moves the sources each UCDP GED row cites as one text column, not a part per row', () => {
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const text = UCDP_HEADER + Array.from({ length: 300 }, (_, i) => ucdpRow(i + 1, `Group ${i % 7}`, day(i))).join('');
    const packed = (importTextPacked({ text, fileName: 'ged.csv' }) as PackedImport).packed;
    const expected = eventsOf(packed);
    // Each event's own list: its GED id names it.
    expect(new Set(expected.map((event) => JSON.stringify(event.sources))).size).toBe(300);
    const isSourceList = (part: unknown) => Array.isArray(part) && part.some((item: { publisher?: string }) => item?.publisher === 'UCDP GED');
    expect(packed.parts.filter(isSourceList)).toEqual([]);
    const { message, received, kept } = posted(packed);
    expect(message.sourcesJson && 'utf8' in message.sourcesJson).toBe(true);
    expect(eventsOf(received)).toEqual(expected);
    expect(eventsOf(kept)).toEqual(expected);
  });

  it('decodes an entry alone until the column is read whole, or many are read, to the same text', () => {
    const packed = packedDataset(dataset);
    const columns = [packed.id, ...packed.title.map(([, c]) => c), ...packed.description.map(([, c]) => c)];
    const expected = columns.map((column) => Array.from({ length: packed.size }, (_, i) => joinedAt(column, i)));
    const texts = columns.map((column) => column.text);
    const { received } = posted(packed);
    const receivedColumns = [received.id, ...received.title.map(([, c]) => c), ...received.description.map(([, c]) => c)];
    receivedColumns.forEach((column, k) => {
      expect(column.entryAt, 'read alone').toBeDefined();
      // Entries alone, then the whole text, then entries from it.
      expect(Array.from({ length: packed.size }, (_, i) => joinedAt(column, i))).toEqual(expected[k]);
      expect(column.text).toBe(texts[k]);
      expect(Array.from({ length: packed.size }, (_, i) => joinedAt(column, i))).toEqual(expected[k]);
    });
    // Entries alone, until so many are read that the column is decoded whole.
    const { received: again } = posted(packedDataset(dataset));
    const [, title] = again.title.find(([language]) => language === 'ar')!;
    const reads = Array.from({ length: ENTRIES_DECODED_ALONE + packed.size }, (_, k) => joinedAt(title, k % packed.size));
    const [, arabic] = packed.title.find(([language]) => language === 'ar')!;
    expect(reads).toEqual(Array.from({ length: ENTRIES_DECODED_ALONE + packed.size }, (_, k) => joinedAt(arabic, k % packed.size)));
    // The four-byte characters were there to be read.
    expect(expected.flat().some((text) => text?.includes('🚩'))).toBe(true);
    expect(expected.flat().some((text) => text?.includes('𝒳'))).toBe(true);
  });

  it('reads the titles for labels without decoding a description', () => {
    const packed = packedDataset(dataset);
    const expected = eventsOf(packed);
    const { message, received } = posted(packed);
    const source = packedEvents(received);
    const descriptionBuffers = message.description.flatMap(([, column]) => ('utf8' in column ? [column.utf8.bytes.buffer] : []));
    expect(descriptionBuffers.length).toBeGreaterThan(0);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      // Labels of every event, many times over: past the point where a column read entry by entry is decoded whole.
      const titles = Array.from({ length: ENTRIES_DECODED_ALONE + packed.size }, (_, k) => source.titleAt(k % packed.size));
      expect(titles.slice(0, packed.size)).toEqual(expected.map(({ title, originalLanguage }) => ({ title, originalLanguage })));
      // The titles were decoded from their bytes; no description was, alone or whole.
      expect(decode).toHaveBeenCalled();
      for (const [input] of decode.mock.calls) expect(descriptionBuffers).not.toContain((input as Uint8Array).buffer);
    } finally {
      decode.mockRestore();
    }
    expect(source.textAt(4).description).toEqual(expected[4]!.description);
  });

  it('posts as text a column that UTF-8 would change (a lone surrogate), and it reads back unchanged', () => {
    const lone = { ...dataset, events: dataset.events.map((e, i) => (i === 7 ? { ...e, title: { en: 'broken \ud800 text' } } : e)) };
    const packed = packedDataset(lone);
    const expected = eventsOf(packed);
    const { message, received } = posted(packed);
    const [, english] = message.title.find(([language]) => language === 'en')!;
    expect('text' in english && english.text.includes('\ud800')).toBe(true);
    expect(message.title.some(([, column]) => 'utf8' in column)).toBe(true);
    expect(eventsOf(received)).toEqual(expected);
    expect(packedEvents(received).titleAt(7).title.en).toBe('broken \ud800 text');
  });

  it('posts as text a column whose entries end between the halves of a pair, each half lone when read alone', () => {
    const split = { ...dataset, events: dataset.events.map((e, i) => (i === 7 ? { ...e, title: { en: 'rocket \ud83d' } } : i === 8 ? { ...e, title: { en: '\ude80 launch' } } : e)) };
    const packed = packedDataset(split);
    const { message, received } = posted(packed);
    const [, english] = message.title.find(([language]) => language === 'en')!;
    expect('text' in english).toBe(true);
    expect(packedEvents(received).titleAt(7).title.en).toBe('rocket \ud83d');
    expect(packedEvents(received).titleAt(8).title.en).toBe('\ude80 launch');
  });

  it("moves the table's columns, and keeps copies of them", () => {
    const packed = packedDataset(dataset);
    const columns = computeColumns(packedColumnReader(packed), packed.info.actors);
    const expected = structuredClone(columns);
    const { transfer, kept } = columnsForPosting(columns);
    const received = structuredClone(columns, { transfer });
    // order, start, end, type, the actor columns (3), placeOf, lon, lat, geoPrecision.
    expect(transfer.length).toBe(11);
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(received).toEqual(expected);
    expect(kept).toEqual(expected);
  });
});
