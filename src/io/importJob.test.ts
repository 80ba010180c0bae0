// The import worker's job: the dataset first, then the search index of the very table the page
// builds from it, so that the page does not spend its frames indexing.
import { describe, expect, it } from 'vitest';
import { leadsHelper, notePageBusy, runHelperJob, runHelperOn, runJob, type Helper } from './importJob.ts';
import type { HelperAnswer, NumberListsRequest, WorkerReply } from './workerProtocol.ts';
import type { TableColumns } from '../table/eventTable.ts';
import { ACLED_CURRENT_COLUMNS, acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { assembleEventTable } from '../table/eventTable.ts';
import { packedEvents, packEvents } from '../table/packedEvents.ts';
import { importTextPacked } from './importer.ts';
import { receivedResult } from './importClient.ts';
import { receivedPacked } from './packedPost.ts';
import { encodeCompact } from './compact.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { buildSearchIndex, createRowPartsReader, queryWords } from '../table/search.ts';
import { textParquet } from '../testing/columnarFixture.ts';
import { createWordIndexBuilder, createWordMatcher } from '../table/wordIndex.ts';

/** The result as the page takes it: the posted result, with the events posted last before it. */
function resultIn(replies: WorkerReply[]) {
  const posted = replies.find((r) => r.type === 'result');
  if (posted?.type !== 'result') throw new Error('no result');
  const events = replies.slice(0, replies.indexOf(posted)).findLast((r) => r.type === 'packed-events');
  return receivedResult(posted.result, events?.type === 'packed-events' ? receivedPacked(events.packed) : null);
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

  it('posts no search index where there is no dataset', async () => {
    for (const [text, name] of [['not, a\n', 'plain.csv'], ['{"nothing": true}', 'odd.json']]) {
      const replies = await repliesTo(text!, name!);
      expect(replies.map((r) => r.type)).not.toContain('search-index');
      expect(replies.at(-1)?.type).toBe('result');
    }
  });

  it('reads a JSON file from its bytes to what reading its text gives', async () => {
    const dataset = makeDataset({ events: 400, actors: 10, seed: 9 });
    const compact = JSON.stringify(encodeCompact(dataset));
    const files = [
      [compact, 'events.compact.json'],
      [JSON.stringify(dataset), 'events.json'],
      // A bad event: read event by event, and rejected in the report.
      [compact.replace(/"title":\{"en":\["[^"]*"/, '"title":{"en":[" "'), 'bad.compact.json'],
      [compact.slice(0, -40), 'cut.compact.json'],
    ] as const;
    for (const [text, fileName] of files) {
      const result = resultIn(await repliesTo(text, fileName));
      const fromText = importTextPacked({ text, fileName });
      if (fromText.kind === 'done') {
        const { events, ...info } = fromText.dataset;
        expect(result).toMatchObject({ kind: 'packed', packed: packEvents(info, events), report: fromText.report });
      } else expect(result, fileName).toMatchObject(fromText);
      expect(result.kind, fileName).toBe(fileName.startsWith('cut') ? 'not-a-dataset' : 'packed');
      if (fileName.startsWith('bad')) expect(result.kind === 'packed' && result.report.rejectedRows).toBe(1);
    }
  });

  it('reads a compact file with a helper worker reading its lists of numbers, ids and place names, to what one worker gives', async () => {
    const generated = makeDataset({ events: 2000, actors: 20, seed: 12 });
    // Places whose names repeat, and events without one.
    const dataset = { ...generated, events: generated.events.map((event, i) => (i % 5 === 4 ? event : { ...event, place: { name: { en: `Town ${i % 13}` }, country: 'ARM' } })) };
    const compact = encodeCompact(dataset);
    const text = JSON.stringify(compact);
    // The same file where the first event of a name has no country (then the packer leaves its
    // place out): the helper finds the name's rows in every row, the lead packs only those with one.
    const countries = compact.events.placeCountry as (number | null)[];
    const noCountryFirst = JSON.stringify({ ...compact, events: { ...compact.events, placeCountry: countries.map((country, i) => (i === 3 ? null : country)) } });
    // The same file with an id repeated: the lead packs it without checking the ids, so the
    // helper's check, or the lead's own when the helper gives none, must find the repeat.
    const ids = compact.events.id as string[];
    const repeated = JSON.stringify({ ...compact, events: { ...compact.events, id: ids.map((id, i) => (i === 1500 ? ids[700]! : id)) } });
    const fileName = 'events.compact.json';
    // 'slow to check the ids': its check never comes, so the lead checks them itself.
    for (const [fileText, helperIs] of [[text, 'working'], [text, 'stopped'], [text, 'marking its columns'], [text, 'slow to check the ids'], [repeated, 'working'], [repeated, 'stopped'], [repeated, 'slow to check the ids'], [noCountryFirst, 'working']] as const) {
      const alone = resultIn(await repliesTo(fileText, fileName));
      expect(alone.kind).toBe('packed');
      const idsRepeat = fileText === repeated;
      if (idsRepeat) expect(alone.kind === 'packed' && alone.report.rejectedRows).toBe(1);
      // The two workers' ends of their channel, each message a structured clone, as between workers.
      const answers: HelperAnswer[] = [];
      let asked: (request: NumberListsRequest) => void = () => {};
      const request = new Promise<NumberListsRequest>((resolve) => (asked = resolve));
      let columnsAnswered: (columns: TableColumns | null) => void = () => {};
      const tableColumns = new Promise<TableColumns | null>((resolve) => (columnsAnswered = resolve));
      let idsAnswered: (unique: boolean | null) => void = () => {};
      const idsUnique = new Promise<boolean | null>((resolve) => (idsAnswered = resolve));
      const helper: Helper = {
        answer: new Promise((resolve) => {
          if (helperIs === 'stopped') {
            columnsAnswered(null);
            idsAnswered(null);
            return resolve(null);
          }
          void runHelperJob({ file: new Blob([fileText]), fileName }, (answer) => {
            answers.push(answer);
            const copy = structuredClone(answer);
            if (copy.kind === 'ids-checked') {
              if (helperIs !== 'slow to check the ids') idsAnswered(copy.idsUnique);
              return;
            }
            if (copy.kind !== 'table-columns') return resolve(copy);
            // A mark the lead's own columns would not have: it shows that the lead took the helper's.
            if (copy.columns && helperIs === 'marking its columns') copy.columns.maxEnd += 1;
            columnsAnswered(copy.columns);
          }, request);
        }),
        tableColumns,
        idsUnique,
        ask: (lists) => asked(structuredClone(lists)),
      };
      const replies: WorkerReply[] = [];
      await runJob({ file: new Blob([fileText]), fileName }, received(replies), helper);
      const result = resultIn(replies);
      if (helperIs === 'marking its columns') {
        expect(result.kind === 'packed' && alone.kind === 'packed' && result.columns.maxEnd).toBe(alone.kind === 'packed' && alone.columns.maxEnd + 1);
        continue;
      }
      expect(result, `helper ${helperIs}${idsRepeat ? ', ids repeated' : ''}`).toEqual(alone);
      // Where the ids repeat, the page hears that the file is read again, from 0 up, past the parsing.
      const again = replies.flatMap((r) => (r.type === 'progress' && r.phase === 'reading-again' ? [r.fraction] : []));
      if (idsRepeat) {
        expect(again[0]).toBe(0);
        expect(again).toEqual([...again].sort((a, b) => a - b));
        expect(Math.max(...again)).toBeGreaterThan(0.4);
      } else expect(again).toEqual([]);
      if (helperIs === 'stopped') continue;
      // The helper did read them: every list of numbers, typed.
      const [answer] = answers;
      expect(answer?.kind).toBe('number-lists');
      const lists = answer?.kind === 'number-lists' ? answer.lists : [];
      expect(lists.length).toBeGreaterThan(20);
      expect(lists.every((list) => list instanceof Float64Array)).toBe(true);
      // With the ids and the place names, each row's first row of the same name.
      const texts = answer?.kind === 'number-lists' ? answer.texts : undefined;
      expect(texts?.id?.column).toMatchObject({ text: expect.stringContaining('e1999') });
      // Rows 0 to 12 are the first of their names (or have none); row 13 is Town 0 again, row 14 has no place.
      expect(texts?.placeName?.firstRows?.slice(0, 15)).toEqual(Int32Array.of(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, -1));
      // Then the table's columns, as the lead would compute them, and whether the ids are unique.
      if (!idsRepeat) expect(answers[1]).toEqual({ kind: 'table-columns', columns: alone.kind === 'packed' && alone.columns });
      expect(answers[2]).toEqual({ kind: 'ids-checked', idsUnique: !idsRepeat });
    }
  });

  it('reads a compact file over a real channel to the helper, and waits for nothing when the helper cannot read the file', async () => {
    const text = JSON.stringify(encodeCompact(makeDataset({ events: 1500, actors: 15, seed: 13 })));
    const fileName = 'events.compact.json';
    const alone = resultIn(await repliesTo(text, fileName));
    /** A file whose bytes past its start cannot be read (as when it changed on disk after it was picked). */
    class Unreadable extends Blob {
      override slice(start?: number, end?: number, type?: string): Blob {
        if ((start ?? 0) > 0) return { arrayBuffer: () => Promise.reject(new Error('not readable')) } as unknown as Blob;
        return super.slice(start, end, type);
      }
    }
    for (const helperFile of [new Blob([text]), new Unreadable([text])]) {
      const channel = new MessageChannel();
      const helperDone = runHelperOn({ file: helperFile, fileName }, channel.port2);
      const { helper } = leadsHelper(channel.port1);
      const replies: WorkerReply[] = [];
      await runJob({ file: new Blob([text]), fileName }, received(replies), helper);
      await helperDone;
      channel.port1.close();
      channel.port2.close();
      expect(resultIn(replies), helperFile.constructor.name).toEqual(alone);
    }
  });

  it('says how far it is through a large JSON file, parsing and then packing, never going back', async () => {
    // A compact file's columns are parsed one by one, each a step; a full file is parsed at once.
    for (const [text, fileName, steps] of [
      [JSON.stringify(encodeCompact(makeDataset({ events: 20_000, actors: 30, seed: 8 }))), 'large.compact.json', 10],
      [JSON.stringify(makeDataset({ events: 20_000, actors: 30, seed: 8 })), 'large.json', 3],
    ] as const) {
      const fractions = (await repliesTo(text, fileName)).flatMap((r) => (r.type === 'progress' && r.phase === 'parsing' ? [r.fraction] : []));
      expect(fractions.length, fileName).toBeGreaterThanOrEqual(steps);
      expect(fractions, fileName).toEqual([...fractions].sort((a, b) => a - b));
      // Past parsing (under one half) and well into reading the events.
      expect(Math.max(...fractions), fileName).toBeGreaterThan(0.8);
      expect(Math.max(...fractions), fileName).toBeLessThanOrEqual(1);
    }
  });

  it('builds the search index only while the page is not busy', async () => {
    const replies: WorkerReply[] = [];
    const job = runJob({ file: new Blob([acledCsv(generatedAcledRows(6000, 5))]), fileName: 'events.csv' }, (reply) => replies.push(reply));
    const count = (type: WorkerReply['type']) => replies.filter((r) => r.type === type).length;
    // Busy from the moment the dataset is posted, and for a while after: the page says so every 50 ms.
    while (count('result') === 0) await new Promise((resume) => setTimeout(resume, 1));
    notePageBusy();
    const sliced = count('index-progress');
    const busy = setInterval(notePageBusy, 50);
    await new Promise((resume) => setTimeout(resume, 400));
    expect(count('index-progress')).toBe(sliced);
    expect(count('search-index')).toBe(0);
    clearInterval(busy);
    await job;
    expect(count('index-progress')).toBeGreaterThan(sliced);
    expect(count('search-index')).toBe(1);
  });
});
