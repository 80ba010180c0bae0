// Feeds the rows of a CSV text to a format's row mapper, with the line each row starts on.
// Papa Parse does the parsing; this module counts lines (quoted cells may hold line breaks), skips
// blank lines and the HXL hashtag row, and rejects rows whose field count is off.
import Papa from 'papaparse';
import type { Dataset } from '../model/schema.ts';
import { placeOfRow, type ReportBuilder, type RowReport } from './report.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import { DAY_FIRST, dayOrderOf, type FileDayOrder } from './dates.ts';

export interface CsvRowSink {
  /**
   * `line`: the file line the row starts on; `row`: its number as a spreadsheet shows the file
   * (the header is row 1; an HXL row and blank lines are rows too; see RowIssue.row).
   */
  row(cells: string[], line: number, report: RowReport, row: number): void;
}

/** A format's reader of rows (ACLED, UCDP, mapped columns): rows in, a dataset out. */
export interface CsvFormatImport extends CsvRowSink {
  /** The layout's name, for the report. */
  layout: string;
  dataset(): Dataset;
}

/** A format's reader of rows that packs them instead (the import worker's way; see acledPacked.ts). */
export interface PackedCsvImport extends CsvRowSink {
  layout: string;
  packed(): PackedEvents;
}

export interface CsvReadOptions {
  /** The file has a header row; it is passed to onHeader, and rows are checked against its length. */
  hasHeader: boolean;
  /** Without a header: the number of fields every row must have. */
  fieldCount?: number;
  /** The cell delimiter; see previewCsv and guessDelimiter. */
  delimiter: string;
  onHeader?(fields: string[]): void;
  onProgress?(fraction: number): void;
  /** Reading stops after this many rows, and readCsvRows answers 'too-many-rows'. */
  maxRows?: number;
  /**
   * The text is a later part of a file (see fileParts.ts): it starts on this line and spreadsheet
   * row of the file, after its header and any HXL row, whose fields are given.
   */
  part?: { line: number; row: number; header: string[] };
  /** Hears that a quoted cell was left open (Papa Parse's MissingQuotes): a part that ends so was cut inside a cell. */
  onOpenQuote?(): void;
  /** Hears how many blank lines were skipped, instead of a note saying so (a part's count is added to the others'). */
  onBlankLines?(count: number): void;
}

/** HXL rows (#event+code, #date, …) label the columns for machines; they are not events. */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every((c) => c.trim().startsWith('#'));
}

const CHUNK = 1 << 22;

function newlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Papa Parse over a string a chunk at a time (synchronously; its typings only admit `chunk` for
 * files): `onChunk` takes each chunk's records and errors, and answers false to stop. Answers
 * whether it read to the end.
 */
function parseChunks(text: string, delimiter: string, onChunk: (results: Papa.ParseResult<string[]>) => boolean, onProgress?: (fraction: number) => void): boolean {
  let stopped = false;
  let consumed = 0;
  const config = {
    header: false,
    skipEmptyLines: false,
    delimiter,
    chunkSize: CHUNK,
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      if (!onChunk(results)) {
        stopped = true;
        return parser.abort();
      }
      consumed += CHUNK;
      onProgress?.(Math.min(1, consumed / Math.max(1, text.length)));
    },
  };
  Papa.parse<string[]>(text, config as Papa.ParseConfig<string[]>);
  return !stopped;
}

/**
 * Each record of a CSV text as Papa Parse gives it (a blank line too, as one empty cell), without
 * readCsvRows' accounting of lines, rows and field counts: for a first look at a file, where a
 * row's place does not matter. That accounting took a fifth of the time. Stops when `each`
 * answers false, and then answers false itself.
 */
export function eachCsvRecord(text: string, delimiter: string, each: (cells: string[]) => boolean | void, onProgress?: (fraction: number) => void): boolean {
  return parseChunks(text, delimiter, (results) => results.data.every((cells) => each(cells) !== false), onProgress);
}

export function readCsvRows(text: string, sink: CsvRowSink, report: ReportBuilder, options: CsvReadOptions): 'complete' | 'too-many-rows' {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { part } = options;
  let line = part?.line ?? 1;
  // Each record Papa Parse gives (a blank line too) is a row of the spreadsheet.
  let sheetRow = part ? part.row - 1 : 0;
  let header: string[] | null = part?.header ?? null;
  let expected = part?.header.length ?? options.fieldCount ?? 0;
  let blank = 0;
  let pendingBlank = 0; // blank lines count only once data follows them: a final newline is not a skipped line
  let sawData = part !== undefined;
  let rows = 0;
  let tooMany = false;
  const onChunk = (results: Papa.ParseResult<string[]>): boolean => {
    const errorsByRow = new Map<number, string>();
    for (const e of results.errors) {
      if (e.code === 'MissingQuotes') options.onOpenQuote?.();
      if (e.row !== undefined && !errorsByRow.has(e.row)) errorsByRow.set(e.row, e.message);
    }
    results.data.forEach((cells: string[], i: number) => {
      if (tooMany) return;
      const at = line;
      line += 1 + newlines(cells);
      sheetRow++;
      if (cells.length === 1 && cells[0]!.trim() === '') {
        pendingBlank++;
        return;
      }
      blank += pendingBlank;
      pendingBlank = 0;
      if (options.hasHeader && header === null) {
        const fields = cells.map((c) => c.trim());
        header = fields;
        expected = fields.length;
        options.onHeader?.(fields);
        return;
      }
      if (!sawData && isHxlRow(cells)) {
        report.note(`${placeOfRow(at, sheetRow)} is an HXL hashtag row (${cells.find((c) => c.trim())!.trim()}, …), which labels the columns; it is not an event`);
        sawData = true;
        return;
      }
      sawData = true;
      if (options.maxRows !== undefined && ++rows > options.maxRows) {
        tooMany = true;
        return;
      }
      const row = report.row(at, undefined, sheetRow);
      const error = errorsByRow.get(i);
      if (error) row.reject('row', `could not be read as CSV: ${error}`);
      else if (expected && cells.length !== expected)
        row.reject('row', `has ${cells.length} fields; ${header ? 'the header has' : 'this format has'} ${expected}`);
      else sink.row(cells, at, row, sheetRow);
    });
    return !tooMany;
  };
  parseChunks(body, options.delimiter, onChunk, options.onProgress);
  if (tooMany) return 'too-many-rows';
  const note = blankLinesNote(blank);
  if (options.onBlankLines) options.onBlankLines(blank);
  else if (note) report.note(note);
  return 'complete';
}

