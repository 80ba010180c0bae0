// `npm run bench` (second part): how long importing an ACLED CSV takes in Node: with the code the
// app's worker runs (importTextPacked: ACLED rows go straight into packed events), and into events
// (importText, as `npm run import` reads it: the same, then each event built from the packed
// columns), and in parts at once on worker threads (as the worker's helpers read a large ACLED
// CSV). Issue #22 retired the compact JSON and its column here. It reports; it asserts nothing.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { importCsvInParts, type PartResult, type PartReader } from '../src/io/fileParts.ts';
import { importText, importTextPacked } from '../src/io/importer.ts';
import { acledCsv, generatedAcledRows, toMonadic, ACLED_CURRENT_COLUMNS, ACLED_DYADIC_ONLY, type AcledRow } from '../src/testing/acledFixture.ts';
import { rStyleCsv, type RCell } from '../src/testing/rStyleCsv.ts';
import { duckdbParquet, textParquet } from '../src/testing/columnarFixture.ts';
import { importColumnar } from '../src/io/columnarImport.ts';
import { datasetToParquet } from '../src/io/appParquet.ts';
import { eventsToCsv } from '../src/export/eventsCsv.ts';

const sizes = (process.env.BENCH_IMPORT_ROWS ?? '10000,100000').split(',').map(Number);

/** What `run` gives, and how long it took in ms. */
function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}
// The app's helpers read a large ACLED CSV in parts at once (fileParts.ts); here Node's worker
// threads stand in for them, a part each, as many as the machine has cores (up to 4). They are
// started, and their TypeScript compiled, before the clock starts: the app's helpers load in
// milliseconds, bundled.
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./partsWorker.ts', import.meta.url).href)}); })`;
const startedWorkers = (n: number) =>
  Promise.all(Array.from({ length: n }, () => new Promise<Worker>((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true });
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  })));
const inWorkerThreads = (workers: Worker[]): PartReader => ({
  cores: workers.length,
  minPartBytes: 1 << 20,
  read: (parts) =>
    Promise.all(
      parts.map(
        (part, k) =>
          new Promise<PartResult>((resolve, reject) => {
            workers[k]!.once('message', resolve);
            workers[k]!.once('error', reject);
            workers[k]!.postMessage(part);
          }),
      ),
    ),
});
const lines: string[] = [];
for (const n of sizes) {
  const text = acledCsv(generatedAcledRows(n));
  const [result, csvMs] = timed(() => importText({ text, fileName: 'bench.csv' }));
  if (result.kind !== 'done') throw new Error(result.kind);
  const [packedCsv, packedCsvMs] = timed(() => importTextPacked({ text, fileName: 'bench.csv' }));
  if (packedCsv.kind !== 'packed') throw new Error(`the CSV was not packed (${packedCsv.kind})`);
  const workers = await startedWorkers(Math.min(4, os.cpus().length));
  const partsStart = performance.now();
  const inParts = await importCsvInParts({ file: new Blob([text]), fileName: 'bench.csv' }, inWorkerThreads(workers));
  const partsMs = performance.now() - partsStart;
  await Promise.all(workers.map((worker) => worker.terminate()));
  if (inParts?.kind !== 'posted' || inParts.report.imported !== packedCsv.report.imported) throw new Error('the CSV was not read in parts');
  lines.push(`| ${n.toLocaleString('en-GB')} | ${(text.length / 1e6).toFixed(0)} MB | ${(csvMs / 1000).toFixed(1)} s | ${(packedCsvMs / 1000).toFixed(1)} s | ${(partsMs / 1000).toFixed(1)} s |`);
}
// The same rows as an analyst's R session leaves them: ACLED's monadic layout (a row per actor),
// written by write.csv (strings quoted, every empty cell NA). Before #21 the app rejected every
// event's second row and showed actors and places named "NA"; now it merges the rows and reads NA
// as missing, and this says what that costs against the plain dyadic file above.
const monadicColumns = ACLED_CURRENT_COLUMNS.filter((c) => !(ACLED_DYADIC_ONLY as readonly string[]).includes(c));
const asR = (row: AcledRow): Record<string, RCell> => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ? v : null]));
const rLines: string[] = [];
for (const n of sizes) {
  const rows = toMonadic(generatedAcledRows(n));
  const text = rStyleCsv(monadicColumns, rows.map(asR));
  const [result, csvMs] = timed(() => importText({ text, fileName: 'bench-monadic.csv' }));
  if (result.kind !== 'done') throw new Error(result.kind);
  const [packed, packedMs] = timed(() => importTextPacked({ text, fileName: 'bench-monadic.csv' }));
  if (packed.kind !== 'packed') throw new Error(`the monadic CSV was not packed (${packed.kind})`);
  const na = result.report.missingTokens.find((m) => m.token === 'NA')?.cells ?? 0;
  rLines.push(`| ${n.toLocaleString('en-GB')} | ${rows.length.toLocaleString('en-GB')} | ${(text.length / 1e6).toFixed(0)} MB | ${result.report.mergedRows.toLocaleString('en-GB')} | ${na.toLocaleString('en-GB')} | ${(csvMs / 1000).toFixed(1)} s | ${(packedMs / 1000).toFixed(1)} s |`);
}

