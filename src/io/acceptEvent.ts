// The last step of every importer: the same zod schema the app validates datasets with decides
// whether a mapped row becomes an event. A failure rejects the row with the field that failed.
import type { z } from 'zod';
import { actorRefSchema, eventSchema, placeSchema, type ConflictEvent } from '../model/schema.ts';
import { formatPath } from '../model/validate.ts';
import type { RowReport } from './report.ts';

type Issue = z.core.$ZodIssue;
type FieldVerdict = { ok: true; value: unknown } | { ok: false; issue: Issue };
export type EventVerdict = { success: true; data: ConflictEvent } | { success: false; issue: Issue };

const FIELDS = Object.entries(eventSchema.shape) as [keyof ConflictEvent, z.ZodType][];

/** A verdict on one part, its issue's path taken from the part. */
type PartVerdict = FieldVerdict;

/**
 * Verdicts on frozen parts, by what they are ("start", "actors", "actors[]" for one actor
 * reference, "place.name"…). Importers share one frozen object per distinct time, place, actor
 * list, source list… across thousands of events; such an object cannot change, so its verdict is
 * worked out once. Plain Maps (a WeakMap of a million parts slowed the garbage collector down):
 * importText forgets them when it is done.
 */
const verdictsOfParts = new Map<string, Map<object, PartVerdict>>();

/** Lets go of the parts whose verdicts were kept; call when an import is done. */
export function forgetPartVerdicts(): void {
  verdictsOfParts.clear();
}

const isShared = (value: unknown): value is object => typeof value === 'object' && value !== null && Object.isFrozen(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The verdict of `schema` on a part: kept for a shared (frozen) one. A part that `byParts` can
 * check a piece at a time (a list of shared items, an object of shared pieces) is checked so,
 * each piece once; `byParts` gives null for a part it cannot, and zod checks it whole.
 */
function verdictOf(kind: string, schema: z.ZodType, value: unknown, byParts?: (value: unknown) => PartVerdict | null): PartVerdict {
  let cache: Map<object, PartVerdict> | undefined;
  if (isShared(value)) {
    cache = verdictsOfParts.get(kind);
    if (!cache) verdictsOfParts.set(kind, (cache = new Map()));
    const known = cache.get(value);
    if (known) return known;
  }
  let verdict = byParts?.(value) ?? null;
  if (!verdict) {
    const parsed = schema.safeParse(value);
    verdict = parsed.success ? { ok: true, value: parsed.data } : { ok: false, issue: parsed.error.issues[0]! };
  }
  cache?.set(value as object, verdict);
  return verdict;
}

const within = (issue: Issue, path: PropertyKey[]): Issue => ({ ...issue, path: [...path, ...issue.path] }) as Issue;

/**
 * z.array(item) (with no checks of its own) on a list whose items are all shared: each item's
 * verdict once. The first failing item gives the issue, as zod's first issue is.
 */
function itemsVerdict(kind: string, item: z.ZodType, list: unknown): PartVerdict | null {
  if (!Array.isArray(list) || !list.every(isShared)) return null;
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const verdict = verdictOf(kind, item, list[i]);
    if (!verdict.ok) return { ok: false, issue: within(verdict.issue, [i]) };
    out[i] = verdict.value;
  }
  return { ok: true, value: out };
}

/**
 * z.object(shape) (no checks of its own, unknown keys dropped) on a plain object: key by key in
 * the shape's order, each shared piece once. The first failing key gives the issue.
 */
function objectVerdict(kind: string, shape: Record<string, z.ZodType>, value: unknown): PartVerdict | null {
  if (!isPlainObject(value)) return null;
  const out: Record<string, unknown> = {};
  for (const key in shape) {
    const verdict = verdictOf(`${kind}.${key}`, shape[key]!, value[key]);
    if (!verdict.ok) return { ok: false, issue: within(verdict.issue, [key]) };
    if (verdict.value !== undefined) out[key] = verdict.value;
  }
  return { ok: true, value: out };
}

/**
 * Fields checked a piece at a time when they are not shared whole: in an export, actor lists
 * and places are often new (new pairs of actors, new coordinates) while their pieces (an actor
 * reference, a place name, admin areas) repeat.
 */
const BY_PARTS: Partial<Record<string, (value: unknown) => PartVerdict | null>> = {
  actors: (value) => itemsVerdict('actors[]', actorRefSchema, value),
  place: (value) => objectVerdict('place', placeSchema.shape, value),
};

function checkField(key: string, schema: z.ZodType, value: unknown): FieldVerdict {
  const verdict = verdictOf(key, schema, value, BY_PARTS[key]);
  return verdict.ok ? verdict : { ok: false, issue: within(verdict.issue, [key]) };
}

/**
 * eventSchema.safeParse, field by field in the schema's order, so that a part shared between
 * events is checked once. Gives the same verdict and the same first issue as eventSchema, and the
 * same output (unknown keys dropped, defaults filled in); a test holds it to that.
 */
export function validateEventParts(candidate: unknown): EventVerdict {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    const parsed = eventSchema.safeParse(candidate);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, issue: parsed.error.issues[0]! };
  }
  const input = candidate as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of FIELDS) {
    const verdict = checkField(key, schema, input[key]);
    if (!verdict.ok) return { success: false, issue: verdict.issue };
    if (verdict.value !== undefined) out[key] = verdict.value;
  }
  return { success: true, data: out as ConflictEvent };
}

/**
 * Validates a candidate event and keeps it when valid. Importers that build complete events
 * themselves keep their own object (`keep: 'candidate'`), whose parts they share between events;
 * raw JSON keeps zod's output, which fills in the defaults.
 */
export function acceptEvent(
  candidate: unknown,
  row: RowReport,
  into: ConflictEvent[],
  keep: 'parsed' | 'candidate' = 'parsed',
): ConflictEvent | null {
  const parsed = validateEventParts(candidate);
  if (!parsed.success) {
    row.reject(formatPath(parsed.issue.path) || 'event', parsed.issue.message);
    return null;
  }
  const event = keep === 'candidate' ? (candidate as ConflictEvent) : parsed.data;
  into.push(event);
  return event;
}
