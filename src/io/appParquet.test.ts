import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { validateDataset } from '../model/validate.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { APP_PARQUET_COLUMNS, APP_PARQUET_METADATA_KEY, datasetToParquet, isAppParquetColumns, parquetToDataset } from './appParquet.ts';
import { importText } from './importer.ts';
import { createReportBuilder, type ImportReport } from './report.ts';

const validated = validateDataset(seed);
const seedDataset = (validated.ok ? validated.dataset : null) as Dataset;

const arrayBufferOf = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

async function readBack(bytes: Uint8Array, fileName = 'data.parquet'): Promise<{ dataset: Dataset; report: ImportReport }> {
  const builder = createReportBuilder(fileName, 'Conflict Timeline Parquet');
  const result = await parquetToDataset(arrayBufferOf(bytes), fileName, builder);
  if (!result.ok || !('dataset' in result)) throw new Error(result.ok ? 'packed' : result.reason);
  return { dataset: result.dataset, report: builder.finish() };
}

/** The JSON importer leaves out `$schema` too: it names a JSON schema file beside a JSON file. */
const withoutJsonSchema = ({ $schema: _, ...dataset }: Dataset) => dataset;

/** The seed's events as the writer encodes them, each row changed by `edit`, written as a file of the app's schema (row groups of `rowGroupSize`). */
async function fileOfRows(events: readonly ConflictEvent[], edit: (row: Record<string, unknown>, i: number) => Record<string, unknown>, rowGroupSize?: number): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const { appParquetSchema, createRowEncoder } = await import('./appParquetColumns.ts');
  const rowOf = createRowEncoder(new Map(seedDataset.actors.map((a) => [a.id, a])));
  const rows = events.map((event, i) => edit(rowOf(event), i));
  const file = parquetWriteBuffer({
    schema: appParquetSchema(),
    columnData: APP_PARQUET_COLUMNS.map(({ name }) => ({ name, data: rows.map((row) => row[name]) })),
    ...(rowGroupSize ? { rowGroupSize } : {}),
    kvMetadata: [{ key: APP_PARQUET_METADATA_KEY, value: JSON.stringify({ title: 't', attribution: 'a', actors: seedDataset.actors }) }],
  });
  return new Uint8Array(file);
}

