// Missing-value tokens (NA, N/A, NaN, nan, NULL, null) as R, pandas and databases write them: a
// cell that is exactly one is empty, in every column whose codebook has no such value, and the
// report counts them once per file. Reading them is reading R's format, not a repair: no fixes.
import { describe, expect, it } from 'vitest';
import { importText, importTextPacked } from './importer.ts';
import { ACLED_CURRENT_COLUMNS } from '../testing/acledFixture.ts';
import { rStyleCsv, type RCell } from '../testing/rStyleCsv.ts';
import { expectSoundPacked } from '../testing/soundPacked.ts';
import { UCDP_COLUMNS } from './ucdp.ts';
import { guessMapping } from './csvMapping.ts';
import { cleanText, isMissingToken, MISSING_TOKENS } from './cells.ts';
import { createReportBuilder, reportToCsv } from './report.ts';
import type { Dataset } from '../model/schema.ts';

/** An ACLED row as R would hold it: numbers as numbers, missing as null. */
function acledR(over: Partial<Record<string, RCell>> = {}): Partial<Record<string, RCell>> {
  return {
    event_id_cnty: 'ARM1',
    event_date: '2022-09-13',
    year: 2022,
    time_precision: 1,
    disorder_type: 'Political violence',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Military Forces of Azerbaijan (2003-)',
    assoc_actor_1: null,
    inter1: 'State forces',
    actor2: 'Military Forces of Armenia (2018-)',
    assoc_actor_2: null,
    inter2: 'State forces',
    interaction: 'State forces-State forces',
    civilian_targeting: null,
    iso: 51,
    region: 'Caucasus and Central Asia',
    country: 'Armenia',
    admin1: 'Gegharkunik',
    admin2: null,
    admin3: null,
    location: 'Sotk',
    latitude: 40.2,
    longitude: 45.9333,
    geo_precision: 1,
    source: 'Armenpress',
    source_scale: 'National',
    notes: 'Azerbaijani forces clashed with Armenian forces near Sotk.',
    fatalities: 3,
    tags: null,
    timestamp: 1663632000,
    ...over,
  };
}

/** Every name the dataset gives an actor, a place or an admin area, and every tag. */
function namesIn(dataset: Dataset): string[] {
  return [
    ...dataset.actors.flatMap((a) => [...Object.values(a.names), ...a.aliases]),
    ...dataset.events.flatMap((e) => [
      ...e.actors.map((r) => r.name ?? ''),
      ...Object.values(e.place?.name ?? {}),
      ...(e.place?.admin ?? []),
      ...e.tags,
      ...e.sources.map((s) => s.publisher),
      ...Object.values(e.description ?? {}),
    ]),
  ];
}

const looksMissing = (name: string) => MISSING_TOKENS.some((token) => name === token || name.split(/[\s:;,]+/).includes(token));

