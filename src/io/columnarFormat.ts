// Parquet and Arrow IPC files (and streams) told by their first bytes, not their names: a file saved as
// "events.dat" or fetched from a link without an extension opens all the same. Kept apart from the
// readers (hyparquet, apache-arrow), which the import worker loads only when a file needs them.

export type ColumnarKind = 'parquet' | 'arrow';

/** What the report and messages call each kind. */
export const COLUMNAR_LABEL: Record<ColumnarKind, string> = { parquet: 'Parquet', arrow: 'Arrow' };

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1
const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1 (Arrow IPC files and Feather v2)
const CONTINUATION = [0xff, 0xff, 0xff, 0xff]; // before each message of an Arrow IPC stream
const STREAM_END = [...CONTINUATION, 0, 0, 0, 0]; // a message of length 0: the stream's end

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const endsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[bytes.length - magic.length + i] === b);

/** Far more than a schema message needs (a few kB for ACLED's columns), so that a length is plausible. */
const MAX_SCHEMA_BYTES = 1 << 24;

/**
 * Whether a file is an Arrow IPC stream (`.arrows`): no magic, it starts with its schema message,
 * the continuation marker and then the message's length, positive, a multiple of 8 (writers pad it
 * so) and under 16 MiB. Text never starts so: 0xFF is no byte of UTF-8, UTF-16's byte order mark
 * is FF FE, and the length's last byte is 0 (NUL). Streams of the format before Arrow 0.15,
 * without the marker, start with any 4 bytes and are not told.
 */
export function isArrowStream(head: Uint8Array): boolean {
  if (head.length < 8 || !startsWith(head, CONTINUATION)) return false;
  const length = new DataView(head.buffer, head.byteOffset, 8).getInt32(4, true);
  return length > 0 && length % 8 === 0 && length < MAX_SCHEMA_BYTES;
}

/**
 * Parquet or Arrow (file or stream) by the first bytes of a file; null for anything else. A file
 * that starts as one but is cut short is still told as it: its reader then says what is wrong.
 */
export function columnarKind(head: Uint8Array): ColumnarKind | null {
  if (startsWith(head, PARQUET_MAGIC)) return 'parquet';
  if (startsWith(head, ARROW_MAGIC) || isArrowStream(head)) return 'arrow';
  return null;
}

/**
 * Whether the whole file ends as a complete one does: with its magic, or an Arrow stream with its
 * end-of-stream marker. apache-arrow reads a stream cut between two messages without a word, as
 * the rows before the cut, so the marker is the only sign that none are missing.
 */
export function endsWhole(bytes: Uint8Array, kind: ColumnarKind): boolean {
  if (kind === 'parquet') return endsWith(bytes, PARQUET_MAGIC);
  return isArrowStream(bytes) ? endsWith(bytes, STREAM_END) : endsWith(bytes, ARROW_MAGIC);
}

/** The kind of a file (a Blob: a picked or dropped file, or a fetched link) from its first bytes. */
export async function columnarKindOf(file: Blob): Promise<ColumnarKind | null> {
  return columnarKind(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
}

/** A group of rows read together: a Parquet row group, an Arrow record batch. */
export interface ColumnarGroup {
  rows: number;
  /** The group's rows, each the values of `columns` (some of ColumnarTable.columns), in that order; the others are not decoded. Throws when the group cannot be read. */
  read(columns: readonly string[]): Promise<unknown[][]>;
}

/** A Parquet or Arrow file opened: its column names and its groups of rows, not yet read. */
export interface ColumnarTable {
  columns: string[];
  /** The columns that hold text (or bytes); the others are typed: numbers, dates, lists. */
  textColumns: ReadonlySet<string>;
  groups: ColumnarGroup[];
  /** "row group", "record batch": how the report names a group. */
  groupName: string;
}
