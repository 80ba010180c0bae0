// ACLED's monadic layout: one row per actor, so a dyadic event comes as two rows with one
// event_id_cnty. The rows of an event are merged into the event the dyadic layout gives; the report
// counts the rows merged.
import { describe, expect, it } from 'vitest';
import { importText, importTextPacked } from './importer.ts';
import { acledCsv, acledRow, generatedAcledRows, toMonadic, type AcledRow } from '../testing/acledFixture.ts';
import { expectSoundPacked } from '../testing/soundPacked.ts';
import { describeIssue, summariseReport } from './report.ts';

const fileName = 'acled.csv';

function read(text: string) {
  const full = importText({ text, fileName });
  if (full.kind !== 'done') throw new Error(JSON.stringify(full));
  expect(expectSoundPacked(importTextPacked({ text, fileName }))).toEqual(full.report);
  return full;
}

/** Events with every kind of actor list a monadic file can give. */
const varied: AcledRow[] = [
  acledRow({ event_id_cnty: 'ONE-ACTOR', actor2: '', inter2: '', assoc_actor_2: '' }),
  acledRow({ event_id_cnty: 'ASSOC', assoc_actor_1: 'Azerbaijani Border Guards; Civilians (Azerbaijan)', assoc_actor_2: 'Military Forces of Armenia (2018-)' }),
  acledRow({ event_id_cnty: 'CIVILIANS', event_type: 'Violence against civilians', sub_event_type: 'Attack', actor2: 'Civilians (Armenia)', inter2: '7' }),
  acledRow({ event_id_cnty: 'AGREEMENT', event_type: 'Strategic developments', sub_event_type: 'Agreement' }),
  acledRow({ event_id_cnty: 'SAME-ACTOR', actor2: 'Military Forces of Azerbaijan (2003-)' }),
  acledRow({ event_id_cnty: 'BAD-INTER', inter2: 'Aliens' }),
];

