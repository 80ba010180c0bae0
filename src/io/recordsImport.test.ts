// JSON records of ACLED or UCDP GED rows (the ACLED API's answer, the UCDP GED API's, pandas'
// to_json(orient="records")) open as the same rows in a CSV do.
import { describe, expect, it } from 'vitest';
import { importText } from './importer.ts';
import { describeIssue } from './report.ts';
import { UCDP_COLUMNS } from './ucdp.ts';
import { acledCsv, acledRow, generatedAcledRows, type AcledRow } from '../testing/acledFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';

function read(text: string, fileName: string) {
  const result = importText({ text, fileName });
  if (result.kind !== 'done') throw new Error(`${fileName} not read: ${JSON.stringify(result)}`);
  return result;
}

const ROWS: AcledRow[] = [acledRow({ event_id_cnty: 'ARM1' }), acledRow({ event_id_cnty: 'ARM2', event_date: '2022-09-14', fatalities: '3', latitude: '40.2' }), ...generatedAcledRows(40, 3)];

describe('JSON records of ACLED rows', () => {
  const csv = read(acledCsv(ROWS), 'acled.json');

  it('from the ACLED API ({"data": [...]}, every value text) give the events of the same CSV rows', () => {
    const answer = { status: 200, success: true, last_update: 1, count: ROWS.length, messages: [], data: ROWS };
    const json = read(JSON.stringify(answer), 'acled.json');
    expect(json.dataset).toEqual(csv.dataset);
    expect(json.report).toMatchObject({ format: 'ACLED JSON (current layout)', rowsRead: ROWS.length, imported: csv.report.imported, rejectedRows: 0 });
  });

  it('say how far the reading is, from the parse on', () => {
    const heard: number[] = [];
    const rows = generatedAcledRows(40_000, 5);
    const result = importText({ text: JSON.stringify(rows), fileName: 'many.json', onProgress: (fraction) => heard.push(fraction) });
    expect(result.kind).toBe('done');
    expect(heard).toEqual([0.5, 0.5 + 16_384 / 80_000, 0.5 + 32_768 / 80_000]);
  });

  it('from pandas (a list, numbers as numbers, event_date as milliseconds; orient="table", dates as ISO instants; orient="columns", "index" and "split") give the same events', () => {
    const records = ROWS.map((row) => ({
      ...row,
      event_date: Date.parse(`${row.event_date}T00:00:00Z`),
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      fatalities: Number(row.fatalities),
      year: Number(row.year),
      assoc_actor_2: row.assoc_actor_2 || null,
    }));
    expect(read(JSON.stringify(records), 'acled.json').dataset).toEqual(csv.dataset);
    // orient="table": a schema, then the records under "data", each with its index and its dates as ISO instants.
    const table = { schema: { fields: [], primaryKey: ['index'] }, data: records.map((record, index) => ({ index, ...record, event_date: new Date(record.event_date).toISOString() })) };
    expect(read(JSON.stringify(table), 'acled.json').dataset).toEqual(csv.dataset);
    // to_json's default, orient="columns" ({column: {index: value}}), orient="split" and orient="index".
    const columns = Object.keys(records[0]!) as (keyof (typeof records)[number])[];
    const byColumn = Object.fromEntries(columns.map((column) => [column, Object.fromEntries(records.map((record, index) => [String(index), record[column]]))]));
    expect(read(JSON.stringify(byColumn), 'acled.json').dataset).toEqual(csv.dataset);
    const split = { columns, index: records.map((_, index) => index), data: records.map((record) => columns.map((column) => record[column])) };
    expect(read(JSON.stringify(split), 'acled.json').dataset).toEqual(csv.dataset);
    const byIndex = Object.fromEntries(records.map((record, index) => [String(index), record]));
    expect(read(JSON.stringify(byIndex), 'acled.json').dataset).toEqual(csv.dataset);
  });

  it('as JSON Lines (one a line, as DuckDB and jq write them) give the same events; a line that is no record is rejected by its number, and the others load', () => {
    const lines = ROWS.map((row) => JSON.stringify(row));
    expect(read(`${lines.join('\n')}\n`, 'acled.json').dataset).toEqual(csv.dataset);
    const damaged = [lines[0], '', '{"event_id_cnty": "ARM9", "event_date', '42', ...lines.slice(1)].join('\r\n');
    const { dataset, report } = read(damaged, 'damaged.jsonl');
    expect(dataset.events).toEqual(csv.dataset.events);
    expect(report.rejections.map(describeIssue)).toEqual([expect.stringMatching(/^line 3: line is not valid JSON \(.+\)$/), 'line 4: line is not a JSON object']);
    expect(report).toMatchObject({ rowsRead: ROWS.length + 2, imported: ROWS.length, rejectedRows: 2 });
  });

  it('name a bad record by its number and load the others; read numeric dates month first where they are written so', () => {
    const records = [acledRow({ event_id_cnty: 'ARM1', event_date: '9/13/2022' }), acledRow({ event_id_cnty: 'ARM2', event_date: '31 September 2022' }), acledRow({ event_id_cnty: 'ARM3', event_date: '9/10/2022' })];
    const { dataset, report } = read(JSON.stringify({ data: records }), 'us.json');
    expect(dataset.events.map((event) => [event.id, event.start.at.slice(0, 10)])).toEqual([
      ['ARM1', '2022-09-13'],
      ['ARM3', '2022-09-10'],
    ]);
    expect(report.rejections.map(describeIssue)).toEqual(['record 2: event_date "31 September 2022" is not a date']);
    expect(report.notes).toEqual([expect.stringMatching(/^event_date has its dates month first \(9\/13\/2022\)/)]);
  });
});

