// The Web Worker that reads and parses a file, so that the page stays responsive. It posts
// progress while it parses and one result at the end; the page cancels by terminating it. A large
// CSV is read by two of these at once, a lead and a helper (see WorkerJob).
import '../model/zodWithoutEval.ts';
import { leadsHelper, notePageBusy, runHelperOn, runJob, type Helper } from './importJob.ts';
import type { HelperFailed, PageBusy, WorkerJob, WorkerReply } from './workerProtocol.ts';

// The DOM typings describe a window; inside a worker only these two members are used.
const scope = self as unknown as { postMessage(reply: WorkerReply, transfer?: ArrayBuffer[]): void; onmessage: ((event: MessageEvent<WorkerJob | HelperFailed | PageBusy>) => void) | null };
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => scope.postMessage(reply, transfer);
const fail = (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

let helperStopped: () => void = () => {};

scope.onmessage = (event) => {
  const message = event.data;
  if ('type' in message) {
    if (message.type === 'page-busy') notePageBusy();
    else helperStopped();
    return;
  }
  const { part, ...job } = message;
  if (part?.role === 'helper') {
    void runHelperOn(job, part.port);
    return;
  }
  let helper: Helper | undefined;
  if (part) {
    const lead = leadsHelper(part.port);
    helper = lead.helper;
    helperStopped = lead.stopped;
  }
  runJob(job, post, helper).catch(fail);
};
