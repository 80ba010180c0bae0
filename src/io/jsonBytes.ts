// A JSON file parsed from its bytes, one column of a compact file at a time.
//
// A compact file of a million events is 444 MB. Decoded whole, it is one string of 442 million
// characters, and a single character beyond Latin-1 anywhere in it (an en dash in one title) makes
// V8 keep every character in two bytes: 884 MB, which took the browser 2 to 3 s to decode, and
// slowed everything that read it after. Here the bytes are scanned once (checking the nesting and
// the number of values, as checkJsonShape does on text), and each member of `events` (a column) is
// decoded and parsed on its own, so that only the columns holding such characters take two bytes
// per character, and each column's text can go once it is parsed. The rest of the file is parsed
// with `null` where the columns were, and the columns are put back in their places. Two shortcuts
// for the largest parts of a compact file: text columns may be read joined, as the packed way keeps
// them, without a string per entry, and lists of numbers into typed arrays, without text or
// JSON.parse (see UnfilledColumns); and the scan passes over lists of numbers and text to be read
// joined natively, to their first "]" or guessed end, counting their values once they are read.
// Whatever makes the outcome uncertain (a file refused or not valid, a guess wrong) has every byte
// scanned again.
//
// The value is the one JSON.parse gives for the whole decoded text, keys in the same order. When
// the text is not valid JSON, or the scan meets anything it does not expect, the whole text is
// parsed, so that the message is JSON.parse's own for the whole file. A test holds the two to that
// on valid files and on thousands of damaged ones.
import { JSON_MAX_DEPTH, JSON_MAX_VALUES, tooDeepReason, tooManyValuesReason } from './limits.ts';
import { joinedAt, type JoinedStrings, type Utf8Text } from '../table/packedEvents.ts';

/** The value, and (when asked for with `joinText` or `typedNumbers`) the columns that stand in it unfilled. */
export type ParsedJson = { ok: true; value: unknown; unfilled?: UnfilledColumns } | { ok: false; reason: string };

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
// In numbers and null.
const MINUS = 0x2d;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LETTER_N = 0x6e;
const LETTER_U = 0x75;
const LETTER_L = 0x6c;

/** Where a member of `events` lies in the bytes: its value, with any spaces around it. */
interface Member {
  name: string;
  from: number;
  to: number;
}

/** `skipped`: the columns passed over without counting the values inside them (see scan). */
type Scan = { ok: true; members: Member[]; skipped: Skipped[]; values: number } | { ok: false; reason: string; skipped: Skipped[] };

