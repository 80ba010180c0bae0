// temporary: the worker's path for a compact file, timed
import '../src/model/zodWithoutEval.ts';
import { readFileSync } from 'node:fs';
import { importTextPacked } from '../src/io/importer.ts';
import { computeColumns } from '../src/table/eventTable.ts';
import { packedColumnReader } from '../src/table/packedEvents.ts';
const file = process.argv[2]!;
let t = performance.now();
const lap = (what: string) => { const now = performance.now(); console.log(what.padEnd(20), Math.round(now - t), 'ms'); t = now; };
const text = readFileSync(file, 'utf8'); lap('read');
const result = importTextPacked({ text, fileName: 'x.json' }); lap('importTextPacked');
if (result.kind !== 'packed') throw new Error(result.kind);
computeColumns(packedColumnReader(result.packed), result.packed.info.actors); lap('columns');
console.log(result.report.rowsRead, result.report.imported, process.memoryUsage().heapUsed / 1e6 | 0, 'MB heap');
