// Reads a file and imports it: refuses huge and binary files first, then parses with progress.
// Then, for a dataset, builds its search index, so that the page does not have to.
// Runs inside the import worker; kept apart from it so that tests can call it directly.
import { detectFormat, sniffBinary } from './detect.ts';
import { formatBytes } from '../storage/formatBytes.ts';
import { importCsvFirstPart, importCsvPart, importJsonBytesPacked, importJsonBytesPackedWith, importTextPacked, middleLine, type ImportRequest, type ImportResult, type PackedImport } from './importer.ts';
import { readJoinedColumn, readNumberList, type ColumnsFound, type NumberListAt, type NumberLists } from './jsonBytes.ts';
import { compactTableColumns, TABLE_NUMBER_COLUMNS } from './compactColumns.ts';
import { readDatasetInfo } from './jsonImport.ts';
import type { Column } from './compact.ts';
import { columnsForPosting, packedForPosting } from './packedPost.ts';
import { assembleEventTable, computeColumns, type TableColumns } from '../table/eventTable.ts';
import { packEvents, packedColumnReader, packedEvents, type PackedEvents } from '../table/packedEvents.ts';
import { createWordIndexBuilder } from '../table/wordIndex.ts';
import { createRowPartsReader } from '../table/search.ts';
import type { Dataset } from '../model/schema.ts';
import type { JoinedStrings } from '../table/packedEvents.ts';
import { MAX_FILE_BYTES, type HelperAnswer, type ImportJob, type NumberListsRequest, type WorkerReply } from './workerProtocol.ts';
import { areUniqueIds, firstRowsOfText } from './textRows.ts';
import { columnarKind, columnarKindOf } from './columnarFormat.ts';

/** Why a file is refused before it is read (too large, or binary), or null. */
async function refusal(job: ImportJob): Promise<string | null> {
  const { file, fileName } = job;
  if (file.size > MAX_FILE_BYTES) {
    return `${fileName} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be opened. Split it into smaller files (by year or by country, say) and open them with "Add to current data".`;
  }
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  // Parquet and Arrow are binary, and read as such (see columnarImport.ts).
  if (columnarKind(head)) return null;
  const binary = sniffBinary(head);
  return binary ? `${fileName} is ${binary}, not a dataset.` : null;
}

type Send = (reply: WorkerReply, transfer?: ArrayBuffer[]) => void;

/**
 * The lead's side of its helper worker (see WorkerJob): its first answer, the table's columns and
 * its check of the ids when asked for them (see IdsChecked; each null if it stopped), and a way to
 * ask it.
 */
export interface Helper {
  answer: Promise<HelperAnswer | null>;
  tableColumns: Promise<TableColumns | null>;
  idsUnique: Promise<boolean | null>;
  ask(request: NumberListsRequest): void;
}

/**
 * The lead's side of the channel to its helper. `stopped` is called when the helper stops (see
 * HelperFailed): then both answers are null. The table's columns are null too when the first
 * answer is not the lists of numbers (the helper could not read them), so that nothing waits for
 * columns that will not come.
 */
export function leadsHelper(port: MessagePort): { helper: Helper; stopped(): void } {
  let answered: (answer: HelperAnswer | null) => void = () => {};
  let columnsCame: (columns: TableColumns | null) => void = () => {};
  let idsChecked: (unique: boolean | null) => void = () => {};
  const helper: Helper = {
    answer: new Promise((resolve) => (answered = resolve)),
    tableColumns: new Promise((resolve) => (columnsCame = resolve)),
    idsUnique: new Promise((resolve) => (idsChecked = resolve)),
    ask: (request) => port.postMessage(request, []),
  };
  port.onmessage = ({ data: reply }: MessageEvent<HelperAnswer>) => {
    if (reply.kind === 'table-columns') return columnsCame(reply.columns);
    if (reply.kind === 'ids-checked') return idsChecked(reply.idsUnique);
    answered(reply);
    if (reply.kind !== 'number-lists') {
      columnsCame(null);
      idsChecked(null);
    }
  };
  return {
    helper,
    stopped: () => {
      answered(null);
      columnsCame(null);
      idsChecked(null);
    },
  };
}

