// Starts an import in a fresh Web Worker. cancel() terminates the worker at once, mid-parse.
import type { ImportResult } from './importer.ts';
import type { ImportJob, WorkerReply } from './workerProtocol.ts';

export interface RunningImport {
  result: Promise<ImportResult | { kind: 'cancelled' } | { kind: 'failed'; message: string }>;
  cancel(): void;
}

export function startImport(job: ImportJob, onProgress: (phase: 'reading' | 'parsing', fraction: number) => void): RunningImport {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let settle: (value: Awaited<RunningImport['result']>) => void = () => {};
  const result = new Promise<Awaited<RunningImport['result']>>((resolve) => {
    settle = resolve;
  });
  const finish = (value: Awaited<RunningImport['result']>) => {
    worker.terminate();
    settle(value);
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress(reply.phase, reply.fraction);
    else if (reply.type === 'result') finish(reply.result);
    else finish({ kind: 'failed', message: reply.message });
  };
  worker.onerror = (event) => finish({ kind: 'failed', message: event.message || 'the import worker stopped' });
  worker.postMessage(job);
  return { result, cancel: () => finish({ kind: 'cancelled' }) };
}
