import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importColumnar } from './columnarImport.ts';
import { importText, importTextPacked, type ImportResult, type PackedImport } from './importer.ts';
import { ACLED_CURRENT_COLUMNS, ACLED_DYADIC_ONLY, ACLED_PRE2023_COLUMNS, acledCsv, acledRow, generatedAcledRows, toMonadic } from '../testing/acledFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { acledArrow, duckdbParquet, textParquet, type ColumnTypes } from '../testing/columnarFixture.ts';
import { columnarKind } from './columnarFormat.ts';
import { cellText } from './columnarRows.ts';
import type { Dataset } from '../model/schema.ts';
import { packedEvents } from '../table/packedEvents.ts';
import type { ImportReport } from './report.ts';

const ROWS = [...generatedAcledRows(7, 11), acledRow({ event_id_cnty: 'ARM101', notes: 'a "quoted", note' })];
const TYPED: ColumnTypes = { event_date: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', fatalities: 'INTEGER', year: 'INTEGER', timestamp: 'BIGINT' };

function done(result: ImportResult | PackedImport): { dataset: Dataset; report: ImportReport } {
  if (result.kind !== 'done') throw new Error(`expected a dataset, got ${JSON.stringify(result).slice(0, 400)}`);
  return result;
}

/** The bytes of a view as a buffer of their own, as a file's are. */
const arrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** The report's counts, and its issues without their places (a CSV places rows by line, Parquet by row). */
const counts = ({ rowsRead, imported, fixedRows, mergedRows, rejectedRows, rejections, fixes }: ImportReport) => ({
  rowsRead,
  imported,
  fixedRows,
  mergedRows,
  rejectedRows,
  rejections: rejections.map(({ field, value, message }) => ({ field, value, message })),
  fixes: fixes.map(({ field, value, message }) => ({ field, value, message })),
});

describe('cell text of typed values', () => {
  it('reads dates, numbers, bigints and nulls as a CSV holds them', () => {
    expect(cellText(new Date(Date.UTC(2022, 8, 13)))).toBe('2022-09-13');
    expect(cellText(new Date(Date.UTC(2022, 8, 13, 17, 5)))).toBe('2022-09-13');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText(40.2)).toBe('40.2');
    expect(cellText(3)).toBe('3');
    expect(cellText(-0)).toBe('0');
    expect(cellText(1663632000n)).toBe('1663632000');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(new TextEncoder().encode('Sotk'))).toBe('Sotk');
  });

  it('tells Parquet and Arrow by their magic bytes', () => {
    expect(columnarKind(new TextEncoder().encode('PAR1xxxx'))).toBe('parquet');
    expect(columnarKind(new TextEncoder().encode('ARROW1\0\0'))).toBe('arrow');
    expect(columnarKind(new TextEncoder().encode('event_id_cnty,'))).toBeNull();
  });

  it('tells an Arrow stream by its first message, and takes no text for one', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(columnarKind(acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3, 'stream').slice(0, 8))).toBe('arrow');
    expect(columnarKind(bytes(0xff, 0xff, 0xff, 0xff, 0xd8, 0, 0, 0))).toBe('arrow');
    // Text in Latin-1 ("ÿÿÿÿ" and spaces), UTF-16 with its byte order mark, UTF-8 with its own.
    expect(columnarKind(bytes(0xff, 0xff, 0xff, 0xff, 0x20, 0x20, 0x20, 0x20))).toBeNull();
    expect(columnarKind(bytes(0xff, 0xfe, 0x65, 0, 0x76, 0, 0x65, 0))).toBeNull();
    expect(columnarKind(bytes(0xef, 0xbb, 0xbf, 0x65, 0x76, 0x65, 0x6e, 0x74))).toBeNull();
    // The marker alone, or with a length that is no message's: the end of a stream, negative, not padded to 8, cut.
    expect(columnarKind(bytes(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0))).toBeNull();
    expect(columnarKind(bytes(0xff, 0xff, 0xff, 0xff, 0xf8, 0xff, 0xff, 0xff))).toBeNull();
    expect(columnarKind(bytes(0xff, 0xff, 0xff, 0xff, 0xd9, 0, 0, 0))).toBeNull();
    expect(columnarKind(bytes(0xff, 0xff, 0xff, 0xff, 0xd8))).toBeNull();
  });
});

