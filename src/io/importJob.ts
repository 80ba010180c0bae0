// Reads a file and imports it: refuses huge and binary files first, then parses with progress.
// Then, for a dataset, builds its search index, so that the page does not have to.
// Runs inside the import worker; kept apart from it so that tests can call it directly.
import { detectFormat, sniffBinary } from './detect.ts';
import { formatBytes } from './formatBytes.ts';
import { importTextPacked, withFileNote, type ImportResult, type PackedImport } from './importer.ts';
import { decodeText } from './textEncoding.ts';
import { columnsForPosting, movingPosted, packedForPosting } from './packedPost.ts';
import { assembleEventTable, computeColumns, type TableColumns } from '../table/eventTable.ts';
import { packEvents, packedColumnReader, packedEvents, type PackedEvents } from '../table/packedEvents.ts';
import { createWordIndexBuilder } from '../table/wordIndex.ts';
import { createRowPartsReader } from '../table/search.ts';
import type { Dataset } from '../model/schema.ts';
import { MAX_FILE_BYTES, type ImportJob, type WorkerReply } from './workerProtocol.ts';
import { columnarKind, columnarKindOf } from './columnarFormat.ts';
import type { ImportPreview } from './appParquetPreview.ts';
import type { Compressors } from 'hyparquet';
import { importCsvInParts, PREVIEW_MIN_BYTES, type PartReader, type PostedImport } from './fileParts.ts';
import { readUcdpCsvPreview } from './ucdpPreview.ts';
import { MAX_ROWS } from './limits.ts';

/** Why a file is refused before it is read (too large, or binary), or null. */
async function refusal(job: ImportJob): Promise<string | null> {
  const { file, fileName } = job;
  if (file.size > MAX_FILE_BYTES) {
    // The commands name no file: a file name is not safe to paste into a shell.
    return `${fileName} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be opened. Convert it to Parquet, about an eighth of the size (npm run import -- <file> --out events.parquet), or serve it with the data server (npm run serve -- <file>).`;
  }
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  // Parquet and Arrow are binary, and read as such (see columnarImport.ts).
  if (columnarKind(head)) return null;
  const binary = sniffBinary(head);
  return binary ? `${fileName} is ${binary}, not a dataset.` : null;
}

type Send = (reply: WorkerReply, transfer?: ArrayBuffer[]) => void;

/** The job: the file read and imported, then, for a dataset, its search index. */
export async function runJob(job: ImportJob, send: Send, pageBusy: PageBusyClock = createPageBusyClock(), partReader?: PartReader): Promise<void> {
  const posted = await importAndPost(job, send, partReader);
  if (posted) await postSearchIndex(posted, send, pageBusy);
}

/** Reads and imports the file and posts the result; gives the packed table posted, if any. */
async function importAndPost(job: ImportJob, send: Send, partReader?: PartReader): Promise<{ packed: PackedEvents; columns: TableColumns } | null> {
  const refused = await refusal(job);
  if (refused) {
    send({ type: 'result', result: { kind: 'not-a-dataset', message: refused } });
    return null;
  }
  send({ type: 'progress', phase: 'reading', fraction: 0 });
  let last = 0;
  /** Progress from 0 again: the parts read could not be joined, and the file is read whole (see fileParts.ts). */
  const restart = () => {
    if (last > 0) send({ type: 'progress', phase: 'parsing', fraction: (last = 0) });
  };
  /** Sends how far parsing is, a step of 1% at least. */
  const onProgress = (fraction: number) => {
    if (fraction - last >= 0.01 || fraction === 1) {
      last = fraction;
      send({ type: 'progress', phase: 'parsing', fraction });
    }
  };
  // Parquet and Arrow, by their first bytes whatever the format asked for: they are not text.
  const columnar = await columnarKindOf(job.file);
  if (columnar) {
    const bytes = await job.file.arrayBuffer();
    send({ type: 'progress', phase: 'parsing', fraction: 0 });
    // Loaded here, not with the worker: most files are CSV or JSON.
    const { importColumnar, importColumnarInParts } = await import('./columnarImport.ts');
    // A large file's preview (see postPreview): the app's first (it takes a small part of the
    // time); an ACLED or UCDP GED file's (Parquet or Arrow) while the helpers read its
    // row groups in parts, as a CSV's rows are (with its preview read first, the whole file came
    // 1.5 s later).
    const { readAppParquetPreview } = await import('./appParquetPreview.ts');
    const appPreviewed = await postPreview(bytes, send, (compressors) => readAppParquetPreview(bytes, compressors));
    const readRowsPreview = async (compressors: Compressors) =>
      columnar === 'parquet' ? (await import('./parquetRowsPreview.ts')).readParquetRowsPreview(bytes, job.fileName, compressors) : (await import('./arrowRowsPreview.ts')).readArrowRowsPreview(bytes, job.fileName);
    const previewed = appPreviewed || postPreview(bytes, send, readRowsPreview);
    const inParts = partReader ? await importColumnarInParts(bytes, job, partReader, onProgress).catch(() => null) : null;
    await previewed;
    if (inParts) return postImported(inParts, send);
    restart();
    return postImported(await importColumnar(bytes, job.fileName, { onProgress, packed: true }), send);
  }
  // A large ACLED or UCDP GED CSV is read in parts at once, where the parts join exactly; else
  // whole. The parts of one of PREVIEW_MIN_BYTES or more first give their rows' days and types,
  // posted as one preview.
  let previewed = false;
  if (partReader) {
    const inParts = await importCsvInParts(job, partReader, onProgress, (preview) => {
      previewed = true;
      sendPreview(send, preview);
    }).catch(() => null);
    if (inParts) return postImported(inParts, send);
    restart();
  }
  // Any other file is text: a JSON file is parsed whole, as the CLI reads it.
  const { text, note } = decodeText(new Uint8Array(await job.file.arrayBuffer()), job.fileName);
  send({ type: 'progress', phase: 'parsing', fraction: 0 });
  if (job.file.size >= PREVIEW_MIN_BYTES && !previewed) postUcdpPreview(text, job, send);
  const request = {
    text,
    fileName: job.fileName,
    ...(job.format ? { format: job.format } : {}),
    ...(job.mapping ? { mapping: job.mapping } : {}),
    onProgress,
  };
  return postImported(withFileNote(importTextPacked(request), note), send);
}

