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

/** Files above this size are refused before reading: a tab cannot hold them as text. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
