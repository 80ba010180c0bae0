// Reading a CSV in two parts (two workers) must give exactly what one reading gives: the same
// events in the same order, the same actors with the same ids, kinds and aliases, and the same
// report, line for line. Checked at many split lines, on valid files, on files built to make the
// parts disagree (ids kept in both, actor ids that would differ), and on fuzzed files.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsvFirstPart, importCsvPart, importText, middleLine, type ImportRequest, type ImportResult } from './importer.ts';
import { acledCsv, acledRow, generatedAcledRows, toMonadic } from '../testing/acledFixture.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { corrupt } from '../testing/corrupt.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { guessMapping } from './csvMapping.ts';
import { createRowState } from './rowState.ts';

/** As the two workers do it: the helper's answer crosses a structured clone, as a message would. */
function importInParts(request: ImportRequest, split: number, helperFails = false): ImportResult {
  const lead = importCsvFirstPart(request, split);
  if ('kind' in lead) return lead;
  return lead.join(helperFails ? null : structuredClone(importCsvPart(request, split)));
}

function expectSameAsOneReading(request: ImportRequest, split: number): void {
  const whole = importText(request);
  const parts = importInParts(request, split);
  try {
    expect(parts).toEqual(whole);
  } catch (error) {
    throw new Error(`split at line ${split}: ${(error as Error).message}\nthe file: ${JSON.stringify(request.text.slice(0, 2000))}`);
  }
}

const PLAIN = 'event_id_cnty,event_date\nA,2022-09-13\n\nB,14 September 2022\n"C, quoted",15/09/2022\nA,2022-09-16\nD,2022-09-17\n';
const plainRequest = (text: string): ImportRequest => ({ text, fileName: 'plain.csv', format: 'csv', mapping: guessMapping(['event_id_cnty', 'event_date']) });

const lineCount = (text: string) => text.split('\n').length;