/**
 * The helper's side of the channel: runs its job (see runHelperJob) with the lead's request, and
 * answers `none` when the job fails before answering.
 */
export function runHelperOn(job: ImportJob, port: MessagePort): Promise<void> {
  const answer = (reply: HelperAnswer, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  // The lead asks at most once, and only for a JSON file.
  const request = new Promise<NumberListsRequest>((resolve) => {
    port.onmessage = (asked: MessageEvent<NumberListsRequest>) => resolve(asked.data);
  });
  let answered = false;
  return runHelperJob(job, (reply, transfer) => {
    answered = true;
    answer(reply, transfer);
  }, request).catch(() => {
    if (!answered) answer({ kind: 'none' });
  });
}

/**
 * The job in one worker, or as the lead of two when `helper` is given: then a CSV's rows before
 * the middle line are read here, and the helper's answer gives the rest; a compact JSON file's
 * lists of numbers are read by the helper. A dataset is posted first, then its search index.
 */
export async function runJob(job: ImportJob, send: Send, helper?: Helper): Promise<void> {
  const posted = await importAndPost(job, send, helper);
  if (posted) await postSearchIndex(posted, send);
}

/** Reads and imports the file and posts the result; gives the packed table posted, if any. */
async function importAndPost(job: ImportJob, send: Send, helper?: Helper): Promise<{ packed: PackedEvents; columns: TableColumns } | null> {
  const refused = await refusal(job);
  if (refused) {
    send({ type: 'result', result: { kind: 'not-a-dataset', message: refused } });
    return null;
  }
  send({ type: 'progress', phase: 'reading', fraction: 0 });
  let last = 0;
  /** Sends how far the phase is, a step of 1% at least (a phase starts again from 0). */
  const progressOf = (phase: 'parsing' | 'reading-again') => (fraction: number) => {
    if (fraction - last >= 0.01 || fraction === 1) {
      last = fraction;
      send({ type: 'progress', phase, fraction });
    }
  };
  const onProgress = progressOf('parsing');
  // Parquet and Arrow, by their first bytes whatever the format asked for: they are not text.
  if (await columnarKindOf(job.file)) {
    const bytes = await job.file.arrayBuffer();
    send({ type: 'progress', phase: 'parsing', fraction: 0 });
    // Loaded here, not with the worker: most files are CSV or JSON.
    const { importColumnar } = await import('./columnarImport.ts');
    return postImported(await importColumnar(bytes, job.fileName, { onProgress, packed: true }), send);
  }
  if (await isJson(job)) {
    const bytes = new Uint8Array(await job.file.arrayBuffer());
    send({ type: 'progress', phase: 'parsing', fraction: 0 });
    if (!helper) return postImported(importJsonBytesPacked(bytes, job.fileName, { onProgress }), send);
    let askedForColumns = false;
    const readElsewhere = async (found: ColumnsFound) => {
      const table = tableRequest(found, job.fileName);
      askedForColumns = table !== undefined;
      helper.ask({ kind: 'number-lists', lists: found.lists, ...(table ? { table } : {}) });
      const answer = await helper.answer;
      return answer?.kind === 'number-lists' ? { lists: answer.lists, texts: new Map(Object.entries(answer.texts ?? {})) } : null;
    };
    // Packed without checking the ids for repeats: the helper checks them as it reads them for the
    // table's columns (a quarter of a second at a million events, while the lead packs).
    const result = await importJsonBytesPackedWith(bytes, job.fileName, readElsewhere, { onProgress, idsCheckedElsewhere: true, textElsewhere: TABLE_TEXT_COLUMNS });
    if (result.kind !== 'packed') return postImported(result, send);
    // The helper's columns are those of the events only when the compact file was packed as it was read.
    const fromHelper = askedForColumns ? helper.tableColumns : Promise.resolve(null);
    // Where the ids repeat, the file is read again by one worker, which reports each repeat.
    // Reading again takes as long as a worker alone takes (far longer where the ids repeat): the
    // page says so, with its own progress.
    const readAgain = () => {
      last = 0;
      send({ type: 'progress', phase: 'reading-again', fraction: 0 });
      return importJsonBytesPacked(bytes, job.fileName, { onProgress: progressOf('reading-again') });
    };
    const ids = { unique: askedForColumns ? helper.idsUnique : Promise.resolve(null), readAgain };
    return postImported(result, send, fromHelper, ids);
  }
  const text = await job.file.text();
  send({ type: 'progress', phase: 'parsing', fraction: 0 });
  const request = { ...requestFor(job, text), onProgress };
  let result: ImportResult | PackedImport;
  if (helper) {
    const first = importCsvFirstPart(request, middleLine(text));
    const answer = await helper.answer;
    result = 'kind' in first ? first : first.join(answer?.kind === 'number-lists' || answer?.kind === 'table-columns' || answer?.kind === 'ids-checked' ? null : answer);
  } else {
    result = importTextPacked(request);
  }
  return postImported(result, send);
}

/** Whether the file is JSON (asked for, or by its first characters): then it is read as bytes. */
async function isJson(job: ImportJob): Promise<boolean> {
  if (job.format) return job.format === 'json';
  const detected = detectFormat(await job.file.slice(0, 1 << 16).text());
  return detected.ok && detected.format === 'json';
}

/** The text columns the helper reads for the table's columns, and gives the lead (see runHelperJob). */
const TABLE_TEXT_COLUMNS: ReadonlySet<string> = new Set(['id', 'placeName']);

/** What the helper needs to compute a compact file's table columns (see NumberListsRequest), if it has them. */
function tableRequest({ root, members }: ColumnsFound, fileName: string): NumberListsRequest['table'] {
  const id = members.get('id');
  const placeName = members.get('placeName');
  if (!id || !placeName) return undefined;
  const { events: _, ...header } = root;
  return { header, fileName, id, placeName };
}

/** How long the lead waits for the helper's check of the ids before it checks them itself (see IdsChecked). */
const IDS_ANSWER_WAIT_MS = 20;

/**
 * Posts an import's result; gives the packed table posted, if any. `helperColumns`: the table's
 * columns as the helper computes them (see compactColumns.ts), for a packed compact file. `ids`:
 * given when the events were packed without checking their ids for repeats (see IdsChecked): the
 * helper's check, if it has come once the events are posted, else this worker's own; where they
 * repeat, the file is read again (the page takes the events posted last).
 */
async function postImported(result: ImportResult | PackedImport, send: Send, helperColumns?: Promise<TableColumns | null>, ids?: { unique: Promise<boolean | null>; readAgain: () => ImportResult | PackedImport }): Promise<{ packed: PackedEvents; columns: TableColumns } | null> {
  if (result.kind !== 'done' && result.kind !== 'packed') {
    send({ type: 'result', result });
    return null;
  }
  // Packed and indexed here, off the page's thread. The events go to the page with their buffers
  // moved (see packedPost.ts), and this worker keeps copies to index. They go before the table's
  // columns, so that the page reads them while the columns are computed.
  const { posted, transfer, kept } = packedForPosting(result.kind === 'packed' ? result.packed : packDataset(result.dataset));
  send({ type: 'packed-events', packed: posted }, transfer);
  if (ids) {
    // A moment for an answer that is already there; without one, this worker checks while the
    // helper works out the columns (whichever of the two is free first does it).
    const helperFound = await Promise.race([ids.unique, new Promise<null>((resolve) => setTimeout(() => resolve(null), IDS_ANSWER_WAIT_MS))]);
    if (!(helperFound ?? areUniqueIds(kept.id, kept.size))) return postImported(ids.readAgain(), send);
  }
  const fromHelper = helperColumns ? await helperColumns : null;
  const columns = fromHelper?.order.length === kept.size ? fromHelper : computeColumns(packedColumnReader(kept), kept.info.actors);
  const posting = columnsForPosting(columns);
  send({ type: 'result', result: { kind: 'packed', report: result.report, columns } }, posting.transfer);
  return { packed: kept, columns: posting.kept };
}

/**
 * The search index is built in slices. Between slices the worker lets messages in, and while the
 * page says it is busy (its user is clicking, zooming or typing: see notePageBusy) it waits: on a
 * two-core machine, indexing beside the page doubled the time of a filter change at a million
 * events. Progress is posted after each slice.
 */
const INDEX_SLICE_MS = 10;
/** How long the index waits after the page last said it was busy. */
const PAGE_BUSY_MS = 1000;
let pageBusyUntil = 0;

/** The page is busy: the search index waits a moment (see INDEX_SLICE_MS). */
export function notePageBusy(): void {
  pageBusyUntil = performance.now() + PAGE_BUSY_MS;
}

const sleep = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

/**
 * Lets waiting messages in, then resumes at once. A zero-delay timeout would do the same, but
 * nested timeouts are clamped to 4 ms: between 10 ms slices, that left the worker idle for more
 * than a quarter of the index's time.
 */
function createYield(): { yield(): Promise<void>; close(): void } {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    yield: () =>
      new Promise<void>((resume) => {
        waiting.push(resume);
        channel.port2.postMessage(null);
      }),
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/**
 * The search index of the table just posted, built here (the page would take its frames for it),
 * and posted with its typed arrays moved. The page's table is built from the same packed events
 * and columns, so the index fits it row for row.
 */
async function postSearchIndex({ packed, columns }: { packed: PackedEvents; columns: TableColumns }, send: Send): Promise<void> {
  const table = assembleEventTable(packed.info.actors, packedEvents(packed), columns);
  const builder = createWordIndexBuilder(table.size, createRowPartsReader(table));
  const pause = createYield();
  try {
    while (!builder.buildUntil(performance.now() + INDEX_SLICE_MS)) {
      send({ type: 'index-progress', fraction: builder.progress });
      await pause.yield();
      while (performance.now() < pageBusyUntil) await sleep(pageBusyUntil - performance.now());
    }
  } finally {
    pause.close();
  }
  const index = builder.index();
  send({ type: 'search-index', index }, [index.wordStart.buffer, index.postingStart.buffer, index.postings.buffer] as ArrayBuffer[]);
}

const packDataset = ({ events, ...info }: Dataset) => packEvents(info, events);

const requestFor = (job: ImportJob, text: string): ImportRequest => ({
  text,
  fileName: job.fileName,
  ...(job.format ? { format: job.format } : {}),
  ...(job.mapping ? { mapping: job.mapping } : {}),
});

/**
 * The helper's job, answered to the lead: for a CSV, the rows from the middle line on; for a JSON
 * file, the lists of numbers the lead asks for (`request`), moved to it, not copied. When the lead
 * asks for the table's columns too, the ids and place names read for them go with the lists (the
 * lead then reads neither), then the columns, then the check of the ids.
 */
export async function runHelperJob(job: ImportJob, answer: (reply: HelperAnswer, transfer?: ArrayBuffer[]) => void, request: Promise<NumberListsRequest>): Promise<void> {
  if ((await refusal(job)) || (await columnarKindOf(job.file))) return answer({ kind: 'none' });
  if (await isJson(job)) {
    const asked = await request;
    const lists = await readNumberLists(job.file, asked.lists);
    // Copies of the lists the table's columns need: the lists themselves move to the lead.
    const kept: Record<string, Column> = {};
    asked.lists.forEach((list, k) => {
      if (lists[k] && TABLE_NUMBER_COLUMNS.includes(list.name)) kept[list.name] = lists[k].slice();
    });
    const texts = asked.table ? await tableTextsOf(job.file, asked.table).catch(() => null) : null;
    // The texts are copied, as this worker reads them again for the columns, but for their UTF-8,
    // which only the lead posts on (see packedForPosting): those bytes move.
    const moving = [...lists.flatMap((list) => (list ? [list.buffer as ArrayBuffer] : [])), ...(texts ? utf8Buffers([texts.ids, ...texts.names.map(([, names]) => names)]) : [])];
    answer({ kind: 'number-lists', lists, ...(texts ? { texts: { id: { column: texts.ids }, placeName: { column: texts.names, ...(texts.firstRows ? { firstRows: texts.firstRows } : {}) } } } : {}) }, moving);
    if (!asked.table) return;
    const columns = texts ? tableColumnsOf(asked.table, texts, kept) : null;
    answer({ kind: 'table-columns', columns }, columns ? tableBuffers(columns) : []);
    // Then the ids, which the lead checks itself if it is free first.
    return answer({ kind: 'ids-checked', idsUnique: texts ? areUniqueIds(texts.ids, texts.ids.start.length - 1) : null });
  }
  const text = await job.file.text();
  answer(importCsvPart(requestFor(job, text), middleLine(text)));
}

/** A compact file's ids and place names (per language), read joined; for a place name in one language, each row's first row of its text (see firstRowsOfText). */
interface TableTexts {
  ids: JoinedStrings;
  names: [string, JoinedStrings][];
  firstRows?: Int32Array;
}

/** The ids and place names of a compact file, read joined from their bytes in the file; null when they do not read so. */
async function tableTextsOf(file: Blob, { id, placeName }: NonNullable<NumberListsRequest['table']>): Promise<TableTexts | null> {
  const joined = async ({ from, to }: NumberListAt) => readJoinedColumn(new Uint8Array(await file.slice(from, to).arrayBuffer()));
  const ids = await joined(id);
  const names = await joined(placeName);
  if (!ids || Array.isArray(ids) || !Array.isArray(names)) return null;
  return { ids, names, ...(names.length === 1 ? { firstRows: firstRowsOfText(names[0]![1]) } : {}) };
}

/** The table's columns of a compact file, from its lists of numbers and its ids and place names; null when they cannot be computed. */
function tableColumnsOf({ header, fileName }: NonNullable<NumberListsRequest['table']>, { ids, names, firstRows }: TableTexts, numbers: Record<string, Column>): TableColumns | null {
  try {
    const { actors } = readDatasetInfo(header, fileName).info;
    return compactTableColumns({ strings: header.strings as string[], numbers, id: ids, placeName: names, ...(firstRows ? { placeFirstRows: firstRows } : {}) }, actors);
  } catch {
    return null;
  }
}

/** The buffers of the columns' UTF-8 (see JoinedStrings.utf8), to be moved. */
function utf8Buffers(columns: JoinedStrings[]): ArrayBuffer[] {
  return columns.flatMap(({ utf8 }) => (utf8 ? [utf8.bytes.buffer as ArrayBuffer, ...(utf8.start ? [utf8.start.buffer as ArrayBuffer] : [])] : []));
}

/** The typed arrays of table columns, to be moved. */
function tableBuffers(columns: TableColumns): ArrayBuffer[] {
  const { order, start, end, type, actorOffset, actorIndex, actorRoles, placeOf } = columns;
  return [order, start, end, type, actorOffset, actorIndex, actorRoles, placeOf].map((array) => array.buffer as ArrayBuffer);
}

/** The lists, read typed from the bytes of the file that hold them (see readNumberList). */
async function readNumberLists(file: Blob, lists: NumberListAt[]): Promise<NumberLists> {
  if (lists.length === 0) return [];
  const from = Math.min(...lists.map((list) => list.from));
  const to = Math.max(...lists.map((list) => list.to));
  const bytes = new Uint8Array(await file.slice(from, to).arrayBuffer());
  return lists.map((list) => readNumberList(bytes, list.from - from, list.to - from));
}
