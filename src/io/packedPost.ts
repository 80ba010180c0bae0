// Packed events posted from the import worker to the page with their typed columns moved, not
// copied (130 MB at a million events). The worker keeps a copy of each to build its search index:
// one copy in the worker took a third of the time that posting them took in the two threads.
// Text columns go as text, copied by the post.
import type { PackedEvents } from '../table/packedEvents.ts';
import type { TableColumns } from '../table/eventTable.ts';

/**
 * The packed events to post, the buffers to move with them, and what the worker keeps (`kept`:
 * the same events, each typed column a copy, for its own use).
 */
export function packedForPosting(packed: PackedEvents): { posted: PackedEvents; transfer: ArrayBuffer[]; kept: PackedEvents } {
  const transfer = new Set<ArrayBuffer>();
  const kept: PackedEvents = {
    ...packed,
    start: copiedMoving(packed.start, transfer),
    end: copiedMoving(packed.end, transfer),
    ...copiedMoving(typedColumns(packed), transfer),
  };
  return { posted: packed, transfer: [...transfer], kept };
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
