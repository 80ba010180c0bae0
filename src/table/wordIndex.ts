// The text search's index: every distinct word of the rows' search text, once, with the rows that
// hold it. A query word (it has no spaces) occurs in a row's text exactly when it occurs inside one
// of the row's words, so a search looks through the words, not through every row's text: at a
// million events, a few MB of distinct words instead of a few hundred MB of text.
//
// The words sit in one string, one space apart, and a query word is found with indexOf; the rows
// of each word are a slice of one array (word k's rows are postings[postingStart[k]] up to
// postings[postingStart[k + 1]], in row order).
import type { EventTable } from './eventTable.ts';
import { createRowPartsReader, type RowTextParts } from './search.ts';
import { FNV_OFFSET, FNV_PRIME, hashOf, sameStretch, spread } from './textHash.ts';

/** Finds the rows whose search text holds every word; 1 in the mask for those rows. */
export interface TextMatcher {
  mask(words: readonly string[]): Uint8Array;
}

export interface WordIndex {
  /** Rows indexed. */
  size: number;
  /** The distinct words, one space apart. */
  words: string;
  /** Where word k starts in `words` (k + 1 words, and the end). */
  wordStart: Uint32Array;
  postingStart: Uint32Array;
  postings: Uint32Array;
}

export interface WordIndexBuilder {
  readonly done: boolean;
  /** How far the index is, 0 to 1: the rows read count for nine tenths, finishing it for the rest. */
  readonly progress: number;
  /** Indexes rows until performance.now() passes `deadline` (or all are done); true when done. */
  buildUntil(deadline: number): boolean;
  /** The index, finishing it first if need be. */
  index(): WordIndex;
}

/** A list of numbers that grows without boxing them. */
class GrowingUint32 {
  array = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = new Uint32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
}

/**
 * Numbers for distinct words, in the order first seen. A word is looked up by its hash where it
 * lies in the row's text, so that a word seen before (most of the tens of millions a large table
 * holds) is never cut out as a string of its own; a Map of strings spent most of the index's time
 * doing just that.
 */
class WordNumbers {
  readonly words: string[] = [];
  private readonly hashes = new GrowingUint32();
  /** Open addressing: word number + 1, or 0 for an empty slot. */
  private slots = new Int32Array(1 << 12);

  /** The number of the word text.slice(from, to), whose hashOf is `hash`; a new word gets the next. */
  numberOf(text: string, from: number, to: number, hash: number): number {
    const { slots, words } = this;
    const mask = slots.length - 1;
    const length = to - from;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot]!;
      if (held === 0) {
        const k = words.push(text.slice(from, to)) - 1;
        this.hashes.push(hash);
        slots[slot] = k + 1;
        if (words.length * 2 > slots.length) this.grow();
        return k;
      }
      const k = held - 1;
      if (this.hashes.array[k] === hash >>> 0 && words[k]!.length === length && sameStretch(words[k]!, 0, text, from, length)) return k;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.words.length; k++) {
      let slot = spread(this.hashes.array[k]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.slots = slots;
  }
}

/** The share of the index's time spent reading rows (see WordIndexBuilder.progress). */
const ROWS_SHARE = 0.9;

/**
 * Builds the word index of `size` rows, whose search text `rowParts` gives, a slice at a time.
 * While rows are read, each row's word numbers are listed; at the end they are turned round into
 * each word's rows. A part shared by many rows (an actor's names, a place) is split into words once.
 */
