// Parts of a file read as the import worker's helpers read them (see workerPartReader.ts), in this
// thread: each part read, posted (its text as UTF-8, its buffers moved) and received.
import { readPartForPosting, type PartResult, type PartPreview, type PartReader } from '../io/fileParts.ts';

export const partsAsWorkers = (cores: number, minPartBytes = 1024, minPartRows = 100, minPreviewBytes?: number): PartReader => ({
  cores,
  minPartBytes,
  minPartRows,
  ...(minPreviewBytes !== undefined ? { minPreviewBytes } : {}),
  read: async (parts, onProgress, onPreview) => {
    const results: PartResult[] = [];
    for (const [k, part] of parts.entries()) {
      const preview = (p: PartPreview | null) => onPreview?.(k, p && structuredClone(p, { transfer: [p.start.buffer, p.end.buffer, p.type.buffer] as ArrayBuffer[] }));
      const { result, transfer } = await readPartForPosting(part, (fraction) => onProgress(k, fraction), preview);
      results.push(structuredClone(result, { transfer }));
    }
    return results;
  },
});
