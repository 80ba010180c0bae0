import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { importText } from './importer.ts';
import { eventsToGeoJson } from '../export/eventsGeoJson.ts';
import type { ConflictEvent } from '../model/schema.ts';
import { detectFormat, sniffBinary } from './detect.ts';
import { readDate } from './dates.ts';
import { guessMapping } from './csvMapping.ts';
import { reportToCsv, createReportBuilder } from './report.ts';
import { acledCsv, acledRow, europeanSpreadsheetCsv } from '../testing/acledFixture.ts';
import { EARLIER_COMPACT_JSON } from '../testing/earlierCompact.ts';
import { spreadsheetSavedGed, UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';

describe('detecting what a file is', () => {
  it.each([
    ['', 'is empty'],
    ['   \n', 'is empty'],
    ['<!DOCTYPE html><html><body>Sign in</body></html>', 'is a web page (HTML), not a dataset'],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'is XML or SVG, not a dataset'],
    ['just one line of prose', 'is neither JSON nor a table with a header row (CSV)'],
  ])('refuses %j: it %s', (text, reason) => {
    expect(detectFormat(text)).toEqual({ ok: false, reason });
    expect(importText({ text, fileName: 'f' })).toEqual({ kind: 'not-a-dataset', message: `f ${reason}.` });
  });

  it('knows images, PDFs and spreadsheets by their first bytes', () => {
    expect(sniffBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]))).toBe('a PNG image');
    expect(sniffBinary(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBe('a PDF document');
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toMatch(/Excel/);
    expect(sniffBinary(new TextEncoder().encode('event_id_cnty,event_date'))).toBeNull();
  });

  it('tells ACLED, UCDP, JSON and other CSV apart', () => {
    expect(detectFormat(acledCsv([acledRow()]))).toEqual({ ok: true, format: 'acled' });
    expect(detectFormat('\ufeff' + acledCsv([acledRow()], { layout: 'pre2023', hxl: true }))).toEqual({ ok: true, format: 'acled' });
    expect(detectFormat('id,relid,year,type_of_violence,date_start,date_end\n')).toEqual({ ok: true, format: 'ucdp' });
    expect(detectFormat(' {"events": []}')).toEqual({ ok: true, format: 'json' });
    expect(detectFormat('When,What\n2022-09-13,Clash\n')).toEqual({ ok: true, format: 'csv' });
  });

  it('lets the user override detection', () => {
    const result = importText({ text: acledCsv([acledRow()]), fileName: 'a.csv', format: 'csv' });
    expect(result.kind).toBe('needs-mapping');
  });
});

describe('dates', () => {
  it.each([
    ['2022-09-15', [2022, 9, 15], 'iso'],
    ['2022-09-15 00:00:00', [2022, 9, 15], 'iso-other'],
    ['15 September 2022', [2022, 9, 15], 'textual'],
    ['15 Sept 2022', [2022, 9, 15], 'textual'],
    ['15-Sep-22', [2022, 9, 15], 'textual'],
    ['15/09/2022', [2022, 9, 15], 'numeric'],
    ['1-Jan-98', [1998, 1, 1], 'textual'],
    ['2020-02-29', [2020, 2, 29], 'iso'],
    ['20210106', [2021, 1, 6], 'yyyymmdd'],
    ['Sep 15, 2022', [2022, 9, 15], 'textual'],
    ['September 15 2022', [2022, 9, 15], 'textual'],
    ['Sept. 5, 2022', [2022, 9, 5], 'textual'],
    ['2022/09/15', [2022, 9, 15], 'iso-other'],
    ['2022.9.5', [2022, 9, 5], 'iso-other'],
  ])('reads %s', (text, [year, month, day], form) => {
    expect(readDate(text)).toEqual({ ok: true, date: { year, month, day }, form, normalised: form !== 'iso' });
  });

  it.each(['31 September 2022', '2022-02-30', '2021-02-29', '15 Septober 2022', '13/13/2022', 'yesterday', '', '20210230', '20211306', '2021016', 'Feb 30, 2022', 'Septober 15, 2022', '2022/09-15', '2022/15/09'])('refuses %j', (text) => {
    expect(readDate(text)).toEqual({ ok: false });
  });
});

