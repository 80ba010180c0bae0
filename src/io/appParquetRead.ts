// The app's Parquet → a dataset, with hyparquet, a row group at a time. Each row becomes a
// candidate event that goes through the JSON importer's own checks (createEventAcceptor), so a bad
// row is rejected as "row 12" and the rest still load, exactly as a bad event of a JSON file is.
import { parquetMetadata, parquetReadObjects, parquetSchema, type Compressors, type FileMetaData } from 'hyparquet';
import type { Actor } from '../model/schema.ts';
import { APP_PARQUET_FORMAT, APP_PARQUET_METADATA_KEY, createRowDecoder, extraProblem, isAppParquetColumns, readColumnsOf } from './appParquetColumns.ts';
import { createEventAcceptor, readDatasetInfo, type JsonImport } from './jsonImport.ts';
import { MAX_ROWS, tooManyRows } from './limits.ts';
import type { ReportBuilder } from './report.ts';

export const APP_PARQUET_FORMAT_NAME = 'Conflict Timeline Parquet';

/** The dataset's own fields from the file's metadata; {} (so the report notes each missing one) when absent or not JSON. */
function datasetFields(value: string | undefined): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

/** The rows of each row group, as [from, to) across the file. */
function rowGroupsOf(metadata: FileMetaData): { from: number; to: number }[] {
  let from = 0;
  return metadata.row_groups.map((group) => {
    const rows = Number(group.num_rows);
    from += rows;
    return { from: from - rows, to: from };
  });
}

/** "row 12": a row's place for people, counted from 1 as DuckDB's and a spreadsheet's are. */
const placeOfParquetRow = (index: number) => `row ${index + 1}`;

/**
 * Reads the app's Parquet file. `compressors`: decompressors for codecs other than snappy (e.g.
 * hyparquet-compressors), for a file that another tool rewrote. `onProgress` hears how far the
 * checks are (0 to 1). Resolves to the same answer as the JSON importer's (JsonImport), with
 * `format` "Conflict Timeline Parquet".
 */
export async function parquetToDataset(
  file: ArrayBuffer,
  fileName: string,
  report: ReportBuilder,
  options: { maxRows?: number; compressors?: Compressors; onProgress?: (fraction: number) => void } = {},
): Promise<JsonImport> {
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    return { ok: false, reason: `is not a Parquet file that can be read (${(error as Error).message})` };
  }
  const columns = parquetSchema(metadata).children.map((column) => column.element.name);
  if (!isAppParquetColumns(columns)) return { ok: false, reason: 'is Parquet, but not in the Conflict Timeline layout (no id, type, start… columns)' };
  const maxRows = options.maxRows ?? MAX_ROWS;
  if (Number(metadata.num_rows) > maxRows) return { ok: false, reason: tooManyRows(maxRows, 'events') };

  const fields = datasetFields(metadata.key_value_metadata?.find((kv) => kv.key === APP_PARQUET_METADATA_KEY)?.value);
  if (fields.format !== undefined && fields.format !== APP_PARQUET_FORMAT) report.note(`the file's metadata says its format is "${String(fields.format)}"; it was read as ${APP_PARQUET_FORMAT_NAME}`);
  const { info, actorIds, notes } = readDatasetInfo(fields, fileName);
  for (const note of notes) report.note(note);
  const actorsById = new Map<string, Actor>(info.actors.map((actor) => [actor.id, actor]));

  const read = { file, metadata, ...(options.compressors ? { compressors: options.compressors } : {}) };
  const groups = rowGroupsOf(metadata);
  // Every id first: a row may name an event of a later row group (its relations).
  const eventIds = new Set<string>();
  for (const { from, to } of groups) {
    const rows = await parquetReadObjects({ ...read, columns: ['id'], rowStart: from, rowEnd: to }).catch(() => []);
    for (const { id } of rows) if (typeof id === 'string') eventIds.add(id.trim());
  }
  let problem: [string, string] | null = null;
  const acceptor = createEventAcceptor(actorIds, eventIds, report, { placeOf: placeOfParquetRow, problemOf: () => problem });
  const eventOf = createRowDecoder(actorsById);
  const readColumns = readColumnsOf(columns);
  let damaged: string | null = null;
  let rowsRead = 0;
  // A row group at a time, each let go once its events are kept: at a million rows, holding every
  // row, candidate and event at once left the garbage collector most of the time.
  for (const [k, { from, to }] of groups.entries()) {
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ ...read, columns: readColumns, rowStart: from, rowEnd: to });
    } catch (error) {
      damaged ??= (error as Error).message;
      const n = to - from;
      report.note(`row group ${k + 1} (rows ${count(from + 1)}–${count(to)}) is damaged (${(error as Error).message}); its ${count(n)} row${n === 1 ? ' was' : 's were'} not read`);
      continue;
    }
    rowsRead += rows.length;
    rows.forEach((row, j) => {
      problem = extraProblem(row);
      acceptor.accept(eventOf(row), from + j);
    });
    options.onProgress?.(to / Math.max(1, Number(metadata.num_rows)));
  }
  const { events } = acceptor;
  if (damaged !== null && rowsRead === 0) return { ok: false, reason: `could not be read: ${damaged}` };
  return { ok: true, format: APP_PARQUET_FORMAT_NAME, dataset: { ...info, events } };
}
