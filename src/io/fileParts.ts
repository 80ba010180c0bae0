// A large ACLED or UCDP GED file read in parts at once, one per core: the import worker finds where
// the parts start (a CSV's bytes here; a Parquet or Arrow file's row groups in columnarImport.ts),
// helper workers read one each (partWorker.ts), and the worker joins them into the packed events
// and the report that reading the file whole gives. Reading rows is most of an open, and it is
// the same work for every row, so parts divide it.
//
// Rows never interact across parts in a file worth splitting, with three exceptions, each found
// when the parts are joined: an id that a later part repeats, an actor that two parts named with
// different ids, text whose languages two parts order differently. Any of these, or a part cut
// inside a quoted cell, and the file is read whole instead: a split never changes the result.
import type { Actor } from '../model/schema.ts';
import type { PackedEvents } from '../table/packedEvents.ts';
import { idLookupOfColumn } from '../table/idLookup.ts';
import { mergePacked } from './packedMerge.ts';
import { utf8Column } from '../table/utf8Column.ts';
import { packedForMoving, type PostedPackedEvents } from './packedPost.ts';
import { actorNameKey } from '../model/actors.ts';
import { acledDatasetInfo, missingAcledColumns } from './acled.ts';
import { ACLED_PREVIEW_COLUMNS, createAcledPreviewRows, dayReader, type AcledPreviewColumn } from './acledPreview.ts';
import type { ImportPreview } from './appParquetPreview.ts';
import { createAcledPackedImport } from './acledPacked.ts';
import { createUcdpImport, ucdpDatasetTitle } from './ucdp.ts';
import { createUcdpPreviewRows } from './ucdpPreview.ts';
import { isMonadicAcled } from './acledRow.ts';
import { blankLinesNote, eachCsvRecord, isHxlRow, lineCount, previewCsv, readCsvRows, sampleColumn, sampleFileSlices } from './csv.ts';
import { DAY_FIRST, dayOrderNote, dayOrderOf, type FileDayOrder, type FileForm } from './dates.ts';
import { delimiterOf, detectFormat, FORMAT_LABEL, type ImportFormat } from './detect.ts';
import { notADataset, type ImportResult } from './importer.ts';
import { MAX_ROWS, tooManyRows } from './limits.ts';
import { createReportBuilder, mergeReports, type ImportReport } from './report.ts';

/** A part of a CSV file (bytes [from, to) of it), and where it starts in the file. */
export interface CsvPart {
  format: PartFormat;
  file: Blob;
  from: number;
  to: number;
  fileName: string;
  /** The file's header fields (trimmed). */
  header: string[];
  /** The first part holds the header row itself; a later one starts on this line and spreadsheet row. */
  start: { line: number; row: number } | null;
  maxRows: number;
  /** The file is large enough to preview: the part gives its rows' days and types before reading them (see PartPreview). */
  preview: boolean;
  /** The order of the file's numeric dates, sampled through the whole file (see dayOrderOf). */
  dates: FileDayOrder;
  /** The cell delimiter: a comma, unless a spreadsheet saved the file with another (see delimiterOf). */
  delimiter: string;
}

/**
 * Row groups [from, to) of an ACLED or UCDP GED Parquet or Arrow file, or of the app's Parquet
 * (row groups, record batches: see columnarImport.ts), whose first row is row `firstRow` of the
 * file (from 1).
 */
export interface ColumnarPart {
  file: Blob;
  fileName: string;
  groups: { from: number; to: number };
  firstRow: number;
  /** The order of the file's numeric dates, sampled through the whole file (see columnarDates.ts). */
  dates: FileDayOrder;
}

/** A part of a file, CSV or columnar. */
export type FilePart = CsvPart | ColumnarPart;

