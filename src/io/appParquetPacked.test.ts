// The app's Parquet read the worker's way (rows packed from the columns, the rest through the
// per-row path) against every row through the per-row path (eventFromRow, then the JSON
// importer's checks): the same events, key for key, and the same report.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import type { Actor, ConflictEvent, Dataset } from '../model/schema.ts';
import { validateDataset } from '../model/validate.ts';
import { packedEvents } from '../table/packedEvents.ts';
import { eventsToJsonParts } from '../export/eventsJson.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { APP_PARQUET_COLUMNS, APP_PARQUET_METADATA_KEY, datasetToParquet } from './appParquet.ts';
import { appParquetSchema, createRowEncoder, eventFromRow, extraProblem } from './appParquetColumns.ts';
import { parquetToPacked } from './appParquetRead.ts';
import { importColumnar } from './columnarImport.ts';
import { importText } from './importer.ts';
import { createEventAcceptor, readDatasetInfo } from './jsonImport.ts';
import { createReportBuilder, type ImportReport } from './report.ts';

const validated = validateDataset(seed);
const seedDataset = (validated.ok ? validated.dataset : null) as Dataset;
const { $schema: _, ...seedWithoutSchema } = seedDataset;

const arrayBufferOf = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A dataset's events as the writer encodes them, each row changed by `edit`, in row groups of `rowGroupSize`. */
async function fileOfRows(dataset: Dataset, edit: (row: Record<string, unknown>, i: number) => Record<string, unknown>, rowGroupSize: number): Promise<ArrayBuffer> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const rowOf = createRowEncoder(new Map(dataset.actors.map((a) => [a.id, a])));
  const rows = dataset.events.map((event, i) => edit(rowOf(event), i));
  const file = parquetWriteBuffer({
    schema: appParquetSchema(),
    columnData: APP_PARQUET_COLUMNS.map(({ name }) => ({ name, data: rows.map((row) => row[name]) })),
    rowGroupSize,
    kvMetadata: [{ key: APP_PARQUET_METADATA_KEY, value: JSON.stringify({ title: 't', attribution: 'a', actors: dataset.actors }) }],
  });
  return file;
}

/** Every row as an object, each through eventFromRow and the JSON importer's checks: the per-row path alone. */
async function perRow(file: ArrayBuffer): Promise<{ events: ConflictEvent[]; report: ImportReport }> {
  const metadata = parquetMetadata(file);
  const fields = JSON.parse(metadata.key_value_metadata!.find((kv) => kv.key === APP_PARQUET_METADATA_KEY)!.value!) as Record<string, unknown>;
  const report = createReportBuilder('f.parquet', 'Conflict Timeline Parquet');
  const { info, actorIds } = readDatasetInfo(fields, 'f.parquet');
  const rows = await parquetReadObjects({ file, metadata });
  const eventIds = new Set(rows.flatMap((row) => (typeof row.id === 'string' ? [row.id.trim()] : [])));
  let problem: [string, string] | null = null;
  const acceptor = createEventAcceptor(actorIds, eventIds, report, { placeOf: (i) => `row ${i + 1}`, problemOf: () => problem });
  const actorsById = new Map<string, Actor>(info.actors.map((a) => [a.id, a]));
  rows.forEach((row, i) => {
    problem = extraProblem(row);
    acceptor.accept(eventFromRow(row, actorsById), i);
  });
  return { events: acceptor.events, report: report.finish() };
}

async function packedWay(file: ArrayBuffer): Promise<{ events: ConflictEvent[]; report: ImportReport; whole: number }> {
  const report = createReportBuilder('f.parquet', 'Conflict Timeline Parquet');
  const read = await parquetToPacked(file, 'f.parquet', report);
  if (!read.ok) throw new Error(read.reason);
  const { eventAt } = packedEvents(read.packed);
  return { events: Array.from({ length: read.packed.size }, (_, i) => eventAt(i)), report: report.finish(), whole: read.packed.whole.size };
}

/** Both ways must agree exactly: JSON text compares key order too. */
async function expectSameWays(file: ArrayBuffer): Promise<{ report: ImportReport; whole: number }> {
  const [slow, fast] = await Promise.all([perRow(file), packedWay(file)]);
  expect(fast.events.length).toBe(slow.events.length);
  fast.events.forEach((event, i) => expect(JSON.stringify(event)).toBe(JSON.stringify(slow.events[i])));
  expect(fast.report).toEqual(slow.report);
  expect(fast.report.imported + fast.report.rejectedRows).toBe(fast.report.rowsRead);
  return fast;
}

const acledDataset = () => {
  const imported = importText({ text: acledCsv(generatedAcledRows(600, 5)), fileName: 'acled.csv' });
  if (imported.kind !== 'done') throw new Error(imported.kind);
  return imported.dataset;
};

