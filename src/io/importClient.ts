// Starts an import in a fresh Web Worker, or in two (a lead and a helper: see WorkerJob) for a
// large UCDP or mapped CSV file on a machine with four cores or more. cancel() terminates them at
// once, mid-parse. After a dataset, the lead goes on to build its search index, and stops once it
// has posted it.
import { TWO_WORKERS_MAX_BYTES, TWO_WORKERS_MIN_BYTES, TWO_WORKERS_MIN_CORES, type HelperFailed, type ImportJob, type ImportPhase, type PageBusy, type PostedResult, type WorkerJob, type WorkerReply, type WorkerResult } from './workerProtocol.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import type { WordIndex } from '../table/wordIndex.ts';
import { detectFormat } from './detect.ts';
import { readsInTwoParts } from './formats.ts';
import { receivedPacked } from './packedPost.ts';
import { columnarKindOf } from './columnarFormat.ts';

export interface RunningImport {
  result: Promise<WorkerResult | { kind: 'cancelled' } | { kind: 'failed'; message: string }>;
  /** The search index of a packed result's table; null when there is none, or the worker stopped first. */
  searchIndex: Promise<WordIndex | null>;
  /** Tells the worker that the page's user is busy: the search index waits a moment. */
  pageBusy(): void;
  /** Stops the import, or the search index after it. */
  cancel(): void;
}

type ImportOutcome = Awaited<RunningImport['result']>;

/** The result the page takes: the posted result, with a packed dataset's events (posted before it). */
export function receivedResult(result: PostedResult, packed: PackedEvents | null): ImportOutcome {
  if (result.kind !== 'packed') return result;
  if (!packed) return { kind: 'failed', message: 'the import worker sent a table without its events' };
  return { ...result, packed };
}

const newWorker = () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });

/**
 * Workers started before the next import asks for them: a worker took about 0.1 s to load its
 * script before it could start on a file. Each runs one job, so the page starts new ones after.
 */
const spareWorkers: Worker[] = [];
/** A lead and a helper. */
const SPARE_WORKERS = 2;

/** Starts workers for the next import, up to SPARE_WORKERS waiting. */
export function warmImportWorkers(): void {
  if (typeof Worker === 'undefined') return;
  while (spareWorkers.length < SPARE_WORKERS) {
    const worker = newWorker();
    // One that fails to load is dropped; an import then starts its own.
    worker.onerror = () => {
      const at = spareWorkers.indexOf(worker);
      if (at >= 0) spareWorkers.splice(at, 1);
      worker.terminate();
    };
    spareWorkers.push(worker);
  }
}

/** A spare worker (see warmImportWorkers), or a new one. */
const takeWorker = (): Worker => spareWorkers.shift() ?? newWorker();

/** Whether a CSV may be read by two workers: large enough to gain, small enough to hold twice, and cores to run them. */
function sizeForCsvParts(size: number, cores: number): boolean {
  return cores >= TWO_WORKERS_MIN_CORES && size >= TWO_WORKERS_MIN_BYTES && size <= TWO_WORKERS_MAX_BYTES;
}

/**
 * Whether the job takes a helper worker (see WorkerJob): a CSV of a format read in two parts, of a
 * size for it. The format is told from the file's start (the worker reads the whole file again).
 */
async function takesHelper(job: ImportJob, cores: number): Promise<boolean> {
  if (!sizeForCsvParts(job.file.size, cores)) return false;
  // One worker reads a Parquet or Arrow file.
  if (await columnarKindOf(job.file)) return false;
  let format = job.format;
  if (!format) {
    const detected = detectFormat(await job.file.slice(0, 1 << 16).text());
    if (!detected.ok) return false;
    format = detected.format;
  }
  return readsInTwoParts(format, job.mapping !== undefined);
}

export function startImport(
  job: ImportJob,
  onProgress: (phase: ImportPhase, fraction: number) => void,
  onIndexProgress: (fraction: number) => void = () => {},
): RunningImport {
  // Spares are started again only where there were some, and only once this import is over.
  const warmAfter = spareWorkers.length > 0;
  const lead = takeWorker();
  let helper: Worker | null = null;
  let stopped = false;
  let settle: (value: Awaited<RunningImport['result']>) => void = () => {};
  const result = new Promise<Awaited<RunningImport['result']>>((resolve) => {
    settle = resolve;
  });
  let indexArrived: (index: WordIndex | null) => void = () => {};
  const searchIndex = new Promise<WordIndex | null>((resolve) => {
    indexArrived = resolve;
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    lead.terminate();
    helper?.terminate();
    indexArrived(null);
    if (warmAfter) warmImportWorkers();
  };
  // A packed result keeps the lead working on its search index; anything else ends the job.
  const finish = (value: Awaited<RunningImport['result']>) => {
    settle(value);
    if (value.kind === 'packed') helper?.terminate();
    else stop();
  };
  let packedEvents: PackedEvents | null = null;
  lead.onmessage = (event: MessageEvent<WorkerReply>) => {
    // Reading event.data is what copies the message into the page: for the events, it happens
    // here, while the worker computes the table's columns.
    const reply = event.data;
    if (reply.type === 'progress') onProgress(reply.phase, reply.fraction);
    else if (reply.type === 'packed-events') packedEvents = receivedPacked(reply.packed);
    else if (reply.type === 'result') {
      finish(receivedResult(reply.result, packedEvents));
      packedEvents = null;
    } else if (reply.type === 'index-progress') onIndexProgress(reply.fraction);
    else if (reply.type === 'search-index') {
      indexArrived(reply.index);
      stop();
    } else {
      finish({ kind: 'failed', message: reply.message });
      stop();
    }
  };
  lead.onerror = (event) => {
    finish({ kind: 'failed', message: event.message || 'the import worker stopped' });
    stop();
  };
  const begin = (inParts: boolean) => {
    if (stopped) return;
    if (!inParts) return lead.postMessage(job satisfies WorkerJob);
    const channel = new MessageChannel();
    helper = takeWorker();
    // Without its helper the lead reads the whole file itself.
    helper.onerror = () => lead.postMessage({ type: 'helper-failed' } satisfies HelperFailed);
    lead.postMessage({ ...job, part: { role: 'lead', port: channel.port1 } } satisfies WorkerJob, [channel.port1]);
    helper.postMessage({ ...job, part: { role: 'helper', port: channel.port2 } } satisfies WorkerJob, [channel.port2]);
  };
  takesHelper(job, navigator.hardwareConcurrency ?? 1).then(begin, () => begin(false));
  return {
    result,
    searchIndex,
    pageBusy: () => lead.postMessage({ type: 'page-busy' } satisfies PageBusy),
    cancel: () => {
      finish({ kind: 'cancelled' });
      stop();
    },
  };
}
