// Writes data/schema.json, the JSON Schema of the dataset format, from the zod schema in
// src/model/schema.ts: `npm run schema`. A unit test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../src/model/jsonSchema.ts';

writeFileSync(new URL('../data/schema.json', import.meta.url), `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log('wrote data/schema.json');
