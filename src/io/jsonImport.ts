// The app's own JSON → a dataset, one event at a time, so that one bad event is rejected with its
// path and the rest still load. The compact JSON of earlier versions is refused (see COMPACT_RETIRED).
import { actorSchema, type Actor, type ConflictEvent, type Dataset, type DatasetInfo } from '../model/schema.ts';
import { formatPath } from '../model/validate.ts';
import { createEventCheck } from './acceptEvent.ts';
import { cleanUrl } from './cells.ts';
import type { ReportBuilder, RowReport } from './report.ts';
import { checkJsonShape, MAX_ROWS, tooManyRows } from './limits.ts';

/** Events read between two progress reports. */
const PROGRESS_EVERY = 16_384;

export type JsonImport = { ok: true; dataset: Dataset; format: string } | { ok: false; reason: string };

/** Why a text did not parse as JSON, in JSON.parse's own words. */
export const notValidJson = (error: unknown) => `is not valid JSON (${(error as Error).message})`;

/**
 * Parsing is about half the time of reading a large file; the rest is checking its events, which
 * reports its own progress. JSON.parse says nothing while it runs, so progress jumps past it.
 */
const PARSED_SHARE = 0.5;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a value sits in a raw event, as keys and indexes: made into text only for a report. */
type PathSteps = (string | number)[];

const pathText = (steps: PathSteps): string => steps.reduce<string>((path, step) => (typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step), '');

/**
 * Trims strings and repairs URLs inside one raw event, reporting each change with its path. A
 * value with nothing to change comes back as it is (no copy), and a shared (frozen) part found
 * clean once (in `clean`) is not walked again: the importers share one part between thousands of
 * events, and copying every event's parts took most of a large import's time.
 */
function normaliseStrings(value: unknown, steps: PathSteps, row: RowReport, clean: Set<object>): unknown {
  if (typeof value === 'string') {
    if (steps[steps.length - 1] === 'url') return cleanUrl(value, pathText(steps), row) ?? value;
    const trimmed = value.trim();
    if (trimmed === value || trimmed === '') return value;
    row.fix(pathText(steps), 'had spaces around it, which were trimmed', value);
    return trimmed;
  }
  if (typeof value !== 'object' || value === null || clean.has(value)) return value;
  if (Array.isArray(value)) {
    let changed: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      steps.push(i);
      const item = normaliseStrings(value[i], steps, row, clean);
      steps.pop();
      if (item !== value[i]) (changed ??= [...value] as unknown[])[i] = item;
    }
    return finishWalk(value, changed, clean);
  }
  if (isObject(value)) {
    let changed: Record<string, unknown> | undefined;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      steps.push(key);
      const item = normaliseStrings(value[key], steps, row, clean);
      steps.pop();
      if (item !== value[key]) (changed ??= { ...value })[key] = item;
    }
    return finishWalk(value, changed, clean);
  }
  return value;
}

/**
 * Whether normaliseStrings leaves a value as it is, with nothing to report: a part that a packer
 * (appParquetPacked.ts) keeps without the per-row checks must be such a value.
 */
export function isClean(value: unknown): boolean {
  let reported = false;
  const probe = { fix: () => (reported = true), missing: () => (reported = true) } as unknown as RowReport;
  return normaliseStrings(value, [], probe, new Set()) === value && !reported;
}

/** The walked value, or its changed copy; a shared part found clean is noted, not walked again. */
function finishWalk(value: object, changed: object | undefined, clean: Set<object>): object {
  if (!changed && Object.isFrozen(value)) clean.add(value);
  return changed ?? value;
}

