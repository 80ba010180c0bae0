// Holds an import read straight into packed events (the worker's way) to the same file read the
// full way (events built, each through the schema): the same report, dataset info, events (with
// their keys in the same order) and table columns.
import { expect } from 'vitest';
import type { ImportResult, PackedImport } from '../io/importer.ts';
import { computeColumns, computeTableColumns } from '../table/eventTable.ts';
import { packedColumnReader, packedEvents } from '../table/packedEvents.ts';

/** 'packed' when the fast way packed the file (and agrees with the full way), else 'declined' (and both give the same result). */
export function expectSameTable(full: ImportResult, fast: ImportResult | PackedImport): 'packed' | 'declined' {
  if (fast.kind !== 'packed') {
    expect(fast).toEqual(full);
    return 'declined';
  }
  if (full.kind !== 'done') throw new Error(`the packed way packed a file that the full way gives ${full.kind}`);
  expect(fast.report).toEqual(full.report);
  const { events, ...info } = full.dataset;
  expect(fast.packed.info).toEqual(info);
  const source = packedEvents(fast.packed);
  expect(source.size).toBe(events.length);
  const back = Array.from({ length: source.size }, (_, i) => {
    expect(source.idAt(i)).toBe(events[i]!.id);
    const { title, description, originalLanguage } = events[i]!;
    expect(source.textAt(i)).toEqual({ title, ...(description ? { description } : {}), originalLanguage });
    return source.eventAt(i);
  });
  expect(back).toEqual(events);
  expect(JSON.stringify(back)).toBe(JSON.stringify(events));
  expect(computeColumns(packedColumnReader(fast.packed), info.actors)).toEqual(computeTableColumns(full.dataset));
  return 'packed';
}
