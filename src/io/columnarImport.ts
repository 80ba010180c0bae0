// Parquet and Arrow files: their columns are matched as a CSV header is (ACLED, UCDP GED), and
// each row's typed values become the text cells the CSV path reads (columnarRows.ts), so the same
// row readers, validation and report apply. Rows are read a row group (Parquet) or record batch
// (Arrow) at a time. The readers (hyparquet, apache-arrow) are loaded only when a file needs them.
import { missingAcledColumns } from './acled.ts';
import { createAcledPackedImport } from './acledPacked.ts';
import { createUcdpImport } from './ucdp.ts';
import { isHxlRow, type PackedCsvImport } from './csv.ts';
import { notADataset, unpacked, type ImportResult, type PackedImport } from './importer.ts';
import { createReportBuilder, type ReportBuilder } from './report.ts';
import { MAX_ROWS, tooManyRows } from './limits.ts';
import { COLUMNAR_LABEL, columnarKind, type ColumnarKind, type ColumnarTable } from './columnarFormat.ts';
import { createRowCells } from './columnarRows.ts';
import { isAppParquetColumns } from './appParquetColumns.ts';
import { isMonadicAcled } from './acledRow.ts';
import { readAndJoinParts, type ColumnarPart, type PartResult, type PartReader, type PostedImport } from './fileParts.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import { columnarDayOrder, columnNamed } from './columnarDates.ts';
import { chooseReader, columnsToRead, dateColumnOf, layoutIn, rowFormatOf } from './tableReaders.ts';
import { DAY_FIRST, dayOrderNote, type FileDayOrder } from './dates.ts';

export interface ColumnarOptions {
  maxRows?: number;
  onProgress?: (fraction: number) => void;
  /** An ACLED or UCDP GED file or the app's Parquet left packed (the import worker's way; see PackedImport), not built into events. */
  packed?: boolean;
}

const count = (n: number) => n.toLocaleString('en-GB');
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'no reason given';

/** The app's own Parquet (appParquetRead.ts), packed, each row checked as a JSON file's event is; null for any other file. */
async function importAppColumnar(columns: string[], bytes: ArrayBuffer, kind: ColumnarKind, fileName: string, options: ColumnarOptions): Promise<ImportResult | PackedImport | null> {
  if (kind !== 'parquet' || !isAppParquetColumns(columns)) return null;
  const [{ parquetToPacked, APP_PARQUET_FORMAT_NAME }, { COMPRESSORS }] = await Promise.all([import('./appParquetRead.ts'), import('./parquetImport.ts')]);
  const report = createReportBuilder(fileName, APP_PARQUET_FORMAT_NAME);
  const readOptions = {
    compressors: COMPRESSORS,
    ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const read = await parquetToPacked(bytes, fileName, report, readOptions);
  if (!read.ok) return notADataset(fileName, read.reason);
  const done = report.finish();
  done.format = read.format;
  return { kind: 'packed', packed: read.packed, report: done };
}

/** Opens the file with its reader, loaded now; throws with the reader's reason when it cannot. */
async function openTable(kind: ColumnarKind, bytes: ArrayBuffer): Promise<ColumnarTable> {
  if (kind === 'parquet') return (await import('./parquetImport.ts')).openParquet(bytes);
  return (await import('./arrowImport.ts')).openArrow(bytes);
}

/**
 * A Parquet or Arrow file's bytes read into a dataset (or packed events), with its report; or why
 * it is not one. Never throws: a file that cannot be read gets a message naming it and saying why.
 */
export async function importColumnar(bytes: ArrayBuffer, fileName: string, options: ColumnarOptions = {}): Promise<ImportResult | PackedImport> {
  try {
    const result = await importColumnarOnce(bytes, fileName, options);
    return options.packed ? result : unpacked(result);
  } catch (error) {
    return notADataset(fileName, `could not be read (${reasonOf(error)})`);
  }
}

async function importColumnarOnce(bytes: ArrayBuffer, fileName: string, options: ColumnarOptions): Promise<ImportResult | PackedImport> {
  const kind = columnarKind(new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength)));
  if (!kind) return notADataset(fileName, 'is neither a Parquet nor an Arrow file');
  const label = COLUMNAR_LABEL[kind];
  let table: ColumnarTable;
  try {
    table = await openTable(kind, bytes);
  } catch (error) {
    return notADataset(fileName, `is not a readable ${label} file (${reasonOf(error)})`);
  }
  const { columns } = table;
  const app = await importAppColumnar(columns, bytes, kind, fileName, options);
  if (app) return app;
  const rows = table.groups.reduce((n, group) => n + group.rows, 0);
  const maxRows = options.maxRows ?? MAX_ROWS;
  if (rows > maxRows) return notADataset(fileName, tooManyRows(maxRows));
  const { dates, note } = await fileDayOrder(table);
  const chosen = chooseReader(columns, fileName, rows, dates);
  if (typeof chosen === 'string') return notADataset(fileName, chosen);
  const { sink } = chosen;
  const report = createReportBuilder(fileName, layoutIn(sink.layout, label));
  if (note) report.note(note);
  const read = await readGroups(table, chosen.read, sink, report, rows, options.onProgress);
  if (read.failed && read.rows === 0) return notADataset(fileName, `could not be read: ${read.failed}`);
  const done = report.finish();
  done.format = layoutIn(sink.layout, label);
  return { kind: 'packed', packed: sink.packed(), report: done };
}

