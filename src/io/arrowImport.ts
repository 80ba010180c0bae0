// An Arrow IPC file (Feather v2 is one) opened with apache-arrow, its rows read a record batch at
// a time. Arrow gives dates and timestamps as milliseconds: they are made dates here, so that the
// cells read YYYY-MM-DD as a CSV's would.
import { DataType, tableFromIPC, type Vector } from 'apache-arrow';
import { endsWhole, type ColumnarTable } from './columnarFormat.ts';

/** A column's value at a row, dates as Date. */
function valueReader(column: Vector): (row: number) => unknown {
  const type = column.type as DataType;
  if (DataType.isDate(type) || DataType.isTimestamp(type)) {
    return (row) => {
      const ms = column.get(row) as number | bigint | null;
      return ms === null || ms === undefined ? null : new Date(Number(ms));
    };
  }
  return (row) => column.get(row) as unknown;
}

export function openArrow(bytes: ArrayBuffer): ColumnarTable {
  const whole = new Uint8Array(bytes);
  if (!endsWhole(whole, 'arrow')) throw new Error('it is cut short: a whole Arrow file ends with ARROW1');
  const table = tableFromIPC(whole);
  const columns = table.schema.fields.map((field) => field.name);
  const groups = table.batches.map((batch) => ({
    rows: batch.numRows,
    read: async () => {
      const readers = columns.map((_, i) => {
        const column = batch.getChildAt(i);
        return column ? valueReader(column) : () => null;
      });
      const rows: unknown[][] = [];
      for (let r = 0; r < batch.numRows; r++) rows.push(readers.map((read) => read(r)));
      return rows;
    },
  }));
  return { columns, groups, groupName: 'record batch' };
}