describe('JSON records of UCDP GED rows', () => {
  it('from the UCDP GED API ({"Result": [...]}, numbers typed, dates with a midnight time) give the events of the same CSV rows', () => {
    const lines = [ucdpRow(1), ucdpRow(2, 'Group 2', '2022-09-10'), ucdpRow(3, 'Group 3', '2021-11-16')];
    const csv = read(UCDP_HEADER + lines.join(''), 'ged.json');
    const numeric = new Set(['id', 'year', 'type_of_violence', 'latitude', 'longitude', 'best', 'high', 'low', 'deaths_a', 'deaths_b']);
    const records = lines.map((line) =>
      Object.fromEntries(
        line.trimEnd().split(',').map((cell, k) => {
          const column = UCDP_COLUMNS[k]!;
          return [column, numeric.has(column) ? Number(cell) : /^date_(start|end)$/.test(column) ? `${cell}T00:00:00.000` : cell];
        }),
      ),
    );
    const json = read(JSON.stringify({ TotalCount: 3, TotalPages: 1, PreviousPageUrl: '', NextPageUrl: '', Result: records }), 'ged.json');
    expect(json.dataset).toEqual(csv.dataset);
    expect(json.report.format).toBe('UCDP GED JSON');
  });
});

describe('JSON records of other rows', () => {
  it('are refused with the columns they have and those an ACLED or GED file needs, and an API’s failed or empty answer says so; the app’s own JSON is still read as itself', () => {
    const result = importText({ text: JSON.stringify([{ name: 'a', when: '2022-09-13' }]), fileName: 'other.json' });
    expect(result).toEqual({ kind: 'not-a-dataset', message: expect.stringMatching(/^other\.json has no recognisable columns: it has name, when; an ACLED file needs event_id_cnty/) });
    const app = importText({ text: JSON.stringify({ title: 'x', events: [], actors: [], data: [{ a: 1 }] }), fileName: 'app.json' });
    expect(app.kind).toBe('done');
    // An API's answer to a failed or empty query, saved as it came.
    expect(importText({ text: JSON.stringify({ status: 403, success: false, error: { message: 'Access denied' } }), fileName: 'denied.json' })).toEqual({
      kind: 'not-a-dataset',
      message: "denied.json is an API's answer that reports a failure (status 403), not data.",
    });
    expect(importText({ text: JSON.stringify({ TotalCount: 0, Result: [] }), fileName: 'none.json' })).toEqual({ kind: 'not-a-dataset', message: "none.json is an API's answer with no records in it." });
  });
});
