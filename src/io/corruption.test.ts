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
const UCDP_HEADER =
  'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n';
const UCDP_ROW = (id: number) =>
  `${id},R${id},2022,TRUE,Clear,1,1,1,Azerbaijan:Armenia,1,1,Government of Armenia - Government of Azerbaijan,1,1,Government of Armenia,2,2,Government of Azerbaijan,2,x,Armenpress;Reuters,2022-09-14,Clash,x,1,Jermuk,Jermuk town,Vayots Dzor,,39.84,45.67,POINT,1,Armenia,371,Europe,1,1,2022-09-13,2022-09-14,10,5,0,0,15,20,12,371,373\n`;

// [name, file, file name, share of the 10,000 cases, options]
const FILES: [string, string, string, number, { format?: 'csv' }][] = [
  ['ACLED CSV', acledCsv([...generatedAcledRows(6, 3), acledRow({ event_id_cnty: 'X', notes: 'a "quoted"\nnote' })], { layout: 'pre2023', hxl: true }), 'acled.csv', 3000, {}],
  ['ACLED CSV, current layout', acledCsv(generatedAcledRows(4, 5)), 'acled-current.csv', 1000, {}],
  ['app JSON', JSON.stringify({ ...seed, events: seed.events.slice(0, 8) }), 'seed.json', 2000, {}],
  ['compact JSON', JSON.stringify(encodeCompact({ ...seedDataset, events: seedDataset.events.slice(0, 8) })), 'compact.json', 1500, {}],
  ['UCDP CSV', UCDP_HEADER + UCDP_ROW(1) + UCDP_ROW(2) + UCDP_ROW(3), 'ged.csv', 1500, {}],
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
