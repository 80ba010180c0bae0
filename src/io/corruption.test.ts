// Random damage to valid files: no exception escapes, and the rows always balance.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { importText } from './importer.ts';
import { acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { guessMapping } from './csvMapping.ts';

const NOISE = ['"', ',', '\n', '\r\n', ';', '؟', '\u0000', '#', '=', ' ', 'é', '}', '{', '[', '9', '-'];

function corrupt(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 8);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * out.length);
    const roll = random();
    if (roll < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20));
    else if (roll < 0.6) out = out.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + out.slice(at);
    else if (roll < 0.8) out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + out.slice(at + 1);
    else out = out.slice(0, at);
  }
  return out;
}

function check(text: string, fileName: string, format?: 'csv') {
  const result = importText({ text, fileName, ...(format ? { format, mapping: guessMapping(['event_id_cnty', 'event_date']) } : {}) });
  if (result.kind === 'done') {
    const r = result.report;
    expect(r.imported + r.rejectedRows).toBe(r.rowsRead);
    expect(r.rejections).toHaveLength(r.rejectedRows);
    expect(result.dataset.events).toHaveLength(r.imported);
  }
}

describe('randomly corrupted files', () => {
  const random = seededRandom(2024);
  const acled = acledCsv([...generatedAcledRows(30, 3), acledRow({ event_id_cnty: 'X', notes: 'a "quoted"\nnote' })], { layout: 'pre2023', hxl: true });
  const json = JSON.stringify(seed);
  const ucdp = 'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n' +
    '1,R1,2022,TRUE,Clear,1,1,1,Azerbaijan:Armenia,1,1,Government of Armenia - Government of Azerbaijan,1,1,Government of Armenia,2,2,Government of Azerbaijan,2,x,Armenpress;Reuters,2022-09-14,Clash,x,1,Jermuk,Jermuk town,Vayots Dzor,,39.84,45.67,POINT,1,Armenia,371,Europe,1,1,2022-09-13,2022-09-14,10,5,0,0,15,20,12,371,373\n';

  it.each([
    ['ACLED CSV', acled, 'acled.csv'],
    ['app JSON', json, 'seed.json'],
    ['UCDP CSV', ucdp, 'ged.csv'],
  ])('%s: 400 mutations, no exception, rows balanced', (_name, text, fileName) => {
    for (let i = 0; i < 400; i++) check(corrupt(text, random), fileName);
  });

  it('plain CSV with a mapping: 200 mutations', () => {
    const text = 'event_id_cnty,event_date\nA,2022-09-13\nB,14 September 2022\n';
    for (let i = 0; i < 200; i++) check(corrupt(text, random), 'plain.csv', 'csv');
  });
});
