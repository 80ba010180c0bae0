import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from './importer.ts';
import { UCDP_COLUMNS, UCDP_PROVIDER } from './ucdp.ts';
import { describeIssue, type ImportReport } from './report.ts';
import type { Dataset } from '../model/schema.ts';

type GedRow = Partial<Record<string, string>>;

/** A GED row for the September 2022 fighting on the Armenia–Azerbaijan border; override what a test needs. */
const BASE: GedRow = {
  id: '424242',
  relid: 'ARM-2022-1-1',
  year: '2022',
  active_year: '1',
  code_status: 'Clear',
  type_of_violence: '1',
  conflict_dset_id: '388',
  conflict_new_id: '388',
  conflict_name: 'Armenia - Azerbaijan',
  dyad_dset_id: '460',
  dyad_new_id: '460',
  dyad_name: 'Government of Armenia - Government of Azerbaijan',
  side_a_dset_id: '371',
  side_a_new_id: '121',
  side_a: 'Government of Armenia',
  side_b_dset_id: '373',
  side_b_new_id: '122',
  side_b: 'Government of Azerbaijan',
  number_of_sources: '2',
  source_article: '"Armenpress, 2022-09-14, ""Heavy fighting""";"Reuters, 2022-09-15"',
  source_office: 'Armenpress;Reuters',
  source_date: '2022-09-14;2022-09-15',
  source_headline: 'Heavy fighting on the border;Armenia says soldiers killed',
  source_original: 'Armenian Ministry of Defence',
  where_prec: '1',
  where_coordinates: 'Jermuk town',
  where_description: 'Jermuk, near the border',
  adm_1: 'Vayots Dzor province',
  adm_2: 'Jermuk community',
  latitude: '39.8414',
  longitude: '45.6722',
  geom_wkt: 'POINT (45.6722 39.8414)',
  priogrid_gid: '181172',
  country: 'Armenia',
  country_id: '371',
  region: 'Europe',
  event_clarity: '1',
  date_prec: '1',
  date_start: '2022-09-13',
  date_end: '2022-09-13',
  deaths_a: '10',
  deaths_b: '0',
  deaths_civilians: '0',
  deaths_unknown: '5',
  best: '15',
  high: '20',
  low: '12',
  gwnoa: '371',
  gwnob: '373',
};

/** Quotes a cell the way Papa Parse reads it back. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const gedRow = (over: GedRow = {}) => {
  const values: GedRow = { ...BASE, ...over };
  return UCDP_COLUMNS.map((c) => cell(values[c] ?? '')).join(',');
};
const gedFile = (rows: string[], header = true) => [...(header ? [UCDP_COLUMNS.join(',')] : []), ...rows].join('\n') + '\n';

function done(result: ImportResult): { dataset: Dataset; report: ImportReport } {
  if (result.kind !== 'done') throw new Error(`expected an import, got ${JSON.stringify(result)}`);
  return result;
}
const run = (text: string) => done(importText({ text, fileName: 'ged.csv' }));

/** Every row is imported or rejected, nothing else. */
function expectBalanced(report: ImportReport) {
  expect(report.imported + report.rejectedRows).toBe(report.rowsRead);
  expect(report.rejections).toHaveLength(report.rejectedRows);
}

