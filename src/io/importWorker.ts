// The Web Worker that reads and parses a file, so that the page stays responsive. It posts
// progress while it parses and one result at the end; the page cancels by terminating it.
import '../model/zodWithoutEval.ts';
import { createPageBusyClock, runJob } from './importJob.ts';
import { workerPartReader } from './workerPartReader.ts';
import type { ImportJob, PageBusy, WorkerReply } from './workerProtocol.ts';

// The DOM typings describe a window; inside a worker only these two members are used.
const scope = self as unknown as { postMessage(reply: WorkerReply, transfer?: ArrayBuffer[]): void; onmessage: ((event: MessageEvent<ImportJob | PageBusy>) => void) | null };
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => scope.postMessage(reply, transfer);
const fail = (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

// This worker's own: the page tells it when its user acts (see PageBusyClock).
const pageBusy = createPageBusyClock();
// A large ACLED file is read in parts by helper workers, one per core.
const partReader = workerPartReader(() => new Worker(new URL('./partWorker.ts', import.meta.url), { type: 'module' }), navigator.hardwareConcurrency || 1);

scope.onmessage = (event) => {
  const message = event.data;
  if ('type' in message) return pageBusy.note();
  runJob(message, post, pageBusy, partReader).catch(fail);
};
