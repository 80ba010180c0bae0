// Validates a dataset file against the model: `npm run check-data -- data/seed.json`.
import { readFileSync } from 'node:fs';
import { validateDataset } from '../src/model/validate.ts';

const file = process.argv[2] ?? 'data/seed.json';
const result = validateDataset(JSON.parse(readFileSync(file, 'utf8')));
if (result.ok) {
  console.log(`${file}: valid, ${result.dataset.events.length} events, ${result.dataset.actors.length} actors`);
} else {
  for (const p of result.problems) console.error(`${file}: ${p.path}: ${p.message}`);
  process.exit(1);
}
