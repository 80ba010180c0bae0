// `npm run import -- <file> [--out out.parquet|out.json|out.duckdb] [--format acled|ucdp|json|csv] [--allow-rejects] > out.json`
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createDuckDbDatabase } from '../server/duckdbLoad.ts';
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
    if ('bytes' in run.output) writeFileSync(run.output.path, run.output.bytes);
    else {
      // Written beside it, then moved: a failed run leaves no half-written database under the name.
      const partial = `${run.output.path}.${process.pid}.partial`;
      try {
        await createDuckDbDatabase(run.output.database, partial, run.report ? [run.report] : []);
        renameSync(partial, run.output.path);
      } finally {
        rmSync(partial, { force: true });
        rmSync(`${partial}.wal`, { force: true });
      }
    }
  } catch (error) {
    console.error(`${run.output.path} cannot be written: ${(error as Error).message}`);
    process.exit(2);
  }
  console.error(`wrote ${run.output.path}`);
}
if (run.stdout) process.stdout.write(run.stdout);
process.exitCode = run.exitCode;
