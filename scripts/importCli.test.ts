import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDuckDbEngine } from '../server/duckdbEngine.ts';
import { parseArgs, runImportCli, runImportCliOnBytes, type CliOptions, type CliRun } from './importCli.ts';
import { textParquet } from '../src/testing/columnarFixture.ts';
import { ACLED_CURRENT_COLUMNS } from '../src/testing/acledFixture.ts';
import { acledCsv, acledRow, toMonadic } from '../src/testing/acledFixture.ts';
import { EARLIER_COMPACT_JSON } from '../src/testing/earlierCompact.ts';
import { parquetToDataset } from '../src/io/appParquet.ts';
import { createReportBuilder } from '../src/io/report.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
/** The bytes a run writes to its --out file. */
function written(run: CliRun): Uint8Array {
  if (!run.output || !('bytes' in run.output)) throw new Error('the run wrote no bytes');
  return run.output.bytes;
}
const options = (args: string[]) => parseArgs(args) as CliOptions;

describe('npm run import', () => {
  it('reads its arguments and refuses bad ones', () => {
    expect(parseArgs(['a.csv', '--format', 'acled', '--allow-rejects'])).toMatchObject({ file: 'a.csv', format: 'acled', allowRejects: true });
    expect(parseArgs(['a.csv', '--compact'])).toEqual({ error: '--compact is retired: the app no longer reads compact JSON; write Parquet with --out events.parquet' });
    expect(parseArgs(['--format', 'xlsx', 'a.csv'])).toEqual({ error: '--format must be one of json, acled, ucdp, app-csv, csv' });
    expect(parseArgs([])).toEqual({ error: 'no file given' });
  });

  it('writes the app JSON to stdout and the report to stderr, exiting 1 on rejects unless allowed', () => {
    const text = acledCsv([acledRow(), acledRow({ event_id_cnty: 'BAD', event_date: '31 September 2022' })]);
    const run = runImportCli(options(['acled.csv']), bytes(text));
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).events).toHaveLength(1);
    expect(run.stderr).toContain('rejected row 3: event_date "31 September 2022" is not a date');
    expect(run.stderr[0]).toBe('acled.csv: read as ACLED CSV (current layout). 2 rows read: 1 imported (0 fixed), 1 rejected.');
    expect(runImportCli(options(['acled.csv', '--allow-rejects']), bytes(text)).exitCode).toBe(0);
  });

  it('prints the rows merged into their events (monadic layout) and the cells read as missing', () => {
    const text = acledCsv(toMonadic([acledRow({ admin2: 'NA', tags: 'NULL' })]), { monadic: true });
    const run = runImportCli(options(['monadic.csv']), bytes(text));
    expect(run.exitCode).toBe(0);
    expect(run.stderr[0]).toBe('monadic.csv: read as ACLED CSV (current layout, monadic: one row per actor). 2 rows read: 1 event imported (0 fixed), 1 row merged into its event, 0 rejected.');
    expect(run.stderr).toContain('read as missing values: NA in 1 cell, NULL in 1 cell');
  });

  it('refuses a compact JSON file of an earlier version, saying how to convert the data', () => {
    expect(runImportCli(options(['old.compact.json', '--out', 'a.parquet']), bytes(EARLIER_COMPACT_JSON))).toEqual({
      stdout: '',
      stderr: ['old.compact.json is a compact JSON file from an earlier version of Conflict Timeline; this version no longer reads that format. Convert the original data with `npm run import -- INPUT --out OUTPUT.parquet`.'],
      exitCode: 2,
    });
  });

  it('guesses the columns of a plain CSV, which --map overrides, and exits 2 on a file that is not data', () => {
    const text = 'When,Headline,Other\n2022-09-14,Ceasefire,x\n';
    const run = runImportCli(options(['notes.csv', '--map', 'title=Other', '--tz', 'Asia/Yerevan']), bytes(text));
    expect(run.exitCode).toBe(0);
    expect(run.stderr[0]).toBe('columns: date=When, title=Other (change with --map field=column)');
    expect(JSON.parse(run.stdout).events[0]).toMatchObject({ title: { en: 'x' }, start: { at: '2022-09-14T00:00:00+04:00' } });
    expect(runImportCli(options(['logo.png']), new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toMatchObject({ exitCode: 2, stderr: ['logo.png is a PNG image, not a dataset.'] });
  });

  it('writes the format of --out: Parquet that reads back to the JSON it would write, JSON, and nothing else', async () => {
    const text = acledCsv([acledRow(), acledRow({ event_id_cnty: 'ARM2', event_date: '2022-09-14' }), acledRow({ event_id_cnty: 'BAD', event_date: '31 September 2022' })]);
    const json = JSON.parse(runImportCli(options(['a.csv']), bytes(text)).stdout);
    const run = runImportCli(options(['a.csv', '--out', 'out/a.parquet']), bytes(text));
    expect(run).toMatchObject({ stdout: '', exitCode: 1, output: { path: 'out/a.parquet' } });
    expect(run.stderr[0]).toBe('a.csv: read as ACLED CSV (current layout). 3 rows read: 2 imported (0 fixed), 1 rejected.');
    expect(run.stderr).toContain('rejected row 4: event_date "31 September 2022" is not a date');
    const file = written(run);
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('PAR1');
    const back = await parquetToDataset(file.slice().buffer, 'a.parquet', createReportBuilder('a.parquet', 'Parquet'));
    if (!back.ok || !('dataset' in back)) throw new Error('not read back');
    expect(JSON.parse(JSON.stringify(back.dataset))).toEqual(json);

    const asJson = runImportCli(options(['a.csv', '--out', 'a.JSON']), bytes(text));
    expect(JSON.parse(new TextDecoder().decode(written(asJson)))).toEqual(json);
    expect(parseArgs(['a.csv', '--out', 'a.xlsx'])).toEqual({ error: '--out writes .parquet, .json or .duckdb files, not ".xlsx" (a.xlsx)' });
    expect(parseArgs(['a.csv', '--out', 'events'])).toEqual({ error: '--out writes .parquet, .json or .duckdb files, not a file without an extension (events)' });
  });

  it('reads an ACLED Parquet file as the app does, and writes the same events as the CSV gives, as JSON or as the app\'s Parquet', async () => {
    const rows = [acledRow(), acledRow({ event_id_cnty: 'ARM101', event_date: '2022-09-14', location: 'Goris' })];
    const parquet = new Uint8Array(textParquet(ACLED_CURRENT_COLUMNS, rows));
    const run = await runImportCliOnBytes(options(['acled.parquet']), parquet);
    expect(run.exitCode).toBe(0);
    expect(run.stderr[0]).toBe('acled.parquet: read as ACLED Parquet (current layout). 2 rows read: 2 imported (0 fixed), 0 rejected.');
    const fromCsv = runImportCli(options(['acled.csv']), bytes(acledCsv(rows)));
    expect(JSON.parse(run.stdout).events).toEqual(JSON.parse(fromCsv.stdout).events);

    const converted = await runImportCliOnBytes(options(['acled.parquet', '--out', 'app.parquet']), parquet);
    const back = await parquetToDataset(written(converted).slice().buffer, 'app.parquet', createReportBuilder('app.parquet', 'Parquet'));
    if (!back.ok || !('dataset' in back)) throw new Error('the converted file does not read back');
    expect(JSON.parse(JSON.stringify(back.dataset.events))).toEqual(JSON.parse(fromCsv.stdout).events);
  });

  it('says why a damaged Parquet file cannot be read', async () => {
    const parquet = new Uint8Array(textParquet(ACLED_CURRENT_COLUMNS, [acledRow()]));
    const run = await runImportCliOnBytes(options(['cut.parquet']), parquet.subarray(0, parquet.length - 10));
    expect(run.exitCode).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/^cut\.parquet .*cut short/);
  });

  it('writes a DuckDB database that the data server serves as it is, and replaces one that was there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-import-duckdb-'));
    try {
      const out = join(dir, 'seed.duckdb');
      const cli = join(import.meta.dirname, 'import.ts');
      const seed = join(import.meta.dirname, '../data/seed.json');
      for (let run = 0; run < 2; run++) {
        const { stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, seed, '--out', out]);
        expect(stderr).toContain(`wrote ${out}`);
      }
      expect(readdirSync(dir)).toEqual(['seed.duckdb']);
      const opened = await openDuckDbEngine(out);
      if (!opened.ok) throw new Error(opened.message);
      try {
        expect((await opened.engine.info()).count).toBe(16);
      } finally {
        await opened.engine.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
