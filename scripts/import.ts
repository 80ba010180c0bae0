// `npm run import -- <file> [--out out.parquet|out.json] [--format acled|ucdp|json|csv] [--allow-rejects] > out.json`
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, reportToCsv, runImportCliOnBytes, USAGE } from './importCli.ts';

const options = parseArgs(process.argv.slice(2));
if ('error' in options) {
  console.error(`${options.error}\n\n${USAGE}`);
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = readFileSync(options.file);
} catch (error) {
  console.error(`${options.file} cannot be read: ${(error as Error).message}`);
  process.exit(2);
}
const run = await runImportCliOnBytes(options, bytes);
for (const line of run.stderr) console.error(line);
if (options.reportPath && run.report) writeFileSync(options.reportPath, reportToCsv(run.report));
if (run.output) {
  try {
    writeFileSync(run.output.path, run.output.bytes);
  } catch (error) {
    console.error(`${run.output.path} cannot be written: ${(error as Error).message}`);
    process.exit(2);
  }
  console.error(`wrote ${run.output.path}`);
}
if (run.stdout) process.stdout.write(run.stdout);
process.exitCode = run.exitCode;
