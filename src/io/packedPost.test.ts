// Packed events posted from the worker to the page with their buffers moved: the page must read
// the very events the worker packed, its text decoded from the bytes moved, entry by entry or
// whole; the worker must keep what it needs to index them.
import { describe, expect, it, vi } from 'vitest';
import { encodeCompact } from './compact.ts';
import { importJsonBytesPacked, importTextPacked, type PackedImport } from './importer.ts';
import { columnsForPosting, packedForPosting, receivedPacked } from './packedPost.ts';
import { computeColumns } from '../table/eventTable.ts';
import { ENTRIES_DECODED_ALONE } from '../table/utf8Column.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { joinedAt, packedColumnReader, packedEvents, packEvents, type PackedEvents } from '../table/packedEvents.ts';
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

const bytesOf = (text: string) => new TextEncoder().encode(text);

function packedFrom(result: ReturnType<typeof importJsonBytesPacked>): PackedEvents {
  expect(result.kind).toBe('packed');
  return (result as PackedImport).packed;
}

/** The packed events as the page receives them: a structured clone, the buffers moved. */
function posted(packed: PackedEvents) {
  const { posted, transfer, kept } = packedForPosting(packed);
  return { received: receivedPacked(structuredClone(posted, { transfer })), transfer, kept };
}

const eventsOf = (packed: PackedEvents) => Array.from({ length: packed.size }, (_, i) => packedEvents(packed).eventAt(i));

describe('packed events posted with their buffers moved', () => {
  it('gives the page the events packed from a compact file, their text moved as UTF-8 and decoded there', () => {
    const packed = packedFrom(importJsonBytesPacked(bytesOf(JSON.stringify(encodeCompact(dataset))), 'events.compact.json'));
    const expected = eventsOf(packed);
    const { events: _, ...info } = dataset;
    expect(expected).toEqual(eventsOf(packEvents(info, dataset.events)));
    const { received, transfer, kept } = posted(packed);
    // Every buffer moved (none left behind), among them the text's: ids, titles and descriptions in each language.
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(transfer.length).toBeGreaterThanOrEqual(1 + packed.title.length + packed.description.length + 20);
    expect(eventsOf(received)).toEqual(expected);
    // The worker's own events, for its search index: the same, though their buffers went.
    expect(eventsOf(kept)).toEqual(expected);
  });

  it('decodes an entry alone until the column is read whole, or many are read, to the same text', () => {
    const packed = packedFrom(importJsonBytesPacked(bytesOf(JSON.stringify(encodeCompact(dataset))), 'events.compact.json'));
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
    const { received: again } = posted(packedFrom(importJsonBytesPacked(bytesOf(JSON.stringify(encodeCompact(dataset))), 'events.compact.json')));
    const [, title] = again.title.find(([language]) => language === 'ar')!;
    const reads = Array.from({ length: ENTRIES_DECODED_ALONE + packed.size }, (_, k) => joinedAt(title, k % packed.size));
    const [, arabic] = packed.title.find(([language]) => language === 'ar')!;
    expect(reads).toEqual(Array.from({ length: ENTRIES_DECODED_ALONE + packed.size }, (_, k) => joinedAt(arabic, k % packed.size)));
    // The four-byte characters were there to be read.
    expect(expected.flat().some((text) => text?.includes('🚩'))).toBe(true);
    expect(expected.flat().some((text) => text?.includes('𝒳'))).toBe(true);
  });

  it('reads the titles for labels without decoding a description', () => {
    const packed = packedFrom(importJsonBytesPacked(bytesOf(JSON.stringify(encodeCompact(dataset))), 'events.compact.json'));
    // Before posting, which moves the worker's buffers away.
    const expected = eventsOf(packed);
    const { posted: message, transfer } = packedForPosting(packed);
    const clone = structuredClone(message, { transfer });
    const source = packedEvents(receivedPacked(clone));
    const descriptionBuffers = clone.description.flatMap(([, column]) => ('utf8' in column && column.utf8 ? [column.utf8.bytes.buffer] : []));
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


  it('posts text that was not read from bytes as text, and moves the typed columns of any packed events', () => {
    const result = importTextPacked({ text: acledCsv(generatedAcledRows(500, 4)), fileName: 'events.csv' });
    const packed = (result as PackedImport).packed;
    const expected = eventsOf(packed);
    const { posted: asPosted, transfer } = packedForPosting(packed);
    expect(typeof (asPosted.title[0]![1] as { text?: unknown }).text).toBe('string');
    expect(transfer.length).toBeGreaterThan(20);
    const received = receivedPacked(structuredClone(asPosted, { transfer }));
    expect(eventsOf(received)).toEqual(expected);
  });

  it("moves the table's columns, and keeps copies of them", () => {
    const packed = packedFrom(importJsonBytesPacked(bytesOf(JSON.stringify(encodeCompact(dataset))), 'events.compact.json'));
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
