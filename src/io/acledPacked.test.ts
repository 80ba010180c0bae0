// Reading an ACLED CSV straight into packed events: every event the packed columns give is one the
// schema keeps as it is, the report balances and names every fix and rejection on its line, and
// the table's columns read from the packed columns equal those computed from the events.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/fixtures.ts';
import { acledCsv, acledRow, generatedAcledRows, toMonadic, type AcledRow } from '../testing/acledFixture.ts';
import { corrupt } from '../testing/corrupt.ts';
import { expectSoundPacked } from '../testing/soundPacked.ts';
import { importTextPacked } from './importer.ts';

const fileName = 'acled.csv';

/** Reads the text packed and checks it (see expectSoundPacked); gives its report. */
const readPacked = (text: string) => expectSoundPacked(importTextPacked({ text, fileName }));

/** Rows that take every branch of the mapping: lists, missing cells, other precisions and layouts of the country. */
const varied: AcledRow[] = [
  acledRow({ event_id_cnty: 'NO-NOTES', notes: '' }),
  acledRow({ event_id_cnty: 'NO-ACTOR2', actor2: '', inter2: '' }),
  acledRow({ event_id_cnty: 'NO-COORDS', latitude: '', longitude: '' }),
  acledRow({ event_id_cnty: 'NEAR', geo_precision: '2' }),
  acledRow({ event_id_cnty: 'REGION', geo_precision: '3' }),
  acledRow({ event_id_cnty: 'BAD-GEO', geo_precision: 'x' }),
  acledRow({ event_id_cnty: 'ASSOC', assoc_actor_1: 'Azerbaijani Border Guards; Civilians (Azerbaijan); ', assoc_actor_2: 'Military Forces of Armenia (2018-)' }),
  acledRow({ event_id_cnty: 'ADMIN', admin1: 'Syunik', admin2: 'Goris', admin3: 'Goris' }),
  acledRow({ event_id_cnty: 'NO-ADMIN', admin1: '', location: '' }),
  acledRow({ event_id_cnty: 'TAGS', disorder_type: 'Political violence; Demonstrations', civilian_targeting: 'Civilian targeting', tags: 'crowd size=no report; local administrators' }),
  acledRow({ event_id_cnty: 'WEEK', time_precision: '2' }),
  acledRow({ event_id_cnty: 'MONTH', time_precision: '3', event_date: '2022-09-27' }),
  acledRow({ event_id_cnty: 'NO-STAMP', timestamp: '' }),
  acledRow({ event_id_cnty: 'NO-FATALITIES', fatalities: '' }),
  acledRow({ event_id_cnty: 'BY-NAME', iso: '', country: 'Azerbaijan', latitude: '40.5', longitude: '47.5' }),
  acledRow({ event_id_cnty: 'NO-COUNTRY', iso: '', country: '' }),
  acledRow({ event_id_cnty: 'CIVILIANS', event_type: 'Violence against civilians', sub_event_type: 'Attack', actor2: 'Civilians (Armenia)', inter2: '7' }),
  acledRow({ event_id_cnty: 'AGREEMENT', event_type: 'Strategic developments', sub_event_type: 'Agreement' }),
  acledRow({ event_id_cnty: 'NO-SOURCE', source: '' }),
  acledRow({ event_id_cnty: 'YYYYMMDD', event_date: '20220914' }),
  acledRow({ event_id_cnty: 'MIDNIGHT', event_date: '2022-09-14 00:00:00' }),
  acledRow({ event_id_cnty: 'NA-CELLS', actor2: 'NA', inter2: 'NA', assoc_actor_1: 'NULL', admin2: 'N/A', admin3: 'nan', fatalities: 'NaN', tags: 'null', notes: 'NA', latitude: 'NA', longitude: 'NA' }),
];

