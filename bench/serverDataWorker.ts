// A worker of bench/serverData.ts: generated ACLED rows, chunk by chunk, through the app's importer
// (as `npm run import` reads a CSV) and appended to a part database (ROWS_SCHEMA_SQL), rows numbered
// by their place in the generated sequence; then the merged dataset fields and reports go back.
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { importText } from '../src/io/importer.ts';
import { mergeInto } from '../src/io/merge.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import type { DatasetInfo } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { appendEventRows, ROWS_SCHEMA_SQL } from '../server/duckdbLoad.ts';
import { datasetInfoOf } from '../server/eventRows.ts';

export interface PartJob {
  path: string;
  chunks: { first: number; count: number }[];
}

export interface PartDone {
  info: DatasetInfo;
  reports: ImportReport[];
}

// No top-level await: tsx loads a worker's module as CommonJS.
async function main(): Promise<void> {
  const job = workerData as PartJob;
  const instance = await DuckDBInstance.create(job.path);
  const connection = await instance.connect();
  await connection.run(ROWS_SCHEMA_SQL);
  let info: DatasetInfo | null = null;
  const reports: ImportReport[] = [];
  for (const { first, count } of job.chunks) {
    const result = importText({ text: acledCsv(generatedAcledRows(count, 7, 400, first)), fileName: 'bench.csv' });
    if (result.kind !== 'done') throw new Error(`generated rows did not import (${result.kind})`);
    reports.push(result.report);
    if (info) {
      const merged = mergeInto(info, () => false, result.dataset);
      // The parts' events keep their actors' ids: a renamed actor would need the rows renamed too.
      if ([...merged.mergedActors].some(([from, to]) => from !== to)) throw new Error('an actor was renamed in the merge');
      info = merged.info;
    } else info = datasetInfoOf(result.dataset);
    await appendEventRows(connection, result.dataset, first);
    parentPort!.postMessage({ progress: count });
  }
  await connection.run('CHECKPOINT');
  connection.closeSync();
  instance.closeSync();
  parentPort!.postMessage({ done: { info: info!, reports } satisfies PartDone });
}

void main();