describe('ACLED Parquet', () => {
  const csv = done(importText({ text: acledCsv(ROWS), fileName: 'acled.csv' }));

  it('an all-text file in several row groups gives the events and report of the same rows as CSV', async () => {
    const result = done(await importColumnar(textParquet(ACLED_CURRENT_COLUMNS, ROWS, 3), 'acled.parquet'));
    expect(result.dataset.events).toEqual(csv.dataset.events);
    expect(result.dataset.actors).toEqual(csv.dataset.actors);
    expect(counts(result.report)).toEqual(counts(csv.report));
    expect(result.report.format).toBe('ACLED Parquet (current layout)');
    expect(result.report.fileName).toBe('acled.parquet');
  });

  it('an HXL hashtag row first (HDX’s CSV read by another tool) is noted and left out, as in a CSV', async () => {
    const hxl = Object.fromEntries(ACLED_CURRENT_COLUMNS.map((c, i) => [c, i % 3 === 2 ? '' : `#${c.replace(/_/g, '+')}`]));
    const result = done(await importColumnar(textParquet(ACLED_CURRENT_COLUMNS, [hxl, ...ROWS], 3), 'hdx.parquet'));
    expect(result.dataset.events).toEqual(csv.dataset.events);
    expect(counts(result.report)).toEqual(counts(csv.report));
    expect(result.report.notes).toContain('row 1 is an HXL hashtag row (#event+id+cnty, …), which labels the columns; it is not an event');
    // Only a first row is: the same row later is a row, and rejected.
    const later = done(await importColumnar(textParquet(ACLED_CURRENT_COLUMNS, [...ROWS, hxl], 3), 'later.parquet'));
    expect(later.report.rejectedRows).toBe(1);
  });

  for (const compression of ['zstd', 'gzip', 'snappy', 'brotli', 'lz4'] as const) {
    it(`typed columns (DATE, DOUBLE, INTEGER), ${compression}: the same events, 0 fixed`, async () => {
      const result = done(await importColumnar(await duckdbParquet(acledCsv(ROWS), TYPED, compression), 'typed.parquet'));
      expect(result.dataset.events).toEqual(csv.dataset.events);
      expect(counts(result.report)).toEqual(counts(csv.report));
      expect(result.report.fixedRows).toBe(0);
      expect(result.report.missingTokens).toEqual([]);
    });
  }

  it('latitude and longitude as 32-bit floats (pandas’ float32) read as the decimals written, in Parquet and Arrow', async () => {
    // Widened to doubles, 39.9624 would read 39.962398529052734.
    const parquet = done(await importColumnar(await duckdbParquet(acledCsv(ROWS), { ...TYPED, latitude: 'FLOAT', longitude: 'FLOAT' }, 'zstd'), 'float.parquet'));
    expect(parquet.dataset.events).toEqual(csv.dataset.events);
    const arrow = done(await importColumnar(new Uint8Array(acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3, 'file', 'single')).buffer, 'float.arrow'));
    expect(arrow.dataset.events).toEqual(csv.dataset.events);
    expect(csv.dataset.events.some((event) => Math.fround(event.place!.lat!) !== event.place!.lat)).toBe(true);
  });

  it('event_date as TIMESTAMP reads as its day', async () => {
    const result = done(await importColumnar(await duckdbParquet(acledCsv(ROWS), { ...TYPED, event_date: 'TIMESTAMP' }, 'zstd'), 'ts.parquet'));
    expect(result.dataset.events).toEqual(csv.dataset.events);
  });

  it('timestamp made a TIMESTAMP (as pandas and Polars convert Unix seconds) dates the ACLED record and its count as the seconds do', async () => {
    const result = done(await importColumnar(await duckdbParquet(acledCsv(ROWS), { ...TYPED, timestamp: 'SECONDS AS TIMESTAMP' }, 'zstd'), 'updated.parquet'));
    expect(result.dataset.events).toEqual(csv.dataset.events);
    expect(result.dataset.events[0]!.sources[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.report.fixes).toEqual([]);
  });

  it('the pre-2023 layout, packed as the worker packs it, equals the CSV packed', async () => {
    const text = acledCsv(ROWS, { layout: 'pre2023' });
    const fromCsv = importTextPacked({ text, fileName: 'old.parquet' });
    const fromParquet = await importColumnar(textParquet(ACLED_PRE2023_COLUMNS, ROWS, 4), 'old.parquet', { packed: true });
    if (fromCsv.kind !== 'packed' || fromParquet.kind !== 'packed') throw new Error('expected packed results');
    expect(fromParquet.packed).toEqual(fromCsv.packed);
    expect(fromParquet.report.format).toBe('ACLED Parquet (pre-2023 layout)');
  });

  it('the monadic layout merges an event’s rows, across row groups too', async () => {
    const monadic = toMonadic(ROWS);
    const columns = ACLED_CURRENT_COLUMNS.filter((c) => !(ACLED_DYADIC_ONLY as readonly string[]).includes(c));
    const fromCsv = done(importText({ text: acledCsv(monadic, { monadic: true }), fileName: 'm.csv' }));
    const result = done(await importColumnar(textParquet(columns, monadic, 3), 'm.parquet'));
    expect(result.report.mergedRows).toBeGreaterThan(0);
    expect(result.dataset.events).toEqual(fromCsv.dataset.events);
    expect(counts(result.report)).toEqual(counts(fromCsv.report));
    expect(result.report.format).toBe('ACLED Parquet (current layout, monadic: one row per actor)');
  });

  it('places a rejected row by its number and row group', async () => {
    const rows = [...ROWS.slice(0, 4), acledRow({ event_id_cnty: 'BAD1', event_date: '31 September 2022' }), acledRow({ event_id_cnty: ROWS[0]!.event_id_cnty })];
    const result = done(await importColumnar(textParquet(ACLED_CURRENT_COLUMNS, rows, 3), 'bad.parquet'));
    expect(result.report.rejectedRows).toBe(2);
    expect(result.report.rejections[0]).toMatchObject({ line: null, record: 'row 5 (row group 2)', field: 'event_date' });
    // A repeated id names the first row by its number.
    expect(result.report.rejections[1]).toMatchObject({ record: 'row 6 (row group 2)' });
    expect(result.report.rejections[1]!.message).toContain('row 1');
    expect(result.report.imported + result.report.rejectedRows).toBe(result.report.rowsRead);
  });
});