/** The references one event makes that the registry and the file must answer. */
function referenceProblem(event: ConflictEvent, actorIds: ReadonlySet<string>, eventIds: ReadonlySet<string>): [string, string] | null {
  const missing = (id: string | undefined) => id !== undefined && !actorIds.has(id);
  for (const [j, ref] of event.actors.entries()) if (missing(ref.actor)) return [`actors[${j}].actor`, `names unknown actor "${ref.actor}"`];
  for (const [j, c] of event.counts.entries()) {
    if (missing(c.claimant)) return [`counts[${j}].claimant`, `names unknown actor "${c.claimant}"`];
    if (missing(c.of)) return [`counts[${j}].of`, `names unknown actor "${c.of}"`];
    if (c.source !== undefined && c.source >= event.sources.length) return [`counts[${j}].source`, `points to source ${c.source}, but the event has ${event.sources.length}`];
  }
  for (const [j, c] of event.claims.entries()) {
    if (missing(c.claimant)) return [`claims[${j}].claimant`, `names unknown actor "${c.claimant}"`];
    const d = c.disputedBy?.find(missing);
    if (d) return [`claims[${j}].disputedBy`, `names unknown actor "${d}"`];
    if (c.source !== undefined && c.source >= event.sources.length) return [`claims[${j}].source`, `points to source ${c.source}, but the event has ${event.sources.length}`];
  }
  for (const [j, r] of event.relations.entries()) if (!eventIds.has(r.event)) return [`relations[${j}].event`, `names unknown event "${r.event}"`];
  if (event.end && Date.parse(event.end.at) < Date.parse(event.start.at)) return ['end.at', 'is before start.at'];
  return null;
}

/** How a file's raw events are accepted (see createEventAcceptor). */
export interface AcceptOptions {
  placeOf?: (index: number) => string;
  /** A problem of the record itself that the event schema cannot see (a Parquet row's `extra` that is not JSON), as [field, message]. */
  problemOf?: (raw: unknown) => [string, string] | null;
  /** The ids kept so far, by the index of their event; shared with a caller that keeps other events of the file itself. */
  seen?: Map<string, number>;
}

/**
 * A file's raw events, one at a time, each through the same checks: repaired strings, the event
 * schema (acceptEvent), a repeated id, references to actors and to events of the file (`eventIds`:
 * every id the file holds, trimmed). A bad event is rejected in the report at `placeOf(i)`
 * ("events[3]", "row 4"); the rest are kept in `events`, in order. One at a time, so that a large
 * file can be read a part at a time (a Parquet row group) and each part let go.
 */
export function createEventAcceptor(actorIds: ReadonlySet<string>, eventIds: ReadonlySet<string>, report: ReportBuilder, options: AcceptOptions = {}): { accept(raw: unknown, i: number): void; readonly events: ConflictEvent[] } {
  const placeOf = options.placeOf ?? ((i: number) => `events[${i}]`);
  const events: ConflictEvent[] = [];
  const seen = options.seen ?? new Map<string, number>();
  const clean = new Set<object>();
  const acceptEvent = createEventCheck();
  const accept = (raw: unknown, i: number): void => {
    const row = report.row(null, placeOf(i));
    if (!isObject(raw)) return row.reject('event', 'is not an object');
    const own = options.problemOf?.(raw);
    if (own) return row.reject(own[0], own[1]);
    const event = acceptEvent(normaliseStrings(raw, [], row, clean), row, events);
    if (!event) return;
    const problem = seen.has(event.id) ? (['id', `repeats the id of ${placeOf(seen.get(event.id)!)}`] as const) : referenceProblem(event, actorIds, eventIds);
    if (problem) {
      events.pop();
      return row.reject(problem[0], problem[1]);
    }
    seen.set(event.id, i);
  };
  return { accept, events };
}

/** The ids a file's raw events give, trimmed, for the references between them. */
export function rawEventIds(rawEvents: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const raw of rawEvents) if (isObject(raw) && typeof raw.id === 'string') ids.add(raw.id.trim());
  return ids;
}

/** A whole file's raw events through createEventAcceptor. */
export function acceptRawEvents(rawEvents: readonly unknown[], actorIds: ReadonlySet<string>, report: ReportBuilder, options: AcceptOptions & { onProgress?: (fraction: number) => void } = {}): ConflictEvent[] {
  const acceptor = createEventAcceptor(actorIds, rawEventIds(rawEvents), report, options);
  const total = rawEvents.length;
  rawEvents.forEach((raw, i) => {
    if (i % PROGRESS_EVERY === 0) options.onProgress?.(i / total);
    acceptor.accept(raw, i);
  });
  return acceptor.events;
}

