// A first look at a large Parquet file in the app's layout: each row's type and the times it
// covers, read before the rest. Those few columns decode in a small part of the time the whole
// file takes, so the page can draw when and what while the worker reads actors, places and text.
// The preview is replaced by the full table; rows the checks reject are still in it.
import { parquetMetadata, type Compressors } from 'hyparquet';
import { anchorTime } from '../model/time.ts';
import type { DayPart, Precision } from '../model/schema.ts';
import { typeIndexOf } from '../table/eventTable.ts';
import { APP_PARQUET_METADATA_KEY, instantInOffset, isAppParquetColumns } from './appParquetColumns.ts';
import { datasetFields, readGroup, rowGroupsOf, type ReadOptions } from './appParquetRead.ts';

/** Files with fewer rows open whole in about a second: a preview would only flash. */
export const PREVIEW_MIN_ROWS = 50_000;

/** When and what, one entry per row with a readable start, in the file's order. */
export interface ImportPreview {
  /** The dataset's title from the file's metadata, else null. */
  title: string | null;
  /** Where each event sits on the axis (as EventTable's start: see anchorTime). */
  start: Float64Array;
  /** The end's anchor, at least the start. */
  end: Float64Array;
  /** Index into EVENT_TYPES. */
  type: Uint8Array;
  /** Rows in the file; more than the preview holds when some have no readable start. */
  rows: number;
}

const HOUR = 3_600_000;

/**
 * The anchor of a time given as the app's Parquet columns give it: UTC milliseconds, the offset it
 * was written in, its precision and part of the day. Minutes, hours, days and weeks by arithmetic
 * (a million strings would cost more than the rest of the preview); months, years and parts of a
 * day through anchorTime itself.
 */
export function anchorOfCells(millis: number, offset: number, precision: unknown, dayPart: unknown): number {
  if (dayPart === null || dayPart === undefined) {
    if (precision === 'minute' || precision === 'hour') return millis;
    // A day's span is the day; a week's, three days before the date written to four after.
    if (precision === 'day' || precision === 'week') return millis + 12 * HOUR;
  }
  return anchorTime({ at: instantInOffset(millis, offset), precision: precision as Precision, tz: 'UTC', ...(typeof dayPart === 'string' ? { dayPart: dayPart as DayPart } : {}) });
}

const TIME_COLUMNS = (prefix: 'start' | 'end') => [prefix, `${prefix}_offset`, `${prefix}_precision`, `${prefix}_day_part`];

/**
 * The preview of an app-layout Parquet file of at least `minRows` rows; null for any other
 * file, or when its columns cannot be read (the full read then says why).
 */
export async function readAppParquetPreview(file: ArrayBuffer, compressors?: Compressors, minRows = PREVIEW_MIN_ROWS): Promise<ImportPreview | null> {
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(file);
  } catch {
    return null;
  }
  const names = metadata.schema.slice(1).map((element) => element.name);
  const rows = Number(metadata.num_rows);
  if (rows < minRows || !isAppParquetColumns(names)) return null;
  const read: ReadOptions = { file, metadata, parsers: { timestampFromMilliseconds: Number }, ...(compressors ? { compressors } : {}) };
  const wanted = ['type', ...TIME_COLUMNS('start'), ...TIME_COLUMNS('end')].filter((name) => names.includes(name));
  const start = new Float64Array(rows);
  const end = new Float64Array(rows);
  const type = new Uint8Array(rows);
  let size = 0;
  try {
    for (const { from, to } of rowGroupsOf(metadata)) {
      const group = await readGroup(read, wanted, from, to);
      const at = (name: string, j: number) => group[name]?.[j] ?? null;
      for (let j = 0; j < to - from; j++) {
        const millis = at('start', j);
        if (typeof millis !== 'number' || !Number.isFinite(millis)) continue;
        const anchor = anchorOfCells(millis, Number(at('start_offset', j) ?? 0), at('start_precision', j), at('start_day_part', j));
        if (!Number.isFinite(anchor)) continue;
        const endMillis = at('end', j);
        const endAnchor = typeof endMillis === 'number' && Number.isFinite(endMillis) ? anchorOfCells(endMillis, Number(at('end_offset', j) ?? 0), at('end_precision', j), at('end_day_part', j)) : anchor;
        start[size] = anchor;
        end[size] = Number.isFinite(endAnchor) ? Math.max(anchor, endAnchor) : anchor;
        type[size] = typeIndexOf(String(at('type', j)));
        size++;
      }
    }
  } catch {
    return null;
  }
  const fields = datasetFields(metadata.key_value_metadata?.find((kv) => kv.key === APP_PARQUET_METADATA_KEY)?.value);
  const title = typeof fields.title === 'string' && fields.title.trim() ? fields.title.trim() : null;
  // Nothing to draw: the full read then says why no row could be read.
  if (size === 0) return null;
  return { title, start: start.slice(0, size), end: end.slice(0, size), type: type.slice(0, size), rows };
}