/** A part read: its rows packed (as posted from its worker), its report, and what joining it to the others needs. */
export interface PartResult {
  packed: PostedPackedEvents;
  report: ImportReport;
  layout: string;
  blankLines: number;
  /** A quoted cell was left open: the part was cut inside it, or the file is malformed there. */
  openQuote: boolean;
  tooManyRows: boolean;
  /** The ids of rows rejected after their id was read (kept rows' ids are in `packed`). */
  rejectedIds: string[];
  /** The part read every id of the file and found none twice (the app's Parquet): no part can repeat another's. */
  idsDistinct?: boolean;
}

/** The formats whose CSV files are read in parts (with a header row, for UCDP GED). */
export type PartFormat = 'acled' | 'ucdp';

/** A part's rows' days and types, as acledPreview.ts or ucdpPreview.ts places them (rows it cannot place left out). */
export interface PartPreview {
  start: Float64Array;
  end: Float64Array;
  type: Uint8Array;
  /** Rows in the part, placed or not. */
  rows: number;
}

/** Hears part `part`'s preview: null where it has none (no row could be placed, or it could not be read). */
export type OnPartPreview = (part: number, preview: PartPreview | null) => void;

/** How parts are read: by helper workers in the browser (partWorker.ts), one after another in tests (src/testing/partReader.ts). */
export interface PartReader {
  /** Parts to make at most: the cores the machine has. */
  cores: number;
  /** Bytes a part of a CSV holds at least (MIN_PART_BYTES unless given). */
  minPartBytes?: number;
  /** Rows a part of a Parquet or Arrow file holds at least (see columnarImport.ts). */
  minPartRows?: number;
  /** Bytes a CSV holds at least for its parts to give a preview (PREVIEW_MIN_BYTES unless given). */
  minPreviewBytes?: number;
  read(parts: FilePart[], onProgress: (part: number, fraction: number) => void, onPreview?: OnPartPreview): Promise<PartResult[]>;
}

/** A file read in parts: its events packed as the page takes them (see packedPost.ts). */
export type PostedImport = { kind: 'posted'; posted: PostedPackedEvents; report: ImportReport };

/** Bytes a part holds at least: a smaller file is read whole, as starting a worker costs more than it gives. */
export const MIN_PART_BYTES = 4 * 1024 * 1024;
/**
 * Bytes a CSV holds at least for a preview: about PREVIEW_MIN_ROWS rows of ACLED (400 bytes a
 * row). A smaller file opens in about a second, and a preview would only flash.
 */
export const PREVIEW_MIN_BYTES = 20 * 1024 * 1024;
/** The share of a part's progress that its preview takes (one reading of its text of the two). */
const PREVIEW_SHARE = 0.2;
/** Parts at most: joining them is work on one core. */
const MAX_PARTS = 4;

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Where parts 2… of a CSV file of `size` bytes start, found in its first `bytes`: after a line
 * break outside any quoted cell, past the header and an HXL row, not after a blank line, near each
 * k/count of it. Each start's line and spreadsheet row are counted on the way (a quoted cell's
 * line breaks are lines, not rows). Null when the file has
 * no such place (one long line, or `\r` line ends). Quotes are told by their parity, as CSV
 * writers escape them ("" inside a quoted cell); a stray quote in an unquoted cell breaks the
 * parity, and then the part before ends inside a quoted cell as Papa Parse reads it, which the
 * reading of that part reports (openQuote). Quotes and line feeds are single bytes in UTF-8.
 */
export function csvPartStarts(bytes: Uint8Array, count: number, size = bytes.length): { at: number; line: number; row: number }[] | null {
  const starts: { at: number; line: number; row: number }[] = [];
  let inQuote = false;
  let lines = 0;
  let records = 0;
  let quote = bytes.indexOf(QUOTE);
  let next = (size * (starts.length + 1)) / count;
  for (let n = bytes.indexOf(LINE_FEED); n >= 0 && starts.length < count - 1; n = bytes.indexOf(LINE_FEED, n + 1)) {
    while (quote >= 0 && quote < n) {
      inQuote = !inQuote;
      quote = bytes.indexOf(QUOTE, quote + 1);
    }
    lines++;
    if (inQuote) continue;
    records++;
    const blankBefore = bytes[n - 1] === LINE_FEED || (bytes[n - 1] === CARRIAGE_RETURN && bytes[n - 2] === LINE_FEED);
    // From row 3 on (after the second record): the first part holds the header, and an HXL row
    // under it (see isHxlRow).
    if (n >= next && records >= 2 && !blankBefore && n + 1 < size) {
      starts.push({ at: n + 1, line: lines + 1, row: records + 1 });
      next = (size * (starts.length + 1)) / count;
    }
  }
  return starts.length === count - 1 ? starts : null;
}

