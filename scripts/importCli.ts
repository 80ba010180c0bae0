// The command line behind `npm run import`: argument parsing and the run, apart from process
// handling so that tests can call it. Same importers and validator as the app.
import { basename, extname } from 'node:path';
import { datasetToParquet } from '../src/io/appParquetWrite.ts';
import { guessMapping, MAPPED_FIELDS, type ColumnMapping, type MappedField } from '../src/io/csvMapping.ts';
import { FORMATS, sniffBinary, type ImportFormat } from '../src/io/detect.ts';
import { importText, withFileNote } from '../src/io/importer.ts';
import { decodeText } from '../src/io/textEncoding.ts';
import { describeIssue, describeMissingTokens, summariseReport, type ImportReport } from '../src/io/report.ts';
import { reportToCsv } from '../src/io/report.ts';
import { validateDataset } from '../src/model/validate.ts';
import type { Dataset } from '../src/model/schema.ts';
import { columnarKind } from '../src/io/columnarFormat.ts';
import { importColumnar } from '../src/io/columnarImport.ts';

export const USAGE = `Usage: npm run import -- <file> [--out out.parquet|out.json|out.duckdb] [--format acled|ucdp|json|csv]
                       [--allow-rejects] [--report report.csv] [--map field=column]…
                       [--tz Area/City] [--lang en]
Converts an ACLED, UCDP GED, plain CSV or Conflict Timeline JSON file, or an ACLED, UCDP GED or
Conflict Timeline Parquet (or Arrow) file, to the app's JSON on stdout,
or with --out to the file named, in the format of its extension: .parquet (recommended for large
datasets), .json, or .duckdb (a database npm run serve and npm run load take as it is). The import
report goes to stderr.
Exit code: 0 done; 1 rows were rejected (unless --allow-rejects); 2 the file could not be used.`;

/** The formats --out writes, by the output file's extension. */
export const OUTPUT_FORMATS = { '.json': 'json', '.parquet': 'parquet', '.duckdb': 'duckdb' } as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[keyof typeof OUTPUT_FORMATS];

export interface CliOptions {
  file: string;
  /** Where --out writes, and in which format (from its extension); stdout (JSON) without it. */
  out?: { path: string; format: OutputFormat };
  format?: ImportFormat;
  allowRejects: boolean;
  reportPath?: string;
  map: Partial<Record<MappedField, string>>;
  tz?: string;
  lang?: string;
}

export function parseArgs(args: readonly string[]): CliOptions | { error: string } {
  const options: CliOptions = { file: '', allowRejects: false, map: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i] ?? '';
    if (arg === '--allow-rejects') options.allowRejects = true;
    // Named, not just unknown: scripts written for earlier versions pass it.
    else if (arg === '--compact') return { error: '--compact is retired: the app no longer reads compact JSON; write Parquet with --out events.parquet' };
    else if (arg === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) return { error: `--format must be one of ${FORMATS.join(', ')}` };
      options.format = f as ImportFormat;
    } else if (arg === '--out') {
      const path = value();
      const extension = extname(path).toLowerCase();
      const format = OUTPUT_FORMATS[extension as keyof typeof OUTPUT_FORMATS];
      if (!path) return { error: '--out needs a file name ending in .parquet, .json or .duckdb' };
      if (!format) return { error: `--out writes .parquet, .json or .duckdb files, not ${extension ? `"${extension}"` : 'a file without an extension'} (${path})` };
      options.out = { path, format };
    } else if (arg === '--report') options.reportPath = value();
    else if (arg === '--tz') options.tz = value();
    else if (arg === '--lang') options.lang = value();
    else if (arg === '--map') {
      const [field, column] = value().split('=');
      if (!field || column === undefined || !(MAPPED_FIELDS as readonly string[]).includes(field))
        return { error: `--map takes field=column, with field one of ${MAPPED_FIELDS.join(', ')}` };
      options.map[field as MappedField] = column;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else if (!options.file) options.file = arg;
    else return { error: `one file at a time (got ${options.file} and ${arg})` };
  }
  if (!options.file) return { error: 'no file given' };
  return options;
}

export interface CliRun {
  stdout: string;
  /** What goes in the --out file, when one was asked for and the run got that far: its bytes, or the dataset for a DuckDB database (written by the server's code). */
  output?: { path: string; bytes: Uint8Array } | { path: string; database: Dataset };
  stderr: string[];
  exitCode: number;
  report?: ImportReport;
}

