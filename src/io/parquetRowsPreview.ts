// A first look at a large ACLED or UCDP GED Parquet file, as appParquetPreview.ts gives for the
// app's own: each row's type and days (see acledPreview.ts, ucdpPreview.ts), from those columns
// alone, read before the rest. For ACLED only the dyadic layout: in the monadic one an event has
// two rows, which only their ids would join.
import { parquetMetadata, parquetSchema, type Compressors, type FileMetaData, type SchemaElement } from 'hyparquet';
import { acledDatasetInfo, missingAcledColumns } from './acled.ts';
import { ACLED_PREVIEW_COLUMNS, createAcledPreviewRows, dayReader, type AcledPreviewColumn } from './acledPreview.ts';
import { isMonadicAcled } from './acledRow.ts';
import { isAppParquetColumns } from './appParquetColumns.ts';
import { PREVIEW_MIN_ROWS, type ImportPreview } from './appParquetPreview.ts';
import { readGroup, rowGroupsOf, type ReadOptions } from './appParquetRead.ts';
import { createRowCells } from './columnarRows.ts';
import { columnarDayOrder } from './columnarDates.ts';
import { openParquet } from './parquetImport.ts';
import { ucdpDatasetTitle } from './ucdp.ts';
import { createUcdpPreviewRows, UCDP_PREVIEW_COLUMNS } from './ucdpPreview.ts';

/**
 * The preview of a dyadic ACLED or a UCDP GED Parquet file of at least `minRows` rows; null for
 * any other file, or when its columns cannot be read (the full read then says why). Rows the full
 * read would reject for their dates, precision or type are left out of it.
 */
export async function readParquetRowsPreview(file: ArrayBuffer, fileName: string, compressors?: Compressors, minRows = PREVIEW_MIN_ROWS): Promise<ImportPreview | null> {
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(file);
  } catch {
    return null;
  }
  // The top-level columns, as the full read takes them (see parquetImport.ts).
  const top = parquetSchema(metadata).children.map((child) => child.element);
  const header = top.map((element) => element.name.trim());
  const rows = Number(metadata.num_rows);
  const lower = new Set(header.map((name) => name.toLowerCase()));
  if (rows < minRows || isAppParquetColumns(header)) return null;
  if (!lower.has('event_id_cnty')) return UCDP_PREVIEW_COLUMNS.every((name) => lower.has(name)) ? readUcdpPreview(file, metadata, top, fileName, compressors) : null;
  if (missingAcledColumns(header).length || isMonadicAcled(header)) return null;
  // Columns by ACLED's name, as the file spells it.
  const nameOf = (acledName: string) => top.find((element) => element.name.trim().toLowerCase() === acledName)?.name;
  const names = new Map(ACLED_PREVIEW_COLUMNS.flatMap((name) => (nameOf(name) ? [[name, nameOf(name)!] as const] : [])));
  const read: ReadOptions = { file, metadata, parsers: { dateFromDays: Number }, ...(compressors ? { compressors } : {}) };
  const date = top.find((element) => element.name === names.get('event_date'));
  const isDateColumn = date?.converted_type === 'DATE' || date?.logical_type?.type === 'DATE';
  try {
    const dates = await columnarDayOrder(openParquet(file, metadata), names.get('event_date'));
    const previewRows = createAcledPreviewRows(dayReader(isDateColumn ? 'days' : undefined, dates.order), rows);
    for (const { from, to } of rowGroupsOf(metadata)) {
      const group = await readGroup(read, [...names.values()], from, to);
      const none: ArrayLike<unknown> = { length: 0 };
      const cells = Object.fromEntries(ACLED_PREVIEW_COLUMNS.map((name) => [name, group[names.get(name) ?? ''] ?? none])) as Record<AcledPreviewColumn, ArrayLike<unknown>>;
      for (let j = 0; j < to - from; j++) previewRows.add((column) => cells[column][j]);
    }
    return previewRows.preview(acledDatasetInfo(fileName).title, rows);
  } catch {
    return null;
  }
}

/** A UCDP GED file's preview: its cells as the full read takes them (columnarRows.ts). */
async function readUcdpPreview(file: ArrayBuffer, metadata: FileMetaData, top: readonly SchemaElement[], fileName: string, compressors?: Compressors): Promise<ImportPreview | null> {
  const names = UCDP_PREVIEW_COLUMNS.map((name) => top.find((element) => element.name.trim().toLowerCase() === name)!.name);
  const rowCells = createRowCells();
  const read: ReadOptions = { file, metadata, ...(compressors ? { compressors } : {}) };
  try {
    const dates = await columnarDayOrder(openParquet(file, metadata), names[UCDP_PREVIEW_COLUMNS.indexOf('date_start')]);
    const previewRows = createUcdpPreviewRows(UCDP_PREVIEW_COLUMNS, { dates });
    for (const { from, to } of rowGroupsOf(metadata)) {
      const group = await readGroup(read, names, from, to);
      const columns = names.map((name) => group[name] ?? { length: 0 });
      for (let j = 0; j < to - from; j++) previewRows.add(rowCells(columns.map((column) => column[j])));
    }
    return previewRows.preview(ucdpDatasetTitle(fileName), Number(metadata.num_rows));
  } catch {
    return null;
  }
}
