// Holds an import read straight into packed events (an ACLED file) to the events it builds: each
// event is one the schema keeps as it is, the report balances, and the table's columns read from
// the packed columns equal those computed from the built events.
import { expect } from 'vitest';
import type { ImportResult, PackedImport } from '../io/importer.ts';
import type { ImportReport } from '../io/report.ts';
import { eventSchema } from '../model/schema.ts';
import { computeColumns, computeTableColumns } from '../table/eventTable.ts';
import { packedColumnReader, packedEvents, unpackEvents } from '../table/packedEvents.ts';

/** The report of a packed result, checked as above; null for any other result (a damaged header may make it another format, or none). */
export function expectSoundPacked(result: ImportResult | PackedImport): ImportReport | null {
  if (result.kind !== 'packed') return null;
  const { packed, report } = result;
  expect(report.imported + report.mergedRows + report.rejectedRows).toBe(report.rowsRead);
  const dataset = unpackEvents(packed);
  expect(dataset.events).toHaveLength(report.imported);
  const source = packedEvents(packed);
  dataset.events.forEach((event, i) => {
    expect(eventSchema.safeParse(event), event.id).toEqual({ success: true, data: event });
    expect(source.idAt(i)).toBe(event.id);
    const { title, description, originalLanguage } = event;
    expect(source.textAt(i)).toEqual({ title, ...(description ? { description } : {}), originalLanguage });
  });
  expect(computeColumns(packedColumnReader(packed), packed.info.actors)).toEqual(computeTableColumns(dataset));
  return report;
}
