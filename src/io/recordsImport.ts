// Tables written as JSON records: what the ACLED API answers ({"data": [...]}), what the UCDP GED
// API answers ({"Result": [...]}), and what pandas writes with to_json: orient="records" ([...]),
// orient="table" ({"schema": …, "data": [...]}), its default orient="columns", "index" and "split";
// and JSON Lines, one record a line.
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

/** A line of JSON Lines that holds no record, and why: it is rejected where it stands. */
export class UnreadLine {
  constructor(readonly reason: string) {}
}

/**
 * The records of JSON Lines (one JSON object a line, as DuckDB's COPY … TO 'x.json', pandas'
 * to_json(lines=True) and jq write them), each with its line number; null for a text that is not
 * (a first line that is not an object, or no second line: a JSON file of one line). A line that is
 * not a JSON object is kept as an UnreadLine.
 */
export function jsonLinesOf(text: string): { records: (JsonRecord | UnreadLine)[]; lines: number[] } | null {
  const body = text.replace(/^\ufeff/, '');
  const firstEnd = body.indexOf('\n');
  // Only a text with a second line is tried (a one-line JSON file is parsed once, as JSON), found
  // without copying the rest of the text.
  const secondLine = /\S/g;
  secondLine.lastIndex = firstEnd + 1;
  if (firstEnd < 0 || !secondLine.test(body)) return null;
  const first = parsedLine(body.slice(0, firstEnd));
  if (first instanceof UnreadLine || !isRecord(first)) return null;
  const records: (JsonRecord | UnreadLine)[] = [];
  const lines: number[] = [];
  body.split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    const value = parsedLine(line);
    records.push(value instanceof UnreadLine ? value : isRecord(value) ? value : new UnreadLine('is not a JSON object'));
    lines.push(k + 1);
  });
  return { records, lines };
}

/** A line's JSON value, or an UnreadLine with JSON.parse's reason. */
function parsedLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    return new UnreadLine(`is not valid JSON (${(error as Error).message})`);
  }
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

/**
 * The records read as rows of an ACLED or UCDP GED table, each placed as `placeOf` says ("record
 * 5" by default), an UnreadLine rejected; or why they cannot be. `onProgress` hears 0 to 1.
 */
export function importRecords(
  records: readonly (JsonRecord | UnreadLine)[],
  fileName: string,
  maxRows: number,
  onProgress?: (fraction: number) => void,
  placeOf: (k: number) => string = (k) => `record ${(k + 1).toLocaleString('en-GB')}`,
): RecordsImport {
  if (records.length > maxRows) return { ok: false, reason: tooManyRows(maxRows) };
  // Every key of every record, in the order met: an API leaves none out, a list made by hand may.
  const keys = new Set<string>();
  for (const record of records) if (!(record instanceof UnreadLine)) for (const key in record) keys.add(key);
  const columns = [...keys];
  const field = dateColumnOf(rowFormatOf(new Set(columns.map((c) => c.trim().toLowerCase()))));
  const dateKey = field === null ? undefined : columnNamed(columns, field);
  const dateKeys = new Set(columns.filter((c) => /^(event_date|date_start|date_end)$/i.test(c.trim())));
  const cellOf = (record: JsonRecord, key: string) => cellText(dateKeys.has(key) ? dayOfPandas(record[key]) : record[key]);
  const sampled = spread(records.length, 4096).flatMap((i) => (records[i] instanceof UnreadLine ? [] : [records[i]!]));
  const dates = dateKey === undefined ? DAY_FIRST : dayOrderOf(sampled.map((record) => cellOf(record, dateKey)));
  const chosen = chooseReader(columns, fileName, records.length, dates);
  if (typeof chosen === 'string') return { ok: false, reason: chosen };
  const { sink, read } = chosen;
  const format = layoutIn(sink.layout, 'JSON');
  const report = createReportBuilder(fileName, format);
  const note = field && dayOrderNote(field, dates);
  if (note) report.note(note);
  records.forEach((record, k) => {
    if (k % PROGRESS_EVERY === 0) onProgress?.(k / records.length);
    const rowReport = report.row(null, () => placeOf(k));
    if (record instanceof UnreadLine) return rowReport.reject('line', record.reason);
    sink.row(read.map((key) => cellOf(record, key)), k + 1, rowReport, k + 1);
  });
  const done = report.finish();
  done.format = format;
  return { ok: true, packed: sink.packed(), report: done };
}