export function createWordIndexBuilder(size: number, rowParts: (row: number) => RowTextParts): WordIndexBuilder {
  const numbers = new WordNumbers();
  const { words } = numbers;
  const lastRowOf = new GrowingUint32();
  const rowWords = new GrowingUint32();
  const rowWordStart = new Uint32Array(size + 1);
  const sharedWords: number[][] = [];
  let next = 0;
  let built: WordIndex | null = null;

  /** The number of text.slice(from, to). */
  const numberOfWord = (text: string, from: number, to: number, hash: number) => {
    const k = numbers.numberOf(text, from, to, hash);
    if (k === lastRowOf.length) lastRowOf.push(0);
    return k;
  };
  /** Lists word k for this row, once however often the row says it. */
  const add = (k: number, row: number) => {
    if (lastRowOf.array[k] === row + 1) return;
    lastRowOf.array[k] = row + 1;
    rowWords.push(k);
  };
  /** The number of each word of the text (words are a space apart), in order. */
  const eachWord = (text: string, use: (k: number) => void) => {
    let from = 0;
    let hash = FNV_OFFSET;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20) hash = Math.imul(hash ^ c, FNV_PRIME);
      else {
        if (i > from) use(numberOfWord(text, from, i, hash));
        from = i + 1;
        hash = FNV_OFFSET;
      }
    }
    if (text.length > from) use(numberOfWord(text, from, text.length, hash));
  };
  const SEPARATOR = '\u0001';
  const separatorHash = hashOf(SEPARATOR, 0, 1);
  const indexRow = (row: number) => {
    rowWordStart[row] = rowWords.length;
    const { own, shared } = rowParts(row);
    eachWord(own, (k) => add(k, row));
    for (const part of shared) {
      let known = sharedWords[part.key];
      if (!known) {
        const listed: number[] = [];
        eachWord(part.text, (k) => listed.push(k));
        sharedWords[part.key] = known = listed;
      }
      for (const k of known) add(k, row);
    }
    // The parts are joined by " \u0001 ": with a shared part, the row's text holds that word too.
    if (shared.length) add(numberOfWord(SEPARATOR, 0, 1, separatorHash), row);
  };

  const finish = (): WordIndex => {
    rowWordStart[size] = rowWords.length;
    const postingStart = new Uint32Array(words.length + 1);
    const listed = rowWords.array.subarray(0, rowWords.length);
    for (const k of listed) postingStart[k + 1]!++;
    for (let k = 0; k < words.length; k++) postingStart[k + 1]! += postingStart[k]!;
    const fill = postingStart.slice(0, words.length);
    const postings = new Uint32Array(listed.length);
    for (let row = 0; row < size; row++) {
      for (let at = rowWordStart[row]!; at < rowWordStart[row + 1]!; at++) postings[fill[listed[at]!]!++] = row;
    }
    const wordStart = new Uint32Array(words.length + 1);
    let offset = 0;
    words.forEach((word, k) => {
      wordStart[k] = offset;
      offset += word.length + 1;
    });
    wordStart[words.length] = offset;
    return { size, words: words.join(' '), wordStart, postingStart, postings };
  };

  const builder: WordIndexBuilder = {
    get done() {
      return built !== null;
    },
    get progress() {
      if (built || size === 0) return 1;
      // Reading the rows is about nine tenths of the time; turning the lists round at the end, the
      // rest (0.7 s of 8.4 s at a million events). Counting rows alone sat at 100% meanwhile.
      return (next / size) * ROWS_SHARE;
    },
    buildUntil(deadline) {
      if (built) return true;
      while (next < size) {
        // Check the clock every 256 rows: reading it costs more than indexing a row.
        const end = Math.min(size, next + 256);
        for (; next < end; next++) indexRow(next);
        if (next < size && deadline !== Infinity && performance.now() >= deadline) return false;
      }
      built = finish();
      return true;
    },
    index() {
      builder.buildUntil(Infinity);
      return built!;
    },
  };
  return builder;
}

/** A builder whose index is already built (by the import worker, say). */
export function builtWordIndex(index: WordIndex): WordIndexBuilder {
  return { done: true, progress: 1, buildUntil: () => true, index: () => index };
}

/** The word numbers whose word holds `part`, in order. */
export function wordsHolding(index: WordIndex, part: string): number[] {
  const found: number[] = [];
  const { words, wordStart } = index;
  const count = wordStart.length - 1;
  if (part === '') return [...Array(count).keys()];
  for (let at = words.indexOf(part); at >= 0; ) {
    // The word that holds this place in the string: the last one starting at or before it.
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (wordStart[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    found.push(lo);
    // On to the next word: one word counts once.
    at = words.indexOf(part, wordStart[lo + 1]!);
  }
  return found;
}

/** 1 for each row whose text holds `part`. */
export function rowsHolding(index: WordIndex, part: string): Uint8Array {
  const mask = new Uint8Array(index.size);
  const { postingStart, postings } = index;
  for (const k of wordsHolding(index, part)) {
    for (let at = postingStart[k]!; at < postingStart[k + 1]!; at++) mask[postings[at]!] = 1;
  }
  return mask;
}

/** How many recent words' rows are kept: typing repeats the words before the one being typed. */
const RECENT_WORDS = 16;

/**
 * A text matcher (see filterMask) over a word index: the rows whose text holds every query word.
 * `index` is asked for only when a search needs it.
 */
export function createWordMatcher(index: () => WordIndex): TextMatcher {
  const recent = new Map<string, Uint8Array>();
  const rowsOf = (word: string) => {
    let rows = recent.get(word);
    if (rows) recent.delete(word);
    else rows = rowsHolding(index(), word);
    recent.set(word, rows);
    if (recent.size > RECENT_WORDS) recent.delete(recent.keys().next().value!);
    return rows;
  };
  return {
    mask(words) {
      const masks = [...new Set(words)].map(rowsOf);
      if (masks.length === 0) return new Uint8Array(index().size).fill(1);
      // Read only (filterMask reads it): one word's rows are given as kept.
      if (masks.length === 1) return masks[0]!;
      const out = masks[0]!.slice();
      for (const other of masks.slice(1)) for (let row = 0; row < out.length; row++) out[row]! &= other[row]!;
      return out;
    },
  };
}

/** A matcher over a table's own word index, built when first asked: for tests and benches. */
export function textMatcherFor(table: EventTable): TextMatcher {
  let index: WordIndex | null = null;
  return createWordMatcher(() => (index ??= createWordIndexBuilder(table.size, createRowPartsReader(table)).index()));
}
