// Each row's coordinates and their precision, as the map reads them: the same whichever way the
// table was built (event objects, packed events from the import worker, events added later), and
// kept through the app's Parquet.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { validateDataset } from '../model/validate.ts';
import { buildEventTable, computeColumns, computeTableColumns } from './eventTable.ts';
import { packEvents, packedColumnReader } from './packedEvents.ts';
import { appendEvents } from './appendEvents.ts';
import { datasetToParquet, parquetToDataset } from '../io/appParquet.ts';
import { createReportBuilder } from '../io/report.ts';

const validated = validateDataset(seed);
const seedDataset = (validated.ok ? validated.dataset : null) as Dataset;

/** The seed with precisions: Yerevan's events at the point, the border's in the region. */
const withPrecision: Dataset = {
  ...seedDataset,
  events: seedDataset.events.map((e): ConflictEvent => {
    if (!e.place) return e;
    const precision = e.place.name.en === 'Yerevan' ? 'point' : e.place.lat === undefined ? 'region' : undefined;
    return precision ? { ...e, place: { ...e.place, precision } } : e;
  }),
};

function rowOf(table: ReturnType<typeof buildEventTable>, id: string): number {
  const row = table.rowOfId.get(id);
  if (row === undefined) throw new Error(`no row for ${id}`);
  return row;
}

describe('coordinates in the table', () => {
  it('gives each row its place’s longitude, latitude and precision, NaN where there are none', () => {
    const table = buildEventTable(withPrecision);
    const yerevan = rowOf(table, '2022-09-15-csto-mission');
    expect([table.lon[yerevan], table.lat[yerevan], table.geoPrecision[yerevan]]).toEqual([44.5136, 40.1811, 1]);
    const border = rowOf(table, '2022-09-14-ceasefire');
    expect(table.lon[border]).toBeNaN();
    expect(table.lat[border]).toBeNaN();
    expect(table.geoPrecision[border]).toBe(4);
    const jermuk = rowOf(table, '2022-09-13-border-clash');
    expect([table.lon[jermuk], table.lat[jermuk], table.geoPrecision[jermuk]]).toEqual([45.6722, 39.8414, 0]);
  });

  it('computes the same columns from packed events, and unpacks the precision', () => {
    const packed = packEvents(withPrecision, withPrecision.events);
    expect(computeColumns(packedColumnReader(packed), withPrecision.actors)).toEqual(computeTableColumns(withPrecision));
    const i = withPrecision.events.findIndex((e) => e.id === '2022-09-14-ceasefire');
    expect(packedColumnReader(packed).geoPrecisionAt(i)).toBe(4);
  });

  it('keeps the coordinates of the rows around events added later', () => {
    const [first, ...rest] = withPrecision.events;
    const table = appendEvents(buildEventTable({ ...withPrecision, events: rest }), [first!], withPrecision.actors);
    const whole = buildEventTable(withPrecision);
    expect(Array.from(table.lon)).toEqual(Array.from(whole.lon));
    expect(Array.from(table.lat)).toEqual(Array.from(whole.lat));
    expect(Array.from(table.geoPrecision)).toEqual(Array.from(whole.geoPrecision));
  });

  it('keeps the precision through the app’s Parquet, in a column of its own', async () => {
    const bytes = datasetToParquet(withPrecision);
    const builder = createReportBuilder('seed.parquet', 'Conflict Timeline Parquet');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const read = await parquetToDataset(buffer, 'seed.parquet', builder);
    if (!read.ok || !('dataset' in read)) throw new Error('not read');
    expect(read.dataset.events.map((e) => e.place?.precision ?? null)).toEqual(withPrecision.events.map((e) => e.place?.precision ?? null));
    const { parquetMetadata } = await import('hyparquet');
    expect(parquetMetadata(buffer).schema.map((s) => s.name)).toContain('geo_precision');
  });
});