/** The report's note on blank lines skipped; null for none. */
export function blankLinesNote(blank: number): string | null {
  return blank > 0 ? `${blank} blank line${blank === 1 ? ' was' : 's were'} skipped` : null;
}

/**
 * Whether a CSV text clearly holds more than `limit` records (besides a header and an HXL row),
 * found without reading any row into an event: a text with fewer line breaks cannot, and
 * otherwise Papa Parse counts records until it passes the limit. readCsvRows counts exactly.
 */
export function hasMoreRowsThan(text: string, limit: number, delimiter: string): boolean {
  const allowed = limit + 2;
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0 && breaks <= allowed; i = text.indexOf('\n', i + 1)) breaks++;
  if (breaks <= allowed) return false;
  let records = 0;
  // Empty lines are not records (Papa Parse gives each as one empty cell).
  parseChunks(text, delimiter, (results) => (records += results.data.filter((cells) => cells.length > 1 || cells[0] !== '').length) <= allowed);
  return records > allowed;
}

/** Slices of a file taken to sample a column (see sampleSlices), and the characters or bytes in each. */
const SAMPLE_SLICES = 16;
const SAMPLE_SIZE = 1 << 14;

/** Where the slices to sample a text or file of `size` start: its start, then evenly through it. */
export const samplePositions = (size: number): number[] => Array.from({ length: SAMPLE_SLICES }, (_, k) => Math.floor((size * k) / SAMPLE_SLICES));

/** Slices spread through a text, to sample a column from (see sampleColumn); a small text whole. */
export const sampleSlices = (text: string): string[] =>
  text.length <= SAMPLE_SLICES * SAMPLE_SIZE ? [`${text}\n`] : samplePositions(text.length).map((at) => text.slice(at, at + SAMPLE_SIZE));

/** Slices spread through a file, read as text (a character cut at an edge is in a line left out). */
export const sampleFileSlices = async (file: Blob): Promise<string[]> =>
  file.size <= SAMPLE_SLICES * SAMPLE_SIZE ? [`${await file.text()}\n`] : Promise.all(samplePositions(file.size).map((at) => file.slice(at, at + SAMPLE_SIZE).text()));

/**
 * Cells of column `column` from the whole lines of slices spread through a CSV (the first slice is
 * its start; the others begin after their first line break), in rows of `fields` cells: for a
 * guess about a whole column (see dayOrderOf) that reading every row would cost too much for. A
 * slice that starts inside a quoted cell may give rows that are not the file's; they seldom have
 * its number of fields.
 */
export function sampleColumn(slices: readonly string[], column: number, fields: number, delimiter: string): string[] {
  const cells: string[] = [];
  slices.forEach((slice, k) => {
    const from = k === 0 ? 0 : slice.indexOf('\n') + 1;
    const to = slice.lastIndexOf('\n');
    if (to <= from) return;
    for (const row of Papa.parse<string[]>(slice.slice(from, to), { delimiter, skipEmptyLines: true }).data) if (row.length === fields) cells.push(row[column]!);
  });
  return cells;
}

/** The number of lines in a text (its line breaks + 1): at least its number of records. */
export function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

const PREVIEW_CHARS = 1 << 16;

function previewBody(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, PREVIEW_CHARS);
}

/**
 * The first rows of a CSV text, for detection and for the column-mapping dialog. ACLED and UCDP
 * files are always comma-separated: pass ',' for them, because a guess can pick ';' when every row
 * cites sources separated by ';'.
 */
export function previewCsv(text: string, rows: number, delimiter?: string): string[][] {
  const result = Papa.parse<string[]>(previewBody(text), { header: false, preview: rows, skipEmptyLines: true, ...(delimiter ? { delimiter } : {}) });
  return result.data;
}

/** The delimiter of a plain CSV (comma, semicolon, tab or bar), guessed once from its start. */
export function guessDelimiter(text: string): string {
  const result = Papa.parse<string[]>(previewBody(text), { header: false, preview: 20, skipEmptyLines: true });
  return result.meta.delimiter || ',';
}

/** The order of the numeric dates in column `name` of a CSV text, from rows sampled through it (day first where there is no such column). */
export function dayOrderInText(text: string, header: readonly string[], name: string | undefined, delimiter: string): FileDayOrder {
  const column = name ? header.findIndex((c) => c.trim().toLowerCase() === name.toLowerCase()) : -1;
  return column < 0 ? DAY_FIRST : dayOrderOf(sampleColumn(sampleSlices(text), column, header.length, delimiter));
}
