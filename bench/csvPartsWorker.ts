// A worker of bench/import.ts: reads one part of an ACLED CSV as the app's helper workers do
// (src/io/csvPartWorker.ts) and posts it back the same way, its text as UTF-8 and its buffers moved.
import { parentPort } from 'node:worker_threads';
import { readAcledCsvPart, type AcledCsvPart } from '../src/io/csvParts.ts';
import { packedForPosting } from '../src/io/packedPost.ts';

parentPort!.on('message', async (part: AcledCsvPart) => {
  const result = await readAcledCsvPart(part);
  const { posted, transfer } = packedForPosting(result.packed);
  parentPort!.postMessage({ ...result, packed: posted }, transfer);
});
parentPort!.postMessage('ready');
