// temporary: zod cost per event field, jitless
import '../src/model/zodWithoutEval.ts';
import { readFileSync } from 'node:fs';
import { importText } from '../src/io/importer.ts';
import { eventSchema } from '../src/model/schema.ts';
const text = readFileSync(process.argv[2]!, 'utf8');
const result = importText({ text, fileName: 'x.csv' });
if (result.kind !== 'done') throw new Error(result.kind);
const events = result.dataset.events;
for (let round = 0; round < 2; round++)
for (const [key, schema] of Object.entries(eventSchema.shape)) {
  const t = performance.now();
  for (const e of events) (schema as any).safeParse((e as any)[key]);
  console.log(key.padEnd(18), Math.round(performance.now() - t), 'ms');
}
const distinct = (key: string) => new Set(events.map((e: any) => e[key])).size;
for (const k of ['start','actors','place','counts','sources','tags']) console.log(k, distinct(k));