describe('missing-value tokens', () => {
  it('knows exactly the six tokens, and nothing near them', () => {
    for (const token of MISSING_TOKENS) expect(isMissingToken(token)).toBe(true);
    for (const text of ['', 'N', 'na', 'Na', 'n/a', 'NAN', 'Null', 'NONE', 'NA NA', 'NAM', 'Nan', '-', 'None', 'NULLS']) expect(isMissingToken(text)).toBe(false);
  });

  it('reads a token as an empty cell and counts it, with or without spaces around it; no fix either way', () => {
    const report = createReportBuilder('f.csv', 'CSV');
    const row = report.row(2, undefined, 2);
    expect(cleanText('NA', 'actor2', row)).toBe('');
    expect(cleanText(' NULL ', 'notes', row)).toBe('');
    expect(cleanText('NA', 'country', row, (token) => token === 'NA')).toBe('NA');
    expect(cleanText('NAM', 'country', row)).toBe('NAM');
    const done = report.finish();
    expect(done.fixes).toEqual([]);
    expect(done.missingTokens).toEqual([
      { token: 'NA', cells: 1 },
      { token: 'NULL', cells: 1 },
    ]);
  });

  it('reads an R-written ACLED file: no actor, place, admin area, tag, source or note named NA, and the cells counted', () => {
    const rows = [
      // NA in actor2 (and its inter code), assoc_actor_1, admin2/admin3, fatalities, tags, notes, latitude/longitude.
      acledR({ event_id_cnty: 'ARM1', actor2: null, inter2: null }),
      acledR({ event_id_cnty: 'ARM2', fatalities: null, notes: null }),
      acledR({ event_id_cnty: 'ARM3', latitude: null, longitude: null }),
      acledR({ event_id_cnty: 'ARM4', assoc_actor_1: 'Azerbaijani Border Guards', tags: 'crowd size=no report', admin2: 'Vardenis' }),
      acledR({ event_id_cnty: 'ARM5', source: null, location: null }),
    ];
    const text = rStyleCsv(ACLED_CURRENT_COLUMNS, rows);
    expect(text.split('\n')[1]).toMatch(/^"ARM1","2022-09-13",2022,1,/);
    const full = importText({ text, fileName: 'acled-r.csv' });
    if (full.kind !== 'done') throw new Error(full.kind);
    expect(expectSoundPacked(importTextPacked({ text, fileName: 'acled-r.csv' }))).toEqual(full.report);
    const { dataset, report } = full;
    expect(report).toMatchObject({ rowsRead: 5, imported: 5, rejectedRows: 0, fixedRows: 0, fixes: [] });
    expect(namesIn(dataset).filter(looksMissing)).toEqual([]);
    expect(dataset.actors.map((a) => a.names.en)).not.toContain('NA');

    const [one, two, three, four, five] = dataset.events;
    expect(one!.actors).toHaveLength(1);
    expect(one!.title.en).toBe('Armed clash: Military Forces of Azerbaijan, Sotk');
    expect(two!.counts).toEqual([]);
    expect(two!.description).toBeUndefined();
    expect(three!.place).toMatchObject({ name: { en: 'Sotk' }, country: 'ARM' });
    expect(three!.place).not.toHaveProperty('lat');
    expect(four!.place!.admin).toEqual(['Gegharkunik', 'Vardenis']);
    expect(one!.place!.admin).toEqual(['Gegharkunik']);
    expect(five!.place!.name.en).toBe('Gegharkunik');
    expect(five!.sources.map((s) => s.publisher)).toEqual(['ACLED']);

    // Cells read as missing, counted per cell read: in each row assoc_actor_1 (but row 4), admin2
    // (but row 4), admin3, civilian_targeting and assoc_actor_2 and tags (but row 4); then row 1's
    // actor2 (its inter2 is not read without an actor), row 2's fatalities and notes, row 3's
    // latitude and longitude, row 5's source and location.
    const perRow = 5 * 6 - 3;
    expect(report.missingTokens).toEqual([{ token: 'NA', cells: perRow + 1 + 2 + 2 + 2 }]);
  });

  it('reads the other tokens too, and lists them by count', () => {
    const rows = [
      acledR({ event_id_cnty: 'A1', location: { raw: 'NULL' }, fatalities: { raw: 'NaN' }, tags: { raw: 'null' } }),
      acledR({ event_id_cnty: 'A2', location: { raw: 'NULL' }, fatalities: { raw: 'nan' }, tags: { raw: 'N/A' }, notes: { raw: ' NA ' } }),
    ];
    const text = rStyleCsv(ACLED_CURRENT_COLUMNS, rows);
    const result = importText({ text, fileName: 'mixed.csv' });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rejectedRows: 0, fixedRows: 0 });
    expect(result.dataset.events[0]!.place!.name.en).toBe('Gegharkunik');
    expect(result.dataset.events.map((e) => e.counts)).toEqual([[], []]);
    expect(result.report.missingTokens).toEqual([
      // assoc_actor_1, civilian_targeting, admin2, admin3 and assoc_actor_2 in both rows, the notes of the second.
      { token: 'NA', cells: 11 },
      { token: 'NULL', cells: 2 },
      { token: 'N/A', cells: 1 },
      { token: 'NaN', cells: 1 },
      { token: 'nan', cells: 1 },
      { token: 'null', cells: 1 },
    ]);
  });

  it('reads NA in an R-written UCDP file as missing', () => {
    const row: Partial<Record<string, RCell>> = {
      id: 7, relid: 'ARM-2022-1-7', year: 2022, type_of_violence: 1, conflict_name: 'Armenia - Azerbaijan', dyad_name: null,
      side_a: 'Government of Armenia', side_b: null, source_office: 'Armenpress', source_date: '2022-09-14', source_headline: null,
      where_coordinates: 'Jermuk town', adm_1: 'Vayots Dzor province', adm_2: null, latitude: 39.84, longitude: 45.67, country: 'Armenia',
      date_prec: 1, date_start: '2022-09-13', date_end: '2022-09-13', deaths_a: 2, deaths_b: null, best: 2, high: null, low: null,
    };
    const result = importText({ text: rStyleCsv(UCDP_COLUMNS, [row]), fileName: 'ged-r.csv' });
    if (result.kind !== 'done') throw new Error(JSON.stringify(result));
    const { dataset, report } = result;
    expect(report).toMatchObject({ rowsRead: 1, imported: 1, rejectedRows: 0, fixedRows: 0 });
    const event = dataset.events[0]!;
    expect(event.actors).toHaveLength(1);
    expect(event.place!.admin).toEqual(['Vayots Dzor province']);
    expect(event.description).toBeUndefined();
    expect(event.counts[0]).toMatchObject({ value: 2 });
    expect(event.counts[0]).not.toHaveProperty('low');
    expect(namesIn(dataset).filter(looksMissing)).toEqual([]);
    // The cells the import reads that are NA, each once: dyad_name, side_b, low, high, deaths_b,
    // adm_2, where_prec and source_headline (columns it does not use, such as geom_wkt, are not looked at).
    expect(report.missingTokens).toEqual([{ token: 'NA', cells: 8 }]);
  });

  it('reads NA, NULL and N/A in a mapped CSV as missing, the country column too (the app reads no alpha-2 codes)', () => {
    const text = rStyleCsv(['When', 'Headline', 'Who', 'Notes', 'Country', 'Killed', 'Town'], [
      { When: '2022-09-13', Headline: 'Shelling near Jermuk', Who: 'Government of Armenia', Notes: null, Country: 'Armenia', Killed: 3, Town: 'Jermuk' },
      { When: '2022-09-14', Headline: 'Clash', Who: null, Notes: 'Heavy fighting', Country: null, Killed: null, Town: null },
    ]).replace('"Heavy fighting",NA,NA,NA', '"Heavy fighting",NULL,N/A,NA');
    const mapping = guessMapping(['When', 'Headline', 'Who', 'Notes', 'Country', 'Killed', 'Town']);
    const result = importText({ text, fileName: 'mine.csv', mapping });
    if (result.kind !== 'done') throw new Error(JSON.stringify(result));
    const { dataset, report } = result;
    expect(report).toMatchObject({ rowsRead: 2, imported: 2, rejectedRows: 0, fixedRows: 0 });
    const [first, second] = dataset.events;
    expect(first!.description).toBeUndefined();
    expect(second!.actors).toEqual([]);
    expect(second!.place).toBeUndefined();
    expect(second!.counts).toEqual([]);
    expect(second!.tags).toEqual([]);
    expect(namesIn(dataset).filter(looksMissing)).toEqual([]);
    // The first row's Notes; the second's Who and Town.
    expect(report.missingTokens).toEqual([
      { token: 'NA', cells: 3 },
      { token: 'N/A', cells: 1 },
      { token: 'NULL', cells: 1 },
    ]);
  });

  it('carries the counts into the CSV report, and reads a stored report without them', () => {
    const b = createReportBuilder('f.csv', 'CSV');
    b.row(2, undefined, 2).missing('NA');
    b.row(3, undefined, 3).missing('NULL');
    b.row(3, undefined, 3).missing('NULL');
    b.row(4, undefined, 4).missing('NA');
    const report = b.finish();
    expect(report.missingTokens).toEqual([
      { token: 'NA', cells: 2 },
      { token: 'NULL', cells: 2 },
    ]);
    expect(reportToCsv(report)).toContain('missing,,,,,NA,2 cells read as missing');
    // A report stored before the fields existed.
    const old = { ...report } as Partial<typeof report>;
    delete old.missingTokens;
    delete old.mergedRows;
    expect(reportToCsv(old as typeof report)).toContain('merged,0');
  });
});