describe('UCDP GED CSV', () => {
  it('has the 49 GED columns in order', () => {
    expect(UCDP_COLUMNS).toHaveLength(49);
    expect(UCDP_COLUMNS[5]).toBe('type_of_violence');
    expect(UCDP_COLUMNS[38]).toBe('date_start');
    expect(UCDP_COLUMNS.at(-1)).toBe('gwnob');
  });

  it('detects the file by its header and maps the Armenia–Azerbaijan fighting of 13 September 2022', () => {
    const { dataset, report } = run(gedFile([gedRow()]));
    expect(report).toMatchObject({ format: 'UCDP GED CSV', rowsRead: 1, imported: 1, rejectedRows: 0, fixedRows: 0, notes: [] });
    expect(dataset).toMatchObject({
      title: 'UCDP GED events from ged.csv',
      attribution: 'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, ucdp.uu.se',
      license: 'CC BY 4.0',
    });
    expect(dataset.actors[0]).toEqual(UCDP_PROVIDER);
    const [event] = dataset.events;
    expect(event).toMatchObject({
      id: 'ucdp-424242',
      type: 'clash',
      title: { en: 'Government of Armenia - Government of Azerbaijan, Jermuk town' },
      description: { en: 'Heavy fighting on the border;Armenia says soldiers killed' },
      originalLanguage: 'en',
      start: { at: '2022-09-13T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      place: {
        name: { en: 'Jermuk town' },
        country: 'ARM',
        lat: 39.8414,
        lon: 45.6722,
        admin: ['Vayots Dzor province', 'Jermuk community'],
      },
      tags: ['UCDP date precision: 1'],
    });
    expect(event!.end).toBeUndefined();
    expect(event!.actors).toEqual([
      { actor: 'government-of-armenia', role: 'participant', side: 1 },
      { actor: 'government-of-azerbaijan', role: 'participant', side: 2 },
    ]);
    expect(dataset.actors.filter((a) => a.kind === 'state-forces').map((a) => a.id)).toEqual([
      'government-of-armenia',
      'government-of-azerbaijan',
    ]);
    expect(event!.sources).toEqual([
      { publisher: 'UCDP GED', url: 'https://ucdp.uu.se/', title: 'UCDP GED event 424242', language: 'en' },
      { publisher: 'Armenpress', title: 'Heavy fighting on the border', date: '2022-09-14', language: 'und' },
      { publisher: 'Reuters', title: 'Armenia says soldiers killed', date: '2022-09-15', language: 'und' },
    ]);
  });

  // One source per row: see the next test for rows that all cite several.
  const singleSource: GedRow = { source_office: 'Armenpress', source_date: '2022-09-14', source_headline: 'Heavy fighting', source_article: 'Armenpress' };

  it('reads a file without its header row, and says so', () => {
    const rows = [
      gedRow({ ...singleSource, id: '1' }),
      gedRow({ ...singleSource, id: '2', date_start: '2022-09-14 00:00:00.000', date_end: '2022-09-14 00:00:00.000' }),
    ];
    const { dataset, report } = run(gedFile(rows, false));
    expect(report).toMatchObject({ format: 'UCDP GED CSV', rowsRead: 2, imported: 2, fixedRows: 0 });
    expect(report.notes).toEqual(['the file has no header row; its 49 columns were read in the UCDP GED order']);
    expect(dataset.events.map((e) => [e.id, e.start.at])).toEqual([
      ['ucdp-1', '2022-09-13T00:00:00+04:00'],
      ['ucdp-2', '2022-09-14T00:00:00+04:00'],
    ]);
    expectBalanced(report);
  });

  // Every row holds the same number of ";" (GED's source lists): a guessed delimiter would be ";".
  it('reads a file without its header row whose rows all cite two sources', () => {
    const { report } = run(gedFile([gedRow({ id: '1' }), gedRow({ id: '2' })], false));
    expect(report).toMatchObject({ rowsRead: 2, imported: 2 });
  });

  it('gives a range event an end at local midnight of date_end, and keeps date_prec as a tag', () => {
    const { dataset, report } = run(gedFile([gedRow({ date_prec: '4', date_start: '2022-09-01', date_end: '2022-09-30 00:00:00.000' })]));
    expect(report.fixedRows).toBe(0);
    expect(dataset.events[0]).toMatchObject({
      start: { at: '2022-09-01T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      end: { at: '2022-09-30T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      tags: ['UCDP date precision: 4'],
    });
    expect(dataset.events[0]!.counts[0]!.claimedOn).toBe('2022-09-30');
  });

  it('reads a date that is not ISO, and does not count that as a fix', () => {
    const { dataset, report } = run(gedFile([gedRow({ date_start: '13/09/2022', date_end: '13 September 2022' })]));
    expect(dataset.events[0]!.start.at).toBe('2022-09-13T00:00:00+04:00');
    expect(report.fixedRows).toBe(0);
    expect(report.fixes).toEqual([]);
  });

  it('imports the event of an empty (or NA) date_prec without the tag, which is reading a missing value, not a fix', () => {
    const { dataset, report } = run(gedFile([gedRow({ date_prec: '' }), gedRow({ id: '2', date_prec: 'NA' })]));
    expect(report).toMatchObject({ imported: 2, fixedRows: 0, fixes: [], missingTokens: [{ token: 'NA', cells: 1 }] });
    expect(dataset.events.map((e) => e.tags)).toEqual([[], []]);
  });

  it('makes one-sided violence an attack on civilians, side_a the initiator and side_b the target', () => {
    const { dataset } = run(
      gedFile([gedRow({ type_of_violence: '3', dyad_name: '', conflict_name: '', side_a: 'IS', side_b: 'Civilians', deaths_b: '4' })]),
    );
    const [event] = dataset.events;
    expect(event!.type).toBe('violence-against-civilians');
    expect(event!.title.en).toBe('IS – Civilians, Jermuk town');
    expect(event!.actors).toEqual([
      { actor: 'is', role: 'initiator', side: 1 },
      { actor: 'civilians', role: 'target', side: 2 },
    ]);
    expect(dataset.actors.find((a) => a.id === 'is')!.kind).toBe('armed-group');
    expect(dataset.actors.find((a) => a.id === 'civilians')!.kind).toBe('civilians');
    expect(event!.counts.map((c) => [c.value, c.of])).toEqual([
      [15, undefined],
      [10, 'is'],
      [4, 'civilians'],
    ]);
  });

  it('maps best, low and high to a killed count, with the deaths of each side; an empty best is unknown, not zero', () => {
    const { dataset } = run(
      gedFile([
        gedRow({ id: '1', deaths_b: '2' }),
        gedRow({ id: '2', best: '', low: '', high: '', deaths_a: '0', deaths_b: '' }),
        gedRow({ id: '3', best: '7', low: '', high: '9', deaths_a: '', deaths_b: '' }),
      ]),
    );
    const [full, unknown, partial] = dataset.events;
    expect(full!.counts).toEqual([
      { kind: 'killed', value: 15, qualifier: 'about', low: 12, high: 20, claimant: 'ucdp', claimedOn: '2022-09-13', source: 0 },
      { kind: 'killed', value: 10, qualifier: 'about', of: 'government-of-armenia', claimant: 'ucdp', claimedOn: '2022-09-13', source: 0 },
      { kind: 'killed', value: 2, qualifier: 'about', of: 'government-of-azerbaijan', claimant: 'ucdp', claimedOn: '2022-09-13', source: 0 },
    ]);
    expect(unknown!.counts).toEqual([]);
    expect(partial!.counts).toEqual([{ kind: 'killed', value: 7, qualifier: 'about', high: 9, claimant: 'ucdp', claimedOn: '2022-09-13', source: 0 }]);
  });

  it('leaves out a low that is not a whole number, and reports it', () => {
    const { dataset, report } = run(gedFile([gedRow({ low: 'n/a' })]));
    expect(dataset.events[0]!.counts[0]).not.toHaveProperty('low');
    expect(report.fixes).toEqual([{ line: 2, row: 2, field: 'low', value: 'n/a', message: 'is not a whole number of 0 or more; left out' }]);
  });

  it('reads historical country names in brackets and picks the zone nearest the longitude', () => {
    const { dataset } = run(
      gedFile([
        gedRow({ id: '1', country: 'Russia (Soviet Union)', latitude: '55.75', longitude: '37.61' }),
        gedRow({ id: '2', country: 'DR Congo (Zaire)', latitude: '-4.32', longitude: '15.31' }),
      ]),
    );
    expect(dataset.events.map((e) => [e.place!.country, e.start.at])).toEqual([
      ['RUS', '2022-09-13T00:00:00+03:00'],
      ['COD', '2022-09-13T00:00:00+01:00'],
    ]);
  });

  it('reads the short names GED gives where ISO has a long one (Syria, Laos, Moldova, Macedonia, FYR, Congo)', () => {
    const { dataset, report } = run(
      gedFile([
        gedRow({ id: '1', country: 'Syria', latitude: '36.2', longitude: '37.16' }),
        gedRow({ id: '2', country: 'Laos', latitude: '17.97', longitude: '102.6' }),
        gedRow({ id: '3', country: 'Moldova', latitude: '47.01', longitude: '28.86' }),
        gedRow({ id: '4', country: 'Macedonia, FYR', latitude: '42.0', longitude: '21.43' }),
        gedRow({ id: '5', country: 'Congo', latitude: '-4.27', longitude: '15.28' }),
      ]),
    );
    expect(report.rejections).toEqual([]);
    expect(dataset.events.map((e) => [e.id, e.place!.country, e.start.at])).toEqual([
      ['ucdp-1', 'SYR', '2022-09-13T00:00:00+03:00'],
      ['ucdp-2', 'LAO', '2022-09-13T00:00:00+07:00'],
      ['ucdp-3', 'MDA', '2022-09-13T00:00:00+03:00'],
      ['ucdp-4', 'MKD', '2022-09-13T00:00:00+02:00'],
      ['ucdp-5', 'COG', '2022-09-13T00:00:00+01:00'],
    ]);
  });

  it('names the place by where_coordinates, then where_description, then adm_1', () => {
    const { dataset } = run(
      gedFile([
        gedRow({ id: '1', where_coordinates: '' }),
        gedRow({ id: '2', where_coordinates: '', where_description: '', adm_2: '' }),
      ]),
    );
    expect(dataset.events.map((e) => [e.place!.name.en, e.place!.admin])).toEqual([
      ['Jermuk, near the border', ['Vayots Dzor province', 'Jermuk community']],
      ['Vayots Dzor province', ['Vayots Dzor province']],
    ]);
  });

  it('keeps headlines as titles only when there is one per source, and dates only when they are clean', () => {
    const { dataset, report } = run(
      gedFile([
        gedRow({ id: '1', source_headline: 'Only one headline', source_date: '2022-09-14 00:00:00.000' }),
        gedRow({ id: '2', source_date: 'September 2022' }),
      ]),
    );
    expect(dataset.events[0]!.sources.slice(1)).toEqual([
      { publisher: 'Armenpress', date: '2022-09-14', language: 'und' },
      { publisher: 'Reuters', date: '2022-09-14', language: 'und' },
    ]);
    expect(dataset.events[1]!.sources.slice(1).map((s) => s.date)).toEqual([undefined, undefined]);
    expect(report.fixes).toEqual([
      { line: 3, row: 3, field: 'source_date', value: 'September 2022', message: 'is not a date such as 2022-09-14; the sources are left without it' },
    ]);
  });

  it('reads a file a US spreadsheet saved: its dates month first, a single source_date too', () => {
    const { dataset, report } = run(
      gedFile([
        gedRow({ id: '1', date_start: '9/13/2022', date_end: '9/14/2022', source_date: '9/15/2022' }),
        gedRow({ id: '2', date_start: '9/10/2022', date_end: '9/10/2022' }),
      ]),
    );
    expect(dataset.events.map((e) => [e.start.at, e.end?.at])).toEqual([
      ['2022-09-13T00:00:00+04:00', '2022-09-14T00:00:00+04:00'],
      ['2022-09-10T00:00:00+04:00', undefined],
    ]);
    expect(dataset.events[0]!.sources.slice(1).map((s) => s.date)).toEqual(['2022-09-15', '2022-09-15']);
    expect(report.notes).toEqual([expect.stringMatching(/^date_start has its dates month first \(9\/13\/2022\)/)]);
    expect(report.fixes).toEqual([]);
    expect(report.rejections).toEqual([]);
  });

  it.each([
    [{ id: '' }, 'id', 'is empty', undefined],
    [{ type_of_violence: '4' }, 'type_of_violence', 'is not 1, 2 or 3', '4'],
    [{ date_start: '2022-13-01' }, 'date_start', 'is not a date', '2022-13-01'],
    [{ date_end: 'soon' }, 'date_end', 'is not a date', 'soon'],
    [{ date_end: '2022-09-01' }, 'date_end', 'is before date_start', '2022-09-01'],
    [{ date_prec: '9' }, 'date_prec', 'is not 1, 2, 3, 4 or 5', '9'],
    [{ latitude: 'north' }, 'latitude', 'is not a latitude', 'north'],
    [{ longitude: '245.1' }, 'longitude', 'is not a longitude', '245.1'],
    [{ country: 'Atlantis' }, 'country', 'is not a country we know', 'Atlantis'],
    [{ best: 'many' }, 'best', 'is not a whole number of 0 or more', 'many'],
    [{ best: '-3' }, 'best', 'is not a whole number of 0 or more', '-3'],
    [{ side_a: '' }, 'side_a', 'is empty', undefined],
  ])('rejects %j on its line, naming the field', (over, field, message, value) => {
    const { dataset, report } = run(gedFile([gedRow({ id: '1' }), gedRow({ id: '2', ...over }), gedRow({ id: '3' })]));
    expect(report).toMatchObject({ rowsRead: 3, imported: 2, rejectedRows: 1 });
    expect(report.rejections).toEqual([{ line: 3, row: 3, field, message, ...(value !== undefined ? { value } : {}) }]);
    expect(dataset.events.map((e) => e.id)).toEqual(['ucdp-1', 'ucdp-3']);
    expectBalanced(report);
  });

  it('rejects a repeated id, naming the line of the first, and counts rows on lines after a multi-line cell', () => {
    const { report } = run(
      gedFile([gedRow({ id: '7', source_headline: 'Two\nlines' }), gedRow({ id: '8' }), gedRow({ id: '7' })]),
    );
    expect(report).toMatchObject({ rowsRead: 3, imported: 2, rejectedRows: 1 });
    expect(report.rejections).toEqual([{ line: 5, row: 4, field: 'id', value: '7', message: 'repeats the id of row 2' }]);
    expect(describeIssue(report.rejections[0]!)).toBe('row 4 (line 5 of the file): id "7" repeats the id of row 2');
    expectBalanced(report);
  });

  it('rejects an id that cannot be an event id, with the rule it breaks, and keeps the other rows', () => {
    const { dataset, report } = run(gedFile([gedRow({ id: '12 34' }), gedRow({ id: '9'.repeat(200) }), gedRow({ id: '5' })]));
    expect(report).toMatchObject({ rowsRead: 3, imported: 1, rejectedRows: 2 });
    expect(report.rejections.map((r) => [r.row, r.field, r.message])).toEqual([
      [2, 'id', 'letters, digits, ".", "_", ":" and "-" only'],
      [3, 'id', expect.stringMatching(/200/)],
    ]);
    expect(dataset.events.map((e) => e.id)).toEqual(['ucdp-5']);
    expectBalanced(report);
  });

  it('gives each event its fields in the order the app writes them', () => {
    const [event] = run(gedFile([gedRow({ id: '1', date_end: '2022-09-14' })])).dataset.events;
    expect(Object.keys(event!)).toEqual(['id', 'type', 'title', 'description', 'originalLanguage', 'start', 'end', 'actors', 'place', 'counts', 'claims', 'sources', 'relations', 'tags']);
    expect(Object.keys(event!.place!)).toEqual(['name', 'country', 'lat', 'lon', 'precision', 'admin']);
    expect(event!.actors.map((ref) => Object.keys(ref))).toEqual([
      ['actor', 'role', 'side'],
      ['actor', 'role', 'side'],
    ]);
  });

  it('rejects a row with the wrong number of fields, and still balances rows read', () => {
    const { report } = run(gedFile([gedRow({ id: '1' }), 'too,few,fields', gedRow({ id: '2', best: 'x' }), gedRow({ id: '3' })]));
    expect(report).toMatchObject({ rowsRead: 4, imported: 2, rejectedRows: 2 });
    expect(report.rejections.map((r) => [r.line, r.field])).toEqual([
      [3, 'row'],
      [4, 'best'],
    ]);
    expectBalanced(report);
  });
});

describe('where_prec: how closely the coordinates locate the event', () => {
  it('reads each code as the place’s precision, and names a code it does not know', () => {
    const codes = ['1', '2', '3', '4', '5', '6', '7', '', '9'];
    const { dataset, report } = run(gedFile(codes.map((code, i) => gedRow({ id: String(500 + i), where_prec: code }))));
    expect(dataset.events.map((e) => e.place?.precision ?? null)).toEqual(['point', 'near', 'district', 'region', 'region', 'country', 'country', null, null]);
    expect(report.fixes.map(describeIssue)).toEqual(['row 10: where_prec "9" is not a UCDP where_prec (1 to 7); the place’s precision is left unstated']);
    expect(report.imported).toBe(codes.length);
  });
});
