import { describe, expect, it } from 'vitest';
import { buildEventTable, type EventTable } from '../table/eventTable.ts';
import { previewTable } from '../table/previewTable.ts';
import { ACLED_CURRENT_COLUMNS, ACLED_PRE2023_COLUMNS, acledCsv, acledRow, generatedAcledRows, toMonadic, type AcledRow } from '../testing/acledFixture.ts';
import { acledArrow, duckdbParquet, textParquet, type ColumnTypes } from '../testing/columnarFixture.ts';
import { readArrowRowsPreview } from './arrowRowsPreview.ts';
import { importColumnar } from './columnarImport.ts';
import { readParquetRowsPreview } from './parquetRowsPreview.ts';
import { PREVIEW_MIN_ROWS } from './appParquetPreview.ts';
import { datasetToParquet } from './appParquet.ts';
import { COMPRESSORS } from './parquetImport.ts';
import { UCDP_COLUMNS } from './ucdp.ts';
import { ucdpRow } from '../testing/ucdpFixture.ts';
import { tableFromArrays, tableToIPC } from 'apache-arrow';

// Rows whose days fall differently by zone and precision, and rows the full read rejects.
const VARIED: AcledRow[] = [
  acledRow({ event_id_cnty: 'ARM1', event_date: '2022-09-13' }),
  acledRow({ event_id_cnty: 'ARM2', event_date: '2022-09-14', time_precision: '2' }),
  acledRow({ event_id_cnty: 'ARM3', event_date: '2022-09-20', time_precision: '3' }),
  // Countries of several zones: the longitude chooses (Los Angeles, New York; Kaliningrad, Vladivostok).
  acledRow({ event_id_cnty: 'USA1', iso: '840', iso3: 'USA', country: 'United States', longitude: '-118.2', latitude: '34.0', event_type: 'Protests', sub_event_type: 'Peaceful protest' }),
  acledRow({ event_id_cnty: 'USA2', iso: '840', iso3: 'USA', country: 'United States', longitude: '-74.0', latitude: '40.7', event_type: 'Riots', sub_event_type: 'Mob violence' }),
  acledRow({ event_id_cnty: 'RUS1', iso: '643', iso3: 'RUS', country: 'Russia', longitude: '20.5', latitude: '54.7', event_date: '2023-03-26' }),
  acledRow({ event_id_cnty: 'RUS2', iso: '643', iso3: 'RUS', country: 'Russia', longitude: '131.9', latitude: '43.1', event_type: 'Strategic developments', sub_event_type: 'Agreement' }),
  // Kiribati spans the date line: its zones are hours apart at one date.
  acledRow({ event_id_cnty: 'KIR1', iso: '296', iso3: 'KIR', country: 'Kiribati', longitude: '-157.4', latitude: '1.9', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' }),
  acledRow({ event_id_cnty: 'BAD1', event_type: 'Picnics' }),
  acledRow({ event_id_cnty: 'BAD2', event_date: '31 February 2022' }),
  acledRow({ event_id_cnty: 'BAD3', time_precision: '7' }),
];

const TYPED: ColumnTypes = { event_date: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', fatalities: 'INTEGER', time_precision: 'INTEGER', iso: 'INTEGER', year: 'INTEGER', timestamp: 'BIGINT' };

async function fullTable(bytes: ArrayBuffer): Promise<EventTable> {
  const result = await importColumnar(bytes, 'acled.parquet');
  if (result.kind !== 'done') throw new Error(`not imported: ${JSON.stringify(result)}`);
  return buildEventTable(result.dataset);
}

/** Each event's anchor and type, in time order; events at one instant in any order. */
const whenAndWhat = (table: EventTable) => [...table.start].map((t, i) => `${t}:${table.type[i]}`).sort();

describe('the preview of a large ACLED Parquet file', () => {
  it('puts each event the full read keeps where it puts it, with its type: days, weeks, months, zones by longitude', async () => {
    const bytes = textParquet(ACLED_CURRENT_COLUMNS, VARIED, 4);
    const preview = (await readParquetRowsPreview(bytes, 'acled.parquet', undefined, 0))!;
    expect(preview.rows).toBe(VARIED.length);
    expect(preview.title).toBe('ACLED events from acled.parquet');
    const full = await fullTable(bytes);
    const drawn = previewTable(preview);
    expect(drawn.size).toBe(full.size);
    expect(whenAndWhat(drawn)).toEqual(whenAndWhat(full));
    expect(drawn.extent).toEqual(full.extent);
    // New York's midnight is three hours before Los Angeles': the zone was the place's.
    const usa = [...full.start].filter((_, i) => full.eventAt(full.order[i]!).id.startsWith('USA'));
    expect(Math.abs(usa[0]! - usa[1]!)).toBe(3 * 3_600_000);
  });

  it('reads typed columns (DATE, DOUBLE, INTEGER) as the text ones, and the pre-2023 layout', async () => {
    const rows = [...VARIED, ...generatedAcledRows(300)];
    const typed = await duckdbParquet(acledCsv(rows), TYPED, 'zstd');
    expect(whenAndWhat(previewTable((await readParquetRowsPreview(typed, 't.parquet', COMPRESSORS, 0))!))).toEqual(whenAndWhat(await fullTable(typed)));
    const old = textParquet(ACLED_PRE2023_COLUMNS, rows.map((row) => ({ ...row, event_date: new Date(`${row.event_date}T00:00:00Z`).toUTCString().slice(5, 16) })), 100);
    const oldPreview = (await readParquetRowsPreview(old, 'old.parquet', undefined, 0))!;
    expect(whenAndWhat(previewTable(oldPreview))).toEqual(whenAndWhat(await fullTable(old)));
  });

  it('is made only for dyadic ACLED files of PREVIEW_MIN_ROWS rows or more', async () => {
    const few = textParquet(ACLED_CURRENT_COLUMNS, VARIED, 4);
    expect(await readParquetRowsPreview(few, 'few.parquet')).toBeNull();
    const many = textParquet(ACLED_CURRENT_COLUMNS, generatedAcledRows(PREVIEW_MIN_ROWS), 10_000);
    expect((await readParquetRowsPreview(many, 'many.parquet'))?.start.length).toBe(PREVIEW_MIN_ROWS);
    // The monadic layout's events have two rows each; the app's own Parquet has its own preview.
    const monadicColumns = ACLED_CURRENT_COLUMNS.filter((c) => c !== 'actor2' && c !== 'assoc_actor_2' && c !== 'inter2');
    expect(await readParquetRowsPreview(textParquet(monadicColumns, toMonadic(VARIED), 4), 'm.parquet', undefined, 0)).toBeNull();
    const full = await importColumnar(few, 'few.parquet');
    if (full.kind !== 'done') throw new Error('not imported');
    expect(await readParquetRowsPreview(datasetToParquet(full.dataset).buffer as ArrayBuffer, 'app.parquet', undefined, 0)).toBeNull();
    expect(await readParquetRowsPreview(new TextEncoder().encode('event_id_cnty,event_date\n').buffer as ArrayBuffer, 'x.csv', undefined, 0)).toBeNull();
    // Nothing to draw when no row has a type the full read would keep: no empty timeline first.
    const untyped = VARIED.map((row) => ({ ...row, event_type: 'Picnics' }));
    expect(await readParquetRowsPreview(textParquet(ACLED_CURRENT_COLUMNS, untyped, 4), 'u.parquet', undefined, 0)).toBeNull();
  });
});

describe('the preview of a large UCDP GED Parquet file', () => {
  const record = (line: string) => Object.fromEntries(line.trimEnd().split(',').map((cell, k) => [UCDP_COLUMNS[k]!, cell]));
  // Spans of days, countries of several zones (Los Angeles, New York; Kaliningrad, Vladivostok), and rows the full read rejects.
  const rows = [
    record(ucdpRow(1)),
    { ...record(ucdpRow(2, 'Group 2', '2022-09-13')), date_end: '2022-09-20' },
    { ...record(ucdpRow(3)), country: 'United States', longitude: '-118.2', type_of_violence: '2' },
    { ...record(ucdpRow(4)), country: 'United States', longitude: '-74.0', type_of_violence: '3' },
    { ...record(ucdpRow(5)), country: 'Russia (Soviet Union)', longitude: '20.5' },
    { ...record(ucdpRow(6)), country: 'Russia (Soviet Union)', longitude: '131.9' },
    { ...record(ucdpRow(7)), type_of_violence: '4' },
    { ...record(ucdpRow(8)), date_start: '2022-02-30' },
    { ...record(ucdpRow(9)), date_end: '2022-09-01' },
    ...Array.from({ length: 300 }, (_, k) => record(ucdpRow(100 + k, `Group ${k % 7}`, new Date(Date.UTC(2015, 0, 1 + k * 3)).toISOString().slice(0, 10)))),
  ];
  const csv = [UCDP_COLUMNS.join(','), ...rows.map((row) => UCDP_COLUMNS.map((c) => row[c] ?? '').join(','))].join('\n') + '\n';
  /** Each event's start, end and type, in time order. */
  const spans = (table: { start: Float64Array; end: Float64Array; type: Uint8Array }) => [...table.start].map((t, i) => `${t}:${table.end[i]}:${table.type[i]}`).sort();

  it('puts each event the full read keeps where it puts it, its end too, with its type: all text, or with typed dates, coordinates and counts', async () => {
    const typed = await duckdbParquet(csv, { date_start: 'DATE', date_end: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', best: 'INTEGER', low: 'INTEGER', high: 'INTEGER' }, 'zstd');
    for (const [name, bytes] of [['text.parquet', textParquet(UCDP_COLUMNS, rows, 100)], ['typed.parquet', typed]] as const) {
      const preview = (await readParquetRowsPreview(bytes, name, COMPRESSORS, 0))!;
      expect(preview, name).toMatchObject({ title: `UCDP GED events from ${name}`, rows: rows.length });
      const full = await importColumnar(bytes, name);
      if (full.kind !== 'done') throw new Error(`${name} not imported`);
      expect(full.report.rejectedRows, name).toBe(3);
      expect(spans(previewTable(preview)), name).toEqual(spans(buildEventTable(full.dataset)));
    }
    expect(await readParquetRowsPreview(textParquet(UCDP_COLUMNS, rows, 100), 'few.parquet')).toBeNull();
  });

  it('is the same from an Arrow file, its dates Arrow dates and its coordinates doubles', async () => {
    const readable = rows.filter((row) => row.date_start !== '2022-02-30');
    const arrays = Object.fromEntries(
      UCDP_COLUMNS.map((name) => {
        const cells = readable.map((row) => row[name] ?? '');
        if (name === 'date_start' || name === 'date_end') return [name, cells.map((cell) => new Date(`${cell}T00:00:00Z`))];
        return [name, name === 'latitude' || name === 'longitude' ? Float64Array.from(cells, Number) : cells];
      }),
    );
    const bytes = tableToIPC(tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]), 'file');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const preview = (await readArrowRowsPreview(buffer, 'ged.arrow', 0))!;
    expect(preview).toMatchObject({ title: 'UCDP GED events from ged.arrow', rows: readable.length });
    const full = await importColumnar(buffer, 'ged.arrow');
    if (full.kind !== 'done') throw new Error('not imported');
    expect(full.report.rejectedRows).toBe(2);
    expect(spans(previewTable(preview))).toEqual(spans(buildEventTable(full.dataset)));
    expect(await readArrowRowsPreview(buffer, 'ged.arrow')).toBeNull();
  });
});

describe('the preview of a large ACLED Arrow file', () => {
  // An Arrow date column cannot hold 31 February.
  const ARROW_VARIED = VARIED.filter((row) => row.event_id_cnty !== 'BAD2');
  it('puts each event the full read keeps where it puts it, with its type, from a file or a stream', async () => {
    for (const form of ['file', 'stream'] as const) {
      const bytes = acledArrow(ACLED_CURRENT_COLUMNS, [...ARROW_VARIED, ...generatedAcledRows(300)], 100, form);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const preview = (await readArrowRowsPreview(buffer, 'acled.arrow', 0))!;
      expect(preview, form).toMatchObject({ title: 'ACLED events from acled.arrow', rows: ARROW_VARIED.length + 300 });
      const full = await importColumnar(buffer, 'acled.arrow');
      if (full.kind !== 'done') throw new Error(`not imported: ${JSON.stringify(full)}`);
      expect(whenAndWhat(previewTable(preview)), form).toEqual(whenAndWhat(buildEventTable(full.dataset)));
    }
  });

  it('is made only for dyadic ACLED files of PREVIEW_MIN_ROWS rows or more', async () => {
    const bufferOf = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await readArrowRowsPreview(bufferOf(acledArrow(ACLED_CURRENT_COLUMNS, ARROW_VARIED)), 'few.arrow')).toBeNull();
    const monadicColumns = ACLED_CURRENT_COLUMNS.filter((c) => c !== 'actor2' && c !== 'assoc_actor_2' && c !== 'inter2');
    expect(await readArrowRowsPreview(bufferOf(acledArrow(monadicColumns, toMonadic(ARROW_VARIED))), 'm.arrow', 0)).toBeNull();
    expect(await readArrowRowsPreview(bufferOf(acledArrow(ACLED_CURRENT_COLUMNS, ARROW_VARIED).slice(0, 200)), 'cut.arrow', 0)).toBeNull();
    expect(await readArrowRowsPreview(textParquet(ACLED_CURRENT_COLUMNS, VARIED, 4), 'p.parquet', 0)).toBeNull();
  });
});