describe('the app Parquet', () => {
  it('gives back the seed dataset whole: Arabic text, imprecise dates, claims, relations, counts, sources', async () => {
    const { dataset, report } = await readBack(datasetToParquet(seedDataset), 'seed.parquet');
    expect(report).toMatchObject({ rowsRead: seedDataset.events.length, imported: seedDataset.events.length, rejectedRows: 0, fixes: [] });
    expect(dataset).toEqual(withoutJsonSchema(seedDataset));
    // What the deep equality covers, named: a seed that lost these would make the test weaker.
    const has = (test: (e: ConflictEvent) => boolean) => seedDataset.events.some(test);
    expect(has((e) => Boolean(e.title.ar))).toBe(true);
    expect(has((e) => e.start.precision === 'day' && e.start.dayPart !== undefined)).toBe(true);
    expect(has((e) => e.claims.length > 0 && e.relations.length > 0)).toBe(true);
    expect(has((e) => e.counts.some((c) => c.claimant !== undefined))).toBe(true);
  });

  it('gives back generated ACLED data whole (actors with sides and source names, admin areas)', async () => {
    const imported = importText({ text: acledCsv(generatedAcledRows(2000)), fileName: 'acled.csv' });
    if (imported.kind !== 'done') throw new Error(imported.kind);
    const { dataset, report } = await readBack(datasetToParquet(imported.dataset));
    expect(report.rejectedRows).toBe(0);
    expect(dataset.events).toHaveLength(imported.dataset.events.length);
    expect(dataset).toEqual(JSON.parse(JSON.stringify(imported.dataset)));
  });

  it('has plain columns, the dataset in its metadata, and only the fields columns cannot give back in extra', async () => {
    const bytes = datasetToParquet(seedDataset);
    const file = arrayBufferOf(bytes);
    const metadata = parquetMetadata(file);
    const info = JSON.parse(metadata.key_value_metadata!.find((kv) => kv.key === APP_PARQUET_METADATA_KEY)!.value!);
    expect(info).toMatchObject({ format: 'conflict-timeline-parquet', version: 1, title: seedDataset.title, attribution: seedDataset.attribution });
    expect(info.actors).toEqual(seedDataset.actors);
    expect(info).not.toHaveProperty('events');
    expect(info).not.toHaveProperty('$schema');
    const rows = await parquetReadObjects({ file });
    expect(Object.keys(rows[0]!)).toEqual(APP_PARQUET_COLUMNS.map((c) => c.name));
    const clash = rows.find((r) => r.id === '2022-09-13-border-clash')!;
    const event = seedDataset.events.find((e) => e.id === '2022-09-13-border-clash')!;
    expect(clash.start).toEqual(new Date(event.start.at));
    expect(clash).toMatchObject({ start_offset: 240, start_tz: event.start.tz, start_precision: event.start.precision, language: 'ar', title: event.title.ar, extra: null });
    expect(JSON.parse(clash.title_i18n as string)).toEqual(event.title);
    expect(clash.actor_ids).toEqual(event.actors.map((a) => a.actor));
    expect(rows.every((r) => r.extra === null)).toBe(true);
  });

  it('writes the text in every language as JSON only where there is more than the event\'s own language', async () => {
    const [event] = seedDataset.events;
    const arabicOnly = { ...event!, id: 'arabic-only', title: { ar: 'اشتباك' }, description: { ar: 'وصف' }, originalLanguage: 'ar', relations: [] };
    const englishTitleArabicEvent = { ...arabicOnly, id: 'english-title', title: { en: 'Clash' } };
    const dataset = { ...seedDataset, events: [arabicOnly, englishTitleArabicEvent] };
    const rows = await parquetReadObjects({ file: arrayBufferOf(datasetToParquet(dataset)) });
    expect(rows.map((r) => [r.title, r.title_i18n, r.description_i18n])).toEqual([
      ['اشتباك', null, null],
      ['Clash', '{"en":"Clash"}', null],
    ]);
    expect((await readBack(datasetToParquet(dataset))).dataset.events).toEqual(dataset.events);
  });

  it('keeps in extra what the columns would change: an instant without seconds, a source name that is the registry name', async () => {
    const event = seedDataset.events.find((e) => e.actors.length > 0)!;
    const registryName = seedDataset.actors.find((a) => a.id === event.actors[0]!.actor)!.names.en!;
    const odd: ConflictEvent = {
      ...event,
      start: { ...event.start, at: '2022-09-13T00:05Z' },
      actors: [{ ...event.actors[0]!, name: registryName }, ...event.actors.slice(1)],
      relations: [],
    };
    const dataset = { ...withoutJsonSchema(seedDataset), events: [odd] };
    const rows = await parquetReadObjects({ file: arrayBufferOf(datasetToParquet(dataset)) });
    expect(Object.keys(JSON.parse(rows[0]!.extra as string))).toEqual(['start', 'actors']);
    expect((await readBack(datasetToParquet(dataset))).dataset).toEqual(dataset);
  });

  it('rejects a bad row with its place, as the JSON importer rejects a bad event, and keeps the rest', async () => {
    const [first, second, third] = seedDataset.events.filter((e) => e.relations.length === 0);
    const bad = { ...second!, type: 'picnic' } as unknown as ConflictEvent;
    const unknownActor = { ...third!, actors: [{ actor: 'nobody', role: 'initiator' }] } as ConflictEvent;
    const { dataset, report } = await readBack(datasetToParquet({ ...seedDataset, events: [first!, bad, unknownActor] }));
    expect(dataset.events.map((e) => e.id)).toEqual([first!.id]);
    expect(report.rejections.map((r) => [r.record, r.field])).toEqual([
      ['row 2', 'type'],
      ['row 3', 'actors[0].actor'],
    ]);
  });

  it('rejects a row whose extra is not a JSON object: it would hold fields the columns do not', async () => {
    const events = seedDataset.events.filter((e) => e.relations.length === 0).slice(0, 2);
    const file = await fileOfRows(events, (row, i) => (i === 1 ? { ...row, extra: '{"start": ' } : row));
    const { dataset, report } = await readBack(file);
    expect(dataset.events).toEqual([events[0]]);
    expect(report.rejections).toMatchObject([{ record: 'row 2', field: 'extra', message: 'is not a JSON object' }]);
  });

  it('repairs, and rejects, a part that rows share in each row that has it, naming each row', async () => {
    const events = seedDataset.events.slice(0, 4);
    // Rows 1 and 2 share sources with a padded publisher; rows 3 and 4 share counts of an unknown kind.
    const paddedSources = JSON.stringify([{ publisher: ' Armenpress ', language: 'en' }]);
    const badCounts = JSON.stringify([{ kind: 'eaten', value: 1, qualifier: 'exact' }]);
    const file = await fileOfRows(events, (row, i) => ({ ...row, claims: '[]', relations: '[]', ...(i < 2 ? { sources: paddedSources, counts: '[]' } : { counts: badCounts }) }));
    const { dataset, report } = await readBack(file);
    expect(dataset.events.map((e) => e.id)).toEqual([events[0]!.id, events[1]!.id]);
    expect(dataset.events.map((e) => e.sources[0]!.publisher)).toEqual(['Armenpress', 'Armenpress']);
    expect(report.fixes.map((f) => [f.record, f.field, f.value])).toEqual([
      ['row 1', 'sources[0].publisher', ' Armenpress '],
      ['row 2', 'sources[0].publisher', ' Armenpress '],
    ]);
    expect(report.rejections.map((r) => [r.record, r.field])).toEqual([
      ['row 3', 'counts[0].kind'],
      ['row 4', 'counts[0].kind'],
    ]);
  });

  it('reads a row group at a time: a damaged group is noted with its rows, and the other groups load', async () => {
    const events = seedDataset.events.slice(0, 6);
    const file = await fileOfRows(events, (row) => ({ ...row, relations: '[]' }), 2);
    // The header of the second group's first page (its ids) overwritten: that group cannot be read.
    const metadata = parquetMetadata(arrayBufferOf(file));
    const at = Number(metadata.row_groups[1]!.columns[0]!.meta_data!.data_page_offset);
    file.fill(0xff, at, at + 12);
    const { dataset, report } = await readBack(file);
    expect(dataset.events.map((e) => e.id)).toEqual([events[0]!.id, events[1]!.id, events[4]!.id, events[5]!.id]);
    expect(report.notes.find((note) => note.startsWith('row group 2'))).toMatch(/^row group 2 \(rows 3–4\) could not be read \(.+\); its 2 rows were left out$/);
    expect(report).toMatchObject({ rowsRead: 4, imported: 4, rejectedRows: 0 });
  });

  it('writes instants in their own offset, west of UTC, by half hours, with milliseconds, without extra', async () => {
    const { instantInOffset, offsetMinutes } = await import('./appParquetColumns.ts');
    expect(offsetMinutes('2022-09-14T20:00:00-03:30')).toBe(-210);
    expect(offsetMinutes('2022-09-14T20:00:00Z')).toBe(0);
    expect(instantInOffset(Date.parse('2022-09-14T20:00:00.250-03:30'), -210)).toBe('2022-09-14T20:00:00.250-03:30');
    expect(instantInOffset(Date.parse('1994-05-05T00:00:00+05:45'), 345)).toBe('1994-05-05T00:00:00+05:45');
    const event = seedDataset.events.find((e) => e.relations.length === 0 && e.end === undefined)!;
    const timed: ConflictEvent = {
      ...event,
      start: { at: '2022-09-14T20:00:00.250-03:30', precision: 'minute', tz: 'America/St_Johns' },
      end: { at: '2022-09-15T01:00:00-03:30', precision: 'hour', tz: 'America/St_Johns' },
    };
    const dataset = { ...withoutJsonSchema(seedDataset), events: [timed] };
    const bytes = datasetToParquet(dataset);
    const [row] = await parquetReadObjects({ file: arrayBufferOf(bytes) });
    expect(row).toMatchObject({ start_offset: -210, end_offset: -210, end: new Date('2022-09-15T04:30:00Z'), extra: null });
    expect((await readBack(bytes)).dataset).toEqual(dataset);
  });

  it('writes and reads a dataset without events', async () => {
    const empty = { ...withoutJsonSchema(seedDataset), events: [] };
    expect((await readBack(datasetToParquet(empty))).dataset).toEqual(empty);
  });

  it('refuses a Parquet file of another layout, and knows its own columns', async () => {
    expect(isAppParquetColumns(APP_PARQUET_COLUMNS.map((c) => c.name))).toBe(true);
    expect(isAppParquetColumns(['event_id_cnty', 'event_date', 'actor1'])).toBe(false);
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const other = parquetWriteBuffer({ columnData: [{ name: 'event_id_cnty', data: ['ARM1'], type: 'STRING' }] });
    const result = await parquetToDataset(other, 'other.parquet', createReportBuilder('other.parquet', 'x'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('not in the Conflict Timeline layout') });
  });

  it('is read by DuckDB without help: the count, start as a UTC timestamp, a list, latitude as a double; and the file DuckDB writes from it reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-parquet-'));
    try {
      const path = join(dir, 'seed.parquet');
      writeFileSync(path, datasetToParquet(seedDataset));
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const file = `read_parquet('${path}')`;
      const [summary] = (
        await connection.runAndReadAll(`select count(*) as n, epoch_ms(min(start)) as first, typeof(min(start)) as start_type from ${file}`)
      ).getRowObjectsJS();
      const earliest = Math.min(...seedDataset.events.map((e) => Date.parse(e.start.at)));
      expect({ n: Number(summary!.n), first: Number(summary!.first), start_type: summary!.start_type }).toEqual({
        n: seedDataset.events.length,
        first: earliest,
        start_type: 'TIMESTAMP WITH TIME ZONE',
      });
      const clash = seedDataset.events.find((e) => e.id === '2022-09-13-border-clash')!;
      const [row] = (
        await connection.runAndReadAll(
          `select len(actor_ids) as actors, latitude, typeof(latitude) as lat_type, actor_ids[1] as first_actor, title_i18n->>'ar' as ar from ${file} where id = '${clash.id}'`,
        )
      ).getRowObjectsJS();
      expect({ ...row, actors: Number(row!.actors) }).toEqual({
        actors: clash.actors.length,
        latitude: clash.place!.lat,
        lat_type: 'DOUBLE',
        first_actor: clash.actors[0]!.actor,
        ar: clash.title.ar,
      });

      // A file DuckDB writes from it (microsecond timestamps, its own encodings), with the
      // metadata carried over, reads back to the same dataset.
      const copy = join(dir, 'copy.parquet');
      const metadata = parquetMetadata(arrayBufferOf(readFileSync(path))).key_value_metadata!.find((kv) => kv.key === APP_PARQUET_METADATA_KEY)!.value!;
      await connection.run(`copy (select * from ${file}) to '${copy}' (format parquet, kv_metadata {${APP_PARQUET_METADATA_KEY}: '${metadata.replaceAll("'", "''")}'})`);
      expect((await readBack(readFileSync(copy))).dataset).toEqual(withoutJsonSchema(seedDataset));
      // With its coordinates made 32-bit floats (pandas' float32): the decimals written, not 39.962398529052734.
      const floats = join(dir, 'floats.parquet');
      await connection.run(`copy (select * replace (latitude::FLOAT as latitude, longitude::FLOAT as longitude) from ${file}) to '${floats}' (format parquet, kv_metadata {${APP_PARQUET_METADATA_KEY}: '${metadata.replaceAll("'", "''")}'})`);
      expect((await readBack(readFileSync(floats))).dataset).toEqual(withoutJsonSchema(seedDataset));

      // Written anew without the metadata (as DuckDB, pandas or Polars do by default): every event
      // still loads, its actors made again from the actors the rows name, and the report says so.
      const bare = join(dir, 'bare.parquet');
      await connection.run(`copy (select * from ${file}) to '${bare}' (format parquet)`);
      const { dataset, report } = await readBack(readFileSync(bare), 'bare.parquet');
      expect(dataset.events).toEqual(seedDataset.events);
      expect(report).toMatchObject({ rowsRead: seedDataset.events.length, imported: seedDataset.events.length, rejectedRows: 0 });
      const named = new Set(seedDataset.events.flatMap((e) => [...e.actors.map((a) => a.actor), ...e.counts.flatMap((c) => [c.claimant, c.of]), ...e.claims.flatMap((c) => [c.claimant, ...(c.disputedBy ?? [])])]).filter(Boolean));
      expect(new Set(dataset.actors.map((a) => a.id))).toEqual(named);
      const armenia = seedDataset.actors.find((a) => a.id === 'am-government')!;
      expect(dataset.actors.find((a) => a.id === 'am-government')).toEqual({ id: 'am-government', names: { en: armenia.names.en }, aliases: [], kind: 'other' });
      expect(report.notes.join('\n')).toContain(`the file has no "actors" list in its metadata (a tool that wrote the file anew may have left it out); ${named.size} actors were made from the actors its rows name`);
      connection.closeSync();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('columns skipped by their statistics', () => {
  it('skips a column whose statistics say every value is null only when they give no bound either', async () => {
    const { parquetMetadata } = await import('hyparquet');
    const { columnsOfGroup } = await import('./appParquetRead.ts');
    const metadata = parquetMetadata(arrayBufferOf(datasetToParquet(seedDataset)));
    const names = APP_PARQUET_COLUMNS.map((c) => c.name);
    const latitude = metadata.row_groups[0]!.columns.find((c) => c.meta_data?.path_in_schema[0] === 'latitude')!.meta_data!;
    expect(columnsOfGroup(metadata, 0, names)).toContain('latitude');
    // Wrong statistics: every value null, yet a minimum and a maximum. The column is read.
    latitude.statistics = { ...latitude.statistics, null_count: latitude.num_values };
    expect(latitude.statistics.min_value ?? latitude.statistics.min).toBeDefined();
    expect(columnsOfGroup(metadata, 0, names)).toContain('latitude');
    // Statistics of a column of nulls: no bound. The column reads as absent.
    latitude.statistics = { null_count: latitude.num_values };
    expect(columnsOfGroup(metadata, 0, names)).not.toContain('latitude');
  });
});
