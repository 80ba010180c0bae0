// Parts of a file read as the import worker's helpers read them (see acledPartReader.ts), in this
// thread: each part read, posted (its text as UTF-8, its buffers moved) and received.
import { readAcledPartForPosting, type AcledPartResult, type PartReader } from '../io/acledParts.ts';

export const partsAsWorkers = (cores: number, minPartBytes = 1024, minPartRows = 100): PartReader => ({
  cores,
  minPartBytes,
  minPartRows,
  read: async (parts, onProgress) => {
    const results: AcledPartResult[] = [];
    for (const [k, part] of parts.entries()) {
      const { result, transfer } = await readAcledPartForPosting(part, (fraction) => onProgress(k, fraction));
      results.push(structuredClone(result, { transfer }));
    }
    return results;
  },
});
