// Messages between the page and the import worker.
import type { ColumnMapping } from './csvMapping.ts';
import type { ImportFormat } from './detect.ts';
import type { CsvPartAnswer, ImportResult } from './importer.ts';
import type { NumberListAt, NumberLists, TextReadElsewhere } from './jsonBytes.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import type { PostedPackedEvents } from './packedPost.ts';
import type { ImportReport } from './report.ts';
import type { TableColumns } from '../table/eventTable.ts';
import type { WordIndex } from '../table/wordIndex.ts';

export interface ImportJob {
  file: Blob;
  fileName: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
}

/**
 * A file read by two workers at once: the lead answers the page, and the helper answers the lead
 * through `port` (see HelperAnswer). A CSV (see importCsvFirstPart): the lead reads the rows before
 * the middle line, the helper the rest. A JSON file: the lead asks for a compact file's lists of
 * numbers (see NumberListsRequest), which the helper reads from the same file while the lead
 * reads the rest.
 */
export interface WorkerJob extends ImportJob {
  part?: { role: 'lead' | 'helper'; port: MessagePort };
}

/**
 * From the lead to the helper: the lists of numbers to read typed, where they lie in the file; and,
 * for a compact file, what the helper needs to compute the table's columns while the lead packs
 * the events (see compactColumns.ts): the file's root but its events, and where its ids and
 * place names lie.
 */
export interface NumberListsRequest {
  kind: 'number-lists';
  lists: NumberListAt[];
  table?: { header: Record<string, unknown>; fileName: string; id: NumberListAt; placeName: NumberListAt };
}

/**
 * From the helper to the lead: a part of a CSV (once); or the lists of numbers asked for, then,
 * when asked, the table's columns (null when it could not compute them), then whether the ids are
 * all ids, none repeated (see IdsChecked).
 */
export type HelperAnswer = CsvPartAnswer | NumberListsAnswer | { kind: 'table-columns'; columns: TableColumns | null } | IdsChecked;

/**
 * The lists of numbers asked for; and when the table's columns were asked for too, the ids and place
 * names read for them (see ParseOptions.textElsewhere), by column name, where they read joined.
 */
export interface NumberListsAnswer {
  kind: 'number-lists';
  lists: NumberLists;
  texts?: Record<string, TextReadElsewhere>;
}

/**
 * The helper's check of a compact file's ids, which it reads for the table's columns: whether each
 * is an id and none repeats, or null when it could not read them. The lead packs without checking
 * them, and checks them itself when this has not come by the time it has posted the events.
 */
export interface IdsChecked {
  kind: 'ids-checked';
  idsUnique: boolean | null;
}

/** From the page to the lead, when the helper worker stopped: the lead then reads the whole file. */
export interface HelperFailed {
  type: 'helper-failed';
}

/** From the page to the lead while it builds the search index: the page's user is busy, so the index waits a moment. */
export interface PageBusy {
  type: 'page-busy';
}

/**
 * How far an import is: reading the file (no fraction), parsing and packing it, or reading it
 * again with one worker because an event id repeats (see IdsChecked), which reports each repeat.
 */
export type ImportPhase = 'reading' | 'parsing' | 'reading-again';

export type WorkerReply =
  | { type: 'progress'; phase: ImportPhase; fraction: number }
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

/**
 * A JSON file of NUMBERS_HELPER_MIN_BYTES or more is read by two workers where the machine has
 * NUMBERS_HELPER_MIN_CORES or more. The helper's part is CPU work alone, which two cores did run
 * side by side; smaller files gain too little for a second worker's start.
 */
export const NUMBERS_HELPER_MIN_BYTES = 32 * 1024 * 1024;
export const NUMBERS_HELPER_MIN_CORES = 2;

/**
 * A UCDP or mapped CSV file from TWO_WORKERS_MIN_BYTES to TWO_WORKERS_MAX_BYTES is read by two
 * workers where the machine has TWO_WORKERS_MIN_CORES cores or more (an ACLED file is packed by one
 * as it is read: see readsInTwoParts). Measured on 2 cores, two workers were no faster
 * than one (the page, the garbage collector and the two workers shared the cores); smaller files
 * open fast enough with one, and larger ones would hold the text twice in one tab.
 */
export const TWO_WORKERS_MIN_BYTES = 8 * 1024 * 1024;
export const TWO_WORKERS_MAX_BYTES = 200 * 1024 * 1024;
export const TWO_WORKERS_MIN_CORES = 4;
