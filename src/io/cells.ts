// Reading one cell: the repairs that are safe to make, each reported, and nothing else.
import type { RowReport } from './report.ts';

// Spaces a spreadsheet leaves behind: ordinary, no-break, zero-width and the BOM.
const EDGE_SPACE = /^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g;

/** Whether a character could be one that EDGE_SPACE trims (a cheap superset test). */
function isEdgeSpace(code: number): boolean {
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The cell without surrounding spaces; trimming is reported as a fix. */
export function cleanText(raw: string | undefined, field: string, row: RowReport): string {
  if (raw === undefined || raw === '') return '';
  // Most cells have no space at either end: a look at both ends spares the regular expression.
  if (!isEdgeSpace(raw.charCodeAt(0)) && !isEdgeSpace(raw.charCodeAt(raw.length - 1))) return raw;
  const text = raw.replace(EDGE_SPACE, '');
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

/** A whole number ≥ 0, or null (not a number), or undefined (empty: unknown). */
export function readCount(text: string): number | null | undefined {
  if (text === '') return undefined;
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

/** A decimal coordinate within ±limit, or null; empty is undefined (unknown). */
export function readCoordinate(text: string, limit: number): number | null | undefined {
  if (text === '') return undefined;
  if (!/^[+-]?\d{1,3}(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
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
