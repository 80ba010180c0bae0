// The import report: every row read is either imported (perhaps after a fix) or rejected, and
// the report says which, where and why. Nothing is dropped without an entry here.
import Papa from 'papaparse';

export interface RowIssue {
  /** Line in the file where the row starts (1-based), or null for records that have no line (JSON). */
  line: number | null;
  /** The record's place when there is no line: "events[3]". */
  record?: string;
  /** The column or field concerned: event_date, actors[0].actor. */
  field: string;
  /** The value as read, when it helps ("31 September 2022"). */
  value?: string;
  /** What was wrong (rejections) or what was done (fixes), in words. */
  message: string;
}

export interface ImportReport {
  fileName: string;
  /** The format the file was read as, e.g. "ACLED CSV (pre-2023 layout)". */
  format: string;
  /** Data rows (or JSON events) read: imported + rejected. Header, HXL and blank lines are not rows. */
  rowsRead: number;
  imported: number;
  /** Imported rows that needed at least one fix. */
  fixedRows: number;
  rejectedRows: number;
  rejections: RowIssue[];
  fixes: RowIssue[];
  /** Things about the file as a whole: "line 2 is an HXL hashtag row, not an event". */
  notes: string[];
}

export interface ReportBuilder {
  /** Starts a row; the returned handle collects its fixes and its fate. */
  row(line: number | null, record?: string): RowReport;
  note(text: string): void;
  /** Counts `count` rows read and imported unchanged, checked together (a compact file's events; see compactPacked.ts). */
  importedWhole(count: number): void;
  finish(): ImportReport;
}

export interface RowReport {
  fix(field: string, message: string, value?: string): void;
  reject(field: string, message: string, value?: string): void;
  readonly rejected: boolean;
}

/** One row's fixes and fate. A class, not closures: a million rows make a million of these. */
class RowHandle implements RowReport {
  private fixes: RowIssue[] | null = null;
  private rejection: RowIssue | null = null;

  constructor(
    private readonly line: number | null,
    private readonly record: string | undefined,
  ) {}

  private at(field: string, message: string, value?: string): RowIssue {
    return {
      line: this.line,
      ...(this.record !== undefined ? { record: this.record } : {}),
      field,
      ...(value !== undefined ? { value } : {}),
      message,
    };
  }

  fix(field: string, message: string, value?: string): void {
    (this.fixes ??= []).push(this.at(field, message, value));
  }

  reject(field: string, message: string, value?: string): void {
    // The first reason is the one reported; a row is rejected once.
    this.rejection ??= this.at(field, message, value);
  }

  get rejected(): boolean {
    return this.rejection !== null;
  }

  /** Adds the row to the report. */
  done(report: ImportReport): void {
    report.rowsRead++;
    if (this.rejection) {
      report.rejectedRows++;
      report.rejections.push(this.rejection);
    } else {
      report.imported++;
      if (this.fixes) {
        report.fixedRows++;
        for (const fix of this.fixes) report.fixes.push(fix);
      }
    }
  }
}

export function createReportBuilder(fileName: string, format: string): ReportBuilder {
  const report: ImportReport = {
    fileName,
    format,
    rowsRead: 0,
    imported: 0,
    fixedRows: 0,
    rejectedRows: 0,
    rejections: [],
    fixes: [],
    notes: [],
  };
  let open: RowHandle | null = null;
  return {
    row(line, record) {
      open?.done(report);
      open = new RowHandle(line, record);
      return open;
    },
    note(text) {
      report.notes.push(text);
    },
    importedWhole(count) {
      open?.done(report);
      open = null;
      report.rowsRead += count;
      report.imported += count;
    },
    finish() {
      open?.done(report);
      open = null;
      return report;
    },
  };
}

/**
 * The report of a file read in two parts: the first part's rows, then the later part's (null when
 * the first read those rows itself), with the notes on the whole file (which only a reading of the
 * whole text can give).
 */
export function joinReports(first: ImportReport, later: ImportReport | null, notes: string[]): ImportReport {
  return {
    ...first,
    rowsRead: first.rowsRead + (later?.rowsRead ?? 0),
    imported: first.imported + (later?.imported ?? 0),
    fixedRows: first.fixedRows + (later?.fixedRows ?? 0),
    rejectedRows: first.rejectedRows + (later?.rejectedRows ?? 0),
    rejections: later ? [...first.rejections, ...later.rejections] : first.rejections,
    fixes: later ? [...first.fixes, ...later.fixes] : first.fixes,
    notes,
  };
}

/** "line 812" or "events[3]": where a row is, for people. */
export function rowPlace(issue: RowIssue): string {
  return issue.line !== null ? `line ${issue.line}` : (issue.record ?? 'record');
}

/** One issue as a sentence: line 812: event_date "31 September 2022" is not a date. */
export function describeIssue(issue: RowIssue): string {
  const value = issue.value !== undefined ? ` "${truncate(issue.value, 80)}"` : '';
  return `${rowPlace(issue)}: ${issue.field}${value} ${issue.message}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The summary line: "4,960 rows read: 4,958 imported (12 fixed), 2 rejected." */
export function summariseReport(report: ImportReport, locale = 'en-GB'): string {
  const n = new Intl.NumberFormat(locale);
  const rows = report.rowsRead === 1 ? 'row' : 'rows';
  return `${n.format(report.rowsRead)} ${rows} read: ${n.format(report.imported)} imported (${n.format(report.fixedRows)} fixed), ${n.format(report.rejectedRows)} rejected.`;
}

/** Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection). */
export function defuseCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The report as CSV: one line per rejection and per fix, after the summary counts. */
export function reportToCsv(report: ImportReport): string {
  const lines = [['outcome', 'line', 'record', 'field', 'value', 'message']];
  for (const r of report.rejections) lines.push(['rejected', String(r.line ?? ''), r.record ?? '', r.field, r.value ?? '', r.message]);
  for (const f of report.fixes) lines.push(['fixed', String(f.line ?? ''), f.record ?? '', f.field, f.value ?? '', f.message]);
  for (const note of report.notes) lines.push(['note', '', '', '', '', note]);
  const head = [
    ['file', report.fileName],
    ['format', report.format],
    ['rows read', String(report.rowsRead)],
    ['imported', String(report.imported)],
    ['fixed', String(report.fixedRows)],
    ['rejected', String(report.rejectedRows)],
  ];
  // Papa Parse quotes and escapes; the empty row between the counts and the issues stays empty.
  const rows = [...head, [], ...lines].map((row) => row.map(defuseCsvCell));
  return `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
