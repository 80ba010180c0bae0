// Which row reader a table's columns call for (ACLED's, UCDP GED's), for tables that are not CSV
// text: Parquet and Arrow files (columnarImport.ts) and JSON records (recordsImport.ts). Each row's
// values become the cells a CSV row would hold, so the same readers, checks and report apply.
import { missingAcledColumns, ACLED_REQUIRED } from './acled.ts';
import { createAcledPackedImport } from './acledPacked.ts';
import { createUcdpImport, UCDP_READ_COLUMNS } from './ucdp.ts';
import type { PackedCsvImport } from './csv.ts';
import type { FileDayOrder } from './dates.ts';

const UCDP_REQUIRED = ['type_of_violence', 'date_start', 'date_end'] as const;

const count = (n: number) => n.toLocaleString('en-GB');

/** Whose rows the columns (lower case) hold, ACLED's first: the row reader they call for. */
export const rowFormatOf = (lower: ReadonlySet<string>): 'acled' | 'ucdp' | null =>
  lower.has('event_id_cnty') && lower.has('event_date') ? 'acled' : UCDP_REQUIRED.every((c) => lower.has(c)) ? 'ucdp' : null;

/** "ACLED CSV (current layout)" as "ACLED Parquet (current layout)". */
export const layoutIn = (csvLayout: string, label: string) => csvLayout.replace(/\bCSV\b/, label);

/** The columns a reader of `format` reads: a UCDP GED file's are a few of its 49, and the rest are not decoded. */
export const columnsToRead = (columns: readonly string[], format: 'acled' | 'ucdp' | null): string[] =>
  format === 'ucdp' ? columns.filter((c) => (UCDP_READ_COLUMNS as readonly string[]).includes(c.trim().toLowerCase())) : [...columns];

/** The column whose dates tell the order of a file's numeric dates: ACLED's event_date, UCDP GED's date_start (its date_end is read alike). */
export const dateColumnOf = (format: 'acled' | 'ucdp' | null) => (format === 'acled' ? 'event_date' : format === 'ucdp' ? 'date_start' : null);

/** The row reader the columns call for and the columns it reads, or why there is none. */
export function chooseReader(columns: string[], fileName: string, rows: number, dates: FileDayOrder): { sink: PackedCsvImport; read: string[] } | string {
  const lower = new Set(columns.map((c) => c.trim().toLowerCase()));
  const header = columns.map((c) => c.trim());
  const format = rowFormatOf(lower);
  if (format === 'acled') {
    const missing = missingAcledColumns(header);
    if (missing.length) return `is not an ACLED export: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`;
    return { sink: createAcledPackedImport(header, fileName, Math.max(1, rows), undefined, { dates }), read: columns };
  }
  if (format === 'ucdp') {
    const read = columnsToRead(columns, format);
    return { sink: createUcdpImport(read.map((c) => c.trim()), fileName, Math.max(1, rows), undefined, { dates }), read };
  }
  const shown = columns.length > 12 ? `${columns.slice(0, 12).join(', ')} and ${count(columns.length - 12)} more` : columns.join(', ') || 'none';
  return `has no recognisable columns: it has ${shown}; an ACLED file needs ${ACLED_REQUIRED.join(', ')}, a UCDP GED file ${UCDP_REQUIRED.join(', ')}`;
}
