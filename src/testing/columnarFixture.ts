// Parquet and Arrow files written by the tests themselves, from the same rows as their CSV
// fixtures: all-text columns with hyparquet-writer, typed and compressed ones with DuckDB (a
// devDependency), Arrow IPC with apache-arrow.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { Table, tableFromArrays, tableToIPC, type RecordBatch } from 'apache-arrow';

/** Rows as their cells by column name (an ACLED or UCDP fixture row). */
export type TextRows = readonly Readonly<Record<string, string | undefined>>[];

/** A Parquet file of text columns (snappy, hyparquet-writer's default), `rowGroupSize` rows a group. */
export function textParquet(columns: readonly string[], rows: TextRows, rowGroupSize = 1000): ArrayBuffer {
  return parquetWriteBuffer({ columnData: columns.map((name) => ({ name, data: rows.map((row) => row[name] ?? ''), type: 'STRING' as const })), rowGroupSize });
}

/** The SQL type of a column in a typed file; text where not named. 'SECONDS AS TIMESTAMP': Unix seconds made a timestamp, as pipelines convert ACLED's. */
export type ColumnTypes = Readonly<Record<string, 'DATE' | 'TIMESTAMP' | 'DOUBLE' | 'FLOAT' | 'INTEGER' | 'BIGINT' | 'SECONDS AS TIMESTAMP'>>;

/**
 * A Parquet file written by DuckDB from a CSV text (every cell read as text, then the columns of
 * `types` cast, empty cells null), in `compression`.
 */
export async function duckdbParquet(csv: string, types: ColumnTypes, compression: 'zstd' | 'gzip' | 'snappy' | 'brotli' | 'lz4' | 'uncompressed'): Promise<ArrayBuffer> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(join(tmpdir(), 'ct-parquet-'));
  try {
    writeFileSync(join(dir, 'in.csv'), csv);
    const casts = Object.entries(types).map(([name, type]) =>
      type === 'SECONDS AS TIMESTAMP' ? `to_timestamp(TRY_CAST(NULLIF(${name}, '') AS BIGINT)) AS ${name}` : `TRY_CAST(NULLIF(${name}, '') AS ${type}) AS ${name}`,
    );
    const select = casts.length ? `* REPLACE (${casts.join(', ')})` : '*';
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const out = join(dir, 'out.parquet');
    await connection.run(`COPY (SELECT ${select} FROM read_csv('${join(dir, 'in.csv')}', all_varchar = true, header = true, quote = '"', escape = '"')) TO '${out}' (FORMAT parquet, COMPRESSION ${compression})`);
    connection.closeSync();
    instance.closeSync();
    const bytes = readFileSync(out);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An Arrow IPC file (or, as `form` says, stream): event_date as dates (as text where one is not ISO), latitude and longitude as
 * doubles (or, as `coordinates` says, 32-bit floats), fatalities as 32-bit integers (where given),
 * the rest text; `batchSize` rows a record batch.
 */
export function acledArrow(columns: readonly string[], rows: TextRows, batchSize = 1000, form: 'file' | 'stream' = 'file', coordinates: 'double' | 'single' = 'double'): Uint8Array {
  const arrays: Record<string, unknown> = {};
  for (const name of columns) {
    const cells = rows.map((row) => row[name] ?? '');
    if (name === 'event_date' && cells.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))) arrays[name] = cells.map((c) => new Date(`${c}T00:00:00Z`));
    else if (name === 'latitude' || name === 'longitude') arrays[name] = coordinates === 'single' ? Float32Array.from(cells, Number) : Float64Array.from(cells, Number);
    else if (name === 'fatalities') arrays[name] = Int32Array.from(cells, Number);
    else arrays[name] = cells;
  }
  const whole = tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]);
  // Slices of one table share its schema: a record batch each.
  const batches: RecordBatch[] = [];
  for (let from = 0; from < rows.length; from += batchSize) batches.push(...whole.slice(from, from + batchSize).batches);
  return tableToIPC(new Table(whole.schema, batches), form);
}
