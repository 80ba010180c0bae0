// The compact variant of the app's JSON, for large datasets. Events are stored as columns (one
// array per field, index i = event i). Parts that repeat across events — times, actor lists,
// places, counts, sources, tags, claims, relations — are kept once each in `tables`, and the event
// columns hold indexes into them (-1 = none). The round trip is exact, and decoding shares one
// object per distinct part, which keeps a million events small in memory.
import { EVENT_TYPES, type EventType } from '../model/taxonomy.ts';
import type { Actor, ConflictEvent, Dataset, LocalizedText } from '../model/schema.ts';

export const COMPACT_FORMAT = 'conflict-timeline-compact';
export const COMPACT_VERSION = 1;

const TABLES = ['time', 'actors', 'place', 'counts', 'sources', 'tags', 'claims', 'relations'] as const;
type TableName = (typeof TABLES)[number];
/** Event fields that hold a list and are [] when absent (the schema's defaults). */
const LIST_FIELDS = ['actors', 'counts', 'sources', 'tags', 'claims', 'relations'] as const;

export interface CompactDataset {
  format: typeof COMPACT_FORMAT;
  version: typeof COMPACT_VERSION;
  title: string;
  description?: string;
  attribution: string;
  license?: string;
  actors: Actor[];
  /** The event types, in the order `events.type` indexes them. */
  types: string[];
  languages: string[];
  tables: Record<TableName, unknown[]>;
  events: {
    id: string[];
    type: number[];
    title: LocalizedText[];
    description: (LocalizedText | null)[];
    originalLanguage: number[];
    start: number[];
    end: number[];
  } & Record<Exclude<TableName, 'time'>, number[]>;
}

function tableBuilder() {
  const rows: unknown[] = [];
  const index = new Map<string, number>();
  return {
    rows,
    add(value: unknown): number {
      const key = JSON.stringify(value);
      let i = index.get(key);
      if (i === undefined) {
        i = rows.length;
        rows.push(value);
        index.set(key, i);
      }
      return i;
    },
  };
}

export function encodeCompact(dataset: Dataset): CompactDataset {
  const tables = Object.fromEntries(TABLES.map((t) => [t, tableBuilder()])) as Record<TableName, ReturnType<typeof tableBuilder>>;
  const languages = tableBuilder();
  const events = dataset.events;
  const column = <T>(f: (e: ConflictEvent) => T) => events.map(f);
  const list = (name: (typeof LIST_FIELDS)[number]) => column((e) => (e[name].length ? tables[name].add(e[name]) : -1));
  const compact: CompactDataset = {
    format: COMPACT_FORMAT,
    version: COMPACT_VERSION,
    title: dataset.title,
    ...(dataset.description !== undefined ? { description: dataset.description } : {}),
    attribution: dataset.attribution,
    ...(dataset.license !== undefined ? { license: dataset.license } : {}),
    actors: dataset.actors,
    types: [...EVENT_TYPES],
    languages: [],
    tables: {} as CompactDataset['tables'],
    events: {
      id: column((e) => e.id),
      type: column((e) => EVENT_TYPES.indexOf(e.type)),
      title: column((e) => e.title),
      description: column((e) => e.description ?? null),
      originalLanguage: column((e) => languages.add(e.originalLanguage)),
      start: column((e) => tables.time.add(e.start)),
      end: column((e) => (e.end ? tables.time.add(e.end) : -1)),
      place: column((e) => (e.place ? tables.place.add(e.place) : -1)),
      actors: list('actors'),
      counts: list('counts'),
      sources: list('sources'),
      tags: list('tags'),
      claims: list('claims'),
      relations: list('relations'),
    },
  };
  compact.languages = languages.rows as string[];
  compact.tables = Object.fromEntries(TABLES.map((t) => [t, tables[t].rows])) as CompactDataset['tables'];
  return compact;
}

export function isCompactDataset(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === COMPACT_FORMAT;
}