/** Bytes read past the last part's target, to find a line break there: rows are far shorter. */
const SCAN_MARGIN = 1 << 20;

/** Characters of a file's start read to tell its format and header. */
const HEAD_BYTES = 1 << 16;

/**
 * The parts to read a text file in, or null when it is read whole: it is not an ACLED or UCDP GED
 * CSV with its header row (other files are read whole), it is in ACLED's monadic layout (an event's
 * rows may fall in two parts), it may have more rows than allowed (the whole reading says so
 * exactly), or it is too small.
 */
export async function planCsvParts(
  file: Blob,
  fileName: string,
  options: { format?: ImportFormat; maxRows?: number; cores: number; minPartBytes?: number; minPreviewBytes?: number },
): Promise<CsvPart[] | null> {
  const preview = file.size >= (options.minPreviewBytes ?? PREVIEW_MIN_BYTES);
  // A file to preview is read by a helper even on one core: its preview comes from its parts.
  const count = Math.max(preview ? 1 : 0, Math.min(options.cores, MAX_PARTS, Math.floor(file.size / (options.minPartBytes ?? MIN_PART_BYTES))));
  if (count < (preview ? 1 : 2) || (options.format !== undefined && options.format !== 'acled' && options.format !== 'ucdp')) return null;
  const head = await file.slice(0, HEAD_BYTES).text();
  const detected = options.format === undefined ? detectFormat(head) : null;
  const format = options.format ?? (detected?.ok ? detected.format : null);
  if (format !== 'acled' && format !== 'ucdp') return null;
  const delimiter = delimiterOf(head, format);
  const header = (previewCsv(head, 1, delimiter)[0] ?? []).map((c) => c.trim());
  if (format === 'acled' && (missingAcledColumns(header).length || isMonadicAcled(header))) return null;
  if (format === 'ucdp' && !['id', 'date_start'].every((name) => header.some((column) => column.toLowerCase() === name))) return null;
  const maxRows = options.maxRows ?? MAX_ROWS;
  // The bytes up to the last part: a quote's parity is counted from the start. A file of more
  // rows than allowed is told by its parts, each of which stops reading past maxRows.
  const scanned = Math.ceil((file.size * (count - 1)) / count) + SCAN_MARGIN;
  const bytes = new Uint8Array(await file.slice(0, scanned).arrayBuffer());
  const starts = csvPartStarts(bytes, count, file.size);
  if (!starts) return null;
  const ends = [...starts.map((s) => s.at), file.size];
  // Every part reads numeric dates in one order, the file's (UCDP GED's date_end in date_start's).
  const dateColumn = header.findIndex((name) => name.toLowerCase() === (format === 'acled' ? 'event_date' : 'date_start'));
  const dates = dateColumn < 0 ? DAY_FIRST : dayOrderOf(sampleColumn(await sampleFileSlices(file), dateColumn, header.length, delimiter));
  return [
    { format, file, from: 0, to: ends[0]!, fileName, header, start: null, maxRows, preview, dates, delimiter },
    ...starts.map(({ at, line, row }, k) => ({ format, file, from: at, to: ends[k + 1]!, fileName, header, start: { line, row }, maxRows, preview, dates, delimiter })),
  ];
}

/** How the part's file writes dates and decimals. */
const formOf = (part: CsvPart): FileForm => ({ dates: part.dates, decimalComma: part.delimiter !== ',' });

