// A worker of bench/import.ts: reads one part of an ACLED CSV as the app's helper workers do
// (src/io/acledPartWorker.ts) and posts it back the same way, its text as UTF-8 and its buffers moved.
import { parentPort } from 'node:worker_threads';
import { readAcledPart, type AcledPart } from '../src/io/acledParts.ts';
import { packedForPosting } from '../src/io/packedPost.ts';

parentPort!.on('message', async (part: AcledPart) => {
  const result = await readAcledPart(part);
  const { posted, transfer } = packedForPosting(result.packed);
  parentPort!.postMessage({ ...result, packed: posted }, transfer);
});
parentPort!.postMessage('ready');
