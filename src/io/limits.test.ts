// Huge and hostile files are refused with a message that names the file and the limit.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { importText } from './importer.ts';
import { checkJsonShape, JSON_MAX_DEPTH, MAX_ROWS } from './limits.ts';
import { runJob } from './importJob.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { guessMapping } from './csvMapping.ts';
import type { WorkerReply } from './workerProtocol.ts';

const refusal = (result: ReturnType<typeof importText>) => (result.kind === 'not-a-dataset' ? result.message : `not refused: ${result.kind}`);

describe('JSON shape', () => {
  it('refuses nesting deeper than the limit, even a million levels, without a stack overflow', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(checkJsonShape(deep(JSON_MAX_DEPTH)).ok).toBe(true);
    expect(checkJsonShape(deep(JSON_MAX_DEPTH + 1))).toEqual({ ok: false, reason: `is nested more than ${JSON_MAX_DEPTH} levels deep, which no dataset is` });
    expect(refusal(importText({ text: `{"events":[${'{"a":'.repeat(1_000_000)}1${'}'.repeat(1_000_000)}]}`, fileName: 'deep.json' }))).toBe(
      `deep.json is nested more than ${JSON_MAX_DEPTH} levels deep, which no dataset is.`,
    );
  });

  it('skips brackets and escaped quotes inside strings', () => {
    expect(checkJsonShape(JSON.stringify({ a: '[[[[[[{{{{{{\\"[[[[' + '['.repeat(100) }), 3).ok).toBe(true);
    expect(checkJsonShape(JSON.stringify(['\\', '[[', ['x']]), 1).ok).toBe(false);
  });

  it('refuses a file with more values than the limit', () => {
    expect(checkJsonShape(JSON.stringify(new Array(1000).fill(0)), 32, 1001).ok).toBe(true);
    expect(checkJsonShape(JSON.stringify(new Array(1000).fill(0)), 32, 999)).toEqual({ ok: false, reason: 'holds more than 999 JSON values; up to 999 can be opened at once' });
  });

  it('the seed is well within the limits', () => {
    expect(checkJsonShape(JSON.stringify(seed))).toEqual({ ok: true });
  });
});

describe('row limits', () => {
  it('an ACLED file with more rows than the limit is refused, naming the file and the limit; at the limit it opens', () => {
    const text = acledCsv(generatedAcledRows(6, 1));
    expect(refusal(importText({ text, fileName: 'big.csv', maxRows: 5 }))).toBe(
      'big.csv has more than 5 rows; up to 5 can be opened at once in a tab. Serve it with the data server (npm run serve), or split it (by year or by country, say) and open the parts one by one.',
    );
    const done = importText({ text, fileName: 'big.csv', maxRows: 6 });
    expect(done.kind === 'done' && done.report.rowsRead).toBe(6);
    // Blank lines are not rows: more lines than the limit, but only six rows, still open.
    const spaced = importText({ text: text.replaceAll('\n', '\n\n\n'), fileName: 'big.csv', maxRows: 6 });
    expect(spaced.kind === 'done' && spaced.report.rowsRead).toBe(6);
  });

  it('stops reading a long CSV at the limit instead of parsing the rest', () => {
    const text = `date,title\n${'2022-09-13,A clash\n'.repeat(2_000_000)}`; // 40 MB, ten of Papa Parse's chunks
    const parsed: number[] = [];
    const result = importText({ text, fileName: 'long.csv', format: 'csv', mapping: guessMapping(['date', 'title']), maxRows: 1000, onProgress: (f) => parsed.push(f) });
    expect(refusal(result)).toMatch(/^long\.csv has more than 1,000 rows/);
    // It stopped in the first of the text's chunks: the parser never reported getting further.
    expect(Math.max(0, ...parsed)).toBeLessThan(0.2);
  });

  it('a JSON file with more events than the limit is refused; at the limit it opens', () => {
    const events = seed.events.slice(0, 3);
    expect(refusal(importText({ text: JSON.stringify({ ...seed, events }), fileName: 'three.json', maxRows: 2 }))).toMatch(/^three\.json has more than 2 events; up to 2 can be opened/);
    expect(importText({ text: JSON.stringify({ ...seed, events }), fileName: 'three.json', maxRows: 3 }).kind).toBe('done');
  });

  it(`the default limit is ${MAX_ROWS.toLocaleString('en-GB')} rows`, () => {
    expect(MAX_ROWS).toBe(1_000_000);
  });
});

describe('file size', () => {
  it('a 2 GB file is refused from its size, before a byte is read', async () => {
    let read = false;
    const huge = { size: 2 * 1024 ** 3, slice: () => ((read = true), new Blob()), text: async () => ((read = true), '') } as unknown as Blob;
    const replies: WorkerReply[] = [];
    await runJob({ file: huge, fileName: 'events-2GB.csv' }, (reply) => replies.push(reply));
    expect(read).toBe(false);
    expect(replies).toEqual([
      { type: 'result', result: { kind: 'not-a-dataset', message: 'events-2GB.csv is 2.0 GB; files up to 500 MB can be opened. Convert it to Parquet, about an eighth of the size (npm run import -- <file> --out events.parquet), or serve it with the data server (npm run serve -- <file>).' } },
    ]);
  });
});

describe('ten million rows', () => {
  it('are refused before any row is parsed: the lines are counted first', () => {
    const header = acledCsv([]).trimEnd();
    const text = `${header}\n${'x\n'.repeat(10_000_000)}`;
    const parsed: number[] = [];
    expect(refusal(importText({ text, fileName: 'ten-million.csv', onProgress: (f) => parsed.push(f) }))).toBe(
      'ten-million.csv has more than 1,000,000 rows; up to 1,000,000 can be opened at once in a tab. Serve it with the data server (npm run serve), or split it (by year or by country, say) and open the parts one by one.',
    );
    expect(parsed).toEqual([]);
  });
});