describe('reading a CSV in two parts', () => {
  it('splits at the middle line', () => {
    expect(middleLine('h\n1\n2\n3\n4\n')).toBe(4);
    expect(middleLine('h')).toBe(2);
  });

  it('gives what one reading gives, at every split line of a valid ACLED file', () => {
    const text = acledCsv([...generatedAcledRows(30, 7), acledRow({ event_id_cnty: 'Q', notes: 'a "quoted"\nnote on two lines' })], { layout: 'pre2023', hxl: true });
    for (let split = 2; split <= lineCount(text) + 1; split++) expectSameAsOneReading({ text, fileName: 'acled.csv' }, split);
  });

  it('gives what one reading gives for a monadic ACLED file, whose events may have a row in each part', () => {
    const rows = toMonadic(generatedAcledRows(12, 5));
    // An event whose rows are far apart, and a third row.
    // An event whose first row is rejected, and whose second row comes late.
    const [bad, late] = toMonadic([acledRow({ event_id_cnty: 'BAD' })]);
    const text = acledCsv([...rows.slice(0, 1), { ...bad!, event_date: 'soon' }, ...rows.slice(2), rows[1]!, rows[1]!, late!], { monadic: true });
    for (let split = 2; split <= lineCount(text) + 1; split++) expectSameAsOneReading({ text, fileName: 'acled.csv' }, split);
  });

  it('gives what one reading gives when the parts disagree: ids kept in both, a kind given later, aliases, colliding actor ids', () => {
    const text = acledCsv([
      acledRow({ event_id_cnty: 'E1', actor1: 'Group A (2018-)', inter1: '', actor2: 'Group.B', inter2: '2' }),
      acledRow({ event_id_cnty: 'E2', actor1: 'Group A (2019-)', inter1: '3', actor2: 'Group B' }),
      acledRow({ event_id_cnty: 'E1', event_date: '2022-09-20' }),
      acledRow({ event_id_cnty: 'E3', actor1: 'group a', actor2: 'Group  B' }),
      acledRow({ event_id_cnty: 'E4', event_date: 'not a date' }),
      acledRow({ event_id_cnty: 'E4', actor1: 'Group-B', inter1: '9' }),
      acledRow({ event_id_cnty: ' E5 ', actor1: 'Group C', inter1: '' }),
      acledRow({ event_id_cnty: 'E6', actor1: 'Group C', inter1: '5' }),
    ]);
    for (let split = 2; split <= lineCount(text) + 1; split++) expectSameAsOneReading({ text, fileName: 'acled.csv' }, split);
  });

  it('gives what one reading gives for UCDP GED (with and without a header) and for a mapped plain CSV', () => {
    const ged = UCDP_HEADER + ucdpRow(1) + ucdpRow(2, 'Group X') + ucdpRow(1) + ucdpRow(3, 'Group-X') + ucdpRow(4);
    const headerless = ged.slice(UCDP_HEADER.length);
    for (let split = 2; split <= lineCount(ged) + 1; split++) {
      expectSameAsOneReading({ text: ged, fileName: 'ged.csv' }, split);
      expectSameAsOneReading({ text: headerless, fileName: 'ged.csv', format: 'ucdp' }, split);
      expectSameAsOneReading(plainRequest(PLAIN), split);
    }
  });

  it('reads the whole file in the lead when the helper fails, and leaves JSON and unmapped CSV to one reading', () => {
    const text = acledCsv(generatedAcledRows(10, 3));
    expect(importInParts({ text, fileName: 'a.csv' }, 5, true)).toEqual(importText({ text, fileName: 'a.csv' }));
    expect(importCsvPart({ text: '{"events": []}', fileName: 'a.json' }, 2)).toEqual({ kind: 'none' });
    expect(importCsvPart({ text: 'a,b\n1,2\n', fileName: 'a.csv' }, 2)).toEqual({ kind: 'none' });
    expect(importInParts({ text: 'a,b\n1,2\n', fileName: 'a.csv' }, 2)).toEqual(importText({ text: 'a,b\n1,2\n', fileName: 'a.csv' }));
  });

  it('refuses a file with too many rows when only the helper sees them', () => {
    const text = acledCsv(generatedAcledRows(12, 4));
    const request = { text, fileName: 'big.csv', maxRows: 10 };
    expect(importText(request).kind).toBe('not-a-dataset');
    expect(importInParts(request, 4)).toEqual(importText(request));
  });

  it('absorbs a later part only when that equals one reading', () => {
    const earlier = createRowState();
    earlier.registry.idFor('Group A');
    earlier.keptId('E1', 2);
    const clean = createRowState();
    clean.placeOfId('E2');
    clean.registry.idFor('Group A', 'militia');
    clean.registry.idFor('Group B');
    expect(earlier.absorb(clean.part())).toBe(true);
    expect(earlier.registry.actors().map((a) => [a.id, a.kind])).toEqual([['group-a', 'militia'], ['group-b', 'other']]);

    const sameId = createRowState();
    sameId.placeOfId('E1');
    expect(earlier.absorb(sameId.part())).toBe(false);
    const idTaken = createRowState();
    idTaken.registry.idFor('Group.A'); // another actor, whose id here would be group-a-2
    expect(earlier.absorb(idTaken.part())).toBe(false);
    expect(earlier.registry.actors()).toHaveLength(2);
  });

  const FUZZ_FILES: [string, ImportRequest][] = [
    ['ACLED CSV', { text: acledCsv([...generatedAcledRows(8, 3), acledRow({ event_id_cnty: 'X', notes: 'a "quoted"\nnote' })], { layout: 'pre2023', hxl: true }), fileName: 'acled.csv' }],
    ['UCDP CSV', { text: UCDP_HEADER + ucdpRow(1) + ucdpRow(2, 'Group X') + ucdpRow(3), fileName: 'ged.csv' }],
    ['plain CSV with a mapping', plainRequest(PLAIN)],
  ];
  for (const [name, request] of FUZZ_FILES) {
    it(`gives what one reading gives on 300 damaged ${name} files, split anywhere`, () => {
      for (let i = 0; i < 300; i++) {
        const random = seededRandom(7919 * (i + 1));
        const text = corrupt(request.text, random);
        const split = 2 + Math.floor(random() * (lineCount(text) + 1));
        expectSameAsOneReading({ ...request, text }, split);
      }
    }, 60_000);
  }
});

const REAL_FILE = resolve(__dirname, '../../../shared/data/acled-armenia-2018-2020-hdx.csv');
describe('the real ACLED export, read in two parts', () => {
  it.skipIf(!existsSync(REAL_FILE))('gives what one reading gives', () => {
    const text = readFileSync(REAL_FILE, 'utf8');
    expectSameAsOneReading({ text, fileName: 'acled-armenia-2018-2020-hdx.csv' }, middleLine(text));
  });
});
