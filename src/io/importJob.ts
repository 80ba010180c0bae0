// Reads a file and imports it: refuses huge and binary files first, then parses with progress.
// Runs inside the import worker; kept apart from it so that tests can call it directly.
import { sniffBinary } from './detect.ts';
import { formatBytes } from '../storage/formatBytes.ts';
import { importText } from './importer.ts';
import { computeTableColumns, transferablesOf } from '../table/eventTable.ts';
import { MAX_FILE_BYTES, type ImportJob, type WorkerReply } from './workerProtocol.ts';

export async function runJob(job: ImportJob, send: (reply: WorkerReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { file, fileName } = job;
  if (file.size > MAX_FILE_BYTES) {
    const message = `${fileName} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be opened. Split it into smaller files (by year or by country, say) and open them with "Add to current data".`;
    send({ type: 'result', result: { kind: 'not-a-dataset', message } });
    return;
  }
  const binary = sniffBinary(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  if (binary) {
    send({ type: 'result', result: { kind: 'not-a-dataset', message: `${fileName} is ${binary}, not a dataset.` } });
    return;
  }
  send({ type: 'progress', phase: 'reading', fraction: 0 });
  const text = await file.text();
  send({ type: 'progress', phase: 'parsing', fraction: 0 });
  let last = 0;
  const result = importText({
    text,
    fileName,
    ...(job.format ? { format: job.format } : {}),
    ...(job.mapping ? { mapping: job.mapping } : {}),
    onProgress(fraction) {
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        send({ type: 'progress', phase: 'parsing', fraction });
      }
    },
  });
  if (result.kind === 'done') {
    // Index here too, off the page's thread; the typed columns move to the page without a copy.
    const columns = computeTableColumns(result.dataset);
    send({ type: 'result', result: { ...result, columns } }, transferablesOf(columns));
    return;
  }
  send({ type: 'result', result });
}