describe("ACLED's monadic layout", () => {
  it('names the layout from the header', () => {
    expect(read(acledCsv(toMonadic([acledRow()]), { monadic: true })).report.format).toBe('ACLED CSV (current layout, monadic: one row per actor)');
    expect(read(acledCsv(toMonadic([acledRow()]), { monadic: true, layout: 'pre2023' })).report.format).toBe('ACLED CSV (pre-2023 layout, monadic: one row per actor)');
  });

  it('merges the rows of each event into the event the dyadic layout gives', () => {
    const dyadic = [...generatedAcledRows(200, 11).map((r) => ({ ...r, assoc_actor_2: '' })), ...varied];
    for (const layout of ['current', 'pre2023'] as const) {
      const one = read(acledCsv(dyadic, { layout }));
      const monadicRows = toMonadic(dyadic);
      const two = read(acledCsv(monadicRows, { layout, monadic: true }));
      expect(two.dataset).toEqual(one.dataset);
      const merged = monadicRows.length - dyadic.length;
      expect(merged).toBeGreaterThan(150);
      expect(two.report).toMatchObject({ rowsRead: monadicRows.length, imported: dyadic.length, mergedRows: merged, rejectedRows: 0 });
      expect(one.report.mergedRows).toBe(0);
      expect(two.report.rowsRead).toBe(two.report.imported + two.report.mergedRows + two.report.rejectedRows);
      // The bad inter code is reported on the row that has it, in either layout.
      expect(two.report.fixes.map((f) => f.field)).toEqual(['inter1']);
      expect(one.report.fixes.map((f) => f.field)).toEqual(['inter2']);
    }
    const merged = read(acledCsv(toMonadic(varied), { monadic: true })).dataset.events;
    expect(merged[1]!.title.en).toBe('Armed clash: Military Forces of Azerbaijan – Military Forces of Armenia, Sotk');
    expect(merged[2]!.actors.map((a) => [a.role, a.side])).toEqual([['initiator', 1], ['target', 2]]);
  });

  it('merges the rows of an event that are not next to each other', () => {
    const [a, b] = [acledRow({ event_id_cnty: 'A1' }), acledRow({ event_id_cnty: 'B1', actor1: 'Group B', actor2: 'Group C' })];
    const [a1, a2] = toMonadic([a]);
    const [b1, b2] = toMonadic([b]);
    const { dataset, report } = read(acledCsv([a1!, b1!, a2!, b2!], { monadic: true }));
    expect(dataset.events).toEqual(read(acledCsv([a, b])).dataset.events);
    expect(summariseReport(report)).toBe('4 rows read: 2 events imported (0 fixed), 2 rows merged into their events, 0 rejected.');
  });

  it('an event whose rows have no event_id_cnty still merges: its id is built from the country code and event_id_no_cnty, not from each row\'s data_id', () => {
    const [first, second] = toMonadic([acledRow({ event_id_cnty: '', event_id_no_cnty: '4321' })]);
    const { dataset, report } = read(acledCsv([{ ...first!, data_id: '11' }, { ...second!, data_id: '12' }], { monadic: true, layout: 'pre2023' }));
    expect(dataset.events.map((e) => [e.id, e.actors.length])).toEqual([['acled-arm-4321', 2]]);
    expect(report).toMatchObject({ rowsRead: 2, imported: 1, mergedRows: 1, rejectedRows: 0 });
    expect(report.fixes.map((f) => f.message)).toEqual(['was empty; the id acled-arm-4321 was built from iso3 ARM and event_id_no_cnty 4321', 'was empty; the id acled-arm-4321 was built from iso3 ARM and event_id_no_cnty 4321']);
  });

  it('rejects a second row whose date, event type or place disagrees, naming the first row, and a third row', () => {
    const rows: AcledRow[] = [
      ...toMonadic([acledRow({ event_id_cnty: 'D' })]).map((r, i) => (i ? { ...r, event_date: '2022-09-14' } : r)),
      ...toMonadic([acledRow({ event_id_cnty: 'T' })]).map((r, i) => (i ? { ...r, event_type: 'Riots', sub_event_type: 'Mob violence' } : r)),
      ...toMonadic([acledRow({ event_id_cnty: 'P' })]).map((r, i) => (i ? { ...r, location: 'Berd' } : r)),
      ...toMonadic([acledRow({ event_id_cnty: 'X' })]),
      toMonadic([acledRow({ event_id_cnty: 'X', actor1: 'Group Z' })])[0]!,
    ];
    const { dataset, report } = read(acledCsv(rows, { monadic: true }));
    expect(report).toMatchObject({ rowsRead: 9, imported: 4, mergedRows: 1, rejectedRows: 4 });
    expect(report.rejections.map(describeIssue)).toEqual([
      "row 3: event_date \"2022-09-14\" is not the date of row 2, this event's first row (2022-09-13)",
      "row 5: event_type \"Riots: Mob violence\" is not the event type of row 4, this event's first row (Battles: Armed clash)",
      "row 7: location \"Berd\" is not the place of row 6, this event's first row (Sotk at 40.2000, 45.9333)",
      "row 10: event_id_cnty \"X\" is the id of row 8, whose event has its second row already: in ACLED's monadic layout an event has one row per actor, at most two",
    ]);
    expect(dataset.events.map((e) => e.actors.length)).toEqual([1, 1, 1, 2]);
  });

  it("rejects the rows of an event whose first row was rejected: an event's rows are imported together or not at all", () => {
    const [first, second] = toMonadic([acledRow({ event_id_cnty: 'R' })]);
    const { dataset, report } = read(acledCsv([{ ...first!, actor1: '' }, second!, second!, ...toMonadic([acledRow({ event_id_cnty: 'OK' })])], { monadic: true }));
    expect(report).toMatchObject({ rowsRead: 5, imported: 1, mergedRows: 1, rejectedRows: 3 });
    expect(report.rejections.map(describeIssue)).toEqual([
      'row 2: actor1 is empty',
      'row 3: event_id_cnty "R" is the id of row 2, which was rejected: in ACLED\'s monadic layout an event\'s rows are imported together or not at all',
      'row 4: event_id_cnty "R" is the id of row 2, which was rejected: in ACLED\'s monadic layout an event\'s rows are imported together or not at all',
    ]);
    expect(dataset.events.map((e) => e.id)).toEqual(['OK']);
  });

  it('still rejects a repeated id in the dyadic layouts', () => {
    const { report } = read(acledCsv([acledRow(), acledRow({ actor1: 'Group Z' })]));
    expect(report).toMatchObject({ imported: 1, mergedRows: 0, rejectedRows: 1 });
    expect(describeIssue(report.rejections[0]!)).toBe('row 3: event_id_cnty "ARM100" repeats the id of row 2');
  });

  it('counts a merged row that needed a fix as fixed, and lists the fix', () => {
    const [first, second] = toMonadic([acledRow()]);
    const { report } = read(acledCsv([first!, { ...second!, actor1: ' Military Forces of Armenia (2018-) ' }], { monadic: true }));
    expect(report).toMatchObject({ imported: 1, mergedRows: 1, fixedRows: 1 });
    expect(report.fixes).toMatchObject([{ row: 3, field: 'actor1', message: 'had spaces around it, which were trimmed' }]);
  });
});
