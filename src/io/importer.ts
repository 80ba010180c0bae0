// One entry point for every way data comes in (file picker, drop, URL, command line): text in,
// a dataset and its report out. The Web Worker and scripts/import.ts both call importText().
import type { Dataset } from '../model/schema.ts';
import type { TableColumns } from '../table/eventTable.ts';
import { createAcledImport, missingAcledColumns } from './acled.ts';
import { createUcdpImport, UCDP_COLUMNS } from './ucdp.ts';
import { createMappedImport, guessMapping, missingMappedColumns, type ColumnMapping } from './csvMapping.ts';
import { readCsvRows, previewCsv, guessDelimiter, hasMoreRowsThan, type CsvRowSink } from './csv.ts';
import { detectFormat, FORMAT_LABEL, type ImportFormat } from './detect.ts';
import { importJson } from './jsonImport.ts';
import { createReportBuilder, type ImportReport } from './report.ts';
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
  /** `columns`: the table's columns, when the import worker computed them beside the dataset. */
  | { kind: 'done'; dataset: Dataset; report: ImportReport; columns?: TableColumns }
  | { kind: 'not-a-dataset'; message: string }
  | { kind: 'needs-mapping'; fileName: string; columns: string[]; sample: string[][]; guess: ColumnMapping };

const notADataset = (fileName: string, reason: string): ImportResult => ({ kind: 'not-a-dataset', message: `${fileName} ${reason}.` });

interface CsvFormat extends CsvRowSink {
  layout: string;
  dataset(): Dataset;
}

export function importText(request: ImportRequest): ImportResult {
  const { text, fileName } = request;
  let format = request.format;
  if (!format) {
    const detected = detectFormat(text);
    if (!detected.ok) return notADataset(fileName, detected.reason);
    format = detected.format;
  }
  if (format === 'json') {
    const report = createReportBuilder(fileName, FORMAT_LABEL.json);
    const result = importJson(text, fileName, report, request.maxRows ?? MAX_ROWS);
    if (!result.ok) return notADataset(fileName, result.reason);
    const done = report.finish();
    done.format = result.format;
    return { kind: 'done', dataset: result.dataset, report: done };
  }
  if (format === 'csv' && !request.mapping) {
    const rows = previewCsv(text, 6, guessDelimiter(text));
    const columns = (rows[0] ?? []).map((c) => c.trim());
    if (columns.length < 2) return notADataset(fileName, 'is not a table with a header row (CSV)');
    return { kind: 'needs-mapping', fileName, columns, sample: rows.slice(1), guess: guessMapping(columns) };
  }
  return importCsv(request, format);
}

function importCsv(request: ImportRequest, format: Exclude<ImportFormat, 'json'>): ImportResult {
  const { text, fileName } = request;
  const report = createReportBuilder(fileName, FORMAT_LABEL[format]);
  let sink: CsvFormat | null = null;
  let headerProblem: string | null = null;
  const delimiter = format === 'csv' ? guessDelimiter(text) : ',';
  const first = previewCsv(text, 1, delimiter)[0] ?? [];
  const headerless = format === 'ucdp' && !first.map((c) => c.trim().toLowerCase()).includes('date_start');
  const onHeader = (header: string[]) => {
    if (format === 'acled') {
      const missing = missingAcledColumns(header);
      if (missing.length) headerProblem = `is not an ACLED export: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`;
      else sink = createAcledImport(header, fileName);
    } else if (format === 'ucdp') {
      sink = createUcdpImport(header, fileName);
    } else {
      const missing = missingMappedColumns(header, request.mapping!);
      if (missing.length) headerProblem = `has no column named ${missing.map((m) => `"${m}"`).join(', ')}`;
      else sink = createMappedImport(header, request.mapping!, fileName);
    }
  };
  if (headerless) {
    sink = createUcdpImport(UCDP_COLUMNS, fileName);
    report.note('the file has no header row; its 49 columns were read in the UCDP GED order');
  }
  const forward: CsvRowSink = { row: (cells, line, row) => (sink ? sink.row(cells, line, row) : row.reject('row', headerProblem ?? 'has no header')) };
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
  const built = sink as CsvFormat | null;
  if (!built) return notADataset(fileName, headerProblem ?? 'has no rows');
  done.format = built.layout;
  return { kind: 'done', dataset: built.dataset(), report: done };
}
