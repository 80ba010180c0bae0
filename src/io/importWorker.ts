// The Web Worker that reads and parses a file, so that the page stays responsive. It posts
// progress while it parses and one result at the end; the page cancels by terminating it. A large
// CSV is read by two of these at once, a lead and a helper (see WorkerJob).
import '../model/zodWithoutEval.ts';
import { notePageBusy, runHelperJob, runJob, type Helper } from './importJob.ts';
import type { HelperAnswer, HelperFailed, NumberListsRequest, PageBusy, WorkerJob, WorkerReply } from './workerProtocol.ts';
import type { TableColumns } from '../table/eventTable.ts';

// The DOM typings describe a window; inside a worker only these two members are used.
const scope = self as unknown as { postMessage(reply: WorkerReply, transfer?: ArrayBuffer[]): void; onmessage: ((event: MessageEvent<WorkerJob | HelperFailed | PageBusy>) => void) | null };
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => scope.postMessage(reply, transfer);
const fail = (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

let helperAnswered: (answer: HelperAnswer | null) => void = () => {};
let helperColumns: (columns: TableColumns | null) => void = () => {};

scope.onmessage = (event) => {
  const message = event.data;
  if ('type' in message) {
    if (message.type === 'page-busy') notePageBusy();
    else {
      helperAnswered(null);
      helperColumns(null);
    }
    return;
  }
  const { part, ...job } = message;
  if (part?.role === 'helper') {
    const answer = (reply: HelperAnswer, transfer: ArrayBuffer[] = []) => part.port.postMessage(reply, transfer);
    // The lead asks at most once, and only for a JSON file.
    const request = new Promise<NumberListsRequest>((resolve) => {
      part.port.onmessage = (asked: MessageEvent<NumberListsRequest>) => resolve(asked.data);
    });
    runHelperJob(job, answer, request).catch(() => answer({ kind: 'none' }));
    return;
  }
  let helper: Helper | undefined;
  if (part) {
    const tableColumns = new Promise<TableColumns | null>((resolve) => (helperColumns = resolve));
    helper = {
      answer: new Promise((resolve) => {
        helperAnswered = resolve;
        part.port.onmessage = ({ data: reply }: MessageEvent<HelperAnswer>) => (reply.kind === 'table-columns' ? helperColumns(reply.columns) : resolve(reply));
      }),
      tableColumns,
      ask: (request) => part.port.postMessage(request),
    };
  }
  runJob(job, post, helper).catch(fail);
};