/** How a part's rows are read, as readCsvRows takes it. */
const csvOptionsOf = (part: CsvPart) => ({
  hasHeader: part.start === null,
  delimiter: part.delimiter,
  maxRows: part.maxRows,
  ...(part.start ? { part: { ...part.start, header: part.header } } : {}),
});

/**
 * A part's preview: its text parsed once more, for the few columns the preview takes. That adds
 * about a quarter to reading the part; the first frame comes in about a third of the time the
 * whole takes. Null where no row can be placed, or where the part has more rows than allowed.
 */
function previewCsvPart(text: string, part: CsvPart, onProgress: (fraction: number) => void): PartPreview | null {
  const byName = new Map(part.header.map((name, k) => [name.toLowerCase(), k]));
  const at = Object.fromEntries(ACLED_PREVIEW_COLUMNS.map((name) => [name, byName.get(name) ?? -1])) as Record<AcledPreviewColumn, number>;
  const acled = createAcledPreviewRows(dayReader(undefined, part.dates.order), text.length / 256, part.delimiter !== ',');
  const preview = part.format === 'ucdp' ? createUcdpPreviewRows(part.header, formOf(part)) : { add: (cells: readonly string[]) => acled.add((column) => cells[at[column]]), preview: acled.preview };
  let header = part.start === null;
  let rows = 0;
  const complete = eachCsvRecord(
    text,
    part.delimiter,
    (cells) => {
      // The first part's header row, and an HXL row under it (see isHxlRow); a blank line.
      if (header) return void (header = false);
      if ((cells.length === 1 && cells[0]!.trim() === '') || (rows === 0 && part.start === null && isHxlRow(cells))) return;
      if (++rows > part.maxRows) return false;
      preview.add(cells);
    },
    onProgress,
  );
  const drawn = complete ? preview.preview(null, rows) : null;
  return drawn && { start: drawn.start, end: drawn.end, type: drawn.type, rows };
}

/** Reads one part's rows (in whichever worker), after its preview where it is to give one. */
export async function readCsvPart(part: CsvPart, onProgress?: (fraction: number) => void, onPreview?: (preview: PartPreview | null) => void): Promise<PartResult & { packed: PackedEvents }> {
  // Fatal: a part that is not UTF-8 fails the parts, and the whole read says where (textEncoding.ts).
  const text = new TextDecoder('utf-8', { fatal: true }).decode(await part.file.slice(part.from, part.to).arrayBuffer());
  const share = part.preview && onPreview ? PREVIEW_SHARE : 0;
  if (share) {
    let preview: PartPreview | null = null;
    try {
      preview = previewCsvPart(text, part, (fraction) => onProgress?.(fraction * share));
    } catch {
      // Without a preview the part is still read.
    }
    onPreview!(preview);
  }
  const report = createReportBuilder(part.fileName, FORMAT_LABEL[part.format]);
  const rejectedIds: string[] = [];
  const sink = (part.format === 'ucdp' ? createUcdpImport : createAcledPackedImport)(part.header, part.fileName, lineCount(text), rejectedIds, formOf(part));
  let blankLines = 0;
  let openQuote = false;
  const read = readCsvRows(text, sink, report, {
    ...csvOptionsOf(part),
    ...(onProgress ? { onProgress: (fraction: number) => onProgress(share + (1 - share) * fraction) } : {}),
    onBlankLines: (n) => void (blankLines = n),
    onOpenQuote: () => void (openQuote = true),
  });
  const packed = sink.packed();
  return { packed, report: report.finish(), layout: sink.layout, blankLines, openQuote, tooManyRows: read === 'too-many-rows', rejectedIds };
}

/** Reads one part of either kind (in whichever worker); the columnar readers load only for a columnar part. */
export async function readPart(part: FilePart, onProgress?: (fraction: number) => void, onPreview?: (preview: PartPreview | null) => void): Promise<PartResult & { packed: PackedEvents }> {
  if ('groups' in part) return (await import('./columnarImport.ts')).readColumnarPart(part, onProgress);
  return readCsvPart(part, onProgress, onPreview);
}

