// A fuzz test of the importers: 10,000 random mutations of valid files (ACLED, UCDP, the app's JSON,
// ACLED records as JSON and JSON Lines, the app's CSV export, a mapped plain CSV). No exception may escape, and the rows always balance:
// imported + rejected = rows read, one rejection per rejected row, one event per imported row.
// Each case has its own seeded generator: a failure names the seed and the case, and
// FUZZ_SEED=<seed> FUZZ_CASE=<case> npx vitest run src/io/corruption.test.ts replays it alone.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { importText, type ImportResult } from './importer.ts';
import { acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { corrupt, corruptBytes } from '../testing/corrupt.ts';
import { importColumnar } from './columnarImport.ts';
import { ACLED_CURRENT_COLUMNS, toMonadic, ACLED_DYADIC_ONLY } from '../testing/acledFixture.ts';
import { acledArrow, textParquet } from '../testing/columnarFixture.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { guessMapping } from './csvMapping.ts';
import { datasetToParquet } from './appParquetWrite.ts';
import { validateDataset } from '../model/validate.ts';
import { eventsToCsv } from '../export/eventsCsv.ts';
import type { Dataset } from '../model/schema.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 2024);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);

function checkBalanced(result: ImportResult, fileName: string): void {
  if (result.kind === 'done') {
    const r = result.report;
    expect(r.imported + r.mergedRows + r.rejectedRows).toBe(r.rowsRead);
    expect(r.rejections).toHaveLength(r.rejectedRows);
    expect(result.dataset.events).toHaveLength(r.imported);
    expect(new Set(result.dataset.events.map((e) => e.id)).size).toBe(r.imported);
  } else if (result.kind === 'not-a-dataset') {
    expect(result.message.startsWith(fileName)).toBe(true);
  } else {
    expect(result.columns.length).toBeGreaterThan(1);
  }
}

/** Rows as pandas' to_json writes them by default: {column: {index: value}}. */
const pandasColumns = (rows: readonly Record<string, string | undefined>[]) =>
  Object.fromEntries(Object.keys(rows[0]!).map((column) => [column, Object.fromEntries(rows.map((row, index) => [String(index), row[column] ?? null]))]));

const seedDataset = (validateDataset(seed) as { ok: true; dataset: Dataset }).dataset;

// [name, file, file name, share of the 10,000 cases, options]
const FILES: [string, string, string, number, { format?: 'csv' }][] = [
  ['ACLED CSV', acledCsv([...generatedAcledRows(6, 3), acledRow({ event_id_cnty: 'X', notes: 'a "quoted"\nnote' })], { layout: 'pre2023', hxl: true }), 'acled.csv', 2000, {}],
  ['ACLED CSV, current layout', acledCsv(generatedAcledRows(4, 5)), 'acled-current.csv', 1000, {}],
  ['app JSON', JSON.stringify({ ...seed, events: seed.events.slice(0, 8) }), 'seed.json', 3000, {}],
  ['ACLED API JSON', JSON.stringify({ status: 200, success: true, data: generatedAcledRows(4, 7) }), 'acled-api.json', 200, {}],
  ['ACLED JSON Lines', `${generatedAcledRows(4, 9).map((row) => JSON.stringify(row)).join('\n')}\n`, 'acled.jsonl', 100, {}],
  ['ACLED JSON from pandas (orient="columns")', JSON.stringify(pandasColumns(generatedAcledRows(3, 8))), 'acled-pandas.json', 200, {}],
  ["the app's CSV export", eventsToCsv(seedDataset.events.slice(0, 8), seedDataset.actors, 'en'), 'events.csv', 1000, {}],
  ['UCDP CSV', UCDP_HEADER + ucdpRow(1) + ucdpRow(2) + ucdpRow(3), 'ged.csv', 1500, {}],
  ['plain CSV with a mapping', 'event_id_cnty,event_date\nA,2022-09-13\nB,14 September 2022\n"C, quoted",15/09/2022\n', 'plain.csv', 1000, { format: 'csv' }],
];

describe('fuzzing the importers', () => {
  it('the cases add up to 10,000', () => {
    expect(FILES.reduce((n, f) => n + f[3], 0)).toBe(10_000);
  });

  let first = 0;
  for (const [name, text, fileName, cases, options] of FILES) {
    const from = first;
    first += cases;
    it(`${name}: ${cases} mutations, no exception, rows balanced (seed ${SEED})`, () => {
      const mapping = options.format ? guessMapping(['event_id_cnty', 'event_date']) : undefined;
      for (let i = from; i < from + cases; i++) {
        if (ONLY_CASE !== null && i !== ONLY_CASE) continue;
        const random = seededRandom(SEED * 1_000_003 + i);
        const mutated = corrupt(text, random);
        try {
          checkBalanced(importText({ text: mutated, fileName, ...(options.format ? { format: options.format, mapping } : {}) }), fileName);
        } catch (error) {
          const replay = `FUZZ_SEED=${SEED} FUZZ_CASE=${i} npx vitest run src/io/corruption.test.ts`;
          throw new Error(`${name}, seed ${SEED}, case ${i} failed (replay: ${replay}): ${(error as Error).message}\nthe mutated file: ${JSON.stringify(mutated.slice(0, 3000))}`);
        }
      }
    }, 60_000);
  }
});

// Parquet and Arrow files, damaged byte by byte: the readers (hyparquet, apache-arrow) may throw
// anything, and the importer must still answer, with the rows balanced. Parquet edits fall
// anywhere: in the data pages, in the footer (the schema, row groups, where each column chunk
// lies), or cut the file. Noise in a data page made hyparquet 1.33 spin without end (an offset
// gone NaN, a negative bit-packed count, an RLE run far past its page); patches/ mends that until
// it is fixed upstream. An Arrow file is only cut (edits fall past its end): apache-arrow trusts
// the lengths inside it, and a damaged one can ask for more memory than the process has, which
// ends it (in the app, the worker, and the page says the file could not be read).
const ARROW = acledArrow(ACLED_CURRENT_COLUMNS, generatedAcledRows(6, 9), 3);
const MONADIC_COLUMNS = ACLED_CURRENT_COLUMNS.filter((c) => !(ACLED_DYADIC_ONLY as readonly string[]).includes(c));
const parquetFile = (buffer: ArrayBuffer) => new Uint8Array(buffer);
const ACLED_PARQUET = parquetFile(textParquet(ACLED_CURRENT_COLUMNS, generatedAcledRows(9, 4), 3));
const MONADIC_PARQUET = parquetFile(textParquet(MONADIC_COLUMNS, toMonadic(generatedAcledRows(5, 8)), 4));
const APP_PARQUET = datasetToParquet({ ...seedDataset, events: seedDataset.events.slice(0, 12) });
// [name, file, file name, cases, where the edits start]
const BINARY_FILES: [string, Uint8Array, string, number, number][] = [
  ['ACLED Parquet, 3 row groups', ACLED_PARQUET, 'acled.parquet', 600, 0],
  ['ACLED Parquet, monadic', MONADIC_PARQUET, 'monadic.parquet', 300, 0],
  ["the app's Parquet", APP_PARQUET, 'seed.parquet', 300, 0],
  ['ACLED Arrow, 2 record batches', ARROW, 'acled.arrow', 300, ARROW.length],
];

describe('fuzzing the Parquet and Arrow importers', () => {
  let first = 20_000;
  for (const [name, bytes, fileName, cases, editsFrom] of BINARY_FILES) {
    const from = first;
    first += cases;
    it(`${name}: ${cases} mutations, no exception, rows balanced (seed ${SEED})`, async () => {
      for (let i = from; i < from + cases; i++) {
        if (ONLY_CASE !== null && i !== ONLY_CASE) continue;
        const mutated = corruptBytes(bytes, seededRandom(SEED * 1_000_003 + i), editsFrom);
        try {
          checkBalanced((await importColumnar(mutated.buffer, fileName)) as ImportResult, fileName);
        } catch (error) {
          const replay = `FUZZ_SEED=${SEED} FUZZ_CASE=${i} npx vitest run src/io/corruption.test.ts`;
          throw new Error(`${name}, seed ${SEED}, case ${i} failed (replay: ${replay}): ${(error as Error).message}`);
        }
      }
    }, 60_000);
  }
});
