// A fuzz test of the importers: 10,000 random mutations of valid files (ACLED, UCDP, the app's JSON
// full and compact, a mapped plain CSV). No exception may escape, and the rows always balance:
// imported + rejected = rows read, one rejection per rejected row, one event per imported row.
// Each case has its own seeded generator: a failure names the seed and the case, and
// FUZZ_SEED=<seed> FUZZ_CASE=<case> npx vitest run src/io/corruption.test.ts replays it alone.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { importText, type ImportResult } from './importer.ts';
import { acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { corrupt } from '../testing/corrupt.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { guessMapping } from './csvMapping.ts';
import { encodeCompact } from './compact.ts';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 2024);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);

function checkBalanced(result: ImportResult, fileName: string): void {
  if (result.kind === 'done') {
    const r = result.report;
    expect(r.imported + r.rejectedRows).toBe(r.rowsRead);
    expect(r.rejections).toHaveLength(r.rejectedRows);
    expect(result.dataset.events).toHaveLength(r.imported);
    expect(new Set(result.dataset.events.map((e) => e.id)).size).toBe(r.imported);
  } else if (result.kind === 'not-a-dataset') {
    expect(result.message.startsWith(fileName)).toBe(true);
  } else {
    expect(result.columns.length).toBeGreaterThan(1);
  }
}

const seedDataset = (validateDataset(seed) as { ok: true; dataset: Dataset }).dataset;

// [name, file, file name, share of the 10,000 cases, options]
const FILES: [string, string, string, number, { format?: 'csv' }][] = [
  ['ACLED CSV', acledCsv([...generatedAcledRows(6, 3), acledRow({ event_id_cnty: 'X', notes: 'a "quoted"\nnote' })], { layout: 'pre2023', hxl: true }), 'acled.csv', 3000, {}],
  ['ACLED CSV, current layout', acledCsv(generatedAcledRows(4, 5)), 'acled-current.csv', 1000, {}],
  ['app JSON', JSON.stringify({ ...seed, events: seed.events.slice(0, 8) }), 'seed.json', 2000, {}],
  ['compact JSON', JSON.stringify(encodeCompact({ ...seedDataset, events: seedDataset.events.slice(0, 8) })), 'compact.json', 1500, {}],
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
