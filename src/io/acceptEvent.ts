// The last step of every importer: the same zod schema the app validates datasets with decides
// whether a mapped row becomes an event. A failure rejects the row with the field that failed.
import type { z } from 'zod';
import { eventSchema, type ConflictEvent } from '../model/schema.ts';
import { formatPath } from '../model/validate.ts';
import type { RowReport } from './report.ts';

type Issue = z.core.$ZodIssue;
/** A verdict on one field, its issue's path taken from the field. */
type FieldVerdict = { ok: true; value: unknown } | { ok: false; issue: Issue };
export type EventVerdict = { success: true; data: ConflictEvent } | { success: false; issue: Issue };

const FIELDS = Object.entries(eventSchema.shape) as [keyof ConflictEvent, z.ZodType][];

/**
 * Verdicts on frozen parts, by the field they are ("start", "actors", "place"…), for one import.
 * Importers share one frozen object per distinct time, place, actor list… across thousands of
 * events; such an object cannot change, so its verdict is worked out once. Plain Maps (a WeakMap
 * of a million parts slowed the garbage collector down), let go with the importer.
 */
export type PartVerdicts = Map<string, Map<object, FieldVerdict>>;

const isShared = (value: unknown): value is object => typeof value === 'object' && value !== null && Object.isFrozen(value);

/** The verdict of `schema` on a field's value: kept for a shared (frozen) one. */
function checkField(key: string, schema: z.ZodType, value: unknown, verdicts: PartVerdicts): FieldVerdict {
  let cache: Map<object, FieldVerdict> | undefined;
  if (isShared(value)) {
    cache = verdicts.get(key);
    if (!cache) verdicts.set(key, (cache = new Map()));
    const known = cache.get(value);
    if (known) return known;
  }
  const parsed = schema.safeParse(value);
  const issue = parsed.error?.issues[0];
  const verdict: FieldVerdict = parsed.success ? { ok: true, value: parsed.data } : { ok: false, issue: { ...issue!, path: [key, ...issue!.path] } as Issue };
  cache?.set(value as object, verdict);
  return verdict;
}

/**
 * eventSchema.safeParse, field by field in the schema's order, so that a part shared between
 * events is checked once. Gives the same verdict and the same first issue as eventSchema, and the
 * same output (unknown keys dropped, defaults filled in); a test holds it to that.
 */
export function validateEventParts(candidate: unknown, verdicts: PartVerdicts = new Map()): EventVerdict {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    const parsed = eventSchema.safeParse(candidate);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, issue: parsed.error.issues[0]! };
  }
  const input = candidate as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of FIELDS) {
    const verdict = checkField(key, schema, input[key], verdicts);
    if (!verdict.ok) return { success: false, issue: verdict.issue };
    if (verdict.value !== undefined) out[key] = verdict.value;
  }
  return { success: true, data: out as ConflictEvent };
}

/**
 * An importer's check of its candidate events: validates one (validateEventParts, the verdicts on
 * frozen parts kept while the importer lives) and keeps it when valid. Importers that build
 * complete events themselves keep their own object (`keep: 'candidate'`), whose parts they share
 * between events; raw JSON keeps zod's output, which fills in the defaults.
 */
export function createEventCheck() {
  const verdicts: PartVerdicts = new Map();
  return (candidate: unknown, row: RowReport, into: ConflictEvent[], keep: 'parsed' | 'candidate' = 'parsed'): ConflictEvent | null => {
    const parsed = validateEventParts(candidate, verdicts);
    if (!parsed.success) {
      row.reject(formatPath(parsed.issue.path) || 'event', parsed.issue.message);
      return null;
    }
    const event = keep === 'candidate' ? (candidate as ConflictEvent) : parsed.data;
    into.push(event);
    return event;
  };
}
