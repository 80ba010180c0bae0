// The import report: every row read is either imported (perhaps after a fix), merged into the
// event of an earlier row (ACLED's monadic layout), or rejected, and the report says which, where
// and why. Nothing is dropped without an entry here. Reading a documented format (a date form, a
// missing-value token) is not a fix; only real repairs are.
import Papa from 'papaparse';

export interface RowIssue {
  /** Line in the file where the row starts (1-based), or null for records that have no line (JSON). */
  line: number | null;
  /**
   * The row's number as a spreadsheet shows the file (CSV only): the header is row 1, the first
   * record after it row 2, and an HXL row and blank lines are rows too. It differs from `line`
   * once a quoted cell above holds a line break. Absent in reports stored before it was added.
   */
  row?: number;
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
  /** Data rows (or JSON events) read: imported + mergedRows + rejectedRows. Header, HXL and blank lines are not rows. */
  rowsRead: number;
  imported: number;
  /** Imported (or merged) rows that needed at least one fix: a real repair, not the reading of a documented format. */
  fixedRows: number;
  /**
   * Rows that were merged into the event of an earlier row with the same id, not imported as
   * events of their own (ACLED's monadic layout: one row per actor). Read `?? 0` for stored reports.
   */
  mergedRows: number;
  rejectedRows: number;
  /**
   * Cells read as missing because they held exactly NA, N/A, NaN, nan, NULL or null (as R and
   * databases write a missing value), by token, most cells first; empty when none. Read `?? []`
   * for stored reports.
   */
  missingTokens: { token: string; cells: number }[];
  rejections: RowIssue[];
  fixes: RowIssue[];
  /** Things about the file as a whole: "row 2 is an HXL hashtag row, not an event". */
  notes: string[];
}

export interface ReportBuilder {
  /**
   * Starts a row; the returned handle collects its fixes and its fate. `sheetRow`: the row's
   * number as a spreadsheet shows the file (see RowIssue.row). `record` may be given as a
   * function, called only when the row has something to report: formatting "row 12,345" for each
   * of a million rows took half of a Parquet file's import in Chromium.
   */
  row(line: number | null, record?: string | (() => string), sheetRow?: number): RowReport;
  note(text: string): void;
  finish(): ImportReport;
}

export interface RowReport {
  fix(field: string, message: string, value?: string): void;
  reject(field: string, message: string, value?: string): void;
  /** The row goes into the event of an earlier row (and is counted in mergedRows), unless it is rejected. */
  merge(): void;
  /** A cell held a missing-value token (NA, NULL…), which was read as an empty cell. */
  missing(token: string): void;
  readonly rejected: boolean;
}

/** Cells read as missing, by token, for one file. */
type TokenCounts = Map<string, number>;

/** One row's fixes and fate. A class, not closures: a million rows make a million of these. */
class RowHandle implements RowReport {
  private fixes: RowIssue[] | null = null;
  private rejection: RowIssue | null = null;
  private merged = false;

  constructor(
    private readonly line: number | null,
    private readonly record: string | (() => string) | undefined,
    private readonly sheetRow: number | undefined,
    private readonly tokens: TokenCounts,
  ) {}

