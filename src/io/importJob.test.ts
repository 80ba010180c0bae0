// The import worker's job: the dataset first, then the search index of the very table the page
// builds from it, so that the page does not spend its frames indexing.
import { describe, expect, it } from 'vitest';
import { createPageBusyClock, runJob } from './importJob.ts';
import type { WorkerReply } from './workerProtocol.ts';
import { ACLED_CURRENT_COLUMNS, acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { assembleEventTable } from '../table/eventTable.ts';
import { packedEvents, packEvents, unpackEvents } from '../table/packedEvents.ts';
import { importTextPacked } from './importer.ts';
import { receivedResult } from './importClient.ts';
import { receivedPacked } from './packedPost.ts';
import { EARLIER_COMPACT_JSON } from '../testing/earlierCompact.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { buildSearchIndex, createRowPartsReader, queryWords } from '../table/search.ts';
import { acledArrow, textParquet } from '../testing/columnarFixture.ts';
import { createWordIndexBuilder, createWordMatcher } from '../table/wordIndex.ts';
import { partsAsWorkers } from '../testing/partReader.ts';
import { datasetToParquet } from './appParquet.ts';
import { PREVIEW_MIN_ROWS } from './appParquetPreview.ts';
import { previewTable } from '../table/previewTable.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';

/** The result as the page takes it: the posted result, with the events posted last before it. */
function resultIn(replies: WorkerReply[]) {
  const posted = replies.find((r) => r.type === 'result');
  if (posted?.type !== 'result') throw new Error('no result');
  const events = replies.slice(0, replies.indexOf(posted)).findLast((r) => r.type === 'packed-events');
  return receivedResult(posted.result, events?.type === 'packed-events' ? receivedPacked(events.packed) : null);
}

/** A job's preview and its packed table, having checked that the preview came first: before the events, their result and the search index. */
function previewThenTable(replies: WorkerReply[]) {
  expect(replies.map((r) => r.type).filter((k) => k !== 'progress' && k !== 'index-progress')).toEqual(['preview', 'packed-events', 'result', 'search-index']);
  const preview = replies.find((r) => r.type === 'preview');
  if (preview?.type !== 'preview') throw new Error('no preview');
  const result = resultIn(replies);
  if (result.kind !== 'packed') throw new Error(result.kind);
  return { preview: preview.preview, result };
}

/** A reply as the page receives it: a structured clone, its buffers moved. */
const received = (replies: WorkerReply[]) => (reply: WorkerReply, transfer: ArrayBuffer[] = []) => replies.push(structuredClone(reply, { transfer }));

async function repliesTo(text: string, fileName: string): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  // As the page receives them: structured clones.
  await runJob({ file: new Blob([text]), fileName }, received(replies));
  return replies;
}

