// The order of a Parquet or Arrow file's numeric dates, as a CSV's is told (see dayOrderOf): a
// pipeline that read a spreadsheet's CSV as text (pandas' read_csv) writes its 9/13/2022 as text.
// Decided once per file, from values spread through it, so that the whole read, every part and the
// preview read dates alike. A typed date column (DATE, TIMESTAMP) has no order to tell, and is not read.
import { DAY_FIRST, dayOrderOf, type FileDayOrder } from './dates.ts';
import type { ColumnarTable } from './columnarFormat.ts';
import { cellText } from './columnarRows.ts';

/** Groups sampled, and values sampled in all: about what a CSV's 16 slices of 16 kB hold. */
const SAMPLE_GROUPS = 16;
const SAMPLE_VALUES = 4096;

/** `count` indexes spread evenly over [0, length), the first included; all of them where there are fewer. */
export const spread = (length: number, count: number): number[] =>
  length <= count ? Array.from({ length }, (_, i) => i) : Array.from({ length: count }, (_, k) => Math.floor((length * k) / count));

/**
 * The order of the dates in `column` (the file's own spelling; none: day first), from text values
 * of up to 16 groups spread through the file. A group that cannot be read is passed over: the
 * full read reports it.
 */
export async function columnarDayOrder(table: ColumnarTable, column: string | undefined): Promise<FileDayOrder> {
  if (column === undefined || !table.textColumns.has(column)) return DAY_FIRST;
  const groups = spread(table.groups.length, SAMPLE_GROUPS);
  const samples: string[] = [];
  for (const g of groups) {
    const rows = await table.groups[g]!.read([column]).catch(() => null);
    if (!rows) continue;
    for (const i of spread(rows.length, Math.ceil(SAMPLE_VALUES / groups.length))) {
      samples.push(cellText(rows[i]![0]));
    }
  }
  return dayOrderOf(samples);
}

/** The file's spelling of column `name` (lower case, as ACLED writes it), if it has one. */
export const columnNamed = (columns: readonly string[], name: string): string | undefined => columns.find((c) => c.trim().toLowerCase() === name);