describe('the app JSON', () => {
  it('imports the seed dataset whole', () => {
    const result = importText({ text: JSON.stringify(seed), fileName: 'seed.json' });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 16, imported: 16, rejectedRows: 0, fixedRows: 0 });
    expect(result.dataset.events).toHaveLength(16);
  });

  it('rejects a bad event by its path and keeps the others; repairs and reports a damaged URL', () => {
    const data = structuredClone(seed) as typeof seed;
    (data.events[0] as { start: { at: string } }).start.at = 'yesterday';
    (data.events[1]!.actors[0] as { actor: string }).actor = 'nobody';
    const third = data.events[2] as { sources: { url?: string }[] };
    third.sources[0]!.url = 'https://www.youtube.com/watch؟v=abc';
    const result = importText({ text: JSON.stringify(data), fileName: 'edited.json' });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 16, imported: 14, rejectedRows: 2, fixedRows: 1 });
    expect(result.report.rejections.map((r) => [r.record, r.field])).toEqual([
      ['events[0]', 'start.at'],
      ['events[1]', 'actors[0].actor'],
    ]);
    expect(result.report.rejections[1]!.message).toBe('names unknown actor "nobody"');
    expect(result.report.fixes[0]).toMatchObject({ record: 'events[2]', field: 'sources[0].url' });
    expect(result.dataset.events.find((e) => e.id === data.events[2]!.id)!.sources[0]!.url).toBe('https://www.youtube.com/watch?v=abc');
  });

  it('reads a "__proto__" key in an event as data: trimming inside it changes no prototype', () => {
    const data = structuredClone(seed) as typeof seed;
    // The first event has no end: an end reached through a prototype would be taken as its own.
    const end = { at: '2030-01-01T00:00:00Z', precision: 'day', tz: ' UTC ' };
    const text = JSON.stringify(data).replace('"events":[{', `"events":[{"__proto__":{"end":${JSON.stringify(end)}},`);
    const result = importText({ text, fileName: 'proto.json' });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 16, imported: 16, rejectedRows: 0 });
    const first = result.dataset.events[0]!;
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(first.end).toBeUndefined();
    expect(first).toEqual(importText({ text: JSON.stringify(data), fileName: 'plain.json' }).kind === 'done' ? (importText({ text: JSON.stringify(data), fileName: 'plain.json' }) as { dataset: { events: unknown[] } }).dataset.events[0] : null);
  });

  it('keeps a source URL that is not a web link as the data gives it, instead of rejecting the event', () => {
    const data = structuredClone(seed) as typeof seed;
    const sources = (data.events[3] as { sources: { url?: string }[] }).sources;
    sources[0]!.url = 'not a url at all';
    const result = importText({ text: JSON.stringify(data), fileName: 'edited.json' });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 16, imported: 16, rejectedRows: 0 });
    expect(result.dataset.events.find((e) => e.id === data.events[3]!.id)!.sources[0]!.url).toBe('not a url at all');
  });

  it('explains JSON that is not a dataset', () => {
    expect(importText({ text: '{"events": 3', fileName: 'x.json' })).toMatchObject({ kind: 'not-a-dataset', message: expect.stringMatching(/^x\.json is not valid JSON/) });
    expect(importText({ text: '{"name": "package"}', fileName: 'package.json' })).toEqual({
      kind: 'not-a-dataset',
      message: 'package.json is JSON, but not a Conflict Timeline dataset (it has no "events" list).',
    });
    // The app's own Export GeoJSON: points and a few properties, not events.
    expect(importText({ text: eventsToGeoJson(seed.events as unknown as ConflictEvent[], 'en'), fileName: 'events.geojson' })).toEqual({
      kind: 'not-a-dataset',
      message: 'events.geojson is GeoJSON, which the app writes for maps but does not read: open a CSV, JSON or Parquet of the events instead.',
    });
  });

  it('refuses a compact JSON file of an earlier version, naming the file, why and how to convert the data: as written, pretty-printed, or with its keys reordered', () => {
    const message =
      'old.compact.json is a compact JSON file from an earlier version of Conflict Timeline; this version no longer reads that format. Convert the original data with `npm run import -- INPUT --out OUTPUT.parquet`.';
    const { format, ...rest } = JSON.parse(EARLIER_COMPACT_JSON) as Record<string, unknown>;
    for (const text of [EARLIER_COMPACT_JSON, `\ufeff${JSON.stringify(JSON.parse(EARLIER_COMPACT_JSON), null, 2)}`, JSON.stringify({ ...rest, format })])
      for (const request of [{}, { format: 'json' as const }]) expect(importText({ text, fileName: 'old.compact.json', ...request })).toEqual({ kind: 'not-a-dataset', message });
    // A full file that only mentions the format is read.
    const mentions = { ...seed, description: '"format": "conflict-timeline-compact"' };
    expect(importText({ text: JSON.stringify(mentions), fileName: 'seed.json' }).kind).toBe('done');
  });
});