/** A column the scan passed over: a list of numbers, or text to be read joined (see JoinedText). */
interface Skipped {
  name: string;
  text: boolean;
}

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
 *
 * With `skipFlat`, a column that is a list (of numbers and nulls: most of a compact file's values)
 * is passed over to its first "]" with indexOf, which is native and many times quicker than this
 * loop, and its commas are not counted: its parsed length gives them (see readColumns). A text
 * column that `skipText` names is passed over too, to its guessed end (see memberEnd), and the
 * joined reader counts its values. A list of n bytes holds at most n / 2 values (n / 3 for text),
 * so none bigger than the limit is parsed.
 */
function scan(bytes: Uint8Array, columns: ColumnNames, maxDepth: number, maxValues: number, skipFlat: boolean, skipText?: ColumnNames): Scan {
  const members: Member[] = [];
  const skipped: Skipped[] = [];
  const none: Scan = { ok: true, members: [], skipped, values: 0 };
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
  const words = skipFlat ? wordsOf(bytes) : null;
  for (let i = 0; i < length; i++) {
    const c = SCANNED[bytes[i]!]!;
    if (c === 0) continue;
    if (c === COMMA) {
      if (++values > maxValues) return { ok: false, reason: tooManyValuesReason(maxValues), skipped };
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
      if (++depth > maxDepth) return { ok: false, reason: tooDeepReason(maxDepth), skipped };
      if (++values > maxValues) return { ok: false, reason: tooManyValuesReason(maxValues), skipped };
      kind[depth] = c === OPEN_OBJECT ? 1 : 2;
      expectKey = c === OPEN_OBJECT;
      if (depth === 2 && c === OPEN_OBJECT && rootKey === 'events' && kind[1] === 1) inEvents = true;
      if (skipFlat && depth === 3 && inEvents && column !== null && valueFrom >= 0) {
        if (skipText?.has(column)) {
          // Text to be read joined: its end is guessed, and the joined reader, which accepts
          // nothing but a list of plain strings (or an object of such lists) that ends exactly
          // there, confirms it (see readColumns). Lists inside an object are one level deeper.
          // (An empty object has no list to end it: the loop goes through it.)
          const close = c === OPEN_ARRAY ? memberEnd(bytes, words, i, false) : depth < maxDepth && bytes[i + 1] !== CLOSE_OBJECT ? memberEnd(bytes, words, i, true) : -1;
          // Each string or null takes three bytes at least, with its comma.
          if (close > 0 && close - i < 3 * maxValues) {
            skipped.push({ name: column, text: true });
            i = close - 1;
          }
        } else if (c === OPEN_ARRAY) {
          // A list of numbers ends at the first "]". (If that is inside a string or a nested list,
          // the column does not parse, or holds a list or an object: see readColumns.)
          const close = findByte(bytes, words, CLOSE_ARRAY, i + 1);
          if (close > 0 && close - i < 2 * maxValues) {
            skipped.push({ name: column, text: false });
            // On to the list's end, which the loop then reads.
            i = close - 1;
          }
        }
      }
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
  return { ok: true, members, skipped, values };
}

/**
 * Columns of a compact file read without JSON.parse, into what the packed way wants, without a
 * million strings or numbers in between:
 * - text: its strings joined as packed events keep them (see JoinedStrings). In the value, each
 *   such column stands as an array of its length whose entries are holes until fill().
 * - numbers: a Float64Array, with NaN for null (JSON has no NaN), standing in the value in the
 *   list's place until fill() puts back the list JSON.parse gives.
 */
export class UnfilledColumns {
  private readonly joined = new Map<unknown[], JoinedStrings>();
  private readonly firstRows = new Map<JoinedStrings, Int32Array>();
  private readonly numbers: { holder: Record<string, unknown>; key: string; numbers: Float64Array }[] = [];

  /** A text column of `length` entries: its stand-in for the value. */
  addText(strings: JoinedStrings, length: number): unknown[] {
    const column = new Array<unknown>(length);
    this.joined.set(column, strings);
    return column;
  }

  /** A list of numbers read typed, standing as `holder[key]`. */
  addNumbers(holder: Record<string, unknown>, key: string, numbers: Float64Array): void {
    holder[key] = numbers;
    this.numbers.push({ holder, key, numbers });
  }

  /** The joined strings of a text column of the value, while it is not filled in. */
  text(column: unknown): JoinedStrings | undefined {
    return this.joined.get(column as unknown[]);
  }

  /** Notes each row's first row of the same text in `strings` (see firstRowsOfText), found elsewhere. */
  noteFirstRows(strings: JoinedStrings, rows: Int32Array): void {
    this.firstRows.set(strings, rows);
  }

  /** Each row's first row of the same text in `strings`, where it was found elsewhere. */
  firstRowsOf(strings: JoinedStrings): Int32Array | undefined {
    return this.firstRows.get(strings);
  }

  /** Fills every column in, so that the value is the one JSON.parse gives. */
  fill(): void {
    for (const [column, strings] of this.joined) for (let i = 0; i < column.length; i++) column[i] = joinedAt(strings, i) ?? null;
    this.joined.clear();
    this.firstRows.clear();
    for (const { holder, key, numbers } of this.numbers) {
      const list = new Array<number | null>(numbers.length);
      for (let i = 0; i < numbers.length; i++) list[i] = Number.isNaN(numbers[i]) ? null : numbers[i]!;
      holder[key] = list;
    }
    this.numbers.length = 0;
  }
}

/**
 * Digits a number may have to be read here: below 2^53, so that the digits are an exact integer,
 * and divided by a power of ten (exact up to 10^22) that gives the nearest double, as JSON.parse
 * gives (Clinger's fast path).
 */
const MAX_DIGITS = 15;

/**
 * The list of numbers and nulls written in bytes[from, to) as `npm run import` writes it (no
 * spaces, no exponents, at most 15 digits a number), as JSON.parse reads it: a Float64Array with
 * NaN for null. Null for anything else (then JSON.parse reads the list and says what is wrong).
 *
 * The array is a view of the start of a buffer sized for as many entries as the bytes can hold (a
 * digit and a comma each). Its pages past the entries are never written, so they take no memory;
 * copying the entries to an array of their own size (and the pages that took) was a third of the
 * reading at a million events, and growing an array as it filled took more.
 */
export function readNumberList(bytes: Uint8Array, from: number, to: number): Float64Array | null {
  if (bytes[from] !== OPEN_ARRAY) return null;
  let i = from + 1;
  if (bytes[i] === CLOSE_ARRAY) return i + 1 === to ? new Float64Array(0) : null;
  const numbers = new Float64Array(((to - from) >>> 1) + 1);
  let n = 0;
  for (;;) {
    let c = bytes[i]!;
    // Most entries are whole numbers from 1 up, followed by a comma: read here with fewer checks.
    let digit = c - DIGIT_0;
    if (digit >= 1 && digit <= 9) {
      const first = i;
      let value = digit;
      c = bytes[++i]!;
      digit = c - DIGIT_0;
      while (digit >= 0 && digit <= 9) {
        value = value * 10 + digit;
        c = bytes[++i]!;
        digit = c - DIGIT_0;
      }
      if (i - first <= MAX_DIGITS && (c === COMMA || c === CLOSE_ARRAY)) {
        numbers[n++] = value;
        i++;
        if (c === COMMA) continue;
        break;
      }
      // A fraction, too many digits, or something else: read again below.
      i = first;
      c = bytes[i]!;
    }
    if (c === LETTER_N) {
      if (bytes[i + 1] !== LETTER_U || bytes[i + 2] !== LETTER_L || bytes[i + 3] !== LETTER_L) return null;
      numbers[n++] = NaN;
      i += 4;
    } else {
      const negative = c === MINUS;
      if (negative) c = bytes[++i]!;
      const first = i;
      let value = 0;
      while (c >= DIGIT_0 && c <= DIGIT_9) {
        value = value * 10 + (c - DIGIT_0);
        c = bytes[++i]!;
      }
      let digits = i - first;
      // A zero stands alone before the point (JSON allows no "01").
      if (digits === 0 || (digits > 1 && bytes[first] === DIGIT_0)) return null;
      if (c === DOT) {
        const whole = digits;
        let scale = 1;
        c = bytes[++i]!;
        while (c >= DIGIT_0 && c <= DIGIT_9) {
          value = value * 10 + (c - DIGIT_0);
          scale *= 10;
          digits++;
          c = bytes[++i]!;
        }
        if (digits === whole) return null;
        value /= scale;
      }
      if (digits > MAX_DIGITS) return null;
      numbers[n++] = negative ? -value : value;
    }
    // After each entry, a comma or the end of the list (an exponent, a space or anything else is left to JSON.parse).
    c = bytes[i++]!;
    if (c === CLOSE_ARRAY) break;
    if (c !== COMMA) return null;
  }
  if (i !== to) return null;
  return n === numbers.length ? numbers : numbers.subarray(0, n);
}

/**
 * A text column from its bytes (a list, or an object of lists per language), joined; null when it
 * cannot be read joined (see readJoinedMember).
 */
export function readJoinedColumn(bytes: Uint8Array): JoinedColumn | null {
  const unfilled = new UnfilledColumns();
  const read = readJoinedMember(bytes, 0, bytes.length, unfilled);
  if (!read) return null;
  if (Array.isArray(read.value)) return unfilled.text(read.value) ?? null;
  return Object.entries(read.value).map(([language, column]): [string, JoinedStrings] => [language, unfilled.text(column)!]);
}

/** Text JSON.parse reads differently from its characters, or refuses: escapes and control characters. */
const NOT_PLAIN = /[\\\u0000-\u001f]/;

/**
 * A member read joined, from its bytes [from, to): a list of strings and nulls, or an object of
 * such lists (titles per language), written without spaces or escapes, as `npm run import` writes
 * large files. Null for anything else, which JSON.parse then reads.
 */
function readJoinedMember(bytes: Uint8Array, from: number, to: number, joined: UnfilledColumns): { value: unknown[] | Record<string, unknown[]>; innerValues: number } | null {
  // The values inside, as the scan counts them: a comma or an opening bracket each.
  const commas = (list: { length: number }) => Math.max(list.length - 1, 0);
  if (bytes[from] === OPEN_ARRAY) {
    const list = readJoinedList(bytes, from, to);
    return list && list.end === to ? { value: joined.addText(list.strings, list.length), innerValues: commas(list) } : null;
  }
  if (bytes[from] !== OPEN_OBJECT) return null;
  const group: Record<string, unknown[]> = {};
  let at = from + 1;
  if (bytes[at] === CLOSE_OBJECT) return at + 1 === to ? { value: group, innerValues: 0 } : null;
  let innerValues = 0;
  for (;;) {
    if (bytes[at] !== QUOTE) return null;
    const keyEnd = bytes.indexOf(QUOTE, at + 1);
    if (keyEnd < 0 || keyEnd >= to || bytes[keyEnd + 1] !== COLON) return null;
    const key = plainKey(bytes, at + 1, keyEnd);
    // JSON.parse makes "__proto__" an own key; assigning it would set the prototype.
    if (key === null || key === '__proto__' || NOT_PLAIN.test(key)) return null;
    const list = readJoinedList(bytes, keyEnd + 2, to);
    if (!list) return null;
    // A repeated key keeps its first place and takes the last list, as in JSON.parse.
    group[key] = joined.addText(list.strings, list.length);
    innerValues += 1 + commas(list);
    at = list.end;
    const next = bytes[at++];
    if (next === CLOSE_OBJECT) return at === to ? { value: group, innerValues } : null;
    if (next !== COMMA) return null;
    innerValues++;
  }
}

/** Whether a byte continues a UTF-8 sequence (it cannot start a character). */
const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/** Bytes of a string that readJoinedList copies one by one before it looks for the string's end natively. */
const SHORT_STRING_BYTES = 24;

/**
 * The list of strings and nulls that starts at `from` (before `to`), joined, and where it ends;
 * null when it is not one, or when its text might read otherwise than JSON.parse reads it.
 * Each string is the bytes between its quotes (an escape, which would make that untrue, fails
 * NOT_PLAIN): they are moved together in a copy of the bytes and decoded once, into one string
 * that needs no flattening, where joining a million strings made one of a million pieces. The
 * joined bytes are kept too (JoinedStrings.utf8): the worker moves them to the page, which
 * decodes them there, rather than copying the text.
 */
function readJoinedList(bytes: Uint8Array, from: number, to: number): { strings: JoinedStrings; length: number; end: number } | null {
  if (bytes[from] !== OPEN_ARRAY) return null;
  let at = from + 1;
  if (bytes[at] === CLOSE_ARRAY) return { strings: { text: '', start: new Uint32Array(1) }, length: 0, end: at + 1 };
  // The entries' bytes, each moved down over the quotes, commas and nulls before it: out[k] is
  // bytes[at0 + k] until moved.
  const at0 = at;
  const out = bytes.slice(at0, to);
  // Per entry: where its bytes (later its characters) start in the joined text, and whether it is a string.
  let start: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  let present: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  let n = 0;
  let joinedBytes = 0;
  let nulls = 0;
  for (;;) {
    if (n + 1 >= start.length) {
      start = grown(start, new Uint32Array(start.length * 2));
      present = grown(present, new Uint8Array(present.length * 2));
    }
    start[n] = joinedBytes;
    const c = bytes[at];
    if (c === QUOTE) {
      // A string that starts inside a character would join the end of the one before.
      if (isContinuation(bytes[at + 1]!)) return null;
      // A short string (an id, a place name) is copied here, byte by byte: a native search and
      // copy per string took twice as long on those. The rest of a longer one is copied natively.
      let k = at + 1;
      const shortEnd = Math.min(k + SHORT_STRING_BYTES, to);
      let b = 0;
      while (k < shortEnd && (b = bytes[k]!) !== QUOTE) {
        out[joinedBytes++] = b;
        k++;
      }
      if (k === shortEnd) {
        const close = bytes.indexOf(QUOTE, k);
        if (close < 0 || close >= to) return null;
        out.copyWithin(joinedBytes, k - at0, close - at0);
        joinedBytes += close - k;
        k = close;
      }
      present[n] = 1;
      at = k + 1;
    } else if (c === LETTER_N && bytes[at + 1] === LETTER_U && bytes[at + 2] === LETTER_L && bytes[at + 3] === LETTER_L) {
      nulls++;
      at += 4;
    } else return null;
    n++;
    const next = bytes[at++];
    if (next === CLOSE_ARRAY) break;
    if (next !== COMMA) return null;
  }
  start[n] = joinedBytes;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.subarray(0, joinedBytes));
  // Bytes that are not UTF-8 (read as U+FFFD) might have read otherwise in place: JSON.parse reads them.
  if (NOT_PLAIN.test(text) || text.includes('\ufffd')) return null;
  const utf8: Utf8Text = { bytes: out.subarray(0, joinedBytes) };
  if (text.length !== joinedBytes) {
    utf8.start = start.slice(0, n + 1);
    toCharacterStarts(out, start, n);
  }
  const strings: JoinedStrings = { text, start: start.slice(0, n + 1), ...(nulls ? { present: present.slice(0, n) } : {}), utf8 };
  return { strings, length: n, end: at };
}

/**
 * Turns the entries' starts from bytes of UTF-8 into characters (UTF-16 code units): a character
 * starts at each byte that does not continue one, and one of four bytes takes two code units.
 * Where four bytes in a word are ASCII (most of most text), they are four characters at once:
 * byte by byte took the lead 0.2 s over the titles at a million events.
 */
function toCharacterStarts(utf8: Uint8Array, start: Uint32Array, n: number): void {
  const words = wordsOf(utf8);
  let byte = 0;
  let units = 0;
  for (let k = 0; k <= n; k++) {
    const to = start[k]!;
    while (byte < to) {
      if (words && (byte & 3) === 0 && byte + 4 <= to && (words[byte >>> 2]! & 0x80808080) === 0) {
        units += 4;
        byte += 4;
        continue;
      }
      const b = utf8[byte++]!;
      if (!isContinuation(b)) units += b >= 0xf0 ? 2 : 1;
    }
    start[k] = units;
  }
}

/** `bigger`, with `array` copied to its start. */
function grown<T extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(array: T | Uint8Array | Uint32Array, bigger: T): T {
  bigger.set(array as ArrayLike<number>);
  return bigger;
}

/**
 * Where a column that opens at `open` probably ends: the first "]" (for an object of lists, "]}")
 * followed by the "," or "}" that ends a member of `events`; -1 when there is none. A guess, to be
 * confirmed by reading the column (a "]," inside a string fools it).
 */
function memberEnd(bytes: Uint8Array, words: Int32Array | null, open: number, group: boolean): number {
  for (let at = findByte(bytes, words, CLOSE_ARRAY, open + 1); at > 0; at = findByte(bytes, words, CLOSE_ARRAY, at + 1)) {
    const close = group ? at + 1 : at;
    if (group && bytes[close] !== CLOSE_OBJECT) continue;
    const next = bytes[close + 1];
    if (next === COMMA || next === CLOSE_OBJECT) return close;
  }
  return -1;
}

/** The bytes four at a time (see findByte), where they start on a multiple of four; else null. */
export function wordsOf(bytes: Uint8Array): Int32Array | null {
  return bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : null;
}

/**
 * bytes.indexOf(byte, from), four bytes at a time: a word holds the byte when the word XOR the
 * byte in each place has a zero byte, which a subtraction shows for all four places at once.
 * Chromium's indexOf on bytes went through 1.1 to 1.5 GB a second; this, 1.8 to 2.9 GB. `words`:
 * the bytes' words (see wordsOf), or null for the native indexOf.
 */
export function findByte(bytes: Uint8Array, words: Int32Array | null, byte: number, from: number): number {
  if (!words) return bytes.indexOf(byte, from);
  const length = bytes.length;
  let i = from;
  for (; i < length && (i & 3) !== 0; i++) if (bytes[i] === byte) return i;
  const pattern = Math.imul(byte, 0x01010101);
  const wordCount = words.length;
  for (let w = i >>> 2; w < wordCount; w++) {
    const x = words[w]! ^ pattern;
    if ((((x - 0x01010101) | 0) & ~x & 0x80808080) !== 0) {
      const at = w << 2;
      for (let k = at; k < at + 4; k++) if (bytes[k] === byte) return k;
    }
  }
  for (i = Math.max(i, wordCount << 2); i < length; i++) if (bytes[i] === byte) return i;
  return -1;
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

export interface ParseOptions {
  maxDepth?: number;
  maxValues?: number;
  /** Hears how far it is (0 to 1) after the scan and after each column. */
  onProgress?: (fraction: number) => void;
  /** Columns to read joined where they can be (see UnfilledColumns); then the value is whole only after `unfilled.fill()`. */
  joinText?: ColumnNames;
  /** Lists of numbers read into typed arrays where they can be (see UnfilledColumns); as with `joinText`. */
  typedNumbers?: boolean;
  /**
   * Text columns of `joinText` that may be read elsewhere with the lists of numbers (see
   * parseJsonBytesWith): left until those come, and read here then if they are not among them.
   */
  textElsewhere?: ColumnNames;
}

/** A text column read joined: a list of strings, or an object of such lists (per language). */
export type JoinedColumn = JoinedStrings | [string, JoinedStrings][];

/**
 * A text column read elsewhere, joined (see readJoinedColumn); for a place name in one language,
 * each row's first row of the same text (see firstRowsOfText).
 */
export interface TextReadElsewhere {
  column: JoinedColumn;
  firstRows?: Int32Array;
}

/** What was read elsewhere: the lists of numbers asked for, and text columns by name (see ParseOptions.textElsewhere). */
export interface ReadElsewhere {
  lists: NumberLists;
  texts?: ReadonlyMap<string, TextReadElsewhere>;
}

/** Where a list of numbers lies in the bytes: a column to be read typed (see readNumberList). */
export interface NumberListAt {
  name: string;
  from: number;
  to: number;
}

/** The lists asked for, read typed, in the order asked; null where one is left to JSON.parse. */
export type NumberLists = (Float64Array | null)[];

/**
 * What a reading has found once the file is scanned and its root parsed: the lists of numbers to
 * be read typed, where each column lies, and the root (its columns null until they are read).
 */
export interface ColumnsFound {
  lists: NumberListAt[];
  members: ReadonlyMap<string, NumberListAt>;
  root: Record<string, unknown>;
}

/**
 * The JSON in `bytes` (UTF-8), as JSON.parse gives it for the decoded text, or why it cannot be
 * read: nested deeper than maxDepth, more than maxValues values, or not valid JSON.
 */
export function parseJsonBytes(bytes: Uint8Array, columns: ColumnNames, options: ParseOptions = {}): ParsedJson {
  const readHere = (lists: NumberListAt[]): ReadElsewhere => ({ lists: lists.map(({ from, to }) => readNumberList(bytes, from, to)) });
  return readAll(readColumns(bytes, columns, options, true), readHere) ?? readAll(readColumns(bytes, columns, options, false), readHere)!;
}

/**
 * As parseJsonBytes, with the lists of numbers (about a third of a compact file's bytes) read by
 * `readElsewhere` (another worker, from the same file) while this reads the rest. Where it gives
 * null, they are read here.
 */
export async function parseJsonBytesWith(bytes: Uint8Array, columns: ColumnNames, options: ParseOptions, readElsewhere: (found: ColumnsFound) => Promise<ReadElsewhere | null>): Promise<ParsedJson> {
  const readHere = (lists: NumberListAt[]): ReadElsewhere => ({ lists: lists.map(({ from, to }) => readNumberList(bytes, from, to)) });
  const reading = readColumns(bytes, columns, options, true);
  let step = reading.next();
  if (!step.done) {
    const found = step.value;
    const { lists } = found;
    // Asked at once, so that they are read while this reads the rest.
    const elsewhere = lists.length > 0 ? asked(() => readElsewhere(found)) : null;
    step = reading.next();
    if (!step.done) {
      const answer = await elsewhere;
      step = reading.next(answer?.lists.length === lists.length ? answer : readHere(lists));
    }
  }
  return (step.done ? step.value : null) ?? readAll(readColumns(bytes, columns, options, false), readHere)!;
}

/** The answer to a question, or null when asking fails. */
function asked<T>(ask: () => Promise<T>): Promise<T | null> {
  try {
    return ask().catch(() => null);
  } catch {
    return Promise.resolve(null);
  }
}

/**
 * Where the lists of numbers are read (see readColumns): here, at once. Gives the reading's outcome.
 */
function readAll(reading: ColumnReading, readLists: (lists: NumberListAt[]) => ReadElsewhere): ParsedJson | null {
  let step = reading.next();
  if (!step.done) step = reading.next();
  if (!step.done) step = reading.next(readLists(step.value.lists));
  return step.done ? step.value : null;
}

/**
 * The reading of a file's columns. It yields twice, both times with what it found, and the lists of
 * numbers to be read typed in it (none when it was not asked to: see ParseOptions): first so that
 * they can be started on elsewhere, then, once the rest is read, for them. It ends with the
 * outcome (see readColumns).
 */
type ColumnReading = Generator<ColumnsFound, ParsedJson | null, ReadElsewhere | undefined>;

/**
 * As parseJsonBytes, with the lists of numbers passed over in the scan (`skipFlat`, see scan). That
 * gives null when the outcome might differ from a scan of every byte (the file is refused or not
 * valid JSON, or a skipped column's name repeats): then every byte is scanned.
 */
function* readColumns(bytes: Uint8Array, columns: ColumnNames, options: ParseOptions, skipFlat: boolean): ColumnReading {
  const { maxDepth = JSON_MAX_DEPTH, maxValues = JSON_MAX_VALUES, onProgress, joinText, typedNumbers = false, textElsewhere } = options;
  const scanned = scan(bytes, columns, maxDepth, maxValues, skipFlat, joinText);
  const unsure = scanned.skipped.length > 0;
  if (!scanned.ok) return unsure ? null : { ok: false, reason: scanned.reason };
  // The scan is about a third of the time; the columns, by their bytes, the rest.
  const scanShare = 0.3;
  onProgress?.(scanShare);
  const { members, skipped } = scanned;
  if (members.length === 0) return unsure ? null : parseWhole(bytes);
  // A later member of the same name replaces an earlier one, as in JSON.parse.
  const byName = new Map(members.map((m) => [m.name, m]));
  if (unsure && byName.size < members.length) return null;
  // Byte-order marks inside the file are kept (only the one at the start is not part of the text).
  const inner = new TextDecoder('utf-8', { ignoreBOM: true });
  let parsed = 0;
  const progress = (member: Member) => {
    parsed += member.to - member.from;
    onProgress?.(scanShare + (1 - scanShare) * (parsed / bytes.length));
  };
  try {
    const pieces: string[] = [new TextDecoder().decode(bytes.subarray(0, members[0]!.from))];
    members.forEach((member, k) => {
      pieces.push('null');
      pieces.push(inner.decode(bytes.subarray(member.to, members[k + 1]?.from ?? bytes.length)));
    });
    const root = JSON.parse(pieces.join('')) as { events: Record<string, unknown> } & Record<string, unknown>;
    pieces.length = 0;
    const unfilled = joinText || typedNumbers ? new UnfilledColumns() : undefined;
    const skippedText = new Set(skipped.filter((column) => column.text).map((column) => column.name));
    // Lists of numbers passed over in the scan: read typed where asked, or by JSON.parse.
    const skippedLists = new Set(skipped.filter((column) => !column.text).map((column) => column.name));
    const typedLists: NumberListAt[] = typedNumbers ? [...byName.values()].filter((m) => skippedLists.has(m.name)).map(({ name, from, to }) => ({ name, from, to })) : [];
    const found: ColumnsFound = { lists: typedLists, members: byName, root };
    yield found;
    // The values inside skipped columns, which the scan did not count.
    let values = scanned.values;
    const typedNames = new Set(typedLists.map((list) => list.name));
    /** Reads a column here (joined where it can be), or gives false when the reading must start over. */
    const readHere = (name: string, member: Member): boolean => {
      const read = unfilled && joinText?.has(name) ? readJoinedMember(bytes, member.from, member.to, unfilled) : null;
      // A text column passed over ends where the scan guessed only if it reads joined.
      if (!read && skippedText.has(name)) return false;
      if (read && skippedText.has(name)) values += read.innerValues;
      root.events[name] = read ? read.value : JSON.parse(inner.decode(bytes.subarray(member.from, member.to)));
      progress(member);
      return true;
    };
    // Text that may come with the lists of numbers (see textElsewhere), if they are read elsewhere.
    const textLater = new Map<string, Member>();
    for (const [name, member] of byName) {
      if (typedNames.has(name)) continue;
      if (unfilled && typedLists.length > 0 && skippedText.has(name) && textElsewhere?.has(name)) textLater.set(name, member);
      else if (!readHere(name, member)) return null;
    }
    const typed = typedLists.length > 0 ? yield found : undefined;
    for (const [name, member] of textLater) {
      const given = typed?.texts?.get(name);
      if (!given) {
        if (!readHere(name, member)) return null;
        continue;
      }
      const { column, firstRows } = given;
      const languages: (readonly [string, JoinedStrings])[] = Array.isArray(column) ? column : [['', column]];
      if (firstRows && languages.length === 1) unfilled!.noteFirstRows(languages[0]![1], firstRows);
      const added = languages.map(([language, strings]) => [language, unfilled!.addText(strings, strings.start.length - 1)] as const);
      root.events[name] = Array.isArray(column) ? Object.fromEntries(added) : added[0]![1];
      // As readJoinedMember counts them: each list's commas, and in an object each key and the commas between.
      const commas = added.reduce((sum, [, list]) => sum + Math.max(list.length - 1, 0), 0);
      values += Array.isArray(column) ? commas + Math.max(2 * added.length - 1, 0) : commas;
      progress(member);
    }
    typedLists.forEach((list, k) => {
      const numbers = typed?.lists[k];
      if (numbers) {
        // A list of n numbers holds n - 1 commas.
        unfilled!.addNumbers(root.events, list.name, numbers);
        values += Math.max(numbers.length - 1, 0);
        skippedLists.delete(list.name);
      } else root.events[list.name] = JSON.parse(inner.decode(bytes.subarray(list.from, list.to)));
      progress(list);
    });
    // A list of n numbers holds n - 1 commas. One that holds a list or an object held values the
    // commas do not count (and its end may have been guessed wrong): then every byte is scanned.
    for (const name of skippedLists) {
      const list = root.events[name] as unknown[];
      for (const value of list) if (typeof value === 'object' && value !== null) return null;
      values += Math.max(list.length - 1, 0);
    }
    if (values > maxValues) return null;
    return { ok: true, value: root, ...(unfilled ? { unfilled } : {}) };
  } catch {
    if (unsure) return null;
    // Not valid JSON somewhere: the message should place the fault in the whole text.
    return parseWhole(bytes);
  }
}
