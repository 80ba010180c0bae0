// Reading one cell: the repairs that are safe to make, each reported, and nothing else.
import type { RowReport } from './report.ts';

// Spaces a spreadsheet leaves behind: ordinary, no-break, zero-width and the BOM.
const EDGE_SPACE = /^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g;

/** Whether a character could be one that EDGE_SPACE trims (a cheap superset test). */
function isEdgeSpace(code: number): boolean {
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The tokens R, pandas and databases write for a missing value: such a cell is empty. */
export const MISSING_TOKENS: readonly string[] = ['NA', 'N/A', 'NaN', 'nan', 'NULL', 'null'];

/** Whether a cell is exactly one of MISSING_TOKENS. Its length is looked at first: they are 2–4 characters long. */
export function isMissingToken(text: string): boolean {
  const n = text.length;
  if (n < 2 || n > 4) return false;
  switch (text) {
    case 'NA':
    case 'N/A':
    case 'NaN':
    case 'nan':
    case 'NULL':
    case 'null':
      return true;
    default:
      return false;
  }
}

/**
 * The cell without surrounding spaces; trimming is reported as a fix. A cell that is a missing-value
 * token (NA, N/A, NaN, nan, NULL, null) is read as empty and counted for the report (reading R's
 * way of writing "missing" is reading, not a repair), unless `isValue` says that the column's
 * codebook has the token as a value.
 */
export function cleanText(raw: string | undefined, field: string, row: RowReport, isValue?: (token: string) => boolean): string {
  if (raw === undefined || raw === '') return '';
  // Most cells have no space at either end: a look at both ends spares the regular expression.
  if (!isEdgeSpace(raw.charCodeAt(0)) && !isEdgeSpace(raw.charCodeAt(raw.length - 1))) {
    if (raw.length > 4 || !isMissingToken(raw) || isValue?.(raw)) return raw;
    row.missing(raw);
    return '';
  }
  const text = raw.replace(EDGE_SPACE, '');
  if (isMissingToken(text) && !isValue?.(text)) {
    row.missing(text);
    return '';
  }
  if (text !== raw && text !== '') row.fix(field, 'had spaces around it, which were trimmed', raw);
  return text;
}

/**
 * A source URL, repaired where the damage is unambiguous: an Arabic question mark (؟, as
 * right-to-left editors write it) where the query starts. Returns null for anything that is not an
 * http(s) URL, which the caller reports.
 */
export function cleanUrl(raw: string, field: string, row: RowReport): string | null {
  let url = cleanText(raw, field, row);
  if (url.includes('\u061f')) {
    const repaired = url.replace(/\u061f/g, '?');
    row.fix(field, `had an Arabic question mark (؟), read as "?": ${repaired}`, url);
    url = repaired;
  }
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * A whole number ≥ 0, or null (not a number), or undefined (empty: unknown). "3.0" is 3: a column
 * of whole numbers that a pipeline made floats (pandas, where a cell was missing) writes them so.
 */
export function readCount(text: string): number | null | undefined {
  if (text === '') return undefined;
  if (!/^\d{1,9}(\.0+)?$/.test(text)) return null;
  return Number(text);
}

/**
 * A decimal coordinate within ±limit, or null; empty is undefined (unknown). `decimalComma`: the
 * file is not comma-separated, so 40,2 is a decimal written as spreadsheets in much of Europe save
 * one (40.2), read as such.
 */
export function readCoordinate(text: string, limit: number, decimalComma = false): number | null | undefined {
  if (text === '') return undefined;
  const decimal = decimalComma ? text.replace(/^([+-]?\d{1,3}),(\d+)$/, '$1.$2') : text;
  if (!/^[+-]?\d{1,3}(\.\d+)?$/.test(decimal)) return null;
  const value = Number(decimal);
  return Math.abs(value) <= limit ? value : null;
}

/** Splits ACLED's lists ("A; B") into names, dropping empty pieces. */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Turns a name into an id fragment that the schema accepts: "Military Forces of Armenia" → military-forces-of-armenia. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 80);
}
