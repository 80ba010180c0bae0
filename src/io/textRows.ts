// Rows of a joined text column (see JoinedStrings) found by their text, without a string per row:
// a million ids checked for repeats through a Set of their strings took most of a second in the
// import worker, slicing, hashing and collecting them; here the characters are hashed where they
// lie, and rows with the same hash are compared character by character. Each slot of the table
// holds a row and its text's hash side by side: a row of another hash is passed over without
// reading its text, and with one memory access (at a million distinct ids, looking up their text
// took two thirds of the time).
import type { JoinedStrings } from '../table/packedEvents.ts';
import { ID_MAX_LENGTH, ID_PATTERN } from '../model/schema.ts';

const EMPTY = -1;

export class TextRows {
  /** Per slot: the row, or EMPTY, then its text's hash. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** For a column of up to `rows` rows. */
  constructor(
    private readonly column: JoinedStrings,
    rows: number,
  ) {
    // At most half full, so that a search seldom goes past a slot or two.
    const size = 2 ** Math.max(4, Math.ceil(Math.log2(rows * 2)));
    this.slots = new Int32Array(size * 2).fill(EMPTY);
    this.mask = size - 1;
  }

  /**
   * The first row seen with the same text as row i, or -1 when there is none (then row i is the
   * first). Row i must have text (see JoinedStrings.present).
   */
  firstWithTextOf(i: number): number {
    const { text, start } = this.column;
    const from = start[i]!;
    const to = start[i + 1]!;
    let hash = 0x811c9dc5 | 0;
    for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    const slots = this.slots;
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const other = slots[slot * 2]!;
      if (other === EMPTY) {
        slots[slot * 2] = i;
        slots[slot * 2 + 1] = hash;
        return -1;
      }
      if (slots[slot * 2 + 1] === hash && sameText(text, start[other]!, start[other + 1]!, from, to)) return other;
      slot = (slot + 1) & this.mask;
    }
  }
}

function sameText(text: string, aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (text.charCodeAt(aFrom + k) !== text.charCodeAt(bFrom + k)) return false;
  return true;
}

/** Per ASCII character: 1 where an id may start with it, 2 where it may follow, as ID_PATTERN says. */
const ID_CHARACTER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const character = String.fromCharCode(c);
  ID_CHARACTER[c] = (ID_PATTERN.test(character) ? 1 : 0) | (ID_PATTERN.test(`a${character}`) ? 2 : 0);
}

/** Whether row i of the column is an id: ID_PATTERN's characters, at most ID_MAX_LENGTH of them. */
function isIdAt(column: JoinedStrings, i: number): boolean {
  const { text, start } = column;
  const from = start[i]!;
  const to = start[i + 1]!;
  if (to === from || to - from > ID_MAX_LENGTH) return false;
  const first = text.charCodeAt(from);
  if (first >= 128 || (ID_CHARACTER[first]! & 1) === 0) return false;
  for (let k = from + 1; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || (ID_CHARACTER[c]! & 2) === 0) return false;
  }
  return true;
}

/** Whether every one of the `rows` rows holds an id, and no id repeats. */
export function areUniqueIds(column: JoinedStrings, rows: number): boolean {
  if (column.present) return false;
  const seen = new TextRows(column, rows);
  for (let i = 0; i < rows; i++) if (!isIdAt(column, i) || seen.firstWithTextOf(i) >= 0) return false;
  return true;
}

/**
 * Per row of the column: the first row before it with the same text, or -1 (for the first of its
 * text, and a row without text), as TextRows finds them row after row.
 */
export function firstRowsOfText(column: JoinedStrings): Int32Array {
  const rows = column.start.length - 1;
  const first = new Int32Array(rows);
  const seen = new TextRows(column, rows);
  const { present } = column;
  for (let i = 0; i < rows; i++) first[i] = present && present[i] === 0 ? -1 : seen.firstWithTextOf(i);
  return first;
}
