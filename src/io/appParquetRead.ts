// The app's Parquet → packed events (or a dataset), with hyparquet, a row group at a time, each
// group read as columns. A row whose cells can go straight into the packed columns does
// (appParquetPacked.ts); any other becomes a candidate event that goes through the JSON importer's
// own checks (createEventAcceptor), so a bad row is rejected as "row 12" and the rest still load,
// exactly as a bad event of a JSON file is. Reading rows as objects, building an event of each
// and checking it took 45 s at a million rows.
import { parquetMetadata, parquetRead, parquetSchema, type ColumnData, type Compressors, type FileMetaData, type ParquetReadOptions } from 'hyparquet';
import type { Actor } from '../model/schema.ts';
import { unpackEvents, type PackedEvents } from '../table/packedEvents.ts';
import { APP_PARQUET_FORMAT, APP_PARQUET_METADATA_KEY, eventFromRow, extraProblem, isAppParquetColumns, readColumnsOf } from './appParquetColumns.ts';
import { createAppRowPacker, type GroupColumns } from './appParquetPacked.ts';
import { createEventAcceptor, readDatasetInfo, type JsonImport } from './jsonImport.ts';
import { MAX_ROWS, tooManyRows } from './limits.ts';
import { createFloat32Decimals } from './columnarRows.ts';
import type { ReportBuilder } from './report.ts';

export const APP_PARQUET_FORMAT_NAME = 'Conflict Timeline Parquet';

export type ReadOptions = Pick<ParquetReadOptions, 'file' | 'metadata' | 'parsers' | 'compressors'>;

/** The dataset's own fields from the file's metadata; {} (so the report notes each missing one) when absent or not JSON. */
export function datasetFields(value: string | undefined): Record<string, unknown> {
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
export function rowGroupsOf(metadata: FileMetaData): { from: number; to: number }[] {
  let from = 0;
  return metadata.row_groups.map((group) => {
    const rows = Number(group.num_rows);
    from += rows;
    return { from: from - rows, to: from };
  });
}

/** "row 12": a row's place for people, counted from 1 as DuckDB's and a spreadsheet's are. */
const placeOfParquetRow = (index: number) => `row ${index + 1}`;

/** A row group's columns (rows [from, to) of the file), each decoded whole: a column the file lacks is absent. */
export async function readGroup(read: ReadOptions, columns: string[], from: number, to: number): Promise<GroupColumns> {
  const chunks = new Map<string, ColumnData[]>();
  const onChunk = (chunk: ColumnData) => {
    const parts = chunks.get(chunk.columnName);
    if (parts) parts.push(chunk);
    else chunks.set(chunk.columnName, [chunk]);
  };
  await parquetRead({ ...read, columns, rowStart: from, rowEnd: to, onChunk });
  const group: GroupColumns = {};
  for (const [name, parts] of chunks) {
    const first = parts[0]!;
    if (parts.length === 1 && first.rowStart === from && first.rowEnd >= to) {
      group[name] = first.columnData;
      continue;
    }
    // Chunks may hold rows outside the range asked for.
    const column = new Array<unknown>(to - from);
    for (const { columnData, rowStart } of parts) for (let k = Math.max(0, from - rowStart); k < columnData.length && rowStart + k < to; k++) column[rowStart + k - from] = columnData[k];
    group[name] = column;
  }
  // A tool that wrote the file anew may have made the coordinates 32-bit (pandas' float32).
  const floats = new Set(read.metadata?.schema.filter((element) => element.type === 'FLOAT').map((element) => element.name));
  const decimalOf = createFloat32Decimals();
  for (const name of columns) if (floats.has(name) && group[name]) group[name] = Array.from(group[name], decimalOf);
  return group;
}

/**
 * The columns worth reading in one row group: a column whose statistics say every value is null,
 * and give no bound, reads as absent (hyparquet still walks a column of nulls value by value); a
 * writer whose null counts are wrong without a bound would lose that column. So does
 * place_name where every row has place_name_i18n, which gives the place's name instead.
 */
export function columnsOfGroup(metadata: FileMetaData, k: number, names: readonly string[]): string[] {
  // Nulls and values of each flat column whose statistics count its nulls.
  const counts = new Map<string, { nulls: bigint; values: bigint }>();
  for (const { meta_data: meta } of metadata.row_groups[k]!.columns) {
    const stats = meta?.statistics;
    const nulls = stats?.null_count;
    // A bound beside "every value is null" says the statistics are wrong: the column is read.
    const bounded = stats && [stats.min_value, stats.max_value, stats.min, stats.max].some((v) => v !== undefined && v !== null);
    if (meta && nulls !== undefined && !bounded && meta.path_in_schema.length === 1) counts.set(meta.path_in_schema[0]!, { nulls: BigInt(nulls), values: BigInt(meta.num_values) });
  }
  const allNull = (name: string) => counts.get(name)?.nulls === counts.get(name)?.values && counts.has(name);
  return names.filter((name) => !allNull(name) && !(name === 'place_name' && counts.get('place_name_i18n')?.nulls === 0n));
}

/** The actor ids a counts or claims cell's JSON names (claimant, of, disputedBy). */
function actorIdsInClaims(text: string): unknown[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: Record<string, unknown> | null) => (item && typeof item === 'object' ? [item.claimant, item.of, ...(Array.isArray(item.disputedBy) ? item.disputedBy : [])] : []));
}