/** The order of an ACLED or UCDP GED file's numeric dates (see columnarDates.ts), and the report's note on it. */
async function fileDayOrder(table: ColumnarTable): Promise<{ dates: FileDayOrder; note: string | null }> {
  const field = dateColumnOf(rowFormatOf(new Set(table.columns.map((c) => c.trim().toLowerCase()))));
  if (!field) return { dates: DAY_FIRST, note: null };
  const dates = await columnarDayOrder(table, columnNamed(table.columns, field));
  return { dates, note: dayOrderNote(field, dates) };
}

/**
 * Feeds each group's rows (the values of `columns`) to the reader, numbered from 1 across the
 * file; a group that cannot be read is noted (its rows are not read, so the counts still balance)
 * and the next is tried.
 */
async function readGroups(
  table: ColumnarTable,
  columns: readonly string[],
  sink: PackedCsvImport,
  report: ReportBuilder,
  total: number,
  onProgress?: (fraction: number) => void,
  part: { groups: { from: number; to: number }; firstRow: number } = { groups: { from: 0, to: table.groups.length }, firstRow: 1 },
): Promise<{ rows: number; failed: string | null }> {
  let first = part.firstRow;
  let rowsRead = 0;
  let failed: string | null = null;
  const many = table.groups.length > 1;
  const rowCells = createRowCells();
  for (let g = part.groups.from; g < part.groups.to; g++) {
    const group = table.groups[g]!;
    const groupPlace = `${table.groupName} ${g + 1}`;
    let values: unknown[][] | null = null;
    try {
      // No more rows than the file's metadata counts: the packer's columns are sized by it.
      values = (await group.read(columns)).slice(0, group.rows);
    } catch (error) {
      // Damaged, or sound but written with something the reader does not know (Polars' LZ4 views).
      const reason = `${groupPlace} (rows ${count(first)}–${count(first + group.rows - 1)}) could not be read (${reasonOf(error)})`;
      report.note(`${reason}; its ${count(group.rows)} row${group.rows === 1 ? ' was' : 's were'} left out`);
      failed ??= reason;
    }
    if (values) {
      const expected = columns.length;
      values.forEach((row, k) => {
        const n = first + k;
        const cells = rowCells(row);
        // A CSV from HDX carries HXL hashtags under its header, and a tool that read it keeps them as the first row.
        if (n === 1 && isHxlRow(cells)) return report.note(`row 1 is an HXL hashtag row (${cells.find((c) => c.trim())!.trim()}, …), which labels the columns; it is not an event`);
        const rowReport = report.row(null, many ? () => `row ${count(n)} (${groupPlace})` : () => `row ${count(n)}`);
        if (row.length !== expected) rowReport.reject('row', `has ${row.length} values; the file has ${expected} columns`);
        // The row's number stands for its line: the readers place an id's first row by it ("row 5").
        else sink.row(cells, n, rowReport, n);
      });
      rowsRead += values.length;
    }
    first += group.rows;
    onProgress?.(Math.min(1, (first - part.firstRow) / Math.max(1, total)));
  }
  return { rows: rowsRead, failed };
}

/** Rows a part holds at least: fewer, and starting a worker costs more than it gives. */
const MIN_PART_ROWS = 10_000;

/**
 * The groups of each of `count` parts (at most one per group): each part starts at the group
 * boundary nearest its share of the rows. (The first boundary past it gave a GED file of three
 * groups of 122,880, 122,880 and 54,240 rows parts of 245,760 and 54,240.)
 */
export function groupRanges(rows: readonly number[], count: number): { from: number; to: number }[] {
  const before = [0];
  for (const n of rows) before.push(before.at(-1)! + n);
  const total = before.at(-1)!;
  const starts = [0];
  for (let k = 1; k < Math.min(count, rows.length); k++) {
    const target = (total * k) / count;
    const off = (g: number) => Math.abs(before[g]! - target);
    // After the part before, leaving a group for each part still to come.
    let best = starts.at(-1)! + 1;
    for (let g = best + 1; g <= rows.length - (count - k); g++) if (off(g) < off(best)) best = g;
    starts.push(best);
  }
  return starts.map((from, k) => ({ from, to: starts[k + 1] ?? rows.length }));
}