describe("the app's Parquet packed from its columns", () => {
  it('gives the events and report of the per-row path, and packs every plain row from the columns', async () => {
    const file = await fileOfRows(acledDataset(), (row) => row, 250);
    const { report, whole } = await expectSameWays(file);
    expect(report).toMatchObject({ rowsRead: 600, imported: 600, rejectedRows: 0 });
    expect(whole).toBe(0);
  });

  it('keeps the sources each UCDP GED event cites as its own JSON, not a part per row, through both ways alike', async () => {
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const imported = importText({ text: UCDP_HEADER + Array.from({ length: 400 }, (_, i) => ucdpRow(i + 1, `Group ${i % 5}`, day(i))).join(''), fileName: 'ged.csv' });
    if (imported.kind !== 'done') throw new Error(imported.kind);
    const file = await fileOfRows(imported.dataset, (row) => row, 150);
    const { report, whole } = await expectSameWays(file);
    expect(report.imported).toBe(400);
    expect(whole).toBe(0);
    const read = await parquetToPacked(file, 'f.parquet', createReportBuilder('f.parquet', 'Conflict Timeline Parquet'));
    expect(read.ok && read.packed.sourcesJson).toBeTruthy();
    expect(read.ok && read.packed.parts.some((part) => JSON.stringify(part).includes('UCDP GED event'))).toBe(false);
  });

  it('gives the seed back through both ways, across row groups (relations to later groups, text in two languages, day parts, ends)', async () => {
    const file = await fileOfRows(seedDataset, (row) => row, 3);
    const { report } = await expectSameWays(file);
    expect(report.imported).toBe(seedDataset.events.length);
  });

  it('names a bad row among good ones as before, loads the rest, and repairs as before', async () => {
    const dataset = acledDataset();
    const later = dataset.events[500]!.id;
    const edits: Record<number, (row: Record<string, unknown>) => Record<string, unknown>> = {
      3: (row) => ({ ...row, type: 'nonsense' }),
      5: (row) => ({ ...row, title: `  ${String(row.title)} ` }),
      7: (row) => ({ ...row, extra: JSON.stringify({ tags: ['from extra'] }) }),
      8: (row) => ({ ...row, extra: 'not json' }),
      9: (row) => ({ ...row, id: dataset.events[2]!.id }),
      10: (row) => ({ ...row, actor_ids: ['nobody', ...(row.actor_ids as string[]).slice(1)] }),
      11: (row) => ({ ...row, latitude: 100 }),
      12: (row) => ({ ...row, relations: JSON.stringify([{ kind: 'follows', event: later }]) }),
      13: (row) => ({ ...row, counts: JSON.stringify([{ kind: 'killed', value: 1, claimant: 'acled', claimedOn: '2022-09-20', source: 9 }]) }),
      14: (row) => ({ ...row, sources: JSON.stringify([{ publisher: 'ACLED', url: ' https://acleddata.com/ ', language: 'en' }]) }),
      15: (row) => ({ ...row, start_tz: 'Mars/Base' }),
      16: (row) => ({ ...row, end: new Date(Date.parse('1990-01-01T00:00:00Z')), end_offset: 0, end_tz: 'UTC', end_precision: 'day' }),
      17: (row) => ({ ...row, title_i18n: JSON.stringify({ en: row.title, ar: 'نص' }) }),
      18: (row) => ({ ...row, admin: [''] }),
      19: (row) => ({ ...row, tags: [' spaced '] }),
      20: (row) => ({ ...row, relations: JSON.stringify([{ kind: 'follows', event: 'no-such-event' }]) }),
      21: (row) => ({ ...row, description: null }),
      22: (row) => ({ ...row, actor_sides: [3, 2] }),
      23: (row) => ({ ...row, counts: JSON.stringify([{ kind: 'killed', value: 1, claimant: 'acled', claimedOn: '2022-09-20' }]) }),
      260: (row) => ({ ...row, id: dataset.events[30]!.id }),
      270: (row) => ({ ...row, start_precision: 'decade' }),
      280: (row) => ({ ...row, sources: '[]' }),
    };
    const file = await fileOfRows(dataset, (row, i) => edits[i]?.(row) ?? row, 250);
    const { report, whole } = await expectSameWays(file);
    const rejected = report.rejections.map((r) => `${r.record} ${r.field}`);
    expect(rejected).toEqual([
      'row 4 type',
      'row 9 extra',
      'row 10 id',
      'row 11 actors[0].actor',
      'row 12 place.lat',
      'row 14 counts[0].source',
      'row 16 start.tz',
      'row 17 end.at',
      'row 19 place.admin[0]',
      'row 21 relations[0].event',
      'row 23 actors[0].side',
      'row 261 id',
      'row 271 start.precision',
      'row 281 sources',
    ]);
    expect(report.fixes.map((f) => f.record)).toEqual(['row 6', 'row 15', 'row 20']);
    expect(report).toMatchObject({ rowsRead: 600, imported: 600 - 14 });
    // The rows with something unusual that were kept: an extra, two languages, the fixed ones.
    expect(whole).toBe(5);
  });

  it('round trip: the seed → Parquet → the app (the worker’s way) → JSON gives the seed’s events', async () => {
    const bytes = datasetToParquet(seedDataset);
    const read = await importColumnar(arrayBufferOf(bytes), 'seed.parquet', { packed: true });
    if (read.kind !== 'packed') throw new Error(read.kind);
    expect(read.report).toMatchObject({ imported: seedDataset.events.length, rejectedRows: 0, fixes: [] });
    const { eventAt } = packedEvents(read.packed);
    const events = Array.from({ length: read.packed.size }, (_, i) => eventAt(i));
    const { parts } = eventsToJsonParts(read.packed.info, () => [events], { description: seedDataset.description ?? '' });
    const json = JSON.parse(parts.join('')) as Dataset;
    expect(JSON.stringify(json.events)).toBe(JSON.stringify(seedWithoutSchema.events));
    expect(json.actors).toEqual(seedDataset.actors);
  });
});
