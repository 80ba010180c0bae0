// Validates a whole dataset: the schema per record, then the references between records
// (actor ids, related events, source indexes) that a schema alone cannot see.
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './schema.ts';

export interface ValidationProblem {
  /** Where the problem is, as a JSON path: events[3].actors[0].actor */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; dataset: Dataset }
  | { ok: false; problems: ValidationProblem[] };

/** A schema's verdict as a test: for checking each distinct value once (see acledPacked.ts). */
export const accepts = (schema: z.ZodType) => (value: unknown): boolean => schema.safeParse(value).success;

/** A title, description or place name in one language: the schema's `z.string().trim().min(1)`. */
export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export function crossReferenceProblems(dataset: Dataset): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const actorIds = new Set<string>();
  dataset.actors.forEach((actor, i) => {
    if (actorIds.has(actor.id)) problems.push({ path: `actors[${i}].id`, message: `duplicate actor id "${actor.id}"` });
    actorIds.add(actor.id);
  });
  dataset.actors.forEach((actor, i) => {
    if (actor.parent && !actorIds.has(actor.parent))
      problems.push({ path: `actors[${i}].parent`, message: `unknown actor "${actor.parent}"` });
  });
  const eventIds = new Set<string>();
  dataset.events.forEach((event, i) => {
    if (eventIds.has(event.id)) problems.push({ path: `events[${i}].id`, message: `duplicate event id "${event.id}"` });
    eventIds.add(event.id);
  });
  const actor = (path: string, ref: string | undefined) => {
    if (ref !== undefined && !actorIds.has(ref)) problems.push({ path, message: `unknown actor "${ref}"` });
  };
  const source = (path: string, index: number | undefined, count: number) => {
    if (index !== undefined && index >= count)
      problems.push({ path, message: `source ${index} does not exist (the event has ${count})` });
  };
  dataset.events.forEach((event, i) => {
    const at = `events[${i}]`;
    event.actors.forEach((ref, j) => actor(`${at}.actors[${j}].actor`, ref.actor));
    event.counts.forEach((count, j) => {
      actor(`${at}.counts[${j}].claimant`, count.claimant);
      actor(`${at}.counts[${j}].of`, count.of);
      source(`${at}.counts[${j}].source`, count.source, event.sources.length);
    });
    event.claims.forEach((claim, j) => {
      actor(`${at}.claims[${j}].claimant`, claim.claimant);
      claim.disputedBy?.forEach((d, k) => actor(`${at}.claims[${j}].disputedBy[${k}]`, d));
      source(`${at}.claims[${j}].source`, claim.source, event.sources.length);
    });
    event.relations.forEach((relation, j) => {
      if (!eventIds.has(relation.event))
        problems.push({ path: `${at}.relations[${j}].event`, message: `unknown event "${relation.event}"` });
    });
    if (event.end && Date.parse(event.end.at) < Date.parse(event.start.at))
      problems.push({ path: `${at}.end`, message: 'ends before it starts' });
  });
  return problems;
}

export function validateDataset(input: unknown): ValidationResult {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const problems = crossReferenceProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}
