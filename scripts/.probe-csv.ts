// temporary: time importText on a CSV in Node (zod jitless, as in the browser)
import '../src/model/zodWithoutEval.ts';
import { readFileSync } from 'node:fs';
import { importText } from '../src/io/importer.ts';
import { computeTableColumns, computeColumns } from '../src/table/eventTable.ts';
import { packEvents, packedColumnReader } from '../src/table/packedEvents.ts';
const file = process.argv[2]!;
const text = readFileSync(file, 'utf8');
for (let k = 0; k < Number(process.argv[3] ?? 1); k++) {
  let t = performance.now();
  const lap = (what: string) => { const now = performance.now(); console.log(what.padEnd(20), Math.round(now - t), 'ms'); t = now; };
  const result = importText({ text, fileName: 'x.csv' }); lap('importText');
  if (result.kind !== 'done') throw new Error(result.kind);
  const columns = computeTableColumns(result.dataset); lap('columns');
  const { events, ...info } = result.dataset;
  const packed = packEvents(info, events); lap('pack');
  computeColumns(packedColumnReader(packed), info.actors); lap('columns from packed');
  void columns;
}
