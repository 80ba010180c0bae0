// An Arrow IPC file (Feather v2 is one) or stream (.arrows) opened with apache-arrow, its rows
// read a record batch at a time. Arrow gives dates and timestamps as milliseconds: they are made
// dates here, so that the cells read YYYY-MM-DD as a CSV's would.
import { compressionRegistry, CompressionType, DataType, Precision, tableFromIPC, type Float, type Table, type Vector } from 'apache-arrow';
import { decompress as decompressZstd } from 'fzstd';
import { decompress as decompressLz4Frame } from 'lz4js';
import { endsWhole, isArrowStream, type ColumnarTable } from './columnarFormat.ts';
import { createFloat32Decimals } from './columnarRows.ts';

/**
 * Arrow's IPC may compress each buffer with LZ4 frames or Zstandard (pandas' to_feather uses LZ4
 * unless told otherwise); apache-arrow reads them only with codecs it is given, and ships none.
 * Reading needs decode alone; setting them again changes nothing.
 */
function registerCodecs(): void {
  compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: (frame) => aligned(decompressLz4Frame(frame)) });
  compressionRegistry.set(CompressionType.ZSTD, { decode: (frame) => aligned(decompressZstd(frame)) });
}

/** Bytes at an offset Arrow can view as 64-bit numbers: a decoder may give a view into its own, larger buffer. */
const aligned = (bytes: Uint8Array): Uint8Array => (bytes.byteOffset % 8 === 0 ? bytes : bytes.slice());

/** A column's value at a row, dates as Date, 32-bit floats as the decimals written (see float32Decimal). */
export function valueReader(column: Vector): (row: number) => unknown {
  const type = column.type as DataType;
  if (DataType.isFloat(type) && (type as Float).precision === Precision.SINGLE) {
    const decimalOf = createFloat32Decimals();
    return (row) => decimalOf(column.get(row));
  }
  if (DataType.isDate(type) || DataType.isTimestamp(type)) {
    return (row) => {
      const ms = column.get(row) as number | bigint | null;
      return ms === null || ms === undefined ? null : new Date(Number(ms));
    };
  }
  return (row) => column.get(row) as unknown;
}

/** Why the bytes are not a whole Arrow file or stream, or null when they end as one does. */
function cutShort(whole: Uint8Array): string | null {
  if (endsWhole(whole, 'arrow')) return null;
  return isArrowStream(whole) ? 'it is cut short: a whole Arrow stream ends with an end-of-stream marker' : 'it is cut short: a whole Arrow file ends with ARROW1';
}

/**
 * apache-arrow's reason in plain words where it is about a message that ends early ("Expected to
 * read 184 metadata bytes, but only read 5."): a stream cut inside a message whose last bytes
 * happen to read as the end marker, or a length inside the file that is wrong.
 */
function plainReason(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const early = /^Expected to read (\d+) (?:metadata bytes|bytes for message body), but only read (\d+)/.exec(message);
  // apache-arrow 21 loses string views' data buffers in an LZ4-compressed batch (Polars writes views).
  if (/variadic buffer \d+ is missing/.test(message))
    return new Error(`it holds Arrow string views in compressed batches, which this reader cannot read yet (${message}); write it uncompressed or with zstd (Polars: compression="zstd"), or as Parquet`);
  return early ? new Error(`it is cut short or damaged: a message in it ends after ${early[2]} of its ${early[1]} bytes`) : error instanceof Error ? error : new Error(message);
}

/** The bytes as an Arrow table, its batches not yet decoded; throws why they are not one. */
export function openArrowTable(bytes: ArrayBuffer): Table {
  const whole = new Uint8Array(bytes);
  const cut = cutShort(whole);
  if (cut) throw new Error(cut);
  registerCodecs();
  try {
    return tableFromIPC(whole);
  } catch (error) {
    throw plainReason(error);
  }
}

export const openArrow = (bytes: ArrayBuffer): ColumnarTable => arrowColumnar(openArrowTable(bytes));

/** An Arrow table as groups of rows, a record batch each. */
export function arrowColumnar(table: Table): ColumnarTable {
  const columns = table.schema.fields.map((field) => field.name);
  const groups = table.batches.map((batch) => ({
    rows: batch.numRows,
    read: async (wanted: readonly string[]) => {
      try {
        const readers = wanted.map((name) => {
          const column = batch.getChildAt(columns.indexOf(name));
          return column ? valueReader(column) : () => null;
        });
        const rows: unknown[][] = [];
        for (let r = 0; r < batch.numRows; r++) rows.push(readers.map((read) => read(r)));
        return rows;
      } catch (error) {
        throw plainReason(error);
      }
    },
  }));
  // Text, or text coded in a dictionary (pandas' categoricals; apache-arrow's own from strings).
  const text = (type: DataType): boolean => DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type) || DataType.isBinary(type) || (DataType.isDictionary(type) && text(type.dictionary));
  const textColumns = new Set(table.schema.fields.filter((field) => text(field.type)).map((field) => field.name));
  return { columns, textColumns, groups, groupName: 'record batch' };
}
