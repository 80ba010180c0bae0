// Parts of a file read as the import worker's helpers read them (see acledPartReader.ts), in this
// thread: each part read, posted (its text as UTF-8, its buffers moved) and received.
import { readPartsHere, type PartReader } from '../io/acledParts.ts';
import { packedForPosting } from '../io/packedPost.ts';

export const partsAsWorkers = (cores: number, minPartBytes = 1024, minPartRows = 100): PartReader => ({
  cores,
  minPartBytes,
  minPartRows,
  read: async (parts, onProgress) =>
    (await readPartsHere(parts, onProgress)).map((result) => {
      const { posted, transfer } = packedForPosting(result.packed);
      return structuredClone({ ...result, packed: posted }, { transfer });
    }),
});