/**
 * The actors the rows name (in actor_ids, and as claimants in counts and claims), each with the
 * first name a row gives it (else its id), in the order they first come; an id that is not a
 * clean string is left to the rows' own checks.
 */
async function actorsFromColumns(read: ReadOptions, groups: { from: number; to: number }[], columns: readonly string[]): Promise<Actor[]> {
  const names = new Map<string, string>();
  const add = (id: unknown, name?: unknown) => {
    if (typeof id !== 'string' || id !== id.trim() || !id || names.has(id)) return;
    names.set(id, typeof name === 'string' && name.trim() ? name.trim() : id);
  };
  const claimTexts = new Set<string>();
  const wanted = ['actor_ids', 'actor_names', 'counts', 'claims'].filter((name) => columns.includes(name));
  for (const { from, to } of groups) {
    const group = await readGroup(read, wanted, from, to).catch(() => ({}) as GroupColumns);
    for (let j = 0; j < (group.actor_ids?.length ?? 0); j++) {
      const ids = group.actor_ids![j];
      const rowNames = group.actor_names?.[j];
      if (Array.isArray(ids)) ids.forEach((id, r) => add(id, Array.isArray(rowNames) ? rowNames[r] : undefined));
    }
    for (const cells of [group.counts, group.claims]) for (let j = 0; j < (cells?.length ?? 0); j++) if (typeof cells![j] === 'string') claimTexts.add(cells![j] as string);
  }
  for (const text of claimTexts) for (const id of actorIdsInClaims(text)) add(id);
  return [...names].map(([id, name]) => ({ id, names: { en: name }, aliases: [], kind: 'other' }));
}

/** Row j of a group, as an object of its cells (for the per-row path). */
function rowOf(group: GroupColumns, names: readonly string[], j: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of names) row[name] = group[name]?.[j] ?? null;
  return row;
}

export type PackedParquet = { ok: true; format: string; packed: PackedEvents } | { ok: false; reason: string };

/**
 * Reads the app's Parquet file into packed events. `compressors`: decompressors for codecs other
 * than snappy (e.g. hyparquet-compressors), for a file that another tool rewrote. `onProgress`
 * hears how far the checks are (0 to 1). `format` is "Conflict Timeline Parquet". `groups`: only
 * the rows of row groups [from, to), as one part of a file read in parts (see fileParts.ts);
 * every id of the file is still read, for the relations, and a file whose ids repeat is refused
 * (its parts could not be joined exactly).
 */
