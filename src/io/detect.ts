// What kind of file this is, from its content. The file name is only used in messages.
import { utf16Of } from './textEncoding.ts';
import { previewCsv, guessDelimiter } from './csv.ts';
import { isAppCsvHeader } from './appCsv.ts';

import { type ImportFormat } from './formats.ts';
export { FORMATS, FORMAT_LABEL, type ImportFormat } from './formats.ts';

export type Detection = { ok: true; format: ImportFormat } | { ok: false; reason: string };

/** Binary files by their first bytes: images, PDFs, archives and spreadsheets are not datasets. */
export function sniffBinary(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (starts(0x52, 0x49, 0x46, 0x46)) return 'a RIFF file (WebP image, audio or video)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (an Excel .xlsx workbook is one: save it as CSV first)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Office document (save it as CSV first)';
  if (starts(0x1f, 0x8b)) return 'a gzip archive (unpack it first)';
  // UTF-16 text (Excel's "Unicode Text") holds zero bytes; its byte-order mark says what it is.
  if (utf16Of(bytes)) return null;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'a binary file';
  return null;
}

const UCDP_MARKERS = ['type_of_violence', 'date_start', 'date_end'];
const UCDP_FIELDS = 49;

function looksLikeHeaderlessUcdp(row: readonly string[]): boolean {
  return row.length === UCDP_FIELDS && /^\d+$/.test(row[0] ?? '') && /^[123]$/.test(row[5] ?? '') && /^\d{4}-\d{2}-\d{2}/.test(row[38] ?? '');
}

/** A text's header row read with `delimiter`, lower-cased. */
const headerWith = (text: string, delimiter: string) => (previewCsv(text, 1, delimiter)[0] ?? []).map((c) => c.trim().toLowerCase());
const isAcledHeader = (lower: readonly string[]) => lower.includes('event_id_cnty') && lower.includes('event_date');
const isUcdpHeader = (lower: readonly string[]) => UCDP_MARKERS.every((m) => lower.includes(m));

/**
 * The delimiter of a text read as `format`: a comma for ACLED and UCDP GED, as they write them,
 * unless a spreadsheet saved the file with another (a semicolon in much of Europe, a tab), which
 * its header then shows; any other table's guessed.
 */
export function delimiterOf(text: string, format: ImportFormat): string {
  if (format === 'csv' || format === 'app-csv') return guessDelimiter(text);
  const isHeader = format === 'acled' ? isAcledHeader : isUcdpHeader;
  if (format === 'json' || isHeader(headerWith(text, ','))) return ',';
  const guessed = guessDelimiter(text);
  return isHeader(headerWith(text, guessed)) ? guessed : ',';
}

/** The format of a text, or why it is not a dataset at all. */
export function detectFormat(text: string): Detection {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  if (head === '') return { ok: false, reason: 'is empty' };
  if (/^<(!doctype html|html|head|body)\b/i.test(head) || /<html[\s>]/i.test(head.slice(0, 1024)))
    return { ok: false, reason: 'is a web page (HTML), not a dataset' };
  if (head.startsWith('<')) return { ok: false, reason: 'is XML or SVG, not a dataset' };
  if (head.startsWith('{') || head.startsWith('[')) return { ok: true, format: 'json' };
  const first = previewCsv(text, 1, ',')[0] ?? [];
  const lower = first.map((c) => c.trim().toLowerCase());
  const guessed = headerWith(text, guessDelimiter(text));
  if (isAcledHeader(lower) || isAcledHeader(guessed)) return { ok: true, format: 'acled' };
  if (isUcdpHeader(lower) || isUcdpHeader(guessed)) return { ok: true, format: 'ucdp' };
  if (isAppCsvHeader(lower) || isAppCsvHeader(guessed)) return { ok: true, format: 'app-csv' };
  if (looksLikeHeaderlessUcdp(first)) return { ok: true, format: 'ucdp' };
  const plain = previewCsv(text, 1, guessDelimiter(text))[0] ?? [];
  if (plain.length >= 2) return { ok: true, format: 'csv' };
  return { ok: false, reason: 'is neither JSON nor a table with a header row (CSV)' };
}