describe('UCDP GED Parquet', () => {
  it('gives the events and report of the same rows as CSV', async () => {
    const text = UCDP_HEADER + ucdpRow(1) + ucdpRow(2) + ucdpRow(3, 'Government of Armenia', '2022-09-14');
    const fromCsv = done(importText({ text, fileName: 'ged.csv' }));
    const parquet = await duckdbParquet(text, { date_start: 'TIMESTAMP', date_end: 'TIMESTAMP', latitude: 'DOUBLE', longitude: 'DOUBLE', best: 'INTEGER', id: 'BIGINT' }, 'zstd');
    const result = done(await importColumnar(parquet, 'ged.parquet'));
    expect(result.dataset.events).toEqual(fromCsv.dataset.events);
    expect(counts(result.report)).toEqual(counts(fromCsv.report));
    expect(result.report.format).toBe('UCDP GED Parquet');
  });
});

describe('ACLED Arrow', () => {
  it('typed record batches give the events of the same rows as CSV', async () => {
    const csv = done(importText({ text: acledCsv(ROWS), fileName: 'acled.csv' }));
    const arrow = acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3);
    const bytes = arrow.buffer.slice(arrow.byteOffset, arrow.byteOffset + arrow.byteLength) as ArrayBuffer;
    const result = done(await importColumnar(bytes, 'acled.arrow'));
    expect(result.dataset.events).toEqual(csv.dataset.events);
    expect(counts(result.report)).toEqual(counts(csv.report));
    expect(result.report.format).toBe('ACLED Arrow (current layout)');
  });

  it('a stream (.arrows) gives the events and report of the same rows as the file form', async () => {
    const file = done(await importColumnar(arrayBuffer(acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3)), 'acled.arrow'));
    const result = done(await importColumnar(arrayBuffer(acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3, 'stream')), 'acled.arrows'));
    expect(result.dataset.events).toEqual(file.dataset.events);
    expect(result.dataset.actors).toEqual(file.dataset.actors);
    expect(counts(result.report)).toEqual(counts(file.report));
    expect(result.report.format).toBe('ACLED Arrow (current layout)');
    expect(result.report.fileName).toBe('acled.arrows');
  });

  it('Feather files that pandas wrote, with its LZ4 frames and with Zstandard, give the events of their CSV', async () => {
    const dir = join(import.meta.dirname, '../testing/fromOtherTools');
    const csv = done(importText({ text: readFileSync(join(dir, 'acled-30.csv'), 'utf8'), fileName: 'acled-30.csv' }));
    expect(csv.report.imported).toBe(30);
    for (const name of ['acled-30-lz4.feather', 'acled-30-zstd.feather']) {
      const result = done(await importColumnar(arrayBuffer(readFileSync(join(dir, name))), name));
      expect(result.report.format).toBe('ACLED Arrow (current layout)');
      expect(counts(result.report)).toEqual(counts(csv.report));
      expect(result.dataset.events).toEqual(csv.dataset.events);
    }
  });

  it('places a rejected row of a stream by its number and record batch', async () => {
    // event_date is typed, so the bad row is a repeated id.
    const rows = [...ROWS.slice(0, 4), acledRow({ event_id_cnty: ROWS[0]!.event_id_cnty })];
    const result = done(await importColumnar(arrayBuffer(acledArrow(ACLED_CURRENT_COLUMNS, rows, 3, 'stream')), 'bad.arrows'));
    expect(result.report.imported).toBe(4);
    expect(result.report.rejections).toEqual([expect.objectContaining({ line: null, record: 'row 5 (record batch 2)' })]);
    expect(result.report.rejections[0]!.message).toContain('row 1');
  });
});