/** Rows that need a fix, or that are rejected: each with its line and reason. */
const damaged: AcledRow[] = [
  acledRow({ event_id_cnty: ' SPACED ', location: ' Sotk ' }),
  acledRow({ event_id_cnty: 'DATE-TEXT', event_date: '13 September 2022' }),
  acledRow({ event_id_cnty: 'BAD-DATE', event_date: '2022-02-30' }),
  acledRow({ event_id_cnty: 'SPACED' }),
  acledRow({ event_id_cnty: '' }),
  acledRow({ event_id_cnty: 'BAD-PRECISION', time_precision: '4' }),
  acledRow({ event_id_cnty: 'NO-PRECISION', time_precision: '' }),
  acledRow({ event_id_cnty: 'BAD-TYPE', event_type: 'Picnic' }),
  acledRow({ event_id_cnty: 'BAD-LAT', latitude: '91' }),
  acledRow({ event_id_cnty: 'BAD-LON', longitude: 'east' }),
  acledRow({ event_id_cnty: 'BAD-COUNTRY', iso: '999', country: 'Atlantis' }),
  acledRow({ event_id_cnty: 'BAD-FATALITIES', fatalities: 'many' }),
  acledRow({ event_id_cnty: 'NO-ACTOR', actor1: '' }),
  acledRow({ event_id_cnty: 'BAD-INTER', inter1: 'Aliens' }),
  // Ids the row reader takes and the schema refuses: rejected with the schema's words.
  acledRow({ event_id_cnty: 'ARM 7' }),
  acledRow({ event_id_cnty: `A${'1'.repeat(200)}` }),
  acledRow({ event_id_cnty: '-ARM8' }),
  acledRow({ event_id_cnty: 'YEAR-OFF', event_date: '20210914' }),
  acledRow({ event_id_cnty: 'NA' }),
];

describe('reading an ACLED CSV straight into packed events', () => {
  it('packs generated and varied rows into events the schema keeps, and their table columns', () => {
    const report = readPacked(acledCsv([...generatedAcledRows(400, 17), ...varied]));
    expect(report).toMatchObject({ imported: 400 + varied.length, rejectedRows: 0 });
  });

  it('reports each fix and rejection, line by line, and packs the rows around them', () => {
    const report = readPacked(acledCsv([...generatedAcledRows(20, 3), ...damaged, ...generatedAcledRows(20, 4).map((r) => ({ ...r, event_id_cnty: `LATE${r.event_id_cnty}` }))]));
    expect(report!.rejections.map((r) => r.field)).toEqual([
      'event_date', 'event_id_cnty', 'event_id_cnty', 'time_precision', 'event_type', 'latitude', 'longitude', 'country', 'fatalities', 'actor1', 'id', 'id', 'id', 'event_date', 'event_id_cnty',
    ]);
    expect(report!.fixes.length).toBeGreaterThan(3);
    expect(report!.imported).toBe(40 + 4);
  });

  it('packs the pre-2023 layout with its HXL row, a file with no rows, and one with CRLF line ends', () => {
    readPacked(acledCsv([acledRow({ inter1: '1', inter2: '2' }), ...varied], { layout: 'pre2023', hxl: true }));
    expect(readPacked(acledCsv([]))).toMatchObject({ rowsRead: 0, imported: 0 });
    readPacked(acledCsv(generatedAcledRows(30, 8), { eol: '\r\n' }));
  });

  it('merges the rows of a monadic file, and builds missing ids from data_id or iso', () => {
    const monadic = toMonadic([...generatedAcledRows(60, 9), ...varied.filter((r) => !r.assoc_actor_2 && r.actor2 !== 'NA')]);
    const report = readPacked(acledCsv(monadic, { monadic: true }));
    expect(report).toMatchObject({ rejectedRows: 0 });
    expect(report!.mergedRows).toBeGreaterThan(40);
    // A disagreeing second row, a third row, and the damage in between: each rejected.
    const [first, second] = toMonadic([acledRow({ event_id_cnty: 'M1' })]);
    readPacked(acledCsv([first!, { ...second!, event_date: '2022-09-20' }, second!, second!, ...toMonadic(damaged)], { monadic: true }));
    const built = readPacked(acledCsv([
      acledRow({ event_id_cnty: '', data_id: '77' }),
      acledRow({ event_id_cnty: 'NA', data_id: '', event_id_no_cnty: '12' }),
      acledRow({ event_id_cnty: '', data_id: '', event_id_no_cnty: '' }),
    ], { layout: 'pre2023' }));
    expect(built).toMatchObject({ imported: 2, rejectedRows: 1, fixedRows: 2 });
  });

  it('packs 300 damaged texts soundly', () => {
    const text = acledCsv([...generatedAcledRows(30, 5), ...varied]);
    let rejected = 0;
    const monadicText = acledCsv(toMonadic(generatedAcledRows(30, 6)), { monadic: true });
    for (let k = 0; k < 300; k++) rejected += readPacked(corrupt(k % 3 ? text : monadicText, seededRandom(104_729 * (k + 1))))?.rejectedRows ?? 0;
    // The damage must reach the rows, or the test proves little.
    expect(rejected).toBeGreaterThan(100);
  }, 60_000);
});