describe('a plain CSV mapped by hand', () => {
  const text = 'When,Headline,Kind,Who,Town,Country,Link\n' +
    '2022-09-14 20:00,Ceasefire takes effect,ceasefire,Government of Armenia; Government of Azerbaijan,Yerevan,Armenia,https://example.org/a؟b=1\n' +
    '15 September 2022,Protest in Yerevan,Protest,Protesters,Yerevan,ARM,\n' +
    'soon,Bad date,clash,,,,\n' +
    '2022-09-16,Something,skirmish,,,,\n';

  it('keeps a link that is not http(s) as written (shown as text), without rejecting its row', () => {
    const odd = 'When,Headline,Kind,Link\n2022-09-14,Ceasefire,ceasefire,javascript:alert(1)\n2022-09-15,Protest,protest,not a url\n';
    const guess = guessMapping(['When', 'Headline', 'Kind', 'Link']);
    const result = importText({ text: odd, fileName: 'odd.csv', mapping: guess });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 2, imported: 2, rejectedRows: 0 });
    expect(result.dataset.events.map((e) => e.sources[0]!.url)).toEqual(['javascript:alert(1)', 'not a url']);
  });

  it('guesses the mapping from the column names', () => {
    const guess = guessMapping(['When', 'Headline', 'Kind', 'Who', 'Town', 'Country', 'Link']);
    expect(guess).toMatchObject({ date: 'When', title: 'Headline', type: 'Kind', actors: 'Who', place: 'Town', country: 'Country', url: 'Link', timeZone: 'UTC' });
  });

  it('asks for a mapping, then imports with it, reporting each fix and rejection', () => {
    const first = importText({ text, fileName: 'mine.csv' });
    if (first.kind !== 'needs-mapping') throw new Error(first.kind);
    expect(first.columns).toHaveLength(7);
    expect(first.sample[0]![1]).toBe('Ceasefire takes effect');
    const result = importText({ text, fileName: 'mine.csv', mapping: { ...first.guess, timeZone: 'Asia/Yerevan' } });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 4, imported: 3, rejectedRows: 1, fixedRows: 2 });
    const [ceasefire, protest, other] = result.dataset.events;
    expect(ceasefire).toMatchObject({ type: 'ceasefire', start: { at: '2022-09-14T20:00:00+04:00', precision: 'minute', tz: 'Asia/Yerevan' } });
    expect(ceasefire!.sources[0]!.url).toBe('https://example.org/a?b=1');
    expect(ceasefire!.actors).toHaveLength(2);
    expect(protest).toMatchObject({ type: 'protest', start: { at: '2022-09-15T00:00:00+04:00', precision: 'day' } });
    expect(other!.type).toBe('other');
    expect(result.report.rejections[0]).toMatchObject({ line: 4, field: 'When', value: 'soon', message: 'is not a date' });
    // 15 September 2022 is read, not fixed.
    expect(result.report.fixes.map((f) => [f.line, f.field])).toEqual([[2, 'Link'], [5, 'Kind']]);
  });

  it('reads the dates of a table a US spreadsheet saved (9/13/2022) month first, start and end alike, and notes it', () => {
    const text = 'Date,End,Title\n9/13/2022,9/14/2022,Shelling\n9/10/2022,,Talks\n';
    const result = importText({ text, fileName: 'us.csv', mapping: { ...guessMapping(['Date', 'End', 'Title']), endDate: 'End' } });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.dataset.events.map((e) => [e.start.at.slice(0, 10), e.end?.at.slice(0, 10)])).toEqual([['2022-09-13', '2022-09-14'], ['2022-09-10', undefined]]);
    expect(result.report.notes).toEqual(['Date has its dates month first (9/13/2022), as US spreadsheets save them: every date written with numbers alone was read month first']);
  });

  it("reads ACLED's sub-event types as their event types, and reports a type it does not know", () => {
    const kinds = ['Armed clash', 'Shelling/artillery/missile attack', 'Air/drone strike', 'Peaceful protest', 'Mob violence', 'Looting/property destruction', 'Attack'];
    const text = 'Date,Title,Kind\n' + kinds.map((kind, i) => `2022-09-13,Event ${i},${kind}`).join('\n') + '\n';
    const result = importText({ text, fileName: 'mine.csv', mapping: guessMapping(['Date', 'Title', 'Kind']) });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.dataset.events.map((e) => e.type)).toEqual(['clash', 'remote-violence', 'remote-violence', 'protest', 'riot', 'other', 'other']);
    // "Attack" alone may be any attack: it is imported as other, and said so.
    expect(result.report.fixes.map((f) => [f.line, f.value, f.message])).toEqual([[8, 'Attack', 'is not a type we know; imported as "other"']]);
  });

  it('reads the dates and times spreadsheets write: month names first, year first with slashes, a time after any date', () => {
    const rows = ['Sep 13, 2022', '2022/09/13', '13/09/2022 14:30', '13.09.2022 08:05:30', '14/09/2022 25:00'];
    const text = 'Date,Title\n' + rows.map((date, i) => `"${date}",Event ${i}`).join('\n') + '\n';
    const result = importText({ text, fileName: 'mine.csv', mapping: { ...guessMapping(['Date', 'Title']), timeZone: 'Asia/Yerevan' } });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.dataset.events.map((e) => [e.start.at, e.start.precision])).toEqual([
      ['2022-09-13T00:00:00+04:00', 'day'],
      ['2022-09-13T00:00:00+04:00', 'day'],
      ['2022-09-13T14:30:00+04:00', 'minute'],
      ['2022-09-13T08:05:30+04:00', 'minute'],
    ]);
    expect(result.report.rejections).toEqual([expect.objectContaining({ line: 6, field: 'Date', value: '14/09/2022 25:00', message: 'is not a date' })]);
  });

  it('reads the date-times of a US spreadsheet month first, with AM and PM, and tells the order from them', () => {
    const text = 'Date,Title\n9/13/2022 2:30 PM,Shelling\n9/10/2022 12:05 AM,Talks\n9/10/2022 12:00 PM,Statement\n9/15/2022 13:30 PM,Bad\n';
    const result = importText({ text, fileName: 'us.csv', mapping: guessMapping(['Date', 'Title']) });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.dataset.events.map((e) => [e.title.en, e.start.at])).toEqual([
      ['Shelling', '2022-09-13T14:30:00+00:00'],
      ['Talks', '2022-09-10T00:05:00+00:00'],
      ['Statement', '2022-09-10T12:00:00+00:00'],
    ]);
    expect(result.report.notes).toEqual(['Date has its dates month first (9/13/2022 2:30 PM), as US spreadsheets save them: every date written with numbers alone was read month first']);
    expect(result.report.rejections.map((r) => [r.line, r.value])).toEqual([[5, '9/15/2022 13:30 PM']]);
  });

  it('tells an ACLED export a spreadsheet saved with semicolons as ACLED, and a UCDP GED file as GED', () => {
    expect(detectFormat(europeanSpreadsheetCsv([acledRow()]))).toEqual({ ok: true, format: 'acled' });
    expect(detectFormat(spreadsheetSavedGed(UCDP_HEADER + ucdpRow(1), 'european'))).toEqual({ ok: true, format: 'ucdp' });
  });

  it('reads decimal commas in the coordinates of a table saved with semicolons', () => {
    const text = 'Date;Title;Lat;Lon;Country\n2022-09-13;Shelling, then a lull;40,2;45,9333;ARM\n';
    const result = importText({ text, fileName: 'excel.csv', mapping: { ...guessMapping(['Date', 'Title']), latitude: 'Lat', longitude: 'Lon', country: 'Country' } });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.dataset.events[0]!.place).toMatchObject({ lat: 40.2, lon: 45.9333 });
    expect(result.report.rejectedRows).toBe(0);
  });

  it('reads a spreadsheet saved with semicolons, keeping commas inside cells', () => {
    const semicolons = 'Date;Title;Type\n2022-09-13;Shelling, then a lull;clash\n2022-09-14;Ceasefire;ceasefire\n';
    const first = importText({ text: semicolons, fileName: 'excel.csv' });
    if (first.kind !== 'needs-mapping') throw new Error(first.kind);
    expect(first.columns).toEqual(['Date', 'Title', 'Type']);
    const result = importText({ text: semicolons, fileName: 'excel.csv', mapping: first.guess });
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.report).toMatchObject({ rowsRead: 2, imported: 2 });
    expect(result.dataset.events[0]!.title.en ?? Object.values(result.dataset.events[0]!.title)[0]).toBe('Shelling, then a lull');
  });
});

describe('the report as CSV', () => {
  it('has the counts, one line per issue, and defuses formula-like cells', () => {
    const builder = createReportBuilder('x.csv', 'ACLED CSV');
    builder.row(2).reject('notes', 'is not a date', '=HYPERLINK("http://evil")');
    builder.row(3, undefined, 2).fix('location', 'had spaces around it, which were trimmed', ' Sotk');
    builder.row(4, undefined, 3).missing('NA');
    const csv = reportToCsv(builder.finish());
    expect(csv).toContain('rows read,3\r\nimported,2\r\nfixed,1\r\nrejected,1\r\nmerged,0');
    expect(csv).toContain('outcome,row,line,record,field,value,message');
    expect(csv).toContain(`rejected,,2,,notes,"'=HYPERLINK(""http://evil"")",is not a date`);
    // Papa Parse quotes a cell with a leading or trailing space, so that readers keep the space.
    expect(csv).toContain('fixed,2,3,,location," Sotk","had spaces around it, which were trimmed"');
    expect(csv).toContain('missing,,,,,NA,1 cell read as missing');
  });
});
