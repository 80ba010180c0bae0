// Events → the app's Parquet (see appParquetColumns.ts), with hyparquet-writer: pure JS, its own
// snappy, no WASM and no eval, so it runs under the page's CSP as well as in Node.
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { Actor, ConflictEvent, Dataset, DatasetInfo } from '../model/schema.ts';
import { APP_PARQUET_COLUMNS, APP_PARQUET_METADATA_KEY, appParquetMetadata, appParquetSchema, createRowEncoder } from './appParquetColumns.ts';

/** Rows per row group: big enough to compress well, small enough that readers can skip by group. */
export const ROW_GROUP_ROWS = 100_000;

export interface AppParquetWriter {
  /** Adds the next events, in order. */
  write(events: readonly ConflictEvent[]): void;
  /** The file, once every event is written. */
  finish(): Uint8Array<ArrayBuffer>;
}

/**
 * Writes a file a batch of events at a time, a row group each ROW_GROUP_ROWS rows (or
 * `rowGroupRows`: tests write small files of several groups), so that a
 * million events need not be built at once. `info.actors` is the registry the file carries (its
 * metadata is written last, but given first so the actor names of the columns can come from it).
 */
export function createAppParquetWriter(info: DatasetInfo, options: { createdBy?: string; rowGroupRows?: number } = {}): AppParquetWriter {
  const groupRows = options.rowGroupRows ?? ROW_GROUP_ROWS;
  const rowOf = createRowEncoder(new Map<string, Actor>(info.actors.map((actor) => [actor.id, actor])));
  const schema = appParquetSchema();
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({
    writer,
    schema,
    codec: 'SNAPPY',
    kvMetadata: [{ key: APP_PARQUET_METADATA_KEY, value: appParquetMetadata(info) }],
    createdBy: options.createdBy ?? 'Conflict Timeline',
  });
  let pending: Record<string, unknown>[] = [];
  const flush = () => {
    if (!pending.length) return;
    const rows = pending;
    pending = [];
    const columnData = APP_PARQUET_COLUMNS.map(({ name }) => ({ name, data: rows.map((row) => row[name]) }));
    // A plain writer never waits (no async flush), so write() returns no promise.
    void parquet.write({ columnData, rowGroupSize: rows.length });
  };
  return {
    write(events) {
      for (const event of events) {
        pending.push(rowOf(event));
        if (pending.length >= groupRows) flush();
      }
    },
    finish() {
      flush();
      parquet.finish();
      // getBytes() is a view of a larger buffer: a copy of the file's own length is safer to hand on.
      return new Uint8Array(writer.getBuffer());
    },
  };
}

/** A whole dataset as the app's Parquet file. */
export function datasetToParquet(dataset: Dataset, options: { createdBy?: string; rowGroupRows?: number } = {}): Uint8Array<ArrayBuffer> {
  const { events, ...info } = dataset;
  const writer = createAppParquetWriter(info, options);
  writer.write(events);
  return writer.finish();
}
