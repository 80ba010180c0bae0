// A file named on the command line read into a dataset by the app's own importers, with the same
// mapping, validation and report as in the app (and `npm run import`): ACLED or UCDP CSV or
// Parquet, the app's Parquet or JSON, an Arrow file. Text files with other columns are mapped by
// guess, as the CLI does without --map.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dataset } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { columnarKind } from '../src/io/columnarFormat.ts';
import { importColumnar } from '../src/io/columnarImport.ts';
import { importText, withFileNote } from '../src/io/importer.ts';
import { decodeText } from '../src/io/textEncoding.ts';
import { guessMapping } from '../src/io/csvMapping.ts';
import { sniffBinary } from '../src/io/detect.ts';
import { mergeDatasets } from '../src/io/merge.ts';
import { reportLines } from '../scripts/importCli.ts';

export type ReadDataset = { ok: true; dataset: Dataset; reports: ImportReport[]; lines: string[] } | { ok: false; message: string };

async function readOne(path: string): Promise<{ ok: true; dataset: Dataset; report: ImportReport } | { ok: false; message: string }> {
  const fileName = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, message: `${path} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (columnarKind(bytes.subarray(0, 8))) {
    const result = await importColumnar(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, fileName);
    if (result.kind === 'done') return { ok: true, dataset: result.dataset, report: result.report };
    return { ok: false, message: result.kind === 'not-a-dataset' ? result.message : `${fileName} could not be read` };
  }
  const binary = sniffBinary(bytes.subarray(0, 4096));
  if (binary) return { ok: false, message: `${fileName} is ${binary}, not a dataset.` };
  const { text, note } = decodeText(bytes, fileName);
  let result = importText({ text, fileName });
  if (result.kind === 'needs-mapping') result = importText({ text, fileName, format: 'csv', mapping: { ...guessMapping(result.columns), timeZone: 'UTC', language: 'en' } });
  withFileNote(result, note);
  if (result.kind === 'done') return { ok: true, dataset: result.dataset, report: result.report };
  return { ok: false, message: result.kind === 'not-a-dataset' ? result.message : `${fileName}: its columns could not be mapped` };
}

/** Every file read, then merged in order as "Add to current data" merges them; the first file that cannot be read stops it. */
export async function readDataset(paths: readonly string[]): Promise<ReadDataset> {
  let dataset: Dataset | null = null;
  const reports: ImportReport[] = [];
  const lines: string[] = [];
  for (const path of paths) {
    const one = await readOne(path);
    if (!one.ok) return one;
    reports.push(one.report);
    lines.push(...reportLines(one.report));
    if (!dataset) dataset = one.dataset;
    else {
      const merged = mergeDatasets(dataset, one.dataset);
      dataset = merged.dataset;
      // As "Add to current data" says it: an event an earlier file holds is kept from that file.
      const n = merged.duplicateEvents.length;
      if (n) lines.push(`${one.report.fileName}: ${n.toLocaleString('en-GB')} event${n === 1 ? ' was' : 's were'} already read from an earlier file (same id, e.g. "${merged.duplicateEvents[0]}"), and the earlier one${n === 1 ? ' is' : 's are'} kept`);
    }
  }
  if (!dataset) return { ok: false, message: 'no file given' };
  return { ok: true, dataset, reports, lines };
}