/**
 * Posts a large Parquet or Arrow file's when and what, as `read` gives it (null for no preview),
 * before the rest is read; says whether it did. Never throws: without a preview the file still opens.
 */
async function postPreview(bytes: ArrayBuffer, send: Send, read: (compressors: Compressors) => Promise<ImportPreview | null>): Promise<boolean> {
  const preview = await import('./parquetImport.ts').then(({ COMPRESSORS }) => read(COMPRESSORS)).catch(() => null);
  if (preview) sendPreview(send, preview);
  return preview !== null;
}

/**
 * Posts a large UCDP GED CSV's days and types (see ucdpPreview.ts), parsed from its text before the
 * rest is read, in about a tenth of the time that takes: for a file not read in parts (one without
 * its header row, or whose parts did not join). Never throws: without a preview the file still opens.
 */
function postUcdpPreview(text: string, job: ImportJob, send: Send): void {
  try {
    const detected = detectFormat(text);
    const format = job.format ?? (detected.ok ? detected.format : null);
    const preview = format === 'ucdp' ? readUcdpCsvPreview(text, job.fileName, MAX_ROWS) : null;
    if (preview) sendPreview(send, preview);
  } catch {
    // The full read says what is wrong with the file.
  }
}

/** Posts a preview to the page, its buffers moved. */
const sendPreview = (send: Send, preview: ImportPreview) => send({ type: 'preview', preview }, [preview.start.buffer, preview.end.buffer, preview.type.buffer] as ArrayBuffer[]);

/** Posts an import's result; gives the packed table posted, if any. */
async function postImported(result: ImportResult | PackedImport | PostedImport, send: Send): Promise<{ packed: PackedEvents; columns: TableColumns } | null> {
  if (result.kind !== 'done' && result.kind !== 'packed' && result.kind !== 'posted') {
    send({ type: 'result', result });
    return null;
  }
  // Packed and indexed here, off the page's thread. The events go to the page with their buffers
  // moved (see packedPost.ts), and this worker keeps copies to index. They go before the table's
  // columns, so that the page reads them while the columns are computed.
  const { posted, transfer, kept } = result.kind === 'posted' ? { posted: result.posted, ...movingPosted(result.posted) } : packedForPosting(result.kind === 'packed' ? result.packed : packDataset(result.dataset));
  send({ type: 'packed-events', packed: posted }, transfer);
  const columns = computeColumns(packedColumnReader(kept), kept.info.actors);
  const posting = columnsForPosting(columns);
  send({ type: 'result', result: { kind: 'packed', report: result.report, columns } }, posting.transfer);
  return { packed: kept, columns: posting.kept };
}

/**
 * The search index is built in slices. Between slices the worker lets messages in, and while the
 * page says it is busy (its user is clicking, zooming or typing: see PageBusyClock) it waits: on a
 * two-core machine, indexing beside the page doubled the time of a filter change at a million
 * events. Progress is posted after each slice.
 */
const INDEX_SLICE_MS = 10;
/** How long the index waits after the page last said it was busy. */
const PAGE_BUSY_MS = 1000;

/** When the page last said it was busy, as the worker heard it: one per worker (importWorker.ts). */
export interface PageBusyClock {
  /** The page is busy: the search index waits a moment (see INDEX_SLICE_MS). */
  note(): void;
  /** Until when the index waits (performance.now() time). */
  readonly until: number;
}

export function createPageBusyClock(): PageBusyClock {
  let until = 0;
  return {
    note: () => void (until = performance.now() + PAGE_BUSY_MS),
    get until() {
      return until;
    },
  };
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
async function postSearchIndex({ packed, columns }: { packed: PackedEvents; columns: TableColumns }, send: Send, pageBusy: PageBusyClock): Promise<void> {
  const table = assembleEventTable(packed.info.actors, packedEvents(packed), columns);
  const builder = createWordIndexBuilder(table.size, createRowPartsReader(table));
  const pause = createYield();
  try {
    while (!builder.buildUntil(performance.now() + INDEX_SLICE_MS)) {
      send({ type: 'index-progress', fraction: builder.progress });
      await pause.yield();
      while (performance.now() < pageBusy.until) await sleep(pageBusy.until - performance.now());
    }
  } finally {
    pause.close();
  }
  const index = builder.index();
  send({ type: 'search-index', index }, [index.wordStart.buffer, index.postingStart.buffer, index.postings.buffer] as ArrayBuffer[]);
}

const packDataset = ({ events, ...info }: Dataset) => packEvents(info, events);
