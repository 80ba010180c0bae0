// The browser bench's input files, generated in Node from the same ACLED-like rows as bench/import.ts:
// at every size, the files our app opens (the app's own Parquet, an ACLED-layout Parquet written by
// DuckDB, the ACLED CSV) and the same events as vis-timeline items. Run as a child process, `tsx bench/browser/data.ts <n> <dir>`, so that a
// million events get a heap of their own (the runner passes --max-old-space-size); it prints the
// file list as JSON. Files are reused while the code that produces them is unchanged.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importText } from '../../src/io/importer.ts';
import { mergeDatasets } from '../../src/io/merge.ts';
import { createAppParquetWriter } from '../../src/io/appParquetWrite.ts';
import { acledCsv, generatedAcledRows } from '../../src/testing/acledFixture.ts';
import type { ColumnTypes } from '../../src/testing/columnarFixture.ts';
import type { Dataset } from '../../src/model/schema.ts';

/** The files our app is timed opening, in the order the runner opens them. */
export const FILE_KINDS = ['app Parquet', 'ACLED Parquet', 'ACLED CSV'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface BenchFile {
  kind: FileKind;
  /** What the file is, for the report (who wrote it, compression). */
  description: string;
  path: string;
  bytes: number;
}

export interface BenchFiles {
  n: number;
  /** What our app opens through "Open data file", in FILE_KINDS order. */
  appFiles: BenchFile[];
  /** vis-timeline items as [id, start ms, content, group] rows, and the groups. */
  visItems: string;
}

/** importText on one CSV of a million rows needs several GB (and the text passes V8's string limit); chunks of this size merge cheaply. */
const CHUNK = 100_000;
/** How DuckDB types the ACLED columns, as bench/import.ts does; the rest stay text. */
export const ACLED_PARQUET_TYPES: ColumnTypes = { event_date: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE', fatalities: 'INTEGER', year: 'INTEGER', timestamp: 'BIGINT' };
export const ACLED_PARQUET_CODEC = 'zstd';

const DESCRIPTIONS: Record<FileKind, string> = {
  'app Parquet': "the app's Parquet (createAppParquetWriter, snappy)",
  'ACLED Parquet': `ACLED-layout Parquet (DuckDB; DATE, DOUBLE, INTEGER, BIGINT columns; ${ACLED_PARQUET_CODEC})`,
  'ACLED CSV': 'ACLED CSV',
};
const EXTENSIONS: Record<FileKind, string> = { 'app Parquet': 'app.parquet', 'ACLED Parquet': 'acled.parquet', 'ACLED CSV': 'csv' };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The code that shapes the files: the rows generated, the app's Parquet layout and writer, and the
 * schema its events must pass. The importers are not in it: the files are the bench's input, and
 * any change to src/io or src/model regenerated about 5 GB at a million events (4 minutes).
 */
const SHAPING = ['src/testing/acledFixture.ts', 'src/testing/fixtures.ts', 'src/io/appParquetWrite.ts', 'src/io/appParquetColumns.ts', 'src/model/schema.ts', 'bench/browser/data.ts'];

/** A hash of the code that shapes the files, so a change to it regenerates them. */
function fingerprint(): string {
  const hash = createHash('sha1');
  for (const file of SHAPING) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 10);
}

/**
 * Writes the ACLED CSV a chunk at a time (a million rows are ~460 MB, past V8's string limit) and
 * imports the same chunks into one dataset, for the files made from events.
 */
function writeCsvAndImport(n: number, csvFile: string): Dataset {
  const rows = generatedAcledRows(n);
  const fd = openSync(csvFile, 'w');
  let dataset: Dataset | undefined;
  for (let from = 0; from < n; from += CHUNK) {
    const text = acledCsv(rows.slice(from, from + CHUNK));
    // Each chunk comes with the header line; the file has it once.
    writeSync(fd, from === 0 ? text : text.slice(text.indexOf('\n') + 1));
    const result = importText({ text, fileName: `bench-${n}.csv` });
    if (result.kind !== 'done') throw new Error(`importing rows ${from}… gave ${result.kind}`);
    dataset = dataset ? mergeDatasets(dataset, result.dataset).dataset : result.dataset;
    rows.fill({}, from, from + CHUNK); // let the imported rows go
  }
  closeSync(fd);
  return dataset!;
}

/** Batch by batch, as the app's writer is meant to be used, so that a million events need no second copy as rows. */
function writeAppParquet(file: string, dataset: Dataset): void {
  const { events, ...info } = dataset;
  const writer = createAppParquetWriter(info, { createdBy: 'Conflict Timeline bench' });
  for (let from = 0; from < events.length; from += CHUNK) writer.write(events.slice(from, from + CHUNK));
  writeFileSync(file, writer.finish());
}

/**
 * An ACLED-layout Parquet as DuckDB writes it, read from the CSV on disk (a million rows never
 * pass through this process): every cell read as text, then ACLED_PARQUET_TYPES cast, as
 * duckdbParquet in src/testing/columnarFixture.ts does for the tests.
 */
async function writeAcledParquet(file: string, csvFile: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const casts = Object.entries(ACLED_PARQUET_TYPES).map(([name, type]) => `TRY_CAST(NULLIF(${name}, '') AS ${type}) AS ${name}`);
  const quoted = (p: string) => `'${p.replaceAll("'", "''")}'`;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT * REPLACE (${casts.join(', ')}) FROM read_csv(${quoted(csvFile)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')) TO ${quoted(file)} (FORMAT parquet, COMPRESSION ${ACLED_PARQUET_CODEC})`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function writeVisItems(file: string, dataset: Dataset): void {
  const items = dataset.events.map((e) => [e.id, Date.parse(e.start.at), e.title.en ?? Object.values(e.title)[0] ?? e.id, e.type]);
  const groups = [...new Set(dataset.events.map((e) => e.type))].sort();
  writeFileSync(file, JSON.stringify({ groups, items }));
}

export async function generate(n: number, dir: string): Promise<BenchFiles> {
  mkdirSync(dir, { recursive: true });
  const print = fingerprint();
  // Files from older code are hundreds of MB at a million events: remove them.
  for (const file of readdirSync(dir)) {
    const match = /^(\d+)-([0-9a-f]{10})\./.exec(file);
    if (match && Number(match[1]) === n && match[2] !== print) rmSync(path.join(dir, file));
  }
  const stem = path.join(dir, `${n}-${print}`);
  const fileOf = (kind: FileKind) => `${stem}.${EXTENSIONS[kind]}`;
  const visItems = `${stem}.vis.json`;
  const outputs = [...FILE_KINDS.map(fileOf), visItems];
  if (!outputs.every((file) => existsSync(file))) {
    // Written under a temporary name and renamed, so an interrupted run never leaves a half file to reuse.
    const part = (file: string) => `${file}.part`;
    const dataset = writeCsvAndImport(n, part(fileOf('ACLED CSV')));
    writeAppParquet(part(fileOf('app Parquet')), dataset);
    writeVisItems(part(visItems), dataset);
    await writeAcledParquet(part(fileOf('ACLED Parquet')), part(fileOf('ACLED CSV')));
    for (const file of outputs) renameSync(part(file), file);
  }
  const appFiles = FILE_KINDS.map((kind) => ({ kind, description: DESCRIPTIONS[kind], path: fileOf(kind), bytes: statSync(fileOf(kind)).size }));
  return { n, appFiles, visItems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [n, dir] = process.argv.slice(2);
  console.log(JSON.stringify(await generate(Number(n), dir!)));
}