console.log(`Import, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`| ACLED rows | CSV size | CSV into events | CSV packed (the worker) | CSV packed in ${Math.min(4, os.cpus().length)} parts at once (worker threads, as the worker's helpers) |`);
console.log('|---:|---:|---:|---:|---:|');
for (const line of lines) console.log(line);
console.log('');
console.log('| events | monadic rows (R, NA) | CSV size | rows merged | NA cells | CSV into events | CSV packed (the worker) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const line of rLines) console.log(line);

// Parquet (issue #22, so far): the same events as an ACLED-layout Parquet that DuckDB writes
// (typed, zstd) and as the app's own Parquet, each read the worker's way (importColumnar), beside
// the CSV above. The app's Parquet is packed from its columns (appParquetPacked.ts).
const pLines: string[] = [];
for (const n of sizes) {
  const csv = acledCsv(generatedAcledRows(n));
  const acledParquet = await duckdbParquet(csv, { event_date: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', fatalities: 'INTEGER', year: 'INTEGER', timestamp: 'BIGINT' }, 'zstd');
  const t0 = performance.now();
  const acled = await importColumnar(acledParquet, 'bench.parquet', { packed: true });
  const acledMs = performance.now() - t0;
  if (acled.kind !== 'packed') throw new Error(`the ACLED Parquet was not packed (${acled.kind})`);
  const events = importText({ text: csv, fileName: 'bench.csv' });
  if (events.kind !== 'done') throw new Error(events.kind);
  const t1 = performance.now();
  const app = datasetToParquet(events.dataset);
  const writeMs = performance.now() - t1;
  const t2 = performance.now();
  const back = await importColumnar(app.buffer.slice(app.byteOffset, app.byteOffset + app.byteLength) as ArrayBuffer, 'bench-app.parquet', { packed: true });
  const appMs = performance.now() - t2;
  if (back.kind !== 'packed') throw new Error(`the app's Parquet was not packed (${back.kind})`);
  pLines.push(`| ${n.toLocaleString('en-GB')} | ${(csv.length / 1e6).toFixed(0)} MB | ${(acledParquet.byteLength / 1e6).toFixed(1)} MB | ${(acledMs / 1000).toFixed(1)} s | ${(app.byteLength / 1e6).toFixed(1)} MB | ${(writeMs / 1000).toFixed(1)} s | ${(appMs / 1000).toFixed(1)} s |`);
}
console.log('');
console.log("| ACLED rows | CSV size | ACLED Parquet (DuckDB, zstd) | read (the worker) | the app's Parquet | written | read (the worker) |");
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const line of pLines) console.log(line);

// The same rows as JSON records (what the ACLED API answers, {"data": [...]}, every value text,
// and as JSON Lines, a record a line), read the worker's way (importTextPacked: parsed, then each
// record through the CSV's row reader), beside the CSV; and as an all-text Parquet whose dates a US spreadsheet wrote (9/13/2022), whose
// date order is sampled before its rows are read, beside the same file with ISO dates.
const jLines: string[] = [];
const usDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${Number(m)}/${Number(d)}/${y}`);
for (const n of sizes) {
  const rows = generatedAcledRows(n);
  const csv = acledCsv(rows);
  const json = JSON.stringify({ status: 200, success: true, count: n, data: rows });
  const [fromCsv, csvMs] = timed(() => importTextPacked({ text: csv, fileName: 'bench.csv' }));
  const [fromJson, jsonMs] = timed(() => importTextPacked({ text: json, fileName: 'bench.json' }));
  const jsonLines = `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
  const [fromLines, linesMs] = timed(() => importTextPacked({ text: jsonLines, fileName: 'bench.jsonl' }));
  if (fromCsv.kind !== 'packed' || fromJson.kind !== 'packed' || fromJson.report.imported !== fromCsv.report.imported) throw new Error('the records were not read as the CSV');
  if (fromLines.kind !== 'packed' || fromLines.report.imported !== fromCsv.report.imported) throw new Error('the JSON Lines were not read as the CSV');
  const iso = textParquet(ACLED_CURRENT_COLUMNS, rows, 100_000);
  const us = textParquet(ACLED_CURRENT_COLUMNS, rows.map((row) => ({ ...row, event_date: usDate(row.event_date!) })), 100_000);
  const t0 = performance.now();
  const isoRead = await importColumnar(iso, 'iso.parquet', { packed: true });
  const isoMs = performance.now() - t0;
  const t1 = performance.now();
  const usRead = await importColumnar(us, 'us.parquet', { packed: true });
  const usMs = performance.now() - t1;
  if (isoRead.kind !== 'packed' || usRead.kind !== 'packed' || usRead.report.imported !== isoRead.report.imported) throw new Error('the US-dated Parquet was not read as the ISO one');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  jLines.push(`| ${n.toLocaleString('en-GB')} | ${(csv.length / 1e6).toFixed(0)} MB | ${s(csvMs)} | ${(json.length / 1e6).toFixed(0)} MB | ${s(jsonMs)} | ${s(linesMs)} | ${s(isoMs)} | ${s(usMs)} |`);
}
console.log('');
console.log('| ACLED rows | CSV size | CSV packed (the worker) | ACLED API JSON size | JSON records packed (the worker) | the same as JSON Lines | all-text Parquet, ISO dates | the same, US dates (order sampled) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of jLines) console.log(line);

// The app's own exports read back, the worker's way, of the same events: the CSV (as an analyst
// edits it in a spreadsheet: each row through the schema), the JSON and the Parquet.
const eLines: string[] = [];
for (const n of sizes) {
  const acled = importText({ text: acledCsv(generatedAcledRows(n)), fileName: 'bench.csv' });
  if (acled.kind !== 'done') throw new Error(acled.kind);
  const { dataset } = acled;
  const csv = eventsToCsv(dataset.events, dataset.actors, 'en');
  const json = JSON.stringify(dataset);
  const parquet = datasetToParquet(dataset);
  const [fromCsv, csvMs] = timed(() => importTextPacked({ text: csv, fileName: 'events.csv' }));
  const [fromJson, jsonMs] = timed(() => importTextPacked({ text: json, fileName: 'events.json' }));
  const t0 = performance.now();
  const fromParquet = await importColumnar(parquet.buffer, 'events.parquet', { packed: true });
  const parquetMs = performance.now() - t0;
  const imported = (r: { kind: string; report?: { imported: number } }) => (r.kind === 'done' || r.kind === 'packed' ? r.report!.imported : -1);
  if (imported(fromCsv) !== n || imported(fromJson) !== n || imported(fromParquet) !== n) throw new Error("the app's exports were not read back whole");
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  eLines.push(`| ${n.toLocaleString('en-GB')} | ${mb(Buffer.byteLength(csv))} | ${s(csvMs)} | ${mb(Buffer.byteLength(json))} | ${s(jsonMs)} | ${mb(parquet.byteLength)} | ${s(parquetMs)} |`);
}
console.log('');
console.log("| events | the app's CSV | read (the worker) | the app's JSON | read (the worker) | the app's Parquet | read (the worker) |");
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const line of eLines) console.log(line);
