// A helper worker of the import worker: reads one part of a large ACLED or UCDP GED file (see
// fileParts.ts) and posts its rows packed as the page takes them (see packedPost.ts): its text encoded as UTF-8
// here, beside the other parts, and its buffers moved, not copied.
import '../model/zodWithoutEval.ts';
import { readPartForPosting, type FilePart } from './fileParts.ts';
import type { PartReply } from './workerPartReader.ts';

const scope = self as unknown as { postMessage(reply: PartReply, transfer?: ArrayBuffer[]): void; onmessage: ((event: MessageEvent<FilePart>) => void) | null };

scope.onmessage = (event) => {
  readPartForPosting(
    event.data,
    (fraction) => scope.postMessage({ type: 'progress', fraction }),
    (preview) => scope.postMessage({ type: 'preview', preview }, preview ? [preview.start.buffer, preview.end.buffer, preview.type.buffer] as ArrayBuffer[] : []),
  )
    .then(({ result, transfer }) => scope.postMessage({ type: 'done', result }, transfer))
    .catch((error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
