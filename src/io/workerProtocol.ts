// Messages between the page and the import worker.
import type { ColumnMapping } from './csvMapping.ts';
import type { ImportFormat } from './detect.ts';
import type { ImportResult } from './importer.ts';

export interface ImportJob {
  file: Blob;
  fileName: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
}

export type WorkerReply =
  | { type: 'progress'; phase: 'reading' | 'parsing'; fraction: number }
  | { type: 'result'; result: ImportResult }
  | { type: 'failed'; message: string };

/**
 * Files above this size are refused before reading: a tab cannot hold them as text. (V8's longest
 * string is 2^29 − 24 characters, just under 512 MiB of plain ASCII, so the limit stays below it.)
 */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;