export function reportLines(report: ImportReport): string[] {
  const lines = [`${report.fileName}: read as ${report.format}. ${summariseReport(report)}`];
  for (const r of report.rejections) lines.push(`rejected ${describeIssue(r)}`);
  const byField = new Map<string, number>();
  for (const f of report.fixes) byField.set(f.field, (byField.get(f.field) ?? 0) + 1);
  if (byField.size) lines.push(`fixes by field: ${[...byField].map(([f, n]) => `${f} ${n}`).join(', ')}`);
  for (const f of report.fixes.slice(0, 20)) lines.push(`fixed ${describeIssue(f)}`);
  if (report.fixes.length > 20) lines.push(`…and ${report.fixes.length - 20} more fixes (--report file.csv lists them all)`);
  const missing = describeMissingTokens(report);
  if (missing) lines.push(`read as missing values: ${missing}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  return lines;
}

/**
 * Runs one conversion on bytes already read, a Parquet or Arrow file included (read as the app's
 * worker reads them, which takes a promise); runImportCli does the rest.
 */
export async function runImportCliOnBytes(options: CliOptions, bytes: Uint8Array): Promise<CliRun> {
  if (!columnarKind(bytes.subarray(0, 8))) return runImportCli(options, bytes);
  const fileName = basename(options.file);
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const result = await importColumnar(copy, fileName);
  if (result.kind !== 'done') return { stdout: '', stderr: [result.kind === 'not-a-dataset' ? result.message : `${fileName} could not be read`], exitCode: 2 };
  return finishRun(options, result.dataset, result.report, []);
}

/** Runs one conversion on bytes already read (text files; see runImportCliOnBytes). */
export function runImportCli(options: CliOptions, bytes: Uint8Array): CliRun {
  const fileName = basename(options.file);
  const binary = sniffBinary(bytes.subarray(0, 4096));
  if (binary) return { stdout: '', stderr: [`${fileName} is ${binary}, not a dataset.`], exitCode: 2 };
  const { text, note } = decodeText(bytes, fileName);
  let mapping: ColumnMapping | undefined;
  const stderr: string[] = [];
  let result = importText({ text, fileName, ...(options.format ? { format: options.format } : {}) });
  if (result.kind === 'needs-mapping') {
    mapping = { ...guessMapping(result.columns), ...options.map, timeZone: options.tz ?? 'UTC', language: options.lang ?? 'en' };
    stderr.push(`columns: ${MAPPED_FIELDS.filter((f) => mapping![f]).map((f) => `${f}=${mapping![f]}`).join(', ')} (change with --map field=column)`);
    result = importText({ text, fileName, format: 'csv', mapping });
  }
  if (result.kind === 'not-a-dataset') return { stdout: '', stderr: [...stderr, result.message], exitCode: 2 };
  if (result.kind === 'needs-mapping') return { stdout: '', stderr: [...stderr, `${fileName}: the columns could not be mapped`], exitCode: 2 };
  return finishRun(options, result.dataset, withFileNote(result, note).report, stderr);
}

/** The report to stderr, the dataset checked, then written as --out asks (or to stdout). */
function finishRun(options: CliOptions, dataset: Dataset, report: ImportReport, stderr: string[]): CliRun {
  stderr.push(...reportLines(report));
  const validated = validateDataset(dataset);
  if (!validated.ok) {
    stderr.push(...validated.problems.slice(0, 20).map((p) => `invalid output ${p.path}: ${p.message}`));
    return { stdout: '', stderr, exitCode: 2, report };
  }
  const exitCode = report.rejectedRows > 0 && !options.allowRejects ? 1 : 0;
  if (exitCode === 1) stderr.push(`${report.rejectedRows} rows were rejected; the output was written anyway. Pass --allow-rejects to exit with 0.`);
  if (options.out?.format === 'duckdb') return { stdout: '', output: { path: options.out.path, database: validated.dataset }, stderr, exitCode, report };
  if (options.out?.format === 'parquet') {
    const bytes = datasetToParquet(validated.dataset, { createdBy: 'Conflict Timeline (npm run import)' });
    return { stdout: '', output: { path: options.out.path, bytes }, stderr, exitCode, report };
  }
  const jsonText = `${JSON.stringify(validated.dataset, null, dataset.events.length > 10_000 ? undefined : 2)}\n`;
  if (options.out) return { stdout: '', output: { path: options.out.path, bytes: new TextEncoder().encode(jsonText) }, stderr, exitCode, report };
  return { stdout: jsonText, stderr, exitCode, report };
}

export { reportToCsv };
