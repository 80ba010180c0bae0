import { z } from 'zod';
import { datasetSchema } from './schema.ts';

/** The dataset format as JSON Schema (draft 2020-12), for people who write datasets by hand. */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(datasetSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Conflict Timeline dataset',
    description: 'Events with actors, times and their precision, places, counts with claimants, claims and sources. See README.md, "The event model".',
  };
}
