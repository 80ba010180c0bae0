// A helper worker of the import worker: reads one part of a large ACLED CSV (see csvParts.ts) and
// posts its rows packed as the page takes them (see packedPost.ts): its text encoded as UTF-8
// here, beside the other parts, and its buffers moved, not copied.
import '../model/zodWithoutEval.ts';
import { readAcledCsvPart, type AcledCsvPart } from './csvParts.ts';
import type { PartReply } from './csvPartReader.ts';
import { packedForPosting } from './packedPost.ts';

const scope = self as unknown as { postMessage(reply: PartReply, transfer?: ArrayBuffer[]): void; onmessage: ((event: MessageEvent<AcledCsvPart>) => void) | null };

scope.onmessage = (event) => {
  readAcledCsvPart(event.data, (fraction) => scope.postMessage({ type: 'progress', fraction }))
    .then((result) => {
      const { posted, transfer } = packedForPosting(result.packed);
      scope.postMessage({ type: 'done', result: { ...result, packed: posted } }, transfer);
    })
    .catch((error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
