// Reads a file and imports it: refuses huge and binary files first, then parses with progress.
// Runs inside the import worker; kept apart from it so that tests can call it directly.
import { sniffBinary } from './detect.ts';
import { formatBytes } from '../storage/formatBytes.ts';
import { importCsvFirstPart, importCsvPart, importTextPacked, middleLine, type CsvPartAnswer, type ImportRequest, type ImportResult, type PackedImport } from './importer.ts';
import { computeColumns, transferablesOf } from '../table/eventTable.ts';
import { packEvents, packedColumnReader, packedTransferables } from '../table/packedEvents.ts';
import type { Dataset } from '../model/schema.ts';
import { MAX_FILE_BYTES, type ImportJob, type WorkerReply } from './workerProtocol.ts';

/** Why a file is refused before it is read (too large, or binary), or null. */
async function refusal(job: ImportJob): Promise<string | null> {
  const { file, fileName } = job;
  if (file.size > MAX_FILE_BYTES) {
    return `${fileName} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be opened. Split it into smaller files (by year or by country, say) and open them with "Add to current data".`;
  }
  const binary = sniffBinary(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  return binary ? `${fileName} is ${binary}, not a dataset.` : null;
}

/**
 * The job in one worker, or as the lead of two when `helperAnswer` is given: then a CSV's rows
 * before the middle line are read here, and the helper's answer gives the rest.
 */
export async function runJob(job: ImportJob, send: (reply: WorkerReply, transfer?: ArrayBuffer[]) => void, helperAnswer?: Promise<CsvPartAnswer | null>): Promise<void> {
  const refused = await refusal(job);
  if (refused) {
    send({ type: 'result', result: { kind: 'not-a-dataset', message: refused } });
    return;
  }
  send({ type: 'progress', phase: 'reading', fraction: 0 });
  const text = await job.file.text();
  send({ type: 'progress', phase: 'parsing', fraction: 0 });
  let last = 0;
  const request = {
    ...requestFor(job, text),
    onProgress(fraction: number) {
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        send({ type: 'progress', phase: 'parsing', fraction });
      }
    },
  };
  let result: ImportResult | PackedImport;
  if (helperAnswer) {
    const first = importCsvFirstPart(request, middleLine(text));
    result = 'kind' in first ? first : first.join(await helperAnswer);
  } else {
    result = importTextPacked(request);
  }
  if (result.kind === 'done' || result.kind === 'packed') {
    // Packed and indexed here, off the page's thread; the typed arrays move to the page without a copy.
    const packed = result.kind === 'packed' ? result.packed : packDataset(result.dataset);
    const columns = computeColumns(packedColumnReader(packed), packed.info.actors);
    send({ type: 'result', result: { kind: 'packed', packed, report: result.report, columns } }, [...transferablesOf(columns), ...packedTransferables(packed)]);
    return;
  }
  send({ type: 'result', result });
}

const packDataset = ({ events, ...info }: Dataset) => packEvents(info, events);

const requestFor = (job: ImportJob, text: string): ImportRequest => ({
  text,
  fileName: job.fileName,
  ...(job.format ? { format: job.format } : {}),
  ...(job.mapping ? { mapping: job.mapping } : {}),
});

/** The helper's job: the rows from the middle line on, answered to the lead. */
export async function runHelperJob(job: ImportJob, answer: (part: CsvPartAnswer) => void): Promise<void> {
  if (await refusal(job)) return answer({ kind: 'none' });
  const text = await job.file.text();
  answer(importCsvPart(requestFor(job, text), middleLine(text)));
}
