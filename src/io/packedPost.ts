// Packed events posted from the import worker to the page with their buffers moved, not copied.
// Posting copies a string twice (into the message, then out of it into the page's heap): at a
// million events, the ids, titles and descriptions are some 270 MB of text, and copying them took
// 1 to 3 s of the open. Each text column goes as its UTF-8 instead (encoded here, about a second
// per gigabyte): the buffer moves to the page, which decodes the text where it is read (see
// utf8Column), and the page's heap holds only what was read.
//
// The typed columns (130 MB at a million events) move too. The worker keeps a copy of each to
// build its search index: one copy in the worker took a third of the time that posting them
// took in the two threads.
import type { JoinedStrings, PackedEvents, Utf8Text } from '../table/packedEvents.ts';
import type { TableColumns } from '../table/eventTable.ts';
import { utf8Column, type MovedText } from '../table/utf8Column.ts';

/** A joined column as posted: its text, or its UTF-8 (moved), to be decoded where it is read. */
export type PostedJoined = JoinedStrings | MovedText;

export type PostedPackedEvents = Omit<PackedEvents, 'id' | 'title' | 'description' | 'sourcesJson'> & {
  id: PostedJoined;
  title: [string, PostedJoined][];
  description: [string, PostedJoined][];
  sourcesJson?: PostedJoined;
};

/**
 * The packed events as posted, the buffers to move with them, and what the worker keeps (`kept`:
 * the same events, for its own use). Each text column goes as its UTF-8 (where UTF-8 keeps it: see
 * utf8Of), and `kept` has its text. Each typed column moves, and `kept` has a copy.
 */
export function packedForPosting(packed: PackedEvents): { posted: PostedPackedEvents; transfer: ArrayBuffer[]; kept: PackedEvents } {
  return postingOf(packed, true);
}

/**
 * The packed events as posted and the buffers to move with them, where the thread keeps nothing
 * (a helper worker posting its part: see partWorker.ts), so no column is copied.
 */
export function packedForMoving(packed: PackedEvents): { posted: PostedPackedEvents; transfer: ArrayBuffer[] } {
  return postingOf(packed, false);
}

function postingOf(packed: PackedEvents, keep: true): { posted: PostedPackedEvents; transfer: ArrayBuffer[]; kept: PackedEvents };
function postingOf(packed: PackedEvents, keep: false): { posted: PostedPackedEvents; transfer: ArrayBuffer[] };
function postingOf(packed: PackedEvents, keep: boolean): { posted: PostedPackedEvents; transfer: ArrayBuffer[]; kept?: PackedEvents } {
  const transfer = new Set<ArrayBuffer>();
  const moved = (column: JoinedStrings): { posted: PostedJoined; kept: JoinedStrings } => {
    const { text, start, present } = column;
    const utf8 = utf8Of(column);
    if (!utf8) return { posted: column, kept: column };
    transfer.add(utf8.bytes.buffer as ArrayBuffer);
    if (utf8.start) transfer.add(utf8.start.buffer as ArrayBuffer);
    return { posted: { utf8, start, ...(present ? { present } : {}) }, kept: { text, start, ...(present ? { present } : {}) } };
  };
  const id = moved(packed.id);
  const title = packed.title.map(([language, column]) => [language, moved(column)] as const);
  const description = packed.description.map(([language, column]) => [language, moved(column)] as const);
  const sourcesJson = packed.sourcesJson && moved(packed.sourcesJson);
  const posted = {
    ...packed,
    id: id.posted,
    title: title.map(([language, column]): [string, PostedJoined] => [language, column.posted]),
    description: description.map(([language, column]): [string, PostedJoined] => [language, column.posted]),
    ...(sourcesJson ? { sourcesJson: sourcesJson.posted } : {}),
  };
  if (!keep) {
    for (const column of [packed.start, packed.end, typedColumns(packed)]) for (const array of Object.values(column)) transfer.add((array as Uint32Array).buffer as ArrayBuffer);
    return { posted, transfer: [...transfer] };
  }
  const kept: PackedEvents = {
    ...packed,
    id: id.kept,
    title: title.map(([language, column]) => [language, column.kept]),
    description: description.map(([language, column]) => [language, column.kept]),
    ...(sourcesJson ? { sourcesJson: sourcesJson.kept } : {}),
    start: copiedMoving(packed.start, transfer),
    end: copiedMoving(packed.end, transfer),
    ...copiedMoving(typedColumns(packed), transfer),
  };
  return { posted, transfer: [...transfer], kept };
}

/**
 * The text's UTF-8, written into buffers of a size that fits: in Chromium, TextEncoder's encode()
 * took two to five times as long as encodeInto() for a column of a million descriptions.
 */