describe('the import job', () => {
  it('posts the dataset, then the search index of its table: the index the page would build, which finds what a scan finds', async () => {
    const rows = [...generatedAcledRows(3000, 3), acledRow({ event_id_cnty: 'ARM9', notes: 'Vardenis ceasefire holds' })];
    const replies = await repliesTo(acledCsv(rows), 'events.csv');
    const kinds = replies.map((r) => r.type).filter((type) => type !== 'progress' && type !== 'index-progress');
    // The events first, so that the page reads them while the worker computes the columns.
    expect(kinds).toEqual(['packed-events', 'result', 'search-index']);
    const result = resultIn(replies);
    const sent = replies.find((r) => r.type === 'search-index');
    if (result.kind !== 'packed' || sent?.type !== 'search-index') throw new Error('no dataset and index');
    const { packed, columns } = result;
    const table = assembleEventTable(packed.info.actors, packedEvents(packed), columns);
    expect(sent.index).toEqual(createWordIndexBuilder(table.size, createRowPartsReader(table)).index());

    const matcher = createWordMatcher(() => sent.index);
    const texts = buildSearchIndex(table);
    for (const q of ['vardenis ceasefire', 'armed', 'village 12', 'no such words']) {
      const words = queryWords(q);
      const scanned = texts.flatMap((text, row) => (words.every((w) => text.includes(w)) ? [row] : []));
      const found = [...matcher.mask(words)].flatMap((pass, row) => (pass ? [row] : []));
      expect(found, q).toEqual(scanned);
    }
  });

  it('reads a large ACLED CSV in parts at once, given helpers, and posts what reading it whole posts', async () => {
    const rows = generatedAcledRows(1500, 4);
    rows[1200] = { ...rows[1200]!, event_date: 'later' };
    const file = new Blob([acledCsv(rows)]);
    const wholeReplies: WorkerReply[] = [];
    await runJob({ file, fileName: 'events.csv' }, received(wholeReplies));
    const partReplies: WorkerReply[] = [];
    let partsRead = 0;
    const reader = partsAsWorkers(3, 64 * 1024);
    await runJob({ file, fileName: 'events.csv' }, received(partReplies), createPageBusyClock(), { ...reader, read: (parts, onProgress) => ((partsRead = parts.length), reader.read(parts, onProgress)) });
    expect(partsRead).toBe(3);
    const inParts = resultIn(partReplies);
    const read = resultIn(wholeReplies);
    if (inParts.kind !== 'packed' || read.kind !== 'packed') throw new Error('not read');
    // The same events, report and table; the packing itself differs (a list that both parts
    // hold is kept once by each).
    expect(unpackEvents(inParts.packed)).toEqual(unpackEvents(read.packed));
    expect(inParts.report).toEqual(read.report);
    expect(inParts.columns).toEqual(read.columns);
    expect(inParts.report.rejections.map((r) => r.row)).toEqual([1202]);
    expect(partReplies.findLast((r) => r.type === 'search-index')).toEqual(wholeReplies.findLast((r) => r.type === 'search-index'));
    const progress = partReplies.flatMap((r) => (r.type === 'progress' && r.phase === 'parsing' ? [r.fraction] : []));
    expect(progress.at(-1)).toBeCloseTo(1);
  });

  it('posts a very large ACLED CSV’s days and types first, from its parts, then the table', async () => {
    const rows = generatedAcledRows(2000, 4);
    rows[7] = { ...rows[7]!, event_type: 'Picnics' };
    rows[1500] = { ...rows[1500]!, time_precision: '3', event_date: '2021-06-17' };
    const file = new Blob([acledCsv(rows)]);
    const replies: WorkerReply[] = [];
    // Previews from 0 bytes on here; from PREVIEW_MIN_BYTES (20 MB) in the app.
    await runJob({ file, fileName: 'acled.csv' }, received(replies), createPageBusyClock(), partsAsWorkers(2, 1024, 100, 0));
    const { preview, result } = previewThenTable(replies);
    expect(preview).toMatchObject({ title: 'ACLED events from acled.csv', rows: 2000 });
    // The row of no ACLED type is in neither; the month's row is placed as the table places it.
    expect(result.report.rejections.map((r) => `${r.row}: ${r.field}`)).toEqual(['9: event_type']);
    expect(preview.start.length).toBe(1999);
    expect([...previewTable(preview).start]).toEqual([...result.columns.start]);
    expect([...previewTable(preview).type].sort()).toEqual([...result.columns.type].sort());
    const progress = replies.flatMap((r) => (r.type === 'progress' && r.phase === 'parsing' ? [r.fraction] : []));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    // A smaller file than PREVIEW_MIN_BYTES opens without one.
    const small: WorkerReply[] = [];
    await runJob({ file, fileName: 'acled.csv' }, received(small), createPageBusyClock(), partsAsWorkers(2));
    expect(small.some((r) => r.type === 'preview')).toBe(false);
    expect(resultIn(small)).toEqual(result);
  });

  it('posts a very large UCDP GED CSV’s days and types first, from its parts, then the table read in them', async () => {
    const day = (i: number) => new Date(Date.UTC(2018, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const text = UCDP_HEADER + Array.from({ length: 2000 }, (_, k) => ucdpRow(k + 1, `Group ${k % 40}`, k === 9 ? '' : day(k))).join('');
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([text]), fileName: 'ged.csv' }, received(replies), createPageBusyClock(), partsAsWorkers(2, 1024, 100, 0));
    const { preview, result } = previewThenTable(replies);
    expect(preview).toMatchObject({ title: 'UCDP GED events from ged.csv', rows: 2000 });
    expect(result.report.rejections.map((r) => `${r.row}: ${r.field}`)).toEqual(['11: date_start']);
    const table = previewTable(preview);
    expect([...table.start]).toEqual([...result.columns.start]);
    expect([...table.end]).toEqual([...result.columns.end]);
  });

  it('reads a file Excel saved as "Unicode Text" (UTF-16) as the same file in UTF-8', async () => {
    const text = acledCsv(generatedAcledRows(50, 2)).replace(/,/g, '\t');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const asUtf8: WorkerReply[] = [];
    const asUtf16: WorkerReply[] = [];
    await runJob({ file: new Blob([text]), fileName: 'events.txt' }, received(asUtf8));
    await runJob({ file: new Blob([utf16]), fileName: 'events.txt' }, received(asUtf16));
    const [read, read16] = [resultIn(asUtf8), resultIn(asUtf16)];
    if (read.kind !== 'packed' || read16.kind !== 'packed') throw new Error('not read');
    expect(read16.report).toEqual(read.report);
    expect(unpackEvents(read16.packed)).toEqual(unpackEvents(read.packed));
  });

  it('reads a large file with bytes that are not UTF-8 whole, not in parts, and says where they are', async () => {
    const rows = generatedAcledRows(1500, 4);
    const csv = new TextEncoder().encode(acledCsv(rows));
    // A windows-1256 letter (as Excel's plain CSV writes Arabic) in the notes of the row on line 1001.
    let end = -1;
    for (let n = 0; n < 1001; n++) end = csv.indexOf(0x0a, end + 1);
    const bytes = new Uint8Array(csv.length + 1);
    bytes.set(csv.subarray(0, end - 1));
    bytes[end - 1] = 0xcd;
    bytes.set(csv.subarray(end - 1), end);
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([bytes]), fileName: 'excel.csv' }, received(replies), createPageBusyClock(), partsAsWorkers(3, 64 * 1024));
    const read = resultIn(replies);
    if (read.kind !== 'packed') throw new Error(read.kind);
    expect(read.report).toMatchObject({ rowsRead: 1500, imported: 1500, rejectedRows: 0 });
    expect(read.report.notes[0]).toBe('excel.csv is not UTF-8 text: 1 line (the first, line 1001) holds bytes that could not be read, shown as "\uFFFD". A file saved in a Windows code page does this: save it as "CSV UTF-8" (or as "Unicode Text") and open it again');
  });

  it('reads a file whose parts cannot be joined whole, its progress running again from 0', async () => {
    // Over 8 MB: the whole reading reports its progress a 4 MB chunk at a time.
    const rows = generatedAcledRows(20_000, 4);
    rows[15_000] = { ...rows[15_000]!, event_id_cnty: rows[3]!.event_id_cnty };
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([acledCsv(rows)]), fileName: 'events.csv' }, received(replies), createPageBusyClock(), partsAsWorkers(2));
    const read = resultIn(replies);
    expect(read.kind === 'packed' && read.report.rejections.map((r) => `${r.row}: ${r.message}`)).toEqual([`15002: repeats the id of row 5`]);
    const progress = replies.flatMap((r) => (r.type === 'progress' && r.phase === 'parsing' ? [r.fraction] : []));
    const restart = progress.indexOf(0, progress.indexOf(1));
    // The parts' progress to the end, then the whole reading's from 0, chunk by chunk, to the end.
    expect(restart).toBeGreaterThan(0);
    expect(progress.slice(restart).filter((f) => f > 0 && f < 1).length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('reads a Parquet file (whatever format was asked for) packed, as the same rows in CSV, with progress', async () => {
    const rows = generatedAcledRows(50, 5);
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([textParquet(ACLED_CURRENT_COLUMNS, rows, 20)]), fileName: 'events.dat', format: 'json' }, received(replies));
    const result = resultIn(replies);
    const fromCsv = importTextPacked({ text: acledCsv(rows), fileName: 'events.dat' });
    if (result.kind !== 'packed' || fromCsv.kind !== 'packed') throw new Error('expected packed events');
    expect(result.packed).toEqual(fromCsv.packed);
    expect(result.report.format).toBe('ACLED Parquet (current layout)');
    expect(replies.filter((r) => r.type === 'progress' && r.phase === 'parsing').length).toBeGreaterThan(2);
    expect(replies.some((r) => r.type === 'search-index')).toBe(true);
  });

  it('refuses a cut Parquet file with its name and why', async () => {
    const bytes = textParquet(ACLED_CURRENT_COLUMNS, generatedAcledRows(5, 5));
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([bytes.slice(0, 200)]), fileName: 'cut.parquet' }, received(replies));
    expect(resultIn(replies)).toMatchObject({ kind: 'not-a-dataset', message: expect.stringMatching(/^cut\.parquet is not a readable Parquet file/) });
  });

  it('reads an Arrow stream told by its bytes, and takes text starting with 0xFF for none', async () => {
    const rows = generatedAcledRows(5, 5);
    const stream = new Uint8Array(acledArrow(ACLED_CURRENT_COLUMNS, rows, 2, 'stream'));
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([stream]), fileName: 'events.dat' }, received(replies));
    expect(resultIn(replies)).toMatchObject({ kind: 'packed', report: { format: 'ACLED Arrow (current layout)', imported: 5 } });

    // "ÿÿÿÿ" and spaces in Latin-1 before a CSV header: read as text, its odd first column to be chosen.
    const text: WorkerReply[] = [];
    await runJob({ file: new Blob([Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x20, 0x20, 0x20, 0x20]), acledCsv(rows)]), fileName: 'odd.csv' }, received(text));
    expect(resultIn(text)).toMatchObject({ kind: 'needs-mapping', fileName: 'odd.csv', columns: expect.arrayContaining(['event_date']) });
  });

  it('posts no search index where there is no dataset', async () => {
    for (const [text, name] of [['not, a\n', 'plain.csv'], ['{"nothing": true}', 'odd.json']]) {
      const replies = await repliesTo(text!, name!);
      expect(replies.map((r) => r.type)).not.toContain('search-index');
      expect(replies.at(-1)?.type).toBe('result');
    }
  });

  it('reads a JSON file to what importing its text gives: a bad event is rejected with its place, the rest load; a compact file is refused', async () => {
    const dataset = makeDataset({ events: 400, actors: 10, seed: 9 });
    const text = JSON.stringify(dataset);
    const ids = dataset.events.map((e) => e.id);
    const files = [
      [text, 'events.json', null],
      // A blank title: that event is rejected in the report, the rest load.
      [text.replace(/"title":\{"en":"[^"]*"/, '"title":{"en":" "'), 'bad.json', { record: 'events[0]', field: 'title.en' }],
      // An id repeated: the second is rejected, naming the first.
      [JSON.stringify({ ...dataset, events: dataset.events.map((e, i) => (i === 300 ? { ...e, id: ids[70]! } : e)) }), 'repeated.json', { record: 'events[300]', field: 'id', message: 'repeats the id of events[70]' }],
      [text.slice(0, -40), 'cut.json', null],
      [EARLIER_COMPACT_JSON, 'old.compact.json', null],
    ] as const;
    for (const [fileText, fileName, rejection] of files) {
      const result = resultIn(await repliesTo(fileText, fileName));
      const fromText = importTextPacked({ text: fileText, fileName });
      if (fromText.kind === 'done') {
        const { events, ...info } = fromText.dataset;
        expect(result).toMatchObject({ kind: 'packed', packed: packEvents(info, events), report: fromText.report });
      } else expect(result, fileName).toMatchObject(fromText);
      expect(result.kind, fileName).toBe(fileName.startsWith('cut') || fileName.startsWith('old') ? 'not-a-dataset' : 'packed');
      if (result.kind !== 'packed') continue;
      expect(result.report.format, fileName).toBe('Conflict Timeline JSON');
      expect(result.report.rejections, fileName).toMatchObject(rejection ? [rejection] : []);
      expect(result.packed.size, fileName).toBe(rejection ? 399 : 400);
    }
    expect(resultIn(await repliesTo(EARLIER_COMPACT_JSON, 'old.compact.json'))).toMatchObject({ kind: 'not-a-dataset', message: expect.stringMatching(/^old\.compact\.json is a compact JSON file from an earlier version/) });
  });

  it('says how far it is through a large JSON file, parsing and then checking its events, never going back', async () => {
    // JSON.parse says nothing while it runs: a step after it, then steps as the events are checked.
    for (const [text, fileName] of [
      [JSON.stringify(makeDataset({ events: 20_000, actors: 30, seed: 8 })), 'large.json'],
    ] as const) {
      const fractions = (await repliesTo(text, fileName)).flatMap((r) => (r.type === 'progress' && r.phase === 'parsing' ? [r.fraction] : []));
      expect(fractions.length, fileName).toBeGreaterThanOrEqual(3);
      expect(fractions, fileName).toEqual([...fractions].sort((a, b) => a - b));
      // Past parsing (one half) and well into checking the events.
      expect(Math.max(...fractions), fileName).toBeGreaterThan(0.8);
      expect(Math.max(...fractions), fileName).toBeLessThanOrEqual(1);
    }
  });

  it('builds the search index only while the page is not busy', async () => {
    const replies: WorkerReply[] = [];
    const pageBusy = createPageBusyClock();
    const job = runJob({ file: new Blob([acledCsv(generatedAcledRows(6000, 5))]), fileName: 'events.csv' }, (reply) => replies.push(reply), pageBusy);
    const count = (type: WorkerReply['type']) => replies.filter((r) => r.type === type).length;
    // Busy from the moment the dataset is posted, and for a while after: the page says so every 50 ms.
    while (count('result') === 0) await new Promise((resume) => setTimeout(resume, 1));
    pageBusy.note();
    const sliced = count('index-progress');
    const busy = setInterval(pageBusy.note, 50);
    await new Promise((resume) => setTimeout(resume, 400));
    expect(count('index-progress')).toBe(sliced);
    expect(count('search-index')).toBe(0);
    clearInterval(busy);
    await job;
    expect(count('index-progress')).toBeGreaterThan(sliced);
    expect(count('search-index')).toBe(1);
  });

  it('posts a large app Parquet file’s when and what first, then the table; a small file gets no preview', async () => {
    const large = makeDataset({ events: PREVIEW_MIN_ROWS, lasting: 0.1 });
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([datasetToParquet(large)]), fileName: 'large.parquet' }, received(replies));
    const { preview, result } = previewThenTable(replies);
    expect(preview.title).toBe('Fixture');
    expect([...previewTable(preview).start]).toEqual([...result.columns.start]);

    const small: WorkerReply[] = [];
    await runJob({ file: new Blob([datasetToParquet(makeDataset({ events: 50 }))]), fileName: 'small.parquet' }, received(small));
    expect(small.some((r) => r.type === 'preview')).toBe(false);
    expect(resultIn(small).kind).toBe('packed');
  });

  it('posts a large ACLED Parquet file’s when and what first, then reads it in parts', async () => {
    const rows = generatedAcledRows(PREVIEW_MIN_ROWS + 1, 5);
    rows[7] = { ...rows[7]!, event_type: 'Picnics' };
    const replies: WorkerReply[] = [];
    let partsRead = 0;
    const reader = partsAsWorkers(2);
    const file = new Blob([textParquet(ACLED_CURRENT_COLUMNS, rows, 10_000)]);
    await runJob({ file, fileName: 'acled.parquet' }, received(replies), createPageBusyClock(), { ...reader, read: (parts, onProgress) => ((partsRead = parts.length), reader.read(parts, onProgress)) });
    const { preview, result } = previewThenTable(replies);
    expect(partsRead).toBe(2);
    expect(preview).toMatchObject({ title: 'ACLED events from acled.parquet', rows: PREVIEW_MIN_ROWS + 1 });
    // The row of no ACLED type is in neither.
    expect(result.report.rejections.map((r) => `${r.record}: ${r.field}`)).toEqual(['row 8 (row group 1): event_type']);
    expect([...previewTable(preview).start]).toEqual([...result.columns.start]);
  });

  it('posts a large ACLED Arrow file’s days and types first, then reads it in parts', async () => {
    const rows = generatedAcledRows(PREVIEW_MIN_ROWS + 1, 6);
    const replies: WorkerReply[] = [];
    await runJob({ file: new Blob([acledArrow(Object.keys(rows[0]!), rows, 10_000) as Uint8Array<ArrayBuffer>]), fileName: 'acled.arrow' }, received(replies), createPageBusyClock(), partsAsWorkers(2));
    const { preview, result } = previewThenTable(replies);
    expect(preview).toMatchObject({ title: 'ACLED events from acled.arrow', rows: PREVIEW_MIN_ROWS + 1 });
    expect([...previewTable(preview).start]).toEqual([...result.columns.start]);
  });

  it('reads a large app Parquet file in parts at once, given helpers, to what reading it whole gives; one whose ids repeat whole', async () => {
    const large = makeDataset({ events: 3000, lasting: 0.1 });
    // A row the checks reject (an actor the file does not have), in the second part.
    large.events[2500] = { ...large.events[2500]!, actors: [{ actor: 'nobody', role: 'initiator' }] };
    const readBoth = async (bytes: Uint8Array<ArrayBuffer>) => {
      const whole: WorkerReply[] = [];
      await runJob({ file: new Blob([bytes]), fileName: 'events.parquet' }, received(whole));
      const parts: WorkerReply[] = [];
      let partsRead = 0;
      const reader = partsAsWorkers(2, 1024, 100);
      await runJob({ file: new Blob([bytes]), fileName: 'events.parquet' }, received(parts), createPageBusyClock(), { ...reader, read: (list, onProgress) => ((partsRead = list.length), reader.read(list, onProgress)) });
      return { whole: resultIn(whole), parts: resultIn(parts), partsRead, fractions: parts.flatMap((r) => (r.type === 'progress' ? [r.fraction] : [])) };
    };
    const { whole, parts, partsRead, fractions } = await readBoth(datasetToParquet(large, { rowGroupRows: 500 }));
    expect(partsRead).toBe(2);
    if (whole.kind !== 'packed' || parts.kind !== 'packed') throw new Error('not read');
    expect(unpackEvents(parts.packed)).toEqual(unpackEvents(whole.packed));
    expect(parts.packed.info).toEqual(whole.packed.info);
    expect(parts.report).toEqual(whole.report);
    expect(parts.columns).toEqual(whole.columns);
    expect(parts.report.rejections.map((r) => r.record)).toEqual(['row 2501']);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // An id twice: the parts refuse, and the file is read whole, its repeat rejected.
    large.events[2999] = { ...large.events[2999]!, id: large.events[10]!.id };
    const repeated = await readBoth(datasetToParquet(large, { rowGroupRows: 500 }));
    if (repeated.parts.kind !== 'packed') throw new Error('not read');
    expect(repeated.parts.report).toEqual(repeated.whole.kind === 'packed' && repeated.whole.report);
    expect(repeated.parts.report.rejections.map((r) => r.record)).toEqual(['row 2501', 'row 3000']);
  });
});
