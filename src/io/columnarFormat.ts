// Parquet and Arrow IPC files told by their magic bytes, not their names: a file saved as
// "events.dat" or fetched from a link without an extension opens all the same. Kept apart from the
// readers (hyparquet, apache-arrow), which the import worker loads only when a file needs them.

export type ColumnarKind = 'parquet' | 'arrow';

/** What the report and messages call each kind. */
export const COLUMNAR_LABEL: Record<ColumnarKind, string> = { parquet: 'Parquet', arrow: 'Arrow' };

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1
const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1 (Arrow IPC files and Feather v2)

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const endsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[bytes.length - magic.length + i] === b);

/**
 * Parquet or Arrow by the first bytes of a file; null for anything else. A file that starts as one
 * but is cut short is still told as it: its reader then says what is wrong with it.
 */
export function columnarKind(head: Uint8Array): ColumnarKind | null {
  if (startsWith(head, PARQUET_MAGIC)) return 'parquet';
  if (startsWith(head, ARROW_MAGIC)) return 'arrow';
  return null;
}

/** Whether the whole file ends with its kind's magic, as a complete file does. */
export function endsWhole(bytes: Uint8Array, kind: ColumnarKind): boolean {
  return endsWith(bytes, kind === 'parquet' ? PARQUET_MAGIC : ARROW_MAGIC);
}

/** The kind of a file (a Blob: a picked or dropped file, or a fetched link) from its first bytes. */
export async function columnarKindOf(file: Blob): Promise<ColumnarKind | null> {
  return columnarKind(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
}

/** A group of rows read together: a Parquet row group, an Arrow record batch. */
export interface ColumnarGroup {
  rows: number;
  /** The group's rows, each its values in the order of ColumnarTable.columns. Throws when the group cannot be read. */
  read(): Promise<unknown[][]>;
}

/** A Parquet or Arrow file opened: its column names and its groups of rows, not yet read. */
export interface ColumnarTable {
  columns: string[];
  groups: ColumnarGroup[];
  /** "row group", "record batch": how the report names a group. */
  groupName: string;
}
