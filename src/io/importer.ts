// One entry point for every way data comes in (file picker, drop, URL, command line): text in,
// a dataset and its report out. The Web Worker calls importTextPacked(), which reads an ACLED CSV
// straight into packed events; scripts/import.ts calls importText(), which builds their events.
import type { Dataset } from '../model/schema.ts';
import { unpackEvents, type PackedEvents } from '../table/packedEvents.ts';
import { missingAcledColumns } from './acled.ts';
import { createAcledPackedImport } from './acledPacked.ts';
import { createUcdpImport, UCDP_COLUMNS } from './ucdp.ts';
import { APP_CSV_NOTE, createAppCsvImport, missingAppCsvColumns } from './appCsv.ts';
import { createMappedImport, guessMapping, missingMappedColumns, type ColumnMapping } from './csvMapping.ts';
import { readCsvRows, previewCsv, guessDelimiter, hasMoreRowsThan, lineCount, dayOrderInText, type CsvFormatImport, type CsvRowSink, type PackedCsvImport } from './csv.ts';
import { dayOrderNote } from './dates.ts';
import { delimiterOf, detectFormat, FORMAT_LABEL, type ImportFormat } from './detect.ts';
import { importJsonValue, parseJsonFile, type JsonImport } from './jsonImport.ts';
import { importRecords, jsonLinesOf, recordsOf, type RecordsImport } from './recordsImport.ts';
import { createReportBuilder, type ImportReport, type ReportBuilder } from './report.ts';
import { MAX_ROWS, tooManyRows } from './limits.ts';

export interface ImportRequest {
  text: string;
  fileName: string;
  /** Overrides detection. */
  format?: ImportFormat;
  /** For plain CSV: which column holds what. Without it, a plain CSV asks for one. */
  mapping?: ColumnMapping;
  onProgress?(fraction: number): void;
  /** Rows (or events) above this refuse the file; by default MAX_ROWS. */
  maxRows?: number;
}

export type ImportResult =
  | { kind: 'done'; dataset: Dataset; report: ImportReport }
  | { kind: 'not-a-dataset'; message: string }
  | { kind: 'needs-mapping'; fileName: string; columns: string[]; sample: string[][]; guess: ColumnMapping };

/** An ACLED file read straight into packed events (see acledPacked.ts). */
export type PackedImport = { kind: 'packed'; packed: PackedEvents; report: ImportReport };

/** A file refused whole, with why: "<file> <reason>." */
export const notADataset = (fileName: string, reason: string): Extract<ImportResult, { kind: 'not-a-dataset' }> => ({ kind: 'not-a-dataset', message: `${fileName} ${reason}.` });

/** The result, its report's notes led by one on the file as a whole (how its bytes were read; see textEncoding.ts). */
export function withFileNote<R extends ImportResult | PackedImport>(result: R, note: string | null): R {
  if (note && (result.kind === 'done' || result.kind === 'packed')) result.report.notes.unshift(note);
  return result;
}

/** As importTextPacked, with an ACLED file's events built (for Node: npm run import, the data server). */
export function importText(request: ImportRequest): ImportResult {
  return unpacked(importTextPacked(request));
}

/** A packed result with its events built; any other result as it is. */
export function unpacked(result: ImportResult | PackedImport): ImportResult {
  return result.kind === 'packed' ? { kind: 'done', dataset: unpackEvents(result.packed), report: result.report } : result;
}

/**
 * The file read: an ACLED CSV comes back packed, without building its events (see
 * acledPacked.ts); any other file comes back as a dataset.
 */
export function importTextPacked(request: ImportRequest): ImportResult | PackedImport {
  const { text, fileName } = request;
  let format = request.format;
  if (!format) {
    const detected = detectFormat(text);
    if (!detected.ok) return notADataset(fileName, detected.reason);
    format = detected.format;
  }
  if (format === 'json') return importJsonText(request);
  if (format === 'csv' && !request.mapping) {
    const rows = previewCsv(text, 6, guessDelimiter(text));
    const columns = (rows[0] ?? []).map((c) => c.trim());
    if (columns.length < 2) return notADataset(fileName, 'is not a table with a header row (CSV)');
    return { kind: 'needs-mapping', fileName, columns, sample: rows.slice(1), guess: guessMapping(columns) };
  }
  return importCsv(request, format);
}