export interface CompactProblem {
  path: string;
  message: string;
}

type Decoded = { ok: true; dataset: Dataset } | { ok: false; problems: CompactProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the structure (never trusting it), then rebuilds the events. Each event is still validated by the caller. */
export function decodeCompact(input: unknown): Decoded {
  const problems: CompactProblem[] = [];
  const fail = (path: string, message: string): Decoded => ({ ok: false, problems: [...problems, { path, message }] });
  if (!isObject(input)) return fail('', 'is not an object');
  if (input.version !== COMPACT_VERSION) return fail('version', `is ${JSON.stringify(input.version)}; this app reads version ${COMPACT_VERSION}`);
  if (typeof input.title !== 'string' || typeof input.attribution !== 'string') return fail('title', 'title and attribution must be text');
  if (!Array.isArray(input.actors)) return fail('actors', 'is not a list');
  if (!Array.isArray(input.types) || !input.types.every((t) => typeof t === 'string')) return fail('types', 'is not a list of type names');
  if (!Array.isArray(input.languages) || !input.languages.every((t) => typeof t === 'string')) return fail('languages', 'is not a list of language codes');
  const tables = input.tables;
  if (!isObject(tables)) return fail('tables', 'is not an object');
  for (const t of TABLES) if (!Array.isArray(tables[t])) return fail(`tables.${t}`, 'is not a list');
  const columns = input.events;
  if (!isObject(columns)) return fail('events', 'is not an object');
  const ids = columns.id;
  if (!Array.isArray(ids)) return fail('events.id', 'is not a list');
  const n = ids.length;
  const names = ['type', 'title', 'description', 'originalLanguage', 'start', 'end', 'place', ...LIST_FIELDS] as const;
  for (const name of names) {
    const col = columns[name];
    if (!Array.isArray(col)) return fail(`events.${name}`, 'is not a list');
    if (col.length !== n) return fail(`events.${name}`, `has ${col.length} entries; events.id has ${n}`);
  }
  const col = (name: string) => columns[name] as unknown[];
  const index = (name: string, table: readonly unknown[], i: number, optional: boolean): number | null => {
    const v = col(name)[i];
    if (optional && v === -1) return -1;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= table.length) {
      problems.push({ path: `events.${name}[${i}]`, message: `${JSON.stringify(v)} is not an index into its table (0–${table.length - 1}${optional ? ', or -1' : ''})` });
      return null;
    }
    return v;
  };
  const types = input.types as string[];
  const languages = input.languages as string[];
  const t = tables as Record<TableName, unknown[]>;
  const events: ConflictEvent[] = new Array(n);
  for (let i = 0; i < n && problems.length < 20; i++) {
    const type = index('type', types, i, false);
    const lang = index('originalLanguage', languages, i, false);
    const start = index('start', t.time, i, false);
    const end = index('end', t.time, i, true);
    const place = index('place', t.place, i, true);
    const lists = LIST_FIELDS.map((f) => index(f, t[f], i, true));
    if (type === null || lang === null || start === null || end === null || place === null || lists.includes(null)) continue;
    const description = col('description')[i];
    const event: Record<string, unknown> = {
      id: ids[i],
      type: types[type] as EventType,
      title: col('title')[i],
      ...(description !== null ? { description } : {}),
      originalLanguage: languages[lang],
      start: t.time[start],
      ...(end >= 0 ? { end: t.time[end] } : {}),
      ...(place >= 0 ? { place: t.place[place] } : {}),
    };
    LIST_FIELDS.forEach((f, k) => {
      event[f] = lists[k]! >= 0 ? t[f][lists[k]!] : [];
    });
    events[i] = event as unknown as ConflictEvent;
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    dataset: {
      title: input.title,
      ...(typeof input.description === 'string' ? { description: input.description } : {}),
      attribution: input.attribution,
      ...(typeof input.license === 'string' ? { license: input.license } : {}),
      actors: input.actors as Actor[],
      events,
    },
  };
}
