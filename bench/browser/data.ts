// The browser bench's input files, generated in Node from the same ACLED-like rows as bench/import.ts:
// the file our app opens (an ACLED CSV, or the compact JSON above 100,000 events) and the same events
// as vis-timeline items. Run as a child process, `tsx bench/browser/data.ts <n> <dir>`, so that a
// million events get a heap of their own (the runner passes --max-old-space-size); it prints the
// file list as JSON. Files are reused while the code that produces them is unchanged.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importText } from '../../src/io/importer.ts';
import { mergeDatasets } from '../../src/io/merge.ts';
import { encodeCompact } from '../../src/io/compact.ts';
import { acledCsv, generatedAcledRows } from '../../src/testing/acledFixture.ts';
import type { Dataset } from '../../src/model/schema.ts';

export interface BenchFiles {
  n: number;
  /** What our app opens through "Open data file". */
  appFile: string;
  appFormat: 'ACLED CSV' | 'compact JSON';
  appBytes: number;
  /** vis-timeline items as [id, start ms, content, group] rows, and the groups. */
  visItems: string;
}

/** The compact JSON is what the app is meant to open a million events from; CSV below that. */
export const COMPACT_ABOVE = 100_000;
/** importText on one CSV of a million rows needs several GB; chunks of this size merge cheaply. */
const CHUNK = 100_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A hash of the code that shapes the files, so a change to the importer or the fixture regenerates them. */
function fingerprint(): string {
  const hash = createHash('sha1');
  const dirs = ['src/io', 'src/model', 'src/testing'];
  const files = dirs.flatMap((d) => readdirSync(path.join(root, d)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(d, f)));
  for (const file of [...files.sort(), 'bench/browser/data.ts']) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 10);
}

function importChunked(n: number): Dataset {
  const rows = generatedAcledRows(n);
  let dataset: Dataset | undefined;
  for (let from = 0; from < n; from += CHUNK) {
    const result = importText({ text: acledCsv(rows.slice(from, from + CHUNK)), fileName: `bench-${n}.csv` });
    if (result.kind !== 'done') throw new Error(`importing rows ${from}… gave ${result.kind}`);
    dataset = dataset ? mergeDatasets(dataset, result.dataset).dataset : result.dataset;
    rows.fill({}, from, from + CHUNK); // let the imported rows go
  }
  return dataset!;
}

/** JSON.stringify of the whole compact dataset would pass V8's string limit (~512 MB) near a million events. */
function writeCompactJson(file: string, dataset: Dataset): void {
  const compact = encodeCompact(dataset);
  const fd = openSync(file, 'w');
  const write = (s: string) => writeSync(fd, s);
  const { events, ...rest } = compact;
  write(JSON.stringify(rest).slice(0, -1) + ',"events":{');
  Object.entries(events).forEach(([key, column], i) => {
    write(`${i ? ',' : ''}${JSON.stringify(key)}:`);
    if (Array.isArray(column)) write(JSON.stringify(column));
    else {
      write('{');
      Object.entries(column as Record<string, unknown[]>).forEach(([lang, values], j) => write(`${j ? ',' : ''}${JSON.stringify(lang)}:${JSON.stringify(values)}`));
      write('}');
    }
  });
  write('}}');
  closeSync(fd);
}

function writeVisItems(file: string, dataset: Dataset): void {
  const items = dataset.events.map((e) => [e.id, Date.parse(e.start.at), e.title.en ?? Object.values(e.title)[0] ?? e.id, e.type]);
  const groups = [...new Set(dataset.events.map((e) => e.type))].sort();
  writeFileSync(file, JSON.stringify({ groups, items }));
}

export function generate(n: number, dir: string): BenchFiles {
  mkdirSync(dir, { recursive: true });
  const print = fingerprint();
  // Files from older code are hundreds of MB at a million events: remove them.
  for (const file of readdirSync(dir)) {
    const match = /^(\d+)-([0-9a-f]{10})\./.exec(file);
    if (match && Number(match[1]) === n && match[2] !== print) rmSync(path.join(dir, file));
  }
  const stem = path.join(dir, `${n}-${print}`);
  const compact = n > COMPACT_ABOVE;
  const appFile = `${stem}.${compact ? 'compact.json' : 'csv'}`;
  const visItems = `${stem}.vis.json`;
  if (!existsSync(appFile) || !existsSync(visItems)) {
    let dataset: Dataset;
    // Written under a temporary name and renamed, so an interrupted run never leaves a half file to reuse.
    if (compact) {
      dataset = importChunked(n);
      writeCompactJson(`${appFile}.part`, dataset);
    } else {
      const text = acledCsv(generatedAcledRows(n));
      writeFileSync(`${appFile}.part`, text);
      const result = importText({ text, fileName: path.basename(appFile) });
      if (result.kind !== 'done') throw new Error(`importing ${n} rows gave ${result.kind}`);
      dataset = result.dataset;
    }
    writeVisItems(`${visItems}.part`, dataset);
    renameSync(`${appFile}.part`, appFile);
    renameSync(`${visItems}.part`, visItems);
  }
  return { n, appFile, appFormat: compact ? 'compact JSON' : 'ACLED CSV', appBytes: statSync(appFile).size, visItems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [n, dir] = process.argv.slice(2);
  console.log(JSON.stringify(generate(Number(n), dir!)));
}
