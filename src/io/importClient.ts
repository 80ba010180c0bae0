// Starts an import in a fresh Web Worker, or in two for a large CSV on a machine with four cores
// or more (a lead and a helper: see WorkerJob). cancel() terminates them at once, mid-parse.
import { TWO_WORKERS_MAX_BYTES, TWO_WORKERS_MIN_BYTES, TWO_WORKERS_MIN_CORES, type HelperFailed, type ImportJob, type WorkerJob, type WorkerReply, type WorkerResult } from './workerProtocol.ts';

export interface RunningImport {
  result: Promise<WorkerResult | { kind: 'cancelled' } | { kind: 'failed'; message: string }>;
  cancel(): void;
}

const newWorker = () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });

/** Whether a file is read by two workers: large enough to gain, small enough to hold twice, and cores to run them. */
function readsWithTwoWorkers(size: number, cores: number): boolean {
  return cores >= TWO_WORKERS_MIN_CORES && size >= TWO_WORKERS_MIN_BYTES && size <= TWO_WORKERS_MAX_BYTES;
}

export function startImport(job: ImportJob, onProgress: (phase: 'reading' | 'parsing', fraction: number) => void): RunningImport {
  const lead = newWorker();
  const helper = readsWithTwoWorkers(job.file.size, navigator.hardwareConcurrency ?? 1) ? newWorker() : null;
  let settle: (value: Awaited<RunningImport['result']>) => void = () => {};
  const result = new Promise<Awaited<RunningImport['result']>>((resolve) => {
    settle = resolve;
  });
  const finish = (value: Awaited<RunningImport['result']>) => {
    lead.terminate();
    helper?.terminate();
    settle(value);
  };
  lead.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress(reply.phase, reply.fraction);
    else if (reply.type === 'result') finish(reply.result);
    else finish({ kind: 'failed', message: reply.message });
  };
  lead.onerror = (event) => finish({ kind: 'failed', message: event.message || 'the import worker stopped' });
  if (!helper) {
    lead.postMessage(job satisfies WorkerJob);
  } else {
    const channel = new MessageChannel();
    // Without its helper the lead reads the whole file itself.
    helper.onerror = () => lead.postMessage({ type: 'helper-failed' } satisfies HelperFailed);
    lead.postMessage({ ...job, part: { role: 'lead', port: channel.port1 } } satisfies WorkerJob, [channel.port1]);
    helper.postMessage({ ...job, part: { role: 'helper', port: channel.port2 } } satisfies WorkerJob, [channel.port2]);
  }
  return { result, cancel: () => finish({ kind: 'cancelled' }) };
}