/**
 * An ACLED Parquet or Arrow file (dyadic, as CSV parts are: see fileParts.ts), a UCDP GED one, or
 * the app's own Parquet, read in parts at once, its row groups or record batches shared among `reader`'s
 * workers; null where it is read whole.
 */
export async function importColumnarInParts(bytes: ArrayBuffer, job: { file: Blob; fileName: string; maxRows?: number }, reader: PartReader, onProgress?: (fraction: number) => void): Promise<ImportResult | PostedImport | null> {
  const kind = columnarKind(new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength)));
  if (!kind) return null;
  const table = await openTable(kind, bytes);
  const header = table.columns.map((c) => c.trim());
  const lower = new Set(header.map((c) => c.toLowerCase()));
  const rows = table.groups.map((group) => group.rows);
  const total = rows.reduce((a, b) => a + b, 0);
  const app = kind === 'parquet' && isAppParquetColumns(table.columns);
  const format = app ? null : rowFormatOf(lower);
  const acled = format === 'acled' && !missingAcledColumns(header).length && !isMonadicAcled(header);
  const count = Math.min(reader.cores, 4, table.groups.length, Math.floor(total / (reader.minPartRows ?? MIN_PART_ROWS)));
  if (!(acled || app || format === 'ucdp') || count < 2 || total > (job.maxRows ?? MAX_ROWS)) return null;
  const ranges = groupRanges(rows, count);
  const sizes = ranges.map(({ from, to }) => rows.slice(from, to).reduce((a, b) => a + b, 0));
  // Each part's first row: 1 and the rows of the parts before it.
  const { dates, note } = await fileDayOrder(table);
  const parts = ranges.map((groups, k) => ({ file: job.file, fileName: job.fileName, groups, firstRow: 1 + sizes.slice(0, k).reduce((a, b) => a + b, 0), dates }));
  return readAndJoinParts(parts, sizes, reader, { ...job, notes: note ? [note] : [] }, onProgress);
}

/** Reads one part of the app's Parquet: its row groups packed, as parquetToPacked reads them. */
async function readAppParquetPart(bytes: ArrayBuffer, part: ColumnarPart, onProgress?: (fraction: number) => void): Promise<PartResult & { packed: PackedEvents }> {
  const [{ parquetToPacked, APP_PARQUET_FORMAT_NAME }, { COMPRESSORS }] = await Promise.all([import('./appParquetRead.ts'), import('./parquetImport.ts')]);
  const report = createReportBuilder(part.fileName, APP_PARQUET_FORMAT_NAME);
  const read = await parquetToPacked(bytes, part.fileName, report, { compressors: COMPRESSORS, groups: part.groups, ...(onProgress ? { onProgress } : {}) });
  // The file is then read whole, which says why where it cannot be read.
  if (!read.ok) throw new Error(read.reason);
  return { packed: read.packed, report: report.finish(), layout: read.format, blankLines: 0, openQuote: false, tooManyRows: false, rejectedIds: [], idsDistinct: true };
}

/** Reads one part of an ACLED or UCDP GED Parquet or Arrow file, or of the app's Parquet (in whichever worker). */
export async function readColumnarPart(part: ColumnarPart, onProgress?: (fraction: number) => void): Promise<PartResult & { packed: PackedEvents }> {
  const bytes = await part.file.arrayBuffer();
  const kind = columnarKind(new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength)));
  if (!kind) throw new Error('the file is neither Parquet nor Arrow');
  const table = await openTable(kind, bytes);
  if (kind === 'parquet' && isAppParquetColumns(table.columns)) return readAppParquetPart(bytes, part, onProgress);
  const rows = table.groups.slice(part.groups.from, part.groups.to).reduce((n, group) => n + group.rows, 0);
  const rejectedIds: string[] = [];
  const format = rowFormatOf(new Set(table.columns.map((c) => c.trim().toLowerCase())));
  const read = columnsToRead(table.columns, format);
  const header = read.map((c) => c.trim());
  const sink = (format === 'ucdp' ? createUcdpImport : createAcledPackedImport)(header, part.fileName, Math.max(1, rows), rejectedIds, { dates: part.dates });
  const layout = layoutIn(sink.layout, COLUMNAR_LABEL[kind]);
  const report = createReportBuilder(part.fileName, layout);
  await readGroups(table, read, sink, report, rows, onProgress, part);
  return { packed: sink.packed(), report: report.finish(), layout, blankLines: 0, openQuote: false, tooManyRows: false, rejectedIds };
}
