// Reads the parts of a large ACLED or UCDP GED file in helper workers, one part each (see
// fileParts.ts), from the import worker. Any helper that fails makes the whole read fail, and the file is read whole.
import type { PartResult, PartPreview, PartReader } from './fileParts.ts';

export type PartReply =
  | { type: 'progress'; fraction: number }
  | { type: 'preview'; preview: PartPreview | null }
  | { type: 'done'; result: PartResult }
  | { type: 'failed'; message: string };

/** A reader of parts in workers made by `newWorker`, as many parts as `cores`. */
export function workerPartReader(newWorker: () => Worker, cores: number): PartReader {
  const readPart = (part: Parameters<PartReader['read']>[0][number], onProgress: (fraction: number) => void, onPreview: (preview: PartPreview | null) => void) =>
    new Promise<PartResult>((resolve, reject) => {
      const worker = newWorker();
      worker.onmessage = ({ data }: MessageEvent<PartReply>) => {
        if (data.type === 'progress') return onProgress(data.fraction);
        if (data.type === 'preview') return onPreview(data.preview);
        worker.terminate();
        if (data.type === 'done') resolve(data.result);
        else reject(new Error(data.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        reject(new Error(event.message || 'a helper worker stopped'));
      };
      worker.postMessage(part);
    });
  const read: PartReader['read'] = (parts, onProgress, onPreview) =>
    Promise.all(parts.map((part, k) => readPart(part, (fraction) => onProgress(k, fraction), (preview) => onPreview?.(k, preview))));
  return { cores, read };
}
