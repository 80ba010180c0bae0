// A worker of bench/import.ts: reads one part of an ACLED CSV as the app's helper workers do
// (src/io/acledPartWorker.ts) and posts it back the same way, its text as UTF-8 and its buffers moved.
import { parentPort } from 'node:worker_threads';
import { readAcledPartForPosting, type AcledPart } from '../src/io/acledParts.ts';

parentPort!.on('message', async (part: AcledPart) => {
  const { result, transfer } = await readAcledPartForPosting(part);
  parentPort!.postMessage(result, transfer);
});
parentPort!.postMessage('ready');
