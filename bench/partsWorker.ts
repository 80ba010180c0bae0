// A worker of bench/import.ts: reads one part of an ACLED CSV as the app's helper workers do
// (src/io/partWorker.ts) and posts it back the same way, its text as UTF-8 and its buffers moved.
import { parentPort } from 'node:worker_threads';
import { readPartForPosting, type FilePart } from '../src/io/fileParts.ts';

parentPort!.on('message', async (part: FilePart) => {
  const { result, transfer } = await readPartForPosting(part);
  parentPort!.postMessage(result, transfer);
});
parentPort!.postMessage('ready');
