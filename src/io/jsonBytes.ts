// A JSON file parsed from its bytes, one column of a compact file at a time.
//
// A compact file of a million events is 444 MB. Decoded whole, it is one string of 442 million
// characters, and a single character beyond Latin-1 anywhere in it (an en dash in one title) makes
// V8 keep every character in two bytes: 884 MB, which took the browser 2 to 3 s to decode, and
// slowed everything that read it after. Here the bytes are scanned once (checking the nesting and
// the number of values, as checkJsonShape does on text), and each member of `events` (a column) is
// decoded and parsed on its own, so that only the columns holding such characters take two bytes
// per character, and each column's text can go once it is parsed. The rest of the file is parsed
// with `null` where the columns were, and the columns are put back in their places.
//
// The value is the one JSON.parse gives for the whole decoded text, keys in the same order. When
// the text is not valid JSON, or the scan meets anything it does not expect, the whole text is
// parsed, so that the message is JSON.parse's own for the whole file. A test holds the two to that
// on valid files and on thousands of damaged ones.
import { JSON_MAX_DEPTH, JSON_MAX_VALUES, tooDeepReason, tooManyValuesReason } from './limits.ts';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/** Why JSON.parse refused a text, as the import report words it. */
export const notValidJson = (error: unknown) => `is not valid JSON (${(error as Error).message})`;

/** Members of `events` that are read on their own: the compact file's columns (see compact.ts). */
export type ColumnNames = ReadonlySet<string>;

/** Per byte value: 0 for a byte the scan passes over (digits, letters, spaces), else the byte. */
const SCANNED = new Uint8Array(256);
for (const c of [0x22, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d]) SCANNED[c] = c;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Where a member of `events` lies in the bytes: its value, with any spaces around it. */
interface Member {
  name: string;
  from: number;
  to: number;
}

type Scan = { ok: true; members: Member[] } | { ok: false; reason: string };

/** The index of the quote that closes the string opened at `open`, or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let end = bytes.indexOf(QUOTE, open + 1);
  while (end > 0) {
    let backslashes = 0;
    while (bytes[end - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = bytes.indexOf(QUOTE, end + 1);
  }
  return -1;
}

/** A key's text when it is plain ASCII without escapes (every column name is), else null. */
function plainKey(bytes: Uint8Array, from: number, to: number): string | null {
  if (to - from > 64) return null;
  let key = '';
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c === BACKSLASH || c >= 0x80) return null;
    key += String.fromCharCode(c);
  }
  return key;
}

/**
 * One pass over the bytes: the nesting and value limits (counted exactly as checkJsonShape counts
 * them), and where each column named in `columns` lies in the root's `events` object. Assumes
 * valid JSON; on a malformed file the members found may be wrong, and parsing them then fails.
 */
