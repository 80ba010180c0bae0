// Reads the JSON reports of Vitest and Playwright and prints one line for CI:
// "tests: N passed, N failed". Exits non-zero when anything failed, was skipped, or did not run.
import { existsSync, readFileSync } from 'node:fs';

const [unitFile, e2eFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

if (unitFile && existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  if (!unit.numTotalTests) problems.push('no unit tests ran');
} else problems.push(`no unit test report at ${unitFile}`);

if (e2eFile && existsSync(e2eFile)) {
  const { stats } = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  skipped += stats.skipped;
  if (!stats.expected && !stats.unexpected) problems.push('no e2e tests ran');
} else problems.push(`no e2e test report at ${e2eFile} (did the unit tests fail first?)`);

for (const p of problems) console.log(`ci: ${p}`);
if (skipped) console.log(`ci: ${skipped} tests were skipped; a skip is not a pass`);
console.log(`tests: ${passed} passed, ${failed + (problems.length ? 1 : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed || skipped || problems.length ? 1 : 0);