export async function parquetToPacked(
  file: ArrayBuffer,
  fileName: string,
  report: ReportBuilder,
  options: { maxRows?: number; compressors?: Compressors; onProgress?: (fraction: number) => void; groups?: { from: number; to: number } } = {},
): Promise<PackedParquet> {
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
  // Timestamps as numbers of milliseconds, not a Date per cell.
  const read: ReadOptions = { file, metadata, parsers: { timestampFromMilliseconds: Number }, ...(options.compressors ? { compressors: options.compressors } : {}) };
  const groups = rowGroupsOf(metadata);
  const part = options.groups ?? { from: 0, to: groups.length };
  const inPart = (k: number) => k >= part.from && k < part.to;
  const partRows = groups.slice(part.from, part.to).reduce((n, { from, to }) => n + to - from, 0);
  // A file that another tool wrote anew (pandas' to_parquet, say) keeps the columns but not the
  // metadata, so not the actors' registry: it is made again from the columns the file carries for
  // such tools, rather than every event with an actor being rejected.
  if (!Array.isArray(fields.actors) && columns.includes('actor_ids')) {
    const actors = await actorsFromColumns(read, groups, columns);
    fields.actors = actors;
    report.note(`the file has no "actors" list in its metadata (a tool that wrote the file anew may have left it out); ${count(actors.length)} actor${actors.length === 1 ? ' was' : 's were'} made from the actors its rows name (actor_ids, actor_names, and the claimants of counts and claims), of kind "other"`);
  }
  const { info, actorIds, notes } = readDatasetInfo(fields, fileName);
  for (const note of notes) report.note(note);
  const actorsById = new Map<string, Actor>(info.actors.map((actor) => [actor.id, actor]));
  // Every id first: a row may name an event of a later row group (its relations).
  // Kept for the second pass, which then reads every other column: the same strings serve both.
  const eventIds = new Set<string>();
  const idsOfGroups: (ArrayLike<unknown> | undefined)[] = [];
  for (const [k, { from, to }] of groups.entries()) {
    const ids = (await readGroup(read, ['id'], from, to).catch(() => ({}) as GroupColumns)).id;
    idsOfGroups.push(inPart(k) ? ids : undefined);
    for (let j = 0; j < (ids?.length ?? 0); j++) if (typeof ids![j] === 'string') eventIds.add((ids![j] as string).trim());
  }
  const distinct = eventIds.size === Number(metadata.num_rows);
  if (options.groups && !distinct) return { ok: false, reason: 'repeats ids, so it is read whole' };
  let problem: [string, string] | null = null;
  // Ids kept so far, shared by both ways a row is read; needed only where some id comes twice.
  const seen = new Map<string, number>();
  const acceptor = createEventAcceptor(actorIds, eventIds, report, { placeOf: placeOfParquetRow, problemOf: () => problem, seen });
  const packer = createAppRowPacker(info, actorIds, eventIds, distinct ? null : seen, partRows);
  const readColumns = readColumnsOf(columns);
  let damaged: string | null = null;
  let rowsRead = 0;
  // A row group at a time, each let go once its rows are packed.
  for (const [k, { from, to }] of groups.entries()) {
    if (!inPart(k)) continue;
    let group: GroupColumns;
    try {
      const ids = idsOfGroups[k];
      const names = columnsOfGroup(metadata, k, readColumns);
      group = await readGroup(read, ids ? names.filter((name) => name !== 'id') : names, from, to);
      if (ids) group.id = ids;
      idsOfGroups[k] = undefined;
    } catch (error) {
      damaged ??= (error as Error).message;
      const n = to - from;
      report.note(`row group ${k + 1} (rows ${count(from + 1)}–${count(to)}) could not be read (${(error as Error).message}); its ${count(n)} row${n === 1 ? ' was' : 's were'} left out`);
      continue;
    }
    rowsRead += to - from;
    const pack = packer.packGroup(group);
    for (let j = 0; j < to - from; j++) {
      if (pack(j, from + j)) {
        report.row(null);
        continue;
      }
      const row = rowOf(group, readColumns, j);
      problem = extraProblem(row);
      acceptor.accept(eventFromRow(row, actorsById), from + j);
      // The acceptor keeps the event it accepts; the packer keeps it instead, in its place.
      const event = acceptor.events.pop();
      if (event) packer.keepWhole(event);
    }
    options.onProgress?.((to - groups[part.from]!.from) / Math.max(1, partRows));
  }
  if (damaged !== null && rowsRead === 0) return { ok: false, reason: `could not be read: ${damaged}` };
  return { ok: true, format: APP_PARQUET_FORMAT_NAME, packed: packer.packed() };
}

/** As parquetToPacked, into a dataset (for Node: npm run import, tests). */
export async function parquetToDataset(file: ArrayBuffer, fileName: string, report: ReportBuilder, options: Parameters<typeof parquetToPacked>[3] = {}): Promise<JsonImport> {
  const read = await parquetToPacked(file, fileName, report, options);
  return read.ok ? { ok: true, format: read.format, dataset: unpackEvents(read.packed) } : read;
}