  private at(field: string, message: string, value?: string): RowIssue {
    return {
      line: this.line,
      ...(this.sheetRow !== undefined ? { row: this.sheetRow } : {}),
      ...(this.record !== undefined ? { record: typeof this.record === 'function' ? this.record() : this.record } : {}),
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

  merge(): void {
    this.merged = true;
  }

  missing(token: string): void {
    this.tokens.set(token, (this.tokens.get(token) ?? 0) + 1);
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
      if (this.merged) report.mergedRows++;
      else report.imported++;
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
    mergedRows: 0,
    rejectedRows: 0,
    missingTokens: [],
    rejections: [],
    fixes: [],
    notes: [],
  };
  const tokens: TokenCounts = new Map();
  let open: RowHandle | null = null;
  return {
    row(line, record, sheetRow) {
      open?.done(report);
      open = new RowHandle(line, record, sheetRow, tokens);
      return open;
    },
    note(text) {
      report.notes.push(text);
    },
    finish() {
      open?.done(report);
      open = null;
      report.missingTokens = tokenList(tokens);
      return report;
    },
  };
}

/**
 * Reports of the parts of one file (see fileParts.ts), read in order, as one: the counts added,
 * the issues and notes one part's after another's (a note that every part made, once).
 */
export function mergeReports(reports: readonly ImportReport[]): ImportReport {
  const tokens = new Map<string, number>();
  for (const report of reports) for (const { token, cells } of report.missingTokens) tokens.set(token, (tokens.get(token) ?? 0) + cells);
  const sum = (count: (report: ImportReport) => number) => reports.reduce((n, report) => n + count(report), 0);
  return {
    fileName: reports[0]!.fileName,
    format: reports[0]!.format,
    rowsRead: sum((r) => r.rowsRead),
    imported: sum((r) => r.imported),
    fixedRows: sum((r) => r.fixedRows),
    mergedRows: sum((r) => r.mergedRows),
    rejectedRows: sum((r) => r.rejectedRows),
    missingTokens: tokenList(tokens),
    rejections: reports.flatMap((r) => r.rejections),
    fixes: reports.flatMap((r) => r.fixes),
    notes: [...new Set(reports.flatMap((r) => r.notes))],
  };
}

/** Token counts as the report lists them: most cells first, then by token. */
function tokenList(tokens: Iterable<[string, number]>): ImportReport['missingTokens'] {
  return [...tokens].map(([token, cells]) => ({ token, cells })).sort((a, b) => b.cells - a.cells || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}

/**
 * "row 812", or "row 812 (line 815 of the file)" where a line break inside a quoted cell above
 * makes them differ; "line 812" where the row number is not known.
 */
export function placeOfRow(line: number, row?: number): string {
  if (row === undefined) return `line ${line}`;
  return row === line ? `row ${row}` : `row ${row} (line ${line} of the file)`;
}

/** "row 812", "row 812 (line 815 of the file)" or "events[3]": where a row is, for people. */
export function rowPlace(issue: RowIssue): string {
  return issue.line !== null ? placeOfRow(issue.line, issue.row) : (issue.record ?? 'record');
}

/** One issue as a sentence: line 812: event_date "31 September 2022" is not a date. */
export function describeIssue(issue: RowIssue): string {
  const value = issue.value !== undefined ? ` "${truncate(issue.value, 80)}"` : '';
  return `${rowPlace(issue)}: ${issue.field}${value} ${issue.message}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The summary line: "4,960 rows read: 4,958 imported (12 fixed), 2 rejected.", or where rows were
 * merged into their events: "5,658 rows read: 4,006 events imported (0 fixed), 1,652 rows merged
 * into their events, 0 rejected."
 */
export function summariseReport(report: ImportReport, locale = 'en-GB'): string {
  const n = new Intl.NumberFormat(locale);
  const rows = report.rowsRead === 1 ? 'row' : 'rows';
  const merged = report.mergedRows ?? 0;
  if (!merged) return `${n.format(report.rowsRead)} ${rows} read: ${n.format(report.imported)} imported (${n.format(report.fixedRows)} fixed), ${n.format(report.rejectedRows)} rejected.`;
  const events = report.imported === 1 ? 'event' : 'events';
  const into = merged === 1 ? 'row merged into its event' : 'rows merged into their events';
  return `${n.format(report.rowsRead)} ${rows} read: ${n.format(report.imported)} ${events} imported (${n.format(report.fixedRows)} fixed), ${n.format(merged)} ${into}, ${n.format(report.rejectedRows)} rejected.`;
}

/** "NA in 1,204 cells, NULL in 3 cells": the missing-value tokens read, for people; '' when none. */
export function describeMissingTokens(report: ImportReport, locale = 'en-GB'): string {
  const n = new Intl.NumberFormat(locale);
  return (report.missingTokens ?? []).map(({ token, cells }) => `${token} in ${n.format(cells)} ${cells === 1 ? 'cell' : 'cells'}`).join(', ');
}

/** Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection). */
export function defuseCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The report as CSV: one line per rejection and per fix, after the summary counts. */
export function reportToCsv(report: ImportReport): string {
  const lines = [['outcome', 'row', 'line', 'record', 'field', 'value', 'message']];
  const issueLine = (outcome: string, i: RowIssue) => [outcome, String(i.row ?? ''), String(i.line ?? ''), i.record ?? '', i.field, i.value ?? '', i.message];
  for (const r of report.rejections) lines.push(issueLine('rejected', r));
  for (const f of report.fixes) lines.push(issueLine('fixed', f));
  for (const { token, cells } of report.missingTokens ?? []) lines.push(['missing', '', '', '', '', token, `${cells} ${cells === 1 ? 'cell' : 'cells'} read as missing`]);
  for (const note of report.notes) lines.push(['note', '', '', '', '', '', note]);
  const head = [
    ['file', report.fileName],
    ['format', report.format],
    ['rows read', String(report.rowsRead)],
    ['imported', String(report.imported)],
    ['fixed', String(report.fixedRows)],
    ['rejected', String(report.rejectedRows)],
    ['merged', String(report.mergedRows ?? 0)],
  ];
  // Papa Parse quotes and escapes; the empty row between the counts and the issues stays empty.
  const rows = [...head, [], ...lines].map((row) => row.map(defuseCsvCell));
  return `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
