// Tables written as JSON records: what the ACLED API answers ({"data": [...]}), what the UCDP GED
// API answers ({"Result": [...]}), and what pandas writes with to_json: orient="records" ([...]),
// orient="table" ({"schema": …, "data": [...]}), its default orient="columns", "index" and "split".
// Each record is a row of ACLED's or GED's columns, read by the same row readers, checks and
// report as the CSV (see tableReaders.ts).
import type { PackedEvents } from '../table/packedEvents.ts';
import { columnNamed, spread } from './columnarDates.ts';
import { cellText } from './columnarRows.ts';
import { DAY_FIRST, dayOrderNote, dayOrderOf } from './dates.ts';
import { tooManyRows } from './limits.ts';
import { createReportBuilder, type ImportReport } from './report.ts';
import { chooseReader, dateColumnOf, layoutIn, rowFormatOf } from './tableReaders.ts';

type JsonRecord = Record<string, unknown>;

const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The records of a table pandas wrote otherwise than as a list: orient="columns", its to_json
 * default ({column: {index: value}}), orient="index" ({index: {column: value}}) and orient="split"
 * ({columns, index, data: rows of values}); null for anything else.
 */
function pandasColumnsRecords(answer: JsonRecord): JsonRecord[] | null {
  const { columns, data } = answer;
  if (Array.isArray(columns) && Array.isArray(data) && data.length && data.every(Array.isArray))
    return data.map((row: unknown[]) => Object.fromEntries(columns.map((column, k) => [String(column), row[k]])));
  const names = Object.keys(answer);
  const byColumn = names.map((name) => answer[name]);
  if (!names.length || !byColumn.every(isRecord)) return null;
  const index = Object.keys(byColumn[0]!);
  // orient="index" ({index: {column: value}}): each value is a record already.
  if (rowFormatOf(new Set(index.map((key) => key.trim().toLowerCase())))) return byColumn;
  return index.length ? index.map((i) => Object.fromEntries(names.map((name, k) => [name, byColumn[k]![i]]))) : null;
}

/**
 * A parsed JSON file's records, where it is a list of them, an API's answer holding one, or a table
 * pandas wrote column by column (not the app's own dataset, which has "events"); why there are
 * none, where it is an API's answer without them (a failed or empty query saved as it came); else
 * null.
 */
export function recordsOf(value: unknown): JsonRecord[] | { problem: string } | null {
  const answer = isRecord(value) && !('events' in value) ? value : null;
  if (answer?.success === false) return { problem: `is an API's answer that reports a failure${typeof answer.status === 'number' ? ` (status ${answer.status})` : ''}, not data` };
  const list = Array.isArray(value) ? value : (answer?.data ?? answer?.Result);
  if (Array.isArray(list) && list.length === 0 && answer) return { problem: 'is an API\'s answer with no records in it' };
  if (Array.isArray(list) && list.length > 0 && list.every(isRecord)) return list;
  return answer && pandasColumnsRecords(answer);
}

/** Milliseconds since 1970 from 1973 on: a date column pandas wrote as a number (its to_json default for dates). */
const EPOCH_MS_FROM = 1e11;

/** A date pandas wrote as ISO (date_format="iso", orient="table"'s default): midnight UTC of its day. */
const PANDAS_ISO_DAY = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?Z$/;

/** A date column's value as its day's cell where pandas wrote it as a number or an ISO instant; any other value as it is. */
function dayOfPandas(value: unknown): unknown {
  if (typeof value === 'number') return value >= EPOCH_MS_FROM ? new Date(value) : value;
  return typeof value === 'string' ? (PANDAS_ISO_DAY.exec(value)?.[1] ?? value) : value;
}

export type RecordsImport = { ok: true; packed: PackedEvents; report: ImportReport } | { ok: false; reason: string };

/** Records read between two progress reports. */
const PROGRESS_EVERY = 16_384;

/** The records read as rows of an ACLED or UCDP GED table, numbered from 1; or why they cannot be. `onProgress` hears 0 to 1. */
export function importRecords(records: readonly JsonRecord[], fileName: string, maxRows: number, onProgress?: (fraction: number) => void): RecordsImport {
  if (records.length > maxRows) return { ok: false, reason: tooManyRows(maxRows) };
  // Every key of every record, in the order met: an API leaves none out, a list made by hand may.
  const keys = new Set<string>();
  for (const record of records) for (const key in record) keys.add(key);
  const columns = [...keys];
  const field = dateColumnOf(rowFormatOf(new Set(columns.map((c) => c.trim().toLowerCase()))));
  const dateKey = field === null ? undefined : columnNamed(columns, field);
  const dateKeys = new Set(columns.filter((c) => /^(event_date|date_start|date_end)$/i.test(c.trim())));
  const cellOf = (record: JsonRecord, key: string) => cellText(dateKeys.has(key) ? dayOfPandas(record[key]) : record[key]);
  const dates = dateKey === undefined ? DAY_FIRST : dayOrderOf(spread(records.length, 4096).map((i) => cellOf(records[i]!, dateKey)));
  const chosen = chooseReader(columns, fileName, records.length, dates);
  if (typeof chosen === 'string') return { ok: false, reason: chosen };
  const { sink, read } = chosen;
  const format = layoutIn(sink.layout, 'JSON');
  const report = createReportBuilder(fileName, format);
  const note = field && dayOrderNote(field, dates);
  if (note) report.note(note);
  records.forEach((record, k) => {
    if (k % PROGRESS_EVERY === 0) onProgress?.(k / records.length);
    const n = k + 1;
    sink.row(read.map((key) => cellOf(record, key)), n, report.row(null, () => `record ${n.toLocaleString('en-GB')}`), n);
  });
  const done = report.finish();
  done.format = format;
  return { ok: true, packed: sink.packed(), report: done };
}
