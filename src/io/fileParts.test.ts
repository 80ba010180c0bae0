// A large ACLED or UCDP GED CSV read in parts at once (one per core) gives the events and the report that
// reading it whole gives, row numbers and all; where rows of two parts would interact, the file is
// read whole instead.
import { describe, expect, it } from 'vitest';
import { csvPartStarts, importCsvInParts, mergeActors, readCsvPart } from './fileParts.ts';
import { importTextPacked } from './importer.ts';
import { receivedPacked } from './packedPost.ts';
import { partsAsWorkers } from '../testing/partReader.ts';
import { unpackEvents } from '../table/packedEvents.ts';
import { acledCsv, acledRow, europeanSpreadsheetCsv, generatedAcledRows, toMonadic, type AcledRow } from '../testing/acledFixture.ts';
import { describeIssue } from './report.ts';
import { DAY_FIRST } from './dates.ts';
import { groupRanges, importColumnar, importColumnarInParts } from './columnarImport.ts';
import { acledArrow, textParquet } from '../testing/columnarFixture.ts';
import { spreadsheetSavedGed, UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { UCDP_COLUMNS } from './ucdp.ts';
import { readUcdpCsvPreview } from './ucdpPreview.ts';
import { readParquetRowsPreview } from './parquetRowsPreview.ts';
import { readArrowRowsPreview } from './arrowRowsPreview.ts';
import type { Actor } from '../model/schema.ts';
import type { ImportPreview } from './appParquetPreview.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The file read in parts (each part at least `minBytes`), as the page would get it; null where it is read whole. */
async function inParts(text: string, cores: number, minBytes = 1024, maxRows?: number) {
  const result = await importCsvInParts({ file: new Blob([text]), fileName: 'events.csv', ...(maxRows !== undefined ? { maxRows } : {}) }, partsAsWorkers(cores, minBytes));
  if (result === null || result.kind !== 'posted') return result;
  return { dataset: unpackEvents(receivedPacked(result.posted)), report: result.report };
}

/** The one preview of the file read in `cores` parts, each giving its rows' days and types, whatever its size. */
async function previewFromParts(text: string, fileName: string, cores: number): Promise<ImportPreview> {
  const previews: ImportPreview[] = [];
  const result = await importCsvInParts({ file: new Blob([text]), fileName }, partsAsWorkers(cores, 1024, 100, 0), undefined, (p) => previews.push(p));
  expect(result?.kind, `${cores} cores`).toBe('posted');
  expect(previews, `${cores} cores`).toHaveLength(1);
  return previews[0]!;
}

function whole(text: string, maxRows?: number) {
  const result = importTextPacked({ text, fileName: 'events.csv', ...(maxRows !== undefined ? { maxRows } : {}) });
  if (result.kind !== 'packed') return result;
  return { dataset: unpackEvents(result.packed), report: result.report };
}

describe('reading an ACLED CSV in parts', () => {
  const rows: AcledRow[] = generatedAcledRows(1200, 11);
  // Faults spread through the file: each is reported with its own row, whichever part it is in.
  rows[100] = { ...rows[100]!, event_date: '2022-02-30' };
  rows[700] = { ...rows[700]!, notes: 'Shelling near "the bridge",\nthen a second line', latitude: '91' };
  rows[1100] = { ...rows[1100]!, fatalities: 'many' };
  rows[1150] = { ...rows[1150]!, notes: 'Ереван: обстрел 🚀 near Jermuk' };
  const text = acledCsv(rows, { hxl: true });

  it('gives the events and the report of reading it whole, in 2, 3 and 4 parts', async () => {
    const expected = whole(text);
    for (const cores of [2, 3, 4]) expect(await inParts(text, cores), `${cores} parts`).toEqual(expected);
  });

  it('reads the dates of a file a US spreadsheet saved (9/13/2022) month first in every part, as read whole, with one note', async () => {
    const iso = generatedAcledRows(1200, 11);
    const us = iso.map((row) => {
      const [year, month, day] = row.event_date!.split('-').map(Number);
      return { ...row, event_date: `${month}/${day}/${year}` };
    });
    const text = acledCsv(us);
    const expected = whole(text);
    if (!('report' in expected)) throw new Error('not read');
    expect(expected.report.notes).toEqual([expect.stringMatching(/^event_date has its dates month first \(\d+\/\d+\/\d{4}\)/)]);
    expect(expected.dataset.events.map((event) => event.start.at.slice(0, 10))).toEqual(iso.map((row) => row.event_date));
    for (const cores of [2, 4]) expect(await inParts(text, cores), `${cores} parts`).toEqual(expected);
    // The preview places every row on its day, as it places the same rows written ISO.
    const preview = await previewFromParts(text, 'events.csv', 2);
    expect(preview.start.length).toBe(1200);
    expect(preview.start).toEqual((await previewFromParts(acledCsv(iso), 'events.csv', 2)).start);
  });

  it('reads a file a European spreadsheet saved (semicolons, decimal commas) in parts as read whole, and as the export itself', async () => {
    const saved = europeanSpreadsheetCsv(rows);
    const expected = whole(saved);
    if (!('report' in expected)) throw new Error('not read');
    expect(expected.dataset.events).toEqual((whole(acledCsv(rows)) as typeof expected).dataset.events);
    for (const cores of [2, 4]) expect(await inParts(saved, cores), `${cores} parts`).toEqual(expected);
    const preview = await previewFromParts(saved, 'events.csv', 2);
    expect(preview.start).toEqual((await previewFromParts(acledCsv(rows), 'events.csv', 2)).start);
  });

  it('names a rejected row of a later part by its own row and line', async () => {
    const read = await inParts(text, 4);
    if (!read || !('report' in read)) throw new Error('not read in parts');
    // The header is row 1 and the HXL row row 2, so rows[i] is row i + 3; the line break in
    // rows[700]'s notes puts every later row one line further down.
    expect(read.report.rejections.map(describeIssue)).toEqual([
      'row 103: event_date "2022-02-30" is not a date',
      'row 703: latitude "91" is not a latitude',
      'row 1103 (line 1104 of the file): fatalities "many" is not a whole number of 0 or more',
    ]);
    expect(read.report.notes).toEqual(['row 2 is an HXL hashtag row (#event+id+cnty, …), which labels the columns; it is not an event']);
    expect(read.dataset.events.find((e) => e.id === 'GEN1151')?.description?.en).toBe('Ереван: обстрел 🚀 near Jermuk');
  });

  it('counts the blank lines of every part', async () => {
    const lines = acledCsv(generatedAcledRows(600, 5)).split('\n');
    lines.splice(450, 0, '', '');
    lines.splice(100, 0, '');
    const withBlanks = lines.join('\n');
    const read = await inParts(withBlanks, 2);
    expect(read).toEqual(whole(withBlanks));
    expect(read && 'report' in read && read.report.notes).toEqual(['3 blank lines were skipped']);
  });

  it('is read whole where a later part repeats an id of an earlier one, so that the repeat is rejected as such', async () => {
    const repeated = generatedAcledRows(800, 2);
    repeated[700] = { ...repeated[700]!, event_id_cnty: 'GEN5' };
    const csv = acledCsv(repeated);
    expect(await inParts(csv, 2)).toBeNull();
    const read = whole(csv);
    expect('report' in read && read.report.rejections.map(describeIssue)).toEqual(['row 702: event_id_cnty "GEN5" repeats the id of row 6']);
  });

  it('is read whole where a later part reads, and rejects, a row with an id an earlier part kept', async () => {
    const repeated = generatedAcledRows(800, 2);
    repeated[700] = { ...repeated[700]!, event_id_cnty: 'GEN5', event_date: 'soon' };
    expect(await inParts(acledCsv(repeated), 2)).toBeNull();
  });

  it('is read whole where a stray quote in an unquoted cell would put a part’s start inside a cell', async () => {
    const stray = generatedAcledRows(800, 2);
    // Counted by parity, the stray quote makes the line break inside row 500's quoted notes look
    // like the end of a row: the first part would end inside that cell.
    stray[500] = { ...stray[500]!, notes: 'first line\nsecond line' };
    const csv = acledCsv(stray).replace('GEN20,', 'GEN20 "x,');
    const bytes = bytesOf(csv);
    expect(csvPartStarts(bytes, 2)![0]!.at).toBe(csv.indexOf('second line'));
    expect(await inParts(csv, 2)).toBeNull();
  });

  it('is read whole in ACLED’s monadic layout, for a small file, and for any other format', async () => {
    const generated = generatedAcledRows(800, 2);
    expect(await inParts(acledCsv(toMonadic(generated), { monadic: true }), 2)).toBeNull();
    expect(await inParts(acledCsv(generated), 2, 1 << 30)).toBeNull();
    expect(await inParts(`date,title\n${'2022-09-13,Shelling\n'.repeat(400)}`, 2)).toBeNull();
  });

  it('gives a preview from its parts, the same in 1, 2 and 4 of them: every row with a day and type, in the file’s order', async () => {
    const previewOf = (cores: number) => previewFromParts(text, 'events.csv', cores);
    const one = await previewOf(1);
    // All but the row of 30 February; a row the full read rejects for its latitude or count still has its day.
    expect(one).toMatchObject({ title: 'ACLED events from events.csv', rows: 1200 });
    expect(one.start).toHaveLength(1199);
    for (const cores of [2, 4]) expect(await previewOf(cores)).toEqual(one);
    // A file of more rows than allowed: no preview, and the file is refused as read whole.
    const previews: ImportPreview[] = [];
    const refused = await importCsvInParts({ file: new Blob([text]), fileName: 'events.csv', maxRows: 700 }, partsAsWorkers(2, 1024, 100, 0), undefined, (p) => previews.push(p));
    expect(refused).toEqual(whole(text, 700));
    expect(previews).toEqual([]);
    // One core and no preview due: the file is read whole, by the import worker itself.
    expect(await importCsvInParts({ file: new Blob([text]), fileName: 'events.csv' }, partsAsWorkers(1, 1024))).toBeNull();
  });

  it('refuses a file of more rows than allowed, as reading it whole does', async () => {
    const csv = acledCsv(generatedAcledRows(800, 2));
    expect(await inParts(csv, 2, 1024, 700)).toEqual(whole(csv, 700));
  });
});

describe('reading a UCDP GED CSV in parts', () => {
  const day = (i: number) => new Date(Date.UTC(2018, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  const gedRows = Array.from({ length: 1200 }, (_, k) => ucdpRow(k + 1, `Group ${k % 40}`, day(k)));
  // Faults spread through the file, and a headline over two lines.
  gedRows[100] = ucdpRow(101, 'Group 1', '');
  gedRows[700] = gedRows[700]!.replace(',Clash,', ',"Clash\nat night",');
  gedRows[1100] = gedRows[1100]!.replace(',15,20,12,', ',many,20,12,');
  const text = UCDP_HEADER + gedRows.join('');

  it('gives the events and the report of reading it whole, in 2, 3 and 4 parts', async () => {
    const expected = whole(text);
    expect('report' in expected && expected.report.rejections.map(describeIssue)).toEqual([
      'row 102: date_start is empty',
      'row 1102 (line 1103 of the file): best "many" is not a whole number of 0 or more',
    ]);
    for (const cores of [2, 3, 4]) expect(await inParts(text, cores), `${cores} parts`).toEqual(expected);
  });

  it('is read whole where a later part repeats an id of an earlier one, or rejects a row with such an id, and without its header row', async () => {
    const repeated = [...gedRows];
    repeated[1000] = ucdpRow(5, 'Group 1', day(5));
    expect(await inParts(UCDP_HEADER + repeated.join(''), 2)).toBeNull();
    repeated[1000] = ucdpRow(5, 'Group 1', '');
    expect(await inParts(UCDP_HEADER + repeated.join(''), 2)).toBeNull();
    expect(await inParts(gedRows.join(''), 2)).toBeNull();
  });

  it('reads a file a spreadsheet saved again (US: dates month first; European: semicolons, decimal commas, 13.09.2022) as the file itself, whole, in parts and in its preview', async () => {
    const original = whole(text);
    if (!('report' in original)) throw new Error('not read');
    const isoPreview = readUcdpCsvPreview(text, 'ged.csv', 10_000);
    for (const saved of ['us', 'european'] as const) {
      const resaved = spreadsheetSavedGed(text, saved);
      const read = whole(resaved);
      if (!('report' in read)) throw new Error(`${saved} not read`);
      expect(read.dataset, saved).toEqual(original.dataset);
      const note = saved === 'us' ? [expect.stringMatching(/^date_start has its dates month first \(\d+\/\d+\/2018\)/)] : [];
      expect(read.report, saved).toEqual({ ...original.report, notes: [...note, ...original.report.notes] });
      expect(await inParts(resaved, 2), saved).toEqual(read);
      expect(readUcdpCsvPreview(resaved, 'ged.csv', 10_000), saved).toEqual(isoPreview);
      expect(await previewFromParts(resaved, 'ged.csv', 2), saved).toEqual(isoPreview);
    }
  });

  it('gives a preview from its parts, the same in 1, 2 and 4 of them, and the same as from the whole text', async () => {
    const previewOf = (cores: number) => previewFromParts(text, 'ged.csv', cores);
    const one = await previewOf(1);
    // Every row but the one without a date; each clash ends the day after it starts.
    expect(one).toMatchObject({ title: 'UCDP GED events from ged.csv', rows: 1200 });
    expect(one.start).toHaveLength(1199);
    expect(one.end[0]! - one.start[0]!).toBe(86_400_000);
    expect(one).toEqual(readUcdpCsvPreview(text, 'ged.csv', 10_000));
    for (const cores of [2, 4]) expect(await previewOf(cores)).toEqual(one);
  });
});

describe('reading an ACLED Parquet or Arrow file in parts', () => {
  const rows: AcledRow[] = generatedAcledRows(1200, 12);
  rows[130] = { ...rows[130]!, event_type: 'Picnic' };
  rows[1100] = { ...rows[1100]!, latitude: '91' };
  const columns = Object.keys(rows[0]!);
  const files: [string, ArrayBuffer | Uint8Array][] = [
    ['events.parquet', textParquet(columns, rows, 250)],
    ['events.arrow', acledArrow(columns, rows, 250)],
    ['events.arrows', acledArrow(columns, rows, 250, 'stream')],
  ];

  it('gives the events and the report of reading it whole, its row groups or record batches shared among 2, 3 and 4 parts', async () => {
    for (const [name, file] of files) {
      const bytes = file instanceof Uint8Array ? file.slice().buffer : file;
      const whole = await importColumnar(bytes, name, { packed: true });
      if (whole.kind !== 'packed') throw new Error(`${name} not read`);
      for (const cores of [2, 3, 4]) {
        const read = await importColumnarInParts(bytes, { file: new Blob([bytes]), fileName: name }, partsAsWorkers(cores));
        if (read?.kind !== 'posted') throw new Error(`${name} not read in parts`);
        expect(unpackEvents(receivedPacked(read.posted)), `${name}, ${cores} parts`).toEqual(unpackEvents(whole.packed));
        expect(read.report, `${name}, ${cores} parts`).toEqual(whole.report);
      }
      expect(whole.report.rejections.map(describeIssue)).toEqual([
        expect.stringMatching(/^row 131 \((row group|record batch) 1\): event_type "Picnic" is not an ACLED event type$/),
        expect.stringMatching(/^row 1,101 \((row group|record batch) 5\): latitude "91" is not a latitude$/),
      ]);
    }
  });

  it('reads text dates a US spreadsheet wrote (9/13/2022) month first, whole, in every part and in the preview, with one note', async () => {
    const us = rows.map((row) => {
      const [year, month, day] = row.event_date!.split('-').map(Number);
      return { ...row, event_date: `${month}/${day}/${year}` };
    });
    const usFiles: [string, ArrayBuffer][] = [
      ['us.parquet', textParquet(columns, us, 250)],
      ['us.arrow', acledArrow(columns, us, 250).slice().buffer],
    ];
    for (const [name, bytes] of usFiles) {
      const read = await importColumnar(bytes, name, { packed: true });
      if (read.kind !== 'packed') throw new Error(`${name} not read`);
      expect(read.report.notes, name).toEqual([expect.stringMatching(/^event_date has its dates month first \(\d+\/\d+\/\d{4}\)/)]);
      const events = unpackEvents(read.packed).events;
      const kept = rows.filter((row) => events.some((event) => event.id === row.event_id_cnty));
      expect(events.map((event) => event.start.at.slice(0, 10)), name).toEqual(kept.map((row) => row.event_date));
      const inTwo = await importColumnarInParts(bytes, { file: new Blob([bytes]), fileName: name }, partsAsWorkers(2));
      if (inTwo?.kind !== 'posted') throw new Error(`${name} not read in parts`);
      expect(unpackEvents(receivedPacked(inTwo.posted)), name).toEqual(unpackEvents(read.packed));
      expect(inTwo.report, name).toEqual(read.report);
    }
    // The previews place every row on its day, as they place the same rows written ISO.
    const isoParquet = textParquet(columns, rows, 250);
    expect((await readParquetRowsPreview(usFiles[0]![1], 'us.parquet', undefined, 0))!.start).toEqual((await readParquetRowsPreview(isoParquet, 'iso.parquet', undefined, 0))!.start);
    expect((await readArrowRowsPreview(usFiles[1]![1], 'us.arrow', 0))!.start).toEqual((await readArrowRowsPreview(acledArrow(columns, rows, 250).slice().buffer, 'iso.arrow', 0))!.start);
  });

  it('is read whole in the monadic layout, and for too few rows', async () => {
    const monadic = toMonadic(rows);
    const parquet = textParquet(Object.keys(monadic[1]!), monadic, 250);
    expect(await importColumnarInParts(parquet, { file: new Blob([parquet]), fileName: 'm.parquet' }, partsAsWorkers(2))).toBeNull();
    const small = textParquet(columns, rows, 250);
    expect(await importColumnarInParts(small, { file: new Blob([small]), fileName: 's.parquet' }, partsAsWorkers(2, 1024, 1000))).toBeNull();
  });
});

describe('where parts start', () => {
  it('after a line break outside any quoted cell, with the line and spreadsheet row it starts on', () => {
    const rows = ['h1,h2', 'a,"one', 'two', 'three"', 'b,c', 'd,e', 'f,g'];
    const text = `${rows.join('\n')}\n`;
    // Halfway is inside the quoted cell: the part starts after it ends, on line 5, row 3.
    expect(csvPartStarts(bytesOf(text), 2)).toEqual([{ at: text.indexOf('b,c'), line: 5, row: 3 }]);
    // Never before row 3: row 2 may be an HXL row, which the first part reads as such.
    const longHeader = `${'h'.repeat(30)}\n#h\nrow 3\nrow 4\n`;
    expect(csvPartStarts(bytesOf(longHeader), 2)).toEqual([{ at: longHeader.indexOf('row 3'), line: 3, row: 3 }]);
    expect(csvPartStarts(bytesOf('h1,h2\na,"b\nc\nd\ne\nf"\n'), 2)).toBeNull();
  });

  it('not after a blank line (the blank lines before data are counted by the part they end)', () => {
    const text = 'h\na\n\n\nbbbbbbbb\ncccccccc\n';
    expect(csvPartStarts(bytesOf(text), 2)).toEqual([{ at: text.indexOf('cccc'), line: 6, row: 6 }]);
  });

  it('reads a part of a file from its bytes, numbering its rows from where it starts', async () => {
    const text = acledCsv([acledRow({ event_id_cnty: 'ARM1' }), acledRow({ event_id_cnty: 'ARM2', event_date: 'never' })]);
    const from = text.indexOf('ARM2');
    const header = text.slice(0, text.indexOf('\n')).split(',');
    const part = await readCsvPart({ format: 'acled', file: new Blob([text]), from, to: text.length, fileName: 'x.csv', header, start: { line: 30, row: 20 }, maxRows: 10, preview: false, dates: DAY_FIRST, delimiter: ',' });
    expect(part.report.rejections.map(describeIssue)).toEqual(['row 20 (line 30 of the file): event_date "never" is not a date']);
  });
});

describe('reading a UCDP GED Parquet file in parts', () => {
  const record = (line: string) => Object.fromEntries(line.trimEnd().split(',').map((cell, k) => [UCDP_COLUMNS[k]!, cell]));
  const day = (i: number) => new Date(Date.UTC(2018, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: 1200 }, (_, k) => record(ucdpRow(k + 1, `Group ${k % 40}`, day(k))));
  rows[130] = { ...rows[130]!, date_start: '' };
  rows[1100] = { ...rows[1100]!, best: 'many' };

  it('gives the events and the report of reading it whole, its row groups shared among 2 and 3 parts; one whose later part repeats an id is read whole', async () => {
    const bytes = textParquet(UCDP_COLUMNS, rows, 250);
    const whole = await importColumnar(bytes, 'ged.parquet', { packed: true });
    if (whole.kind !== 'packed') throw new Error('not read');
    expect(whole.report.rejections.map(describeIssue)).toEqual(['row 131 (row group 1): date_start is empty', 'row 1,101 (row group 5): best "many" is not a whole number of 0 or more']);
    for (const cores of [2, 3]) {
      const read = await importColumnarInParts(bytes, { file: new Blob([bytes]), fileName: 'ged.parquet' }, partsAsWorkers(cores));
      if (read?.kind !== 'posted') throw new Error(`not read in ${cores} parts`);
      expect(unpackEvents(receivedPacked(read.posted)), `${cores} parts`).toEqual(unpackEvents(whole.packed));
      expect(read.report, `${cores} parts`).toEqual(whole.report);
    }
    const repeated = textParquet(UCDP_COLUMNS, rows.map((row, k) => (k === 1000 ? { ...row, id: '5' } : row)), 250);
    expect(await importColumnarInParts(repeated, { file: new Blob([repeated]), fileName: 'ged.parquet' }, partsAsWorkers(2))).toBeNull();
  });

  it('reads text dates a US spreadsheet wrote (9/13/2022) month first, whole, in parts and in the preview, as the ISO file', async () => {
    const us = (text: string | undefined) => (text ? text.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${Number(m)}/${Number(d)}/${y}`) : text);
    const usRows = rows.map((row) => ({ ...row, date_start: us(row.date_start), date_end: us(row.date_end) }));
    const [iso, saved] = [textParquet(UCDP_COLUMNS, rows, 250), textParquet(UCDP_COLUMNS, usRows, 250)];
    const [expected, read] = await Promise.all([importColumnar(iso, 'ged.parquet', { packed: true }), importColumnar(saved, 'ged.parquet', { packed: true })]);
    if (expected.kind !== 'packed' || read.kind !== 'packed') throw new Error('not read');
    expect(unpackEvents(read.packed)).toEqual(unpackEvents(expected.packed));
    expect(read.report.notes).toEqual([expect.stringMatching(/^date_start has its dates month first/), ...expected.report.notes]);
    const inTwo = await importColumnarInParts(saved, { file: new Blob([saved]), fileName: 'ged.parquet' }, partsAsWorkers(2));
    if (inTwo?.kind !== 'posted') throw new Error('not read in parts');
    expect(unpackEvents(receivedPacked(inTwo.posted))).toEqual(unpackEvents(expected.packed));
    expect(inTwo.report).toEqual(read.report);
    expect((await readParquetRowsPreview(saved, 'ged.parquet', undefined, 0))!.start).toEqual((await readParquetRowsPreview(iso, 'ged.parquet', undefined, 0))!.start);
  });
});

describe('the row groups of each part', () => {
  it('split at the boundary nearest each part’s share of the rows, a group at least a part', () => {
    expect(groupRanges([122_880, 122_880, 54_240], 2)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 3 }]);
    expect(groupRanges([100, 100, 100, 100], 2)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 4 }]);
    expect(groupRanges([1000, 1, 1], 3)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }]);
    expect(groupRanges([5, 5, 5, 5, 5, 5, 5, 5, 5], 4).map(({ from, to }) => to - from)).toEqual([2, 2, 3, 2]);
  });
});

describe('the actors of several parts', () => {
  const actor = (id: string, name: string, kind: Actor['kind'] = 'other', aliases: string[] = []): Actor => ({ id, names: { en: name }, aliases, kind });

  it('are those one registry reading the parts in order would make: an actor once, its first kind, every alias', () => {
    const merged = mergeActors([
      [actor('acled', 'ACLED', 'data-provider'), actor('group-a', 'Group A', 'other', ['Group A (2018-)'])],
      [actor('acled', 'ACLED', 'data-provider'), actor('group-b', 'Group B', 'militia'), actor('group-a', 'Group A', 'militia', ['Group A (2020-)'])],
    ]);
    expect(merged).toEqual([actor('acled', 'ACLED', 'data-provider'), actor('group-a', 'Group A', 'militia', ['Group A (2018-)', 'Group A (2020-)']), actor('group-b', 'Group B', 'militia')]);
  });

  it('cannot be joined where one registry would have given an actor another id or name', () => {
    // "Group A" and "group a" are one actor: the first part's name and id win in one registry.
    expect(mergeActors([[actor('group-a', 'Group A')], [actor('group-a', 'group a')]])).toBeNull();
    // A later part's new actor took an id that an earlier part gave another actor.
    expect(mergeActors([[actor('group-a', 'Group A')], [actor('group-a', 'Group A.')]])).toBeNull();
  });
});