function scan(bytes: Uint8Array, columns: ColumnNames, maxDepth: number, maxValues: number): Scan {
  const none: Scan = { ok: true, members: [] };
  const members: Member[] = [];
  // Per depth: 1 for an object, 2 for an array (depth 0 is outside the root).
  const kind = new Uint8Array(maxDepth + 2);
  let depth = 0;
  let values = 0;
  let expectKey = false;
  let rootKey: string | null = null;
  let eventsSeen = false;
  let inEvents = false;
  let column: string | null = null;
  let valueFrom = -1;
  // Keys matter only at depth 1 (the root's) and 2 (the events object's): deeper, the loop only
  // counts. Commas come first, being the most frequent byte that counts. (The loop is written out,
  // without a closure over its variables: with one, it took a quarter longer in Chromium.)
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const c = SCANNED[bytes[i]!]!;
    if (c === 0) continue;
    if (c === COMMA) {
      if (++values > maxValues) return { ok: false, reason: tooManyValuesReason(maxValues) };
      if (depth <= 2) {
        if (inEvents && depth === 2) {
          if (column !== null && valueFrom >= 0) members.push({ name: column, from: valueFrom, to: i });
          column = null;
          valueFrom = -1;
        }
        expectKey = kind[depth] === 1;
      }
    } else if (c === QUOTE) {
      const end = closingQuote(bytes, i);
      if (end < 0) return none;
      if (expectKey && depth <= 2) {
        if (depth === 1) {
          rootKey = plainKey(bytes, i + 1, end);
          if (rootKey === 'events') {
            // Two `events` members: JSON.parse keeps the last; not worth following.
            if (eventsSeen) return none;
            eventsSeen = true;
          }
        } else if (inEvents) {
          const name = plainKey(bytes, i + 1, end);
          column = name !== null && columns.has(name) ? name : null;
        }
      }
      expectKey = false;
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return { ok: false, reason: tooDeepReason(maxDepth) };
      if (++values > maxValues) return { ok: false, reason: tooManyValuesReason(maxValues) };
      kind[depth] = c === OPEN_OBJECT ? 1 : 2;
      expectKey = c === OPEN_OBJECT;
      if (depth === 2 && c === OPEN_OBJECT && rootKey === 'events' && kind[1] === 1) inEvents = true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (inEvents && depth === 2) {
        if (column !== null && valueFrom >= 0) members.push({ name: column, from: valueFrom, to: i });
        column = null;
        valueFrom = -1;
        inEvents = false;
      }
      depth--;
      expectKey = false;
      if (depth < 0) return none;
    } else if (c === COLON && inEvents && depth === 2 && column !== null && valueFrom < 0) {
      // After a column's name.
      valueFrom = i + 1;
    }
  }
  return { ok: true, members };
}

/** The whole text decoded and parsed, as the import read every JSON file before. */
function parseWhole(bytes: Uint8Array): ParsedJson {
  try {
    // Decoding drops a byte-order mark at the start, as Blob.text() does.
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (error) {
    return { ok: false, reason: notValidJson(error) };
  }
}

/**
 * The JSON in `bytes` (UTF-8), as JSON.parse gives it for the decoded text, or why it cannot be
 * read: nested deeper than maxDepth, more than maxValues values, or not valid JSON. `onProgress`
 * hears how far it is (0 to 1) after the scan and after each column.
 */
export function parseJsonBytes(bytes: Uint8Array, columns: ColumnNames, maxDepth = JSON_MAX_DEPTH, maxValues = JSON_MAX_VALUES, onProgress?: (fraction: number) => void): ParsedJson {
  const scanned = scan(bytes, columns, maxDepth, maxValues);
  if (!scanned.ok) return scanned;
  // The scan is about a third of the time; the columns, by their bytes, the rest.
  const scanShare = 0.3;
  onProgress?.(scanShare);
  const { members } = scanned;
  if (members.length === 0) return parseWhole(bytes);
  // A later member of the same name replaces an earlier one, as in JSON.parse.
  const byName = new Map(members.map((m) => [m.name, m]));
  // Byte-order marks inside the file are kept (only the one at the start is not part of the text).
  const inner = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    const pieces: string[] = [new TextDecoder().decode(bytes.subarray(0, members[0]!.from))];
    members.forEach((member, k) => {
      pieces.push('null');
      pieces.push(inner.decode(bytes.subarray(member.to, members[k + 1]?.from ?? bytes.length)));
    });
    const root = JSON.parse(pieces.join('')) as { events: Record<string, unknown> };
    pieces.length = 0;
    let parsed = 0;
    for (const [name, member] of byName) {
      root.events[name] = JSON.parse(inner.decode(bytes.subarray(member.from, member.to)));
      parsed += member.to - member.from;
      onProgress?.(scanShare + (1 - scanShare) * (parsed / bytes.length));
    }
    return { ok: true, value: root };
  } catch {
    // Not valid JSON somewhere: the message should place the fault in the whole text.
    return parseWhole(bytes);
  }
}