/** The dataset's own fields, with what the report says about them, and the ids of its actors. */
export function readDatasetInfo(input: Record<string, unknown>, fileName: string): { info: DatasetInfo; actorIds: Set<string>; notes: string[] } {
  const notes: string[] = [];
  const title = typeof input.title === 'string' && input.title.trim() ? input.title.trim() : fileName;
  if (title === fileName) notes.push(`the file has no "title"; the file name is used`);
  const attribution = typeof input.attribution === 'string' && input.attribution.trim() ? input.attribution.trim() : `not stated in ${fileName}`;
  if (attribution.startsWith('not stated')) notes.push(`the file has no "attribution"; exports will say "Source: ${attribution}"`);

  const actors: Actor[] = [];
  const actorIds = new Set<string>();
  const rawActors = Array.isArray(input.actors) ? input.actors : [];
  if (!Array.isArray(input.actors)) notes.push('the file has no "actors" list; events that name actors are rejected');
  rawActors.forEach((raw, i) => {
    const parsed = actorSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      notes.push(`actors[${i}].${formatPath(issue.path)} ${issue.message}; this actor was not read, and events that name it are rejected`);
    } else if (actorIds.has(parsed.data.id)) {
      notes.push(`actors[${i}] repeats the id "${parsed.data.id}"; the first one is kept`);
    } else {
      actorIds.add(parsed.data.id);
      actors.push(parsed.data);
    }
  });
  const info: DatasetInfo = {
    title,
    ...(typeof input.description === 'string' ? { description: input.description } : {}),
    attribution,
    ...(typeof input.license === 'string' ? { license: input.license } : {}),
    actors,
  };
  return { info, actorIds, notes };
}

/**
 * Why a compact JSON file (the large-data format before Parquet) is not read: issue #22 retired it
 * with its decoder, so its readers are told how to convert the original data. The commands name no
 * file: a file name is not safe to paste into a shell.
 */
const COMPACT_RETIRED =
  'is a compact JSON file from an earlier version of Conflict Timeline; this version no longer reads that format. Convert the original data with `npm run import -- INPUT --out OUTPUT.parquet`';

const COMPACT_FORMAT = 'conflict-timeline-compact';
/** The compact format's own field, which earlier versions wrote first: known before a large file is scanned or parsed. */
const COMPACT_HEAD = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${COMPACT_FORMAT}"`);

/** A JSON file's text parsed whole, or why it cannot be: an earlier version's compact file, nesting no dataset has, or not JSON. */
export function parseJsonFile(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const body = text.replace(/^\ufeff/, '');
  if (COMPACT_HEAD.test(body.slice(0, 256))) return { ok: false, reason: COMPACT_RETIRED };
  const shape = checkJsonShape(text);
  if (!shape.ok) return { ok: false, reason: shape.reason };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, reason: notValidJson(error) };
  }
}

/** The app's JSON, parsed (see parseJsonFile), each event checked (see acceptRawEvents). `onProgress` hears from the parse's share on to 1. */
export function importJsonValue(input: unknown, fileName: string, report: ReportBuilder, maxRows = MAX_ROWS, onProgress?: (fraction: number) => void): JsonImport {
  onProgress?.(PARSED_SHARE);
  const eventsProgress = onProgress && ((fraction: number) => onProgress(PARSED_SHARE + (1 - PARSED_SHARE) * fraction));
  // A compact file whose keys were reordered after it was written.
  if (isObject(input) && input.format === COMPACT_FORMAT) return { ok: false, reason: COMPACT_RETIRED };
  // GeoJSON (the app's own Export GeoJSON, or a GIS layer) holds points and a few properties: no actors or sources to make events of.
  if (isObject(input) && (input.type === 'FeatureCollection' || input.type === 'Feature'))
    return { ok: false, reason: 'is GeoJSON, which the app writes for maps but does not read: open a CSV, JSON or Parquet of the events instead' };
  if (!isObject(input) || !Array.isArray(input.events))
    return { ok: false, reason: 'is JSON, but not a Conflict Timeline dataset (it has no "events" list)' };
  if (input.events.length > maxRows) return { ok: false, reason: tooManyRows(maxRows, 'events') };

  const { info, actorIds, notes } = readDatasetInfo(input, fileName);
  for (const note of notes) report.note(note);
  const events = acceptRawEvents(input.events, actorIds, report, eventsProgress ? { onProgress: eventsProgress } : {});
  return { ok: true, format: 'Conflict Timeline JSON', dataset: { ...info, events } };
}