function utf8Bytes(text: string): Uint8Array {
  const encoder = new TextEncoder();
  // ASCII fills it exactly; anything else stops short, and the rest goes into a larger buffer.
  let bytes = new Uint8Array(text.length);
  let { read, written } = encoder.encodeInto(text, bytes);
  while (read < text.length) {
    const grown = new Uint8Array(written + Math.ceil((text.length - read) * 1.125) + 4);
    grown.set(bytes.subarray(0, written));
    bytes = grown;
    const step = encoder.encodeInto(text.slice(read), bytes.subarray(written));
    read += step.read;
    written += step.written;
  }
  return written === bytes.length ? bytes : bytes.slice(0, written);
}

/**
 * A text column's UTF-8, in a buffer of its own, with each entry's byte start where the text goes
 * beyond ASCII; null for text that UTF-8 would change (a lone surrogate becomes U+FFFD), which is
 * posted as text.
 */
export function utf8Of({ text, start }: JoinedStrings): Utf8Text | null {
  const bytes = utf8Bytes(text);
  // As many bytes as characters: every character is ASCII, and its byte is where it is.
  if (bytes.length === text.length) return { bytes };
  const byteStart = new Uint32Array(start.length);
  let at = 0;
  let char = 0;
  for (let i = 0; i < start.length; i++) {
    const to = start[i]!;
    for (; char < to; char++) {
      const code = text.charCodeAt(char);
      if (code < 0x80) at += 1;
      else if (code < 0x800) at += 2;
      else if (code < 0xd800 || code > 0xdfff) at += 3;
      else if (code <= 0xdbff && char + 1 < to && (text.charCodeAt(char + 1) & 0xfc00) === 0xdc00) {
        at += 4;
        char++;
      } else return null;
    }
    byteStart[i] = at;
  }
  return at === bytes.length ? { bytes, start: byteStart } : null;
}

/**
 * Packed events made here already as posted (parts joined: see packedMerge.ts): the buffers to
 * move with them, and what the worker keeps, as packedForPosting gives them (copies; its text
 * decoded where it is read).
 */
export function movingPosted(posted: PostedPackedEvents): { transfer: ArrayBuffer[]; kept: PackedEvents } {
  const transfer = new Set<ArrayBuffer>();
  const keptText = (column: PostedJoined): JoinedStrings => {
    if ('text' in column) return column;
    const { bytes, start } = column.utf8;
    transfer.add(bytes.buffer as ArrayBuffer);
    if (start) transfer.add(start.buffer as ArrayBuffer);
    return utf8Column({ utf8: { bytes: bytes.slice(), ...(start ? { start: start.slice() } : {}) }, start: column.start, ...(column.present ? { present: column.present } : {}) });
  };
  const perLanguage = (columns: [string, PostedJoined][]) => columns.map(([language, column]): [string, JoinedStrings] => [language, keptText(column)]);
  const { sourcesJson, ...rest } = posted;
  const kept: PackedEvents = {
    ...rest,
    id: keptText(posted.id),
    title: perLanguage(posted.title),
    description: perLanguage(posted.description),
    ...(sourcesJson ? { sourcesJson: keptText(sourcesJson) } : {}),
    start: copiedMoving(posted.start, transfer),
    end: copiedMoving(posted.end, transfer),
    ...copiedMoving(typedColumns(posted), transfer),
  };
  return { transfer: [...transfer], kept };
}

/**
 * The table's columns as posted: their typed arrays move (some 40 MB at a million events), and
 * the worker keeps copies (`kept`) for its search index.
 */
export function columnsForPosting(columns: TableColumns): { transfer: ArrayBuffer[]; kept: TableColumns } {
  const transfer = new Set<ArrayBuffer>();
  const kept = { ...columns, ...copiedMoving(typedColumns(columns), transfer) };
  return { transfer: [...transfer], kept };
}

/** The typed columns of an object's own (not those of objects within it). */
function typedColumns(columns: object): Record<string, ArrayBufferView> {
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => ArrayBuffer.isView(value)));
}

/** Copies of typed columns, their buffers added to those to move. */
function copiedMoving<T extends object>(columns: T, transfer: Set<ArrayBuffer>): T {
  const copies: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    transfer.add((column as Uint32Array).buffer as ArrayBuffer);
    copies[key] = (column as Uint32Array).slice();
  }
  return copies as T;
}

/** The packed events posted (see packedForPosting), their moved text decoded where it is read. */
export function receivedPacked(posted: PostedPackedEvents): PackedEvents {
  const perLanguage = (columns: [string, PostedJoined][]) => columns.map(([language, column]): [string, JoinedStrings] => [language, received(column)]);
  const { sourcesJson, ...rest } = posted;
  return { ...rest, id: received(posted.id), title: perLanguage(posted.title), description: perLanguage(posted.description), ...(sourcesJson ? { sourcesJson: received(sourcesJson) } : {}) };
}

const received = (posted: PostedJoined): JoinedStrings => ('text' in posted ? posted : utf8Column(posted));