/** Reads one part as a helper worker posts it: its text as UTF-8, with the buffers to move (none kept). */
export async function readPartForPosting(part: FilePart, onProgress?: (fraction: number) => void, onPreview?: (preview: PartPreview | null) => void): Promise<{ result: PartResult; transfer: ArrayBuffer[] }> {
  const read = await readPart(part, onProgress, onPreview);
  const { posted, transfer } = packedForMoving(read.packed);
  return { result: { ...read, packed: posted }, transfer };
}

/**
 * The actors of the parts as one registry would have made them, reading the parts in order; null
 * where it would not have given an actor the id its part did (two names a period suffix or case
 * apart, met in another order; an id taken by another actor).
 */
export function mergeActors(lists: readonly (readonly Actor[])[]): Actor[] | null {
  const merged: Actor[] = lists[0]!.map((actor) => ({ ...actor, aliases: [...actor.aliases] }));
  const byKey = new Map(merged.map((actor) => [actorNameKey(actor.names.en ?? ''), actor]));
  const ids = new Set(merged.map((actor) => actor.id));
  for (const list of lists.slice(1)) {
    for (const actor of list) {
      const known = byKey.get(actorNameKey(actor.names.en ?? ''));
      if (!known) {
        if (ids.has(actor.id)) return null;
        const added = { ...actor, aliases: [...actor.aliases] };
        merged.push(added);
        byKey.set(actorNameKey(actor.names.en ?? ''), added);
        ids.add(actor.id);
        continue;
      }
      if (known.id !== actor.id || known.names.en !== actor.names.en) return null;
      // A registry upgrades an actor first seen without a kind, and adds each new alias.
      if (known.kind === 'other') known.kind = actor.kind;
      for (const alias of actor.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
    }
  }
  return merged;
}

/**
 * Whether a part reads an id that an earlier part kept: its row would have been rejected as a
 * repeat. A part keeps each id once, so any id kept twice is kept by two parts.
 */
function idsCross(results: readonly PartResult[], packed: PostedPackedEvents): boolean {
  let cross = false;
  const ids = idLookupOfColumn('text' in packed.id ? packed.id : utf8Column(packed.id), Uint32Array.from({ length: packed.size }, (_, row) => row), () => void (cross = true));
  let before = 0;
  for (const { packed: part, rejectedIds } of results) {
    if (rejectedIds.some((id) => (ids.get(id) ?? Infinity) < before)) return true;
    before += part.size;
  }
  return cross;
}

/**
 * The parts read, joined: the packed events and report of the whole file, 'too-many-rows', or
 * null when the file must be read whole to be read exactly (see the top of this file).
 */
export function joinParts(results: readonly PartResult[], maxRows: number): PostedImport | 'too-many-rows' | null {
  if (results.some((r) => r.tooManyRows) || results.reduce((n, r) => n + r.report.rowsRead, 0) > maxRows) return 'too-many-rows';
  // A file none of whose rows could be read is refused by the whole reading, which says why.
  if (results.slice(0, -1).some((r) => r.openQuote) || results.every((r) => r.report.rowsRead === 0)) return null;
  // Parts of the app's Parquet each give the file's own actors; ACLED parts each register theirs.
  const lists = results.map((r) => JSON.stringify(r.packed.info.actors));
  const actors = lists.every((list) => list === lists[0]) ? results[0]!.packed.info.actors : mergeActors(results.map((r) => r.packed.info.actors));
  if (!actors) return null;
  const packed = mergePacked(
    results.map((r) => r.packed),
    { ...results[0]!.packed.info, actors },
  );
  // Looking for an id two parts kept costs a table of every id: where the parts found the file's ids distinct, there is none.
  if (!packed || (!results.every((r) => r.idsDistinct) && idsCross(results, packed))) return null;
  const report = mergeReports(results.map((r) => r.report));
  const blank = blankLinesNote(results.reduce((n, r) => n + r.blankLines, 0));
  if (blank) report.notes.push(blank);
  report.format = results[0]!.layout;
  return { kind: 'posted', posted: packed, report };
}

/**
 * The parts' previews as one, in the file's order; null where a part has none, or where the parts
 * hold more rows than allowed (the file is then refused): the page waits for the whole file.
 */
function joinPartPreviews(previews: readonly (PartPreview | null)[], title: string, maxRows: number): ImportPreview | null {
  if (previews.some((p) => p === null)) return null;
  const parts = previews as PartPreview[];
  if (parts.reduce((n, p) => n + p.rows, 0) > maxRows) return null;
  const size = parts.reduce((n, p) => n + p.start.length, 0);
  const start = new Float64Array(size);
  const end = new Float64Array(size);
  const type = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    start.set(part.start, at);
    end.set(part.end, at);
    type.set(part.type, at);
    at += part.start.length;
  }
  return { title, start, end, type, rows: parts.reduce((n, p) => n + p.rows, 0) };
}

