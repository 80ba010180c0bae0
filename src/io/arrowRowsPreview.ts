// A first look at a large ACLED or UCDP GED Arrow file (or Feather v2), as parquetRowsPreview.ts
// gives for Parquet: each row's days and type (see acledPreview.ts, ucdpPreview.ts), from those
// columns alone, read while the helpers read the rest. For ACLED only the dyadic layout, as for Parquet.
import { DataType, type Table, type Vector } from 'apache-arrow';
import { acledDatasetInfo, missingAcledColumns } from './acled.ts';
import { ACLED_PREVIEW_COLUMNS, createAcledPreviewRows, dayReader } from './acledPreview.ts';
import { isMonadicAcled } from './acledRow.ts';
import { PREVIEW_MIN_ROWS, type ImportPreview } from './appParquetPreview.ts';
import { arrowColumnar, openArrowTable, valueReader } from './arrowImport.ts';
import { columnarDayOrder } from './columnarDates.ts';
import { createRowCells } from './columnarRows.ts';
import { ucdpDatasetTitle } from './ucdp.ts';
import { createUcdpPreviewRows, UCDP_PREVIEW_COLUMNS } from './ucdpPreview.ts';

/**
 * The preview of a dyadic ACLED or a UCDP GED Arrow file of at least `minRows` rows; null for any
 * other file, or when its columns cannot be read (the full read then says why).
 */
export async function readArrowRowsPreview(bytes: ArrayBuffer, fileName: string, minRows = PREVIEW_MIN_ROWS): Promise<ImportPreview | null> {
  try {
    const table = openArrowTable(bytes);
    const header = table.schema.fields.map((field) => field.name.trim());
    const lower = header.map((name) => name.toLowerCase());
    if (table.numRows < minRows) return null;
    if (!lower.includes('event_id_cnty')) return UCDP_PREVIEW_COLUMNS.every((name) => lower.includes(name)) ? await ucdpPreview(table, lower, fileName) : null;
    if (missingAcledColumns(header).length || isMonadicAcled(header)) return null;
    const at = Object.fromEntries(ACLED_PREVIEW_COLUMNS.map((name) => [name, lower.indexOf(name)]));
    const dateField = table.schema.fields[at.event_date!];
    // Dates and timestamps come as milliseconds, without a Date made for each row.
    const dated = dateField !== undefined && (DataType.isDate(dateField.type) || DataType.isTimestamp(dateField.type));
    const dates = await columnarDayOrder(arrowColumnar(table), dateField?.name);
    const rows = createAcledPreviewRows(dayReader(dated ? 'milliseconds' : undefined, dates.order), table.numRows);
    for (const batch of table.batches) {
      const none = { get: () => null };
      const vectors = Object.fromEntries(ACLED_PREVIEW_COLUMNS.map((name) => [name, (at[name]! >= 0 ? batch.getChildAt(at[name]!) : null) ?? none])) as Record<string, Pick<Vector, 'get'>>;
      for (let row = 0; row < batch.numRows; row++) rows.add((column) => vectors[column]!.get(row));
    }
    return rows.preview(acledDatasetInfo(fileName).title, table.numRows);
  } catch {
    return null;
  }
}

/** A UCDP GED file's preview: its cells as the full read takes them (arrowImport.ts, columnarRows.ts). */
async function ucdpPreview(table: Table, lower: readonly string[], fileName: string): Promise<ImportPreview | null> {
  const rows = createUcdpPreviewRows(UCDP_PREVIEW_COLUMNS, { dates: await columnarDayOrder(arrowColumnar(table), table.schema.fields[lower.indexOf('date_start')]?.name) });
  const rowCells = createRowCells();
  for (const batch of table.batches) {
    const values = UCDP_PREVIEW_COLUMNS.map((name) => valueReader(batch.getChildAt(lower.indexOf(name))!));
    for (let row = 0; row < batch.numRows; row++) rows.add(rowCells(values.map((value) => value(row))));
  }
  return rows.preview(ucdpDatasetTitle(fileName), table.numRows);
}
