// Starts an import in a fresh Web Worker. cancel() terminates it at once, mid-parse. After a
// dataset, the worker goes on to build its search index, and stops once it has posted it.
import type { ImportJob, ImportPhase, PageBusy, PostedResult, WorkerReply, WorkerResult } from './workerProtocol.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import type { WordIndex } from '../table/wordIndex.ts';
import { receivedPacked } from './packedPost.ts';
import type { ImportPreview } from './appParquetPreview.ts';

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
 * A worker started before the next import asks for it: a worker took about 0.1 s to load its
 * script before it could start on a file. Each runs one job, so the page starts a new one after.
 */
const spareWorkers: Worker[] = [];

/** Starts a worker for the next import, unless one is waiting. */
export function warmImportWorkers(): void {
  if (typeof Worker === 'undefined' || spareWorkers.length > 0) return;
  const worker = newWorker();
  // One that fails to load is dropped; an import then starts its own.
  worker.onerror = () => {
    const at = spareWorkers.indexOf(worker);
    if (at >= 0) spareWorkers.splice(at, 1);
    worker.terminate();
  };
  spareWorkers.push(worker);
}

/** A spare worker (see warmImportWorkers), or a new one. */
const takeWorker = (): Worker => spareWorkers.shift() ?? newWorker();

export function startImport(
  job: ImportJob,
  onProgress: (phase: ImportPhase, fraction: number) => void,
  onIndexProgress: (fraction: number) => void = () => {},
  onPreview: (preview: ImportPreview) => void = () => {},
): RunningImport {
  // A spare is started again only where there was one, and only once this import is over.
  const warmAfter = spareWorkers.length > 0;
  const worker = takeWorker();
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
    worker.terminate();
    indexArrived(null);
    if (warmAfter) warmImportWorkers();
  };
  // A packed result keeps the worker working on its search index; anything else ends the job.
  const finish = (value: Awaited<RunningImport['result']>) => {
    settle(value);
    if (value.kind !== 'packed') stop();
  };
  let packedEvents: PackedEvents | null = null;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    // Reading event.data is what copies the message into the page: for the events, it happens
    // here, while the worker computes the table's columns.
    const reply = event.data;
    if (reply.type === 'progress') onProgress(reply.phase, reply.fraction);
    else if (reply.type === 'preview') onPreview(reply.preview);
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
  worker.onerror = (event) => {
    finish({ kind: 'failed', message: event.message || 'the import worker stopped' });
    stop();
  };
  worker.postMessage(job);
  return {
    result,
    searchIndex,
    pageBusy: () => worker.postMessage({ type: 'page-busy' } satisfies PageBusy),
    cancel: () => {
      finish({ kind: 'cancelled' });
      stop();
    },
  };
}