/**
 * Parts read by `reader` and joined, with the progress of all of them (each part's `weight`: its
 * bytes or rows); null where the file must be read whole. `job.notes`: the report's notes on the
 * whole file, first, as reading it whole notes them before any row.
 */
export async function readAndJoinParts(
  parts: FilePart[],
  weights: readonly number[],
  reader: PartReader,
  job: { fileName: string; maxRows?: number; notes?: readonly string[] },
  onProgress?: (fraction: number) => void,
  onPreview?: (preview: ImportPreview) => void,
): Promise<ImportResult | PostedImport | null> {
  const total = weights.reduce((a, b) => a + b, 0);
  const done = parts.map(() => 0);
  const title = 'format' in parts[0]! && parts[0].format === 'ucdp' ? ucdpDatasetTitle(job.fileName) : acledDatasetInfo(job.fileName).title;
  const previews: (PartPreview | null | undefined)[] = parts.map(() => undefined);
  const results = await reader.read(
    parts,
    (k, fraction) => {
      done[k] = fraction * weights[k]!;
      onProgress?.(done.reduce((a, b) => a + b, 0) / total);
    },
    (k, preview) => {
      previews[k] = preview;
      const joined = previews.every((p) => p !== undefined) ? joinPartPreviews(previews as (PartPreview | null)[], title, job.maxRows ?? MAX_ROWS) : null;
      if (joined) onPreview?.(joined);
    },
  );
  const maxRows = job.maxRows ?? MAX_ROWS;
  const joined = joinParts(results, maxRows);
  if (joined && joined !== 'too-many-rows' && job.notes) joined.report.notes.unshift(...job.notes);
  return joined === 'too-many-rows' ? notADataset(job.fileName, tooManyRows(maxRows)) : joined;
}

/**
 * A text file read in parts at once, where it is an ACLED CSV worth splitting (see
 * planCsvParts), with the progress of all parts; null where it must be read whole.
 */
export async function importCsvInParts(
  job: { file: Blob; fileName: string; format?: ImportFormat; maxRows?: number },
  reader: PartReader,
  onProgress?: (fraction: number) => void,
  onPreview?: (preview: ImportPreview) => void,
): Promise<ImportResult | PostedImport | null> {
  const planned = await planCsvParts(job.file, job.fileName, {
    cores: reader.cores,
    ...(job.format ? { format: job.format } : {}),
    ...(job.maxRows !== undefined ? { maxRows: job.maxRows } : {}),
    ...(reader.minPartBytes !== undefined ? { minPartBytes: reader.minPartBytes } : {}),
    ...(reader.minPreviewBytes !== undefined ? { minPreviewBytes: reader.minPreviewBytes } : {}),
  });
  if (!planned) return null;
  const { format, dates } = planned[0]!;
  const datesNote = dayOrderNote(format === 'acled' ? 'event_date' : 'date_start', dates);
  return readAndJoinParts(planned, planned.map((part) => part.to - part.from), reader, { ...job, notes: datesNote ? [datesNote] : [] }, onProgress, onPreview);
}
