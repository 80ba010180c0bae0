// What an importer of rows remembers from one row to the next: the events kept, the ids already
// taken, and the actor registry.
import type { ConflictEvent } from '../model/schema.ts';
import { createActorRegistry, type ActorRegistryBuilder } from './actorRegistry.ts';
import { placeOfRow } from './report.ts';

export interface RowState {
  readonly events: ConflictEvent[];
  readonly registry: ActorRegistryBuilder;
  /** Where the kept row that has this id already is, for people ("row 5", see placeOfRow), or undefined. */
  placeOfId(id: string): string | undefined;
  /** Records that the row on this line (and spreadsheet row) was kept under this id. */
  keptId(id: string, line: number, row?: number): void;
  /**
   * Records that the first row with this id was rejected, where a later row with the id depends
   * on it (ACLED's monadic layout: an event's rows are imported together or not at all).
   */
  rejectedId(id: string, line: number, row?: number): void;
  /** Where the rejected row recorded under this id is ("row 5"), or undefined. Ask placeOfId first. */
  placeOfRejectedId(id: string): string | undefined;
}

export function createRowState(): RowState {
  const events: ConflictEvent[] = [];
  const registry = createActorRegistry();
  // The line alone where the row's number is the same (most rows), its negative where the row's
  // number is not known, else both.
  const kept = new Map<string, number | { line: number; row: number }>();
  const rejected = new Map<string, string>();
  return {
    events,
    registry,
    placeOfId(id) {
      const at = kept.get(id);
      if (at === undefined) return undefined;
      if (typeof at === 'number') return at < 0 ? placeOfRow(-at) : placeOfRow(at, at);
      return placeOfRow(at.line, at.row);
    },
    keptId(id, line, row) {
      kept.set(id, row === undefined ? -line : row === line ? line : { line, row });
    },
    rejectedId(id, line, row) {
      if (!rejected.has(id)) rejected.set(id, placeOfRow(line, row));
    },
    placeOfRejectedId: (id) => rejected.get(id),
  };
}
