import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from './importer.ts';
import { acledCsv, acledRow, europeanSpreadsheetCsv } from '../testing/acledFixture.ts';
import { describeIssue, type ImportReport } from './report.ts';
import type { Dataset } from '../model/schema.ts';

function done(result: ImportResult): { dataset: Dataset; report: ImportReport } {
  if (result.kind !== 'done') throw new Error(`expected an import, got ${JSON.stringify(result)}`);
  return result;
}

const run = (text: string, fileName = 'acled.csv') => done(importText({ text, fileName }));

describe('ACLED CSV', () => {
  it('reads the current layout: type, actors with sides and roles, place, zone, counts and sources', () => {
    const { dataset, report } = run(acledCsv([acledRow({ assoc_actor_1: 'Azerbaijani Border Guards; Civilians (Azerbaijan)' })]));
    expect(report).toMatchObject({ format: 'ACLED CSV (current layout)', rowsRead: 1, imported: 1, rejectedRows: 0, fixedRows: 0 });
    const [event] = dataset.events;
    expect(event).toMatchObject({
      id: 'ARM100',
      type: 'clash',
      title: { en: 'Armed clash: Military Forces of Azerbaijan – Military Forces of Armenia, Sotk' },
      description: { en: expect.stringContaining('near Sotk') },
      start: { at: '2022-09-13T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      place: { name: { en: 'Sotk' }, country: 'ARM', lat: 40.2, lon: 45.9333, admin: ['Gegharkunik'] },
      counts: [{ kind: 'killed', value: 3, claimant: 'acled', claimedOn: '2022-09-20' }],
    });
    expect(event!.actors.map((a) => [a.actor, a.role, a.side, a.name])).toEqual([
      ['military-forces-of-azerbaijan', 'participant', 1, 'Military Forces of Azerbaijan (2003-)'],
      ['azerbaijani-border-guards', 'associate', 1, undefined],
      ['civilians-azerbaijan', 'associate', 1, undefined],
      ['military-forces-of-armenia', 'participant', 2, 'Military Forces of Armenia (2018-)'],
    ]);
    expect(event!.sources.map((s) => s.publisher)).toEqual(['ACLED', 'Armenpress', 'News.am']);
    const forces = dataset.actors.find((a) => a.id === 'military-forces-of-azerbaijan');
    expect(forces).toMatchObject({ kind: 'state-forces', aliases: ['Military Forces of Azerbaijan (2003-)'] });
  });

  it('reads the pre-2023 layout with its HXL row, numeric inter codes and no fatalities column', () => {
    const text = acledCsv([acledRow({ inter1: '1', inter2: '2' })], { layout: 'pre2023', hxl: true });
    const { dataset, report } = run(text);
    expect(report).toMatchObject({ format: 'ACLED CSV (pre-2023 layout)', rowsRead: 1, imported: 1 });
    expect(report.notes[0]).toMatch(/^row 2 is an HXL hashtag row/);
    expect(dataset.events[0]!.counts).toEqual([]); // no column: unknown, not zero
    expect(dataset.actors.find((a) => a.id === 'military-forces-of-armenia')?.kind).toBe('armed-group');
  });

  it('groups period suffixes into one actor and keeps every suffixed name', () => {
    const text = acledCsv([
      acledRow({ event_id_cnty: 'ARM1', actor2: 'Military Forces of Armenia (2008-2018)' }),
      acledRow({ event_id_cnty: 'ARM2', actor2: 'Military Forces of Armenia (2018-)' }),
    ]);
    const { dataset } = run(text);
    const armenia = dataset.actors.filter((a) => a.names.en === 'Military Forces of Armenia');
    expect(armenia).toHaveLength(1);
    expect(armenia[0]!.aliases).toEqual(['Military Forces of Armenia (2008-2018)', 'Military Forces of Armenia (2018-)']);
    expect(dataset.events.map((e) => e.actors[1]!.actor)).toEqual(['military-forces-of-armenia', 'military-forces-of-armenia']);
  });

  it.each(['2022-09-15', '15 September 2022', '15-Sep-22', '15/09/2022', '20220915', '2022-09-15 00:00:00'])('reads the date %s as 15 Sep 2022, which is reading, not a fix', (date) => {
    const { dataset, report } = run(acledCsv([acledRow({ event_date: date, year: '2022' })]));
    expect(dataset.events[0]!.start.at).toBe('2022-09-15T00:00:00+04:00');
    expect(report.fixedRows).toBe(0);
    expect(report.fixes).toEqual([]);
  });

  it('reads the dates of a file saved month first (9/13/2022) so, and notes it', () => {
    const { dataset, report } = run(acledCsv([
      acledRow({ event_id_cnty: 'A', event_date: '9/13/2022' }),
      acledRow({ event_id_cnty: 'B', event_date: '9/10/2022' }),
      acledRow({ event_id_cnty: 'C', event_date: '2022-09-14' }),
    ]));
    expect(dataset.events.map((e) => [e.id, e.start.at.slice(0, 10)])).toEqual([['A', '2022-09-13'], ['B', '2022-09-10'], ['C', '2022-09-14']]);
    expect(report.notes).toEqual(['event_date has its dates month first (9/13/2022), as US spreadsheets save them: every date written with numbers alone was read month first']);
    expect(report.fixes).toEqual([]);
  });

  it('reads a file with dates only day first (14/9/2022) and others either way day first, without a note', () => {
    const { dataset, report } = run(acledCsv([acledRow({ event_id_cnty: 'A', event_date: '14/9/2022' }), acledRow({ event_id_cnty: 'B', event_date: '9/10/2022' })]));
    expect(dataset.events.map((e) => e.start.at.slice(0, 10))).toEqual(['2022-09-14', '2022-10-09']);
    expect(report.notes).toEqual([]);
  });

  it('reads numeric dates day first where the file gives no day over 12 to tell, and says so', () => {
    const { dataset, report } = run(acledCsv([acledRow({ event_date: '9/10/2022' })]));
    expect(dataset.events[0]!.start.at.slice(0, 10)).toBe('2022-10-09');
    expect(report.notes).toEqual([expect.stringMatching(/^event_date has dates written with numbers alone, .* read day first$/)]);
  });

  it('reads an export a spreadsheet saved with semicolons, decimal commas and dates day.month.year as the export itself', () => {
    const rows = [acledRow(), acledRow({ event_id_cnty: 'ARM101', event_date: '2022-09-14', latitude: '-39.5', longitude: '46.25', notes: 'Shelling, then a lull; "heavy" fire' })];
    const saved = europeanSpreadsheetCsv(rows);
    expect(saved).toContain(';40,2000;');
    const { dataset, report } = run(saved, 'acled-excel.csv');
    expect(dataset.events).toEqual(run(acledCsv(rows)).dataset.events);
    expect(report).toMatchObject({ format: 'ACLED CSV (current layout)', imported: 2, rejectedRows: 0, fixedRows: 0, notes: [] });
  });

  it('rejects a yyyymmdd date that disagrees with the year column, saying so', () => {
    const { dataset, report } = run(acledCsv([acledRow({ event_id_cnty: 'OFF', event_date: '20210915', year: '2022' }), acledRow({ event_id_cnty: 'NO-YEAR', event_date: '20210915', year: '' })]));
    expect(report.rejections.map(describeIssue)).toEqual(["row 2: event_date \"20210915\" is a yyyymmdd date in 2021, but the row's year is 2022"]);
    expect(dataset.events.map((e) => e.start.at)).toEqual(['2021-09-15T00:00:00+04:00']);
  });

  it('builds the id of a row with an empty event_id_cnty from data_id, else from iso and event_id_no_cnty, and reports it', () => {
    const { dataset, report } = run(acledCsv([
      acledRow({ event_id_cnty: '', data_id: '7327674' }),
      acledRow({ event_id_cnty: 'NA', data_id: 'NA', event_id_no_cnty: '4966' }),
      acledRow({ event_id_cnty: '', data_id: '', event_id_no_cnty: '' }),
    ], { layout: 'pre2023' }));
    expect(dataset.events.map((e) => e.id)).toEqual(['acled-data-7327674', 'acled-arm-4966']);
    expect(report).toMatchObject({ imported: 2, fixedRows: 2, rejectedRows: 1 });
    expect(report.fixes.map(describeIssue)).toEqual([
      'row 2: event_id_cnty was empty; the id acled-data-7327674 was built from data_id 7327674',
      'row 3: event_id_cnty was empty; the id acled-arm-4966 was built from iso3 ARM and event_id_no_cnty 4966',
    ]);
    expect(describeIssue(report.rejections[0]!)).toBe('row 4: event_id_cnty is empty, and there is no data_id, nor iso and event_id_no_cnty, to build an id from');
    // The current layout has iso (a number) and no data_id column.
    const current = run(acledCsv([acledRow({ event_id_cnty: '', event_id_no_cnty: '12' })]));
    expect(current.report.rejections[0]!.message).toBe('is empty');
  });

  it('numbers rows as a spreadsheet shows them: the HXL row and blank lines are rows', () => {
    const text = acledCsv([acledRow({ event_id_cnty: 'A' })], { layout: 'pre2023', hxl: true }) + '\n' + acledCsv([acledRow({ event_id_cnty: 'A' })], { layout: 'pre2023' }).split('\n')[1] + '\n';
    const { report } = run(text);
    expect(report.rejections.map(describeIssue)).toEqual(['row 5: event_id_cnty "A" repeats the id of row 3']);
  });

  it('maps event types, and tells ceasefires from other agreements by their notes', () => {
    const rows = [
      acledRow({ event_id_cnty: 'A1', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' }),
      acledRow({ event_id_cnty: 'A2', event_type: 'Protests', sub_event_type: 'Peaceful protest' }),
      acledRow({ event_id_cnty: 'A3', event_type: 'Strategic developments', sub_event_type: 'Agreement', notes: 'A ceasefire was agreed at 20:00.' }),
      acledRow({ event_id_cnty: 'A4', event_type: 'Strategic developments', sub_event_type: 'Agreement', notes: 'A prisoner exchange was agreed.' }),
      acledRow({ event_id_cnty: 'A5', event_type: 'Strategic developments', sub_event_type: 'Arrests' }),
      acledRow({ event_id_cnty: 'A6', event_type: 'Violence against civilians', sub_event_type: 'Attack' }),
    ];
    const { dataset } = run(acledCsv(rows));
    expect(dataset.events.map((e) => e.type)).toEqual(['remote-violence', 'protest', 'ceasefire', 'agreement', 'other', 'violence-against-civilians']);
    expect(dataset.events[2]!.actors.map((a) => a.role)).toEqual(['signatory', 'signatory']);
    expect(dataset.events[5]!.actors.map((a) => a.role)).toEqual(['initiator', 'target']);
  });

  it('turns time_precision 2 and 3 into a week and a month', () => {
    const { dataset } = run(acledCsv([
      acledRow({ event_id_cnty: 'W', time_precision: '2', event_date: '2022-09-15' }),
      acledRow({ event_id_cnty: 'M', time_precision: '3', event_date: '2022-09-15' }),
    ]));
    expect(dataset.events.map((e) => [e.start.at, e.start.precision])).toEqual([
      ['2022-09-15T00:00:00+04:00', 'week'],
      ['2022-09-01T00:00:00+04:00', 'month'],
    ]);
  });

  it.each([
    ['1663632000', '2022-09-20'],
    ['1663632000.0', '2022-09-20'],
    ['2022-09-20', '2022-09-20'],
    ['2022-09-20 17:40:00', '2022-09-20'],
    ['2022-09-20T01:00:00+03:00', '2022-09-19'],
    ['2022-09-19T22:00:00-0300', '2022-09-20'],
  ])('reads the timestamp %s (Unix seconds, or the date a pipeline made of them) as the UTC day %s, not a fix', (timestamp, day) => {
    const { dataset, report } = run(acledCsv([acledRow({ timestamp })]));
    const [event] = dataset.events;
    expect(event!.counts[0]!.claimedOn).toBe(day);
    expect(event!.sources[0]).toMatchObject({ publisher: 'ACLED', date: day });
    expect(report.fixes).toEqual([]);
  });

  it.each(['1663632000000', 'last week', '2022-09-31'])('dates the record by the event’s day where the timestamp %s is not a time, and reports it', (timestamp) => {
    const { dataset, report } = run(acledCsv([acledRow({ timestamp })]));
    const [event] = dataset.events;
    expect(report).toMatchObject({ imported: 1, fixedRows: 1 });
    expect(report.fixes.map(describeIssue)).toEqual([`row 2: timestamp "${timestamp}" is not a Unix time in seconds, nor a date; the ACLED record and its count are dated by the event’s day`]);
    expect(event!.counts[0]!.claimedOn).toBe('2022-09-13');
    expect(event!.sources[0]).not.toHaveProperty('date');
  });

  it('reads whole numbers written as floats (3.0, as pandas writes a column with a missing cell) as they are, not as a fix', () => {
    const { dataset, report } = run(acledCsv([acledRow({ fatalities: '3.0', time_precision: '2.0' }), acledRow({ event_id_cnty: 'HALF', fatalities: '3.5' })]));
    expect(dataset.events.map((e) => [e.id, e.counts[0]!.value, e.start.precision])).toEqual([['ARM100', 3, 'week']]);
    expect(report.fixes).toEqual([]);
    expect(describeFirst(report)).toBe('row 3: fatalities "3.5" is not a whole number of 0 or more');
  });

  it('reads fatalities 0 as a known zero and an empty cell as unknown', () => {
    const { dataset } = run(acledCsv([acledRow({ event_id_cnty: 'Z', fatalities: '0' }), acledRow({ event_id_cnty: 'U', fatalities: '' })]));
    expect(dataset.events[0]!.counts[0]!.value).toBe(0);
    expect(dataset.events[1]!.counts).toEqual([]);
  });

  it.each([
    [{ event_date: '31 September 2022' }, 'event_date', 'row 2: event_date "31 September 2022" is not a date'],
    [{ event_date: '' }, 'event_date', 'row 2: event_date is empty'],
    [{ event_type: 'Parade' }, 'event_type', 'row 2: event_type "Parade" is not an ACLED event type'],
    [{ actor1: '' }, 'actor1', 'row 2: actor1 is empty'],
    [{ event_id_cnty: '' }, 'event_id_cnty', 'row 2: event_id_cnty is empty'],
    [{ latitude: 'north' }, 'latitude', 'row 2: latitude "north" is not a latitude'],
    [{ longitude: '200' }, 'longitude', 'row 2: longitude "200" is not a longitude'],
    [{ fatalities: '-3' }, 'fatalities', 'row 2: fatalities "-3" is not a whole number of 0 or more'],
    [{ time_precision: '7' }, 'time_precision', 'row 2: time_precision "7" is not 1, 2 or 3'],
    [{ iso: '', country: 'Atlantis' }, 'country', 'row 2: country "Atlantis" is not a country we know'],
  ])('rejects %j with the line, field and reason', (overrides, field, sentence) => {
    const text = acledCsv([acledRow(overrides), acledRow({ event_id_cnty: 'GOOD' })]);
    const { dataset, report } = run(text);
    expect(report).toMatchObject({ rowsRead: 2, imported: 1, rejectedRows: 1 });
    expect(report.rejections[0]).toMatchObject({ line: 2, field });
    expect(describeFirst(report)).toBe(sentence);
    expect(dataset.events.map((e) => e.id)).toEqual(['GOOD']);
  });

  it('rejects a repeated id, naming the line of the first', () => {
    const { report } = run(acledCsv([acledRow(), acledRow()]));
    expect(report.rejections[0]).toMatchObject({ line: 3, row: 3, field: 'event_id_cnty', message: 'repeats the id of row 2' });
  });

  it('rejects rows with the wrong number of fields and counts lines across quoted line breaks', () => {
    const good = acledCsv([acledRow({ event_id_cnty: 'A', notes: 'first line\nsecond line\nthird' }), acledRow({ event_id_cnty: 'B' })]);
    const text = `${good}ARM9,too,few\r\n${acledCsv([acledRow({ event_id_cnty: 'C', event_date: 'soon' })]).split('\n')[1]}\n`;
    const { report } = run(text);
    expect(report).toMatchObject({ rowsRead: 4, imported: 2, rejectedRows: 2 });
    // Row A starts on line 2 and spans three lines, so B is line 5, the short row line 6, C line 7.
    expect(report.rejections.map((r) => [r.line, r.field])).toEqual([[6, 'row'], [7, 'event_date']]);
    expect(report.rejections[0]!.message).toBe('has 3 fields; the header has 31');
    // As a spreadsheet shows the file, A is row 2 however many lines it spans: the short row is row 4.
    expect(report.rejections.map((r) => r.row)).toEqual([4, 5]);
    expect(report.rejections.map(describeIssue)).toEqual(['row 4 (line 6 of the file): row has 3 fields; the header has 31', 'row 5 (line 7 of the file): event_date "soon" is not a date']);
  });

  it('trims spaces and reports it, and skips blank lines with a note', () => {
    const text = acledCsv([acledRow({ location: '  Sotk ' })]) + '\n\n' + acledCsv([acledRow({ event_id_cnty: 'X2' })]).split('\n')[1] + '\n';
    const { dataset, report } = run(text);
    expect(dataset.events[0]!.place!.name.en).toBe('Sotk');
    expect(report.fixes[0]).toMatchObject({ line: 2, field: 'location', message: 'had spaces around it, which were trimmed' });
    expect(report.notes).toContain('2 blank lines were skipped');
    expect(report.rejectedRows + report.imported).toBe(report.rowsRead);
  });

  it('keeps each row its own tags, place and actor names, whatever "|" or line breaks the cells hold', () => {
    // Rows whose cells, joined with "|", would read the same.
    const rows = [
      acledRow({ event_id_cnty: 'P1', disorder_type: 'A|B', civilian_targeting: '', location: 'X|ARM', admin1: '' }),
      acledRow({ event_id_cnty: 'P2', disorder_type: 'A', civilian_targeting: 'B|', location: 'X', admin1: 'ARM' }),
      acledRow({ event_id_cnty: 'P3', actor1: 'Group|participant|1|', actor2: '' }),
      acledRow({ event_id_cnty: 'P4', actor1: 'Group', actor2: '' }),
    ];
    for (const text of [acledCsv(rows)]) {
      const { dataset } = run(text);
      const [p1, p2, p3, p4] = dataset.events;
      expect(p1!.tags).toEqual(['disorder: A|B']);
      expect(p2!.tags).toEqual(['disorder: A', 'civilian targeting: B|']);
      expect([p1!.place!.name, p1!.place!.admin]).toEqual([{ en: 'X|ARM' }, undefined]);
      expect([p2!.place!.name, p2!.place!.admin]).toEqual([{ en: 'X' }, ['ARM']]);
      expect(p3!.actors[0]!.actor).not.toBe(p4!.actors[0]!.actor);
    }
  });

  it('refuses a CSV that claims to be ACLED but lacks its columns', () => {
    const result = importText({ text: 'event_id_cnty,event_date\nA,2022-09-13\n', fileName: 'half.csv' });
    expect(result).toEqual({ kind: 'not-a-dataset', message: 'half.csv is not an ACLED export: it has no event_type, actor1 columns.' });
  });
});

function describeFirst(report: ImportReport): string {
  return describeIssue(report.rejections[0]!);
}

describe('geo_precision: how closely the coordinates locate the event', () => {
  it('reads 1, 2 and 3 as point, near and region, and names a code it does not know', () => {
    const codes = ['1', '2', '3', '3.0', '', '7'];
    const { dataset, report } = run(acledCsv(codes.map((code, i) => acledRow({ event_id_cnty: `GEO${i}`, geo_precision: code }))));
    const precisionOf = new Map(dataset.events.map((e) => [e.id, e.place?.precision ?? null]));
    expect(codes.map((_, i) => precisionOf.get(`GEO${i}`))).toEqual(['point', 'near', 'region', 'region', null, null]);
    expect(report.fixes.map(describeIssue)).toEqual(['row 7: geo_precision "7" is not an ACLED geo_precision (1, 2 or 3); the place’s precision is left unstated']);
    expect(report.imported).toBe(codes.length);
  });
});