/** A JSON file: the app's dataset, or records of ACLED or UCDP GED rows (see recordsImport.ts). */
function importJsonText({ text, fileName, maxRows = MAX_ROWS, onProgress }: ImportRequest): ImportResult | PackedImport {
  // Parsing took about half the time (see importJsonValue); the records take the rest.
  const recordsProgress = onProgress && ((fraction: number) => onProgress(0.5 + fraction / 2));
  const done = (read: RecordsImport): ImportResult | PackedImport => (read.ok ? { kind: 'packed', packed: read.packed, report: read.report } : notADataset(fileName, read.reason));
  const lines = jsonLinesOf(text);
  if (lines) return done(importRecords(lines.records, fileName, maxRows, recordsProgress, (k) => `line ${lines.lines[k]!.toLocaleString('en-GB')}`));
  const parsed = parseJsonFile(text);
  if (!parsed.ok) return notADataset(fileName, parsed.reason);
  const records = recordsOf(parsed.value);
  if (!records) return finishJson(fileName, (report) => importJsonValue(parsed.value, fileName, report, maxRows, onProgress));
  if ('problem' in records) return notADataset(fileName, records.problem);
  return done(importRecords(records, fileName, maxRows, recordsProgress));
}

function finishJson(fileName: string, read: (report: ReportBuilder) => JsonImport): ImportResult {
  const report = createReportBuilder(fileName, FORMAT_LABEL.json);
  const result = read(report);
  if (!result.ok) return notADataset(fileName, result.reason);
  const done = report.finish();
  done.format = result.format;
  return { kind: 'done', dataset: result.dataset, report: done };
}

function importCsv(request: ImportRequest, format: Exclude<ImportFormat, 'json'>): ImportResult | PackedImport {
  const { text, fileName } = request;
  const report = createReportBuilder(fileName, FORMAT_LABEL[format]);
  let sink: CsvFormatImport | PackedCsvImport | null = null;
  let headerProblem: string | null = null;
  const delimiter = delimiterOf(text, format);
  const decimalComma = delimiter !== ',';
  const first = previewCsv(text, 1, delimiter)[0] ?? [];
  const headerless = format === 'ucdp' && !first.map((c) => c.trim().toLowerCase()).includes('date_start');
  // Any of them may hold dates a spreadsheet saved month first (date_end is read in date_start's order).
  const dateColumn = format === 'acled' ? 'event_date' : format === 'csv' ? request.mapping?.date : format === 'app-csv' ? 'start' : headerless ? undefined : 'date_start';
  const dates = dayOrderInText(text, first, dateColumn, delimiter);
  const datesNote = dateColumn && dayOrderNote(dateColumn, dates);
  if (datesNote) report.note(datesNote);
  if (format === 'app-csv') report.note(APP_CSV_NOTE);
  const onHeader = (header: string[]) => {
    if (format === 'acled') {
      const missing = missingAcledColumns(header);
      if (missing.length) headerProblem = `is not an ACLED export: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`;
      else sink = createAcledPackedImport(header, fileName, lineCount(text), undefined, { dates, decimalComma });
    } else if (format === 'ucdp') {
      sink = createUcdpImport(header, fileName, lineCount(text), undefined, { dates, decimalComma });
    } else if (format === 'app-csv') {
      const missing = missingAppCsvColumns(header);
      if (missing.length) headerProblem = `is not a Conflict Timeline CSV: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`;
      else sink = createAppCsvImport(header, fileName, { dates, decimalComma });
    } else {
      const missing = missingMappedColumns(header, request.mapping!);
      if (missing.length) headerProblem = `has no column named ${missing.map((m) => `"${m}"`).join(', ')}`;
      else sink = createMappedImport(header, request.mapping!, fileName, { dates, decimalComma });
    }
  };
  if (headerless) {
    sink = createUcdpImport(UCDP_COLUMNS, fileName, lineCount(text));
    report.note('the file has no header row; its 49 columns were read in the UCDP GED order');
  }
  const forward: CsvRowSink = { row: (cells, line, row, sheetRow) => (sink ? sink.row(cells, line, row, sheetRow) : row.reject('row', headerProblem ?? 'has no header')) };
  // A file whose header is wrong has no rows worth reading: stop and say so.
  const probe = first.length ? first : undefined;
  if (!headerless && probe) {
    onHeader(probe.map((c) => c.trim()));
    if (headerProblem) return notADataset(fileName, headerProblem);
    sink = null;
  }
  const maxRows = request.maxRows ?? MAX_ROWS;
  // Ten million rows would take minutes to map before the exact count below refused them.
  if (hasMoreRowsThan(text, maxRows, delimiter)) return notADataset(fileName, tooManyRows(maxRows));
  const read = readCsvRows(text, forward, report, {
    hasHeader: !headerless,
    delimiter,
    ...(headerless ? { fieldCount: UCDP_COLUMNS.length } : {}),
    onHeader,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    maxRows,
  });
  if (read === 'too-many-rows') return notADataset(fileName, tooManyRows(maxRows));
  const done = report.finish();
  const built = sink as CsvFormatImport | PackedCsvImport | null;
  if (!built) return notADataset(fileName, headerProblem ?? 'has no rows');
  done.format = built.layout;
  return 'packed' in built ? { kind: 'packed', packed: built.packed(), report: done } : { kind: 'done', dataset: built.dataset(), report: done };
}
