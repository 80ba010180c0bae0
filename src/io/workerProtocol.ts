// Messages between the page and the import worker.
import type { ColumnMapping } from './csvMapping.ts';
import type { ImportFormat } from './detect.ts';
import type { ImportResult } from './importer.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import type { PostedPackedEvents } from './packedPost.ts';
import type { ImportReport } from './report.ts';
import type { TableColumns } from '../table/eventTable.ts';
import type { WordIndex } from '../table/wordIndex.ts';
import type { ImportPreview } from './appParquetPreview.ts';

export interface ImportJob {
  file: Blob;
  fileName: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
}

/** From the page to the worker while it builds the search index: the page's user is busy, so the index waits a moment. */
export interface PageBusy {
  type: 'page-busy';
}

/** How far an import is: reading the file (no fraction), then parsing and packing it. */
export type ImportPhase = 'reading' | 'parsing';

export type WorkerReply =
  | { type: 'progress'; phase: ImportPhase; fraction: number }
  /** A large file's when and what, read before the rest (see appParquetPreview.ts); the result follows. */
  | { type: 'preview'; preview: ImportPreview }
  /**
   * A packed dataset's events, posted before the table's columns are worked out, so that the page
   * reads this large message while the worker computes them. The result then follows without them.
   */
  | { type: 'packed-events'; packed: PostedPackedEvents }
  | { type: 'result'; result: PostedResult }
  /** After a packed result, while its search index is built (0 to 1). */
  | { type: 'index-progress'; fraction: number }
  /** The search index of the packed result's table, last (see awaitSearchIndex). */
  | { type: 'search-index'; index: WordIndex }
  | { type: 'failed'; message: string };

/**
 * What the worker answers: ImportResult, except that a dataset comes packed (see PackedEvents),
 * with the table's columns computed beside it. Posting a million event objects took longer than
 * reading them; packed columns cross fast, and the page builds only the events it shows.
 */
export type WorkerResult =
  | Exclude<ImportResult, { kind: 'done' }>
  | { kind: 'packed'; packed: PackedEvents; report: ImportReport; columns: TableColumns };

/**
 * Files above this size are refused before reading: a tab cannot hold them as text. (V8's longest
 * string is 2^29 − 24 characters, just under 512 MiB of plain ASCII, so the limit stays below it.)
 */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

/** WorkerResult as posted: a packed result's events come before it (see 'packed-events'). */
export type PostedResult = Exclude<WorkerResult, { kind: 'packed' }> | Omit<Extract<WorkerResult, { kind: 'packed' }>, 'packed'>;