describe('bad Parquet and Arrow files', () => {
  const good = textParquet(ACLED_CURRENT_COLUMNS, ROWS, 3);

  it('a truncated file is refused with its name and why', async () => {
    const result = await importColumnar(good.slice(0, good.byteLength - 100), 'cut.parquet');
    expect(result).toMatchObject({ kind: 'not-a-dataset' });
    expect((result as { message: string }).message).toMatch(/^cut\.parquet is not a readable Parquet file \(it is cut short/);
  });

  it('a truncated Arrow file is refused', async () => {
    const arrow = acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3);
    const result = await importColumnar(arrow.slice(0, arrow.length - 40).buffer, 'cut.arrow');
    expect((result as { message: string }).message).toMatch(/^cut\.arrow is not a readable Arrow file/);
  });

  describe('a cut Arrow stream is refused with its name and why', () => {
    const stream = acledArrow(ACLED_CURRENT_COLUMNS, ROWS, 3, 'stream');
    const END = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];

    it('cut inside a record batch', async () => {
      const result = await importColumnar(arrayBuffer(stream.slice(0, stream.length - 100)), 'cut.arrows');
      expect(result).toEqual({ kind: 'not-a-dataset', message: 'cut.arrows is not a readable Arrow file (it is cut short: a whole Arrow stream ends with an end-of-stream marker).' });
    });

    it('cut between two record batches, where apache-arrow alone would read the rows before the cut', async () => {
      const result = await importColumnar(arrayBuffer(stream.slice(0, stream.length - END.length)), 'cut.arrows');
      expect((result as { message: string }).message).toBe('cut.arrows is not a readable Arrow file (it is cut short: a whole Arrow stream ends with an end-of-stream marker).');
    });

    it('cut inside a record batch whose last bytes read as the end marker', async () => {
      const cut = Uint8Array.from([...stream.slice(0, stream.length - 300), ...END]);
      const result = await importColumnar(arrayBuffer(cut), 'cut.arrows');
      expect((result as { message: string }).message).toMatch(/^cut\.arrows is not a readable Arrow file \(it is cut short or damaged: a message in it ends after \d+ of its \d+ bytes\)\.$/);
    });
  });

  it('a file of other columns says which it has and which it needs', async () => {
    const result = await importColumnar(textParquet(['name', 'value'], [{ name: 'a', value: '1' }]), 'other.parquet');
    expect(result.kind).toBe('not-a-dataset');
    expect((result as { message: string }).message).toBe(
      'other.parquet has no recognisable columns: it has name, value; an ACLED file needs event_id_cnty, event_date, event_type, actor1, a UCDP GED file type_of_violence, date_start, date_end.',
    );
  });

  it('an ACLED file without a needed column says so', async () => {
    const columns = ACLED_CURRENT_COLUMNS.filter((c) => c !== 'actor1');
    const result = await importColumnar(textParquet(columns, ROWS), 'noactor.parquet');
    expect((result as { message: string }).message).toBe('noactor.parquet is not an ACLED export: it has no actor1 column.');
  });

  it('a file of more rows than allowed is refused before its rows are read', async () => {
    const result = await importColumnar(good, 'big.parquet', { maxRows: 3 });
    expect((result as { message: string }).message).toMatch(/^big\.parquet has more than 3 rows/);
  });

  it('a damaged row group is noted, and the other groups load', async () => {
    const bytes = new Uint8Array(good.slice(0));
    // Overwrite the middle of the file (the data of a row group) with noise.
    const from = Math.floor(bytes.length * 0.3);
    for (let i = from; i < from + 200; i++) bytes[i] = (i * 37) & 0xff;
    const result = await importColumnar(bytes.buffer, 'noisy.parquet');
    if (result.kind === 'done') {
      const r = result.report;
      expect(r.imported + r.mergedRows + r.rejectedRows).toBe(r.rowsRead);
      expect(r.rowsRead).toBeLessThan(ROWS.length);
      expect(r.notes.some((n) => /^row group \d \(rows [\d,]+–[\d,]+\) could not be read/.test(n))).toBe(true);
    } else {
      expect(result).toMatchObject({ kind: 'not-a-dataset' });
      expect((result as { message: string }).message.startsWith('noisy.parquet ')).toBe(true);
    }
  });
});

describe("the app's own Parquet", () => {
  it('opens as the dataset it was written from, checked as a JSON file is', async () => {
    const { datasetToParquet } = await import('./appParquet.ts');
    const source = done(importText({ text: acledCsv(generatedAcledRows(50, 3)), fileName: 'a.csv' })).dataset;
    const bytes = datasetToParquet(source);
    const read = await importColumnar(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 'events.parquet', { packed: true });
    if (read.kind !== 'packed') throw new Error(`expected packed events, got ${read.kind}`);
    expect(read.report.format).toBe('Conflict Timeline Parquet');
    expect(read.report.imported).toBe(50);
    const { eventAt } = packedEvents(read.packed);
    expect(JSON.parse(JSON.stringify(source.events.map((_, i) => eventAt(i))))).toEqual(JSON.parse(JSON.stringify(source.events)));
  });
});
