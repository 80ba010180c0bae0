// The API's query strings checked and turned into the engine's typed queries: pure functions, one
// zod schema per parameter, so that an answer of 400 names the parameter and what is wrong with it.
// Filter names are the app's URL's (src/store/url.ts); the window is from/to, each an instant as
// the app's URL writes it (2022-09-13, 2022-09-14T16:00Z) or UTC milliseconds.
import { z } from 'zod';
import { EVENT_TYPES, type EventType } from '../src/model/taxonomy.ts';
import { ROLES } from '../src/model/schema.ts';
import { parseUrlInstant } from '../src/store/url.ts';
import { queryWords } from '../src/table/search.ts';
import type { EngineFilters, LaneRequest, LaneSubset, MapRequest, ViewQuery } from './engine.ts';
import type { GeoBox } from '../src/model/geo.ts';
import { viewCellSpan } from './mapCells.ts';

export const API_LIMITS = {
  maxBins: 4096,
  maxPage: 1000,
  maxMarks: 5000,
  maxLanes: 200,
  maxText: 500,
  maxWords: 32,
  maxListItems: 1000,
  maxId: 500,
  maxOffset: 1_000_000_000,
  /** The map's zoom levels (0: the world in 256 px) and cell widths in px. */
  maxZoom: 24,
  minCell: 2,
  maxCell: 512,
  /** Cells of the grid a map's view may span (a 4K screen in 16 px cells is about 32,000): with one row per cell and type, ClickHouse's max_result_rows (1,000,000) is never reached. */
  maxMapCells: 65_536,
} as const;

/** The window when none is given: every instant a Date can hold. */
export const ALL_TIME = { from: -8.64e15, to: 8.64e15 } as const;

export const DEFAULTS = { marksLimit: 1000, pageLimit: 100, maxLanes: 12 } as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const FILTER_PARAMS = ['from', 'to', 'types', 'actors', 'role', 'q', 'country', 'place', 'bbox'] as const;

/** Which parameters each path takes; any other is refused, so that a typo is not silently ignored. */
export const PARAMS_OF = {
  info: [],
  report: [],
  bins: [...FILTER_PARAMS, 'lanes', 'bins', 'maxLanes'],
  marks: [...FILTER_PARAMS, 'limit'],
  // With inLanes, the events of those lanes only (lanes: how the view's lanes are made).
  events: [...FILTER_PARAMS, 'offset', 'limit', 'lanes', 'inLanes', 'laneActors', 'lanePlaces'],
  event: ['id'],
  counts: [...FILTER_PARAMS],
  places: [...FILTER_PARAMS],
  // The map's view: its box and its grid (zoom, cell width in px).
  map: [...FILTER_PARAMS, 'west', 'south', 'east', 'north', 'zoom', 'cell'],
} as const satisfies Record<string, readonly string[]>;
export type ApiPath = keyof typeof PARAMS_OF;

const quote = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);

const commaList = (v: string) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))];

/**
 * Lane keys, each percent-encoded by the page and joined by commas: a place's key may hold a comma,
 * and "No place" is the empty key. A key that is not percent-encoding is refused.
 */
const laneKeyList = (v: string, ctx: z.RefinementCtx): string[] => {
  const keys = new Set<string>();
  for (const part of v.split(',')) {
    try {
      keys.add(decodeURIComponent(part));
    } catch {
      ctx.addIssue({ code: 'custom', message: `${quote(part)} is not a percent-encoded lane key` });
      return [];
    }
  }
  return [...keys];
};

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, 'is not a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const instant = z.string().transform((v, ctx) => {
  const ms = /^-?\d{1,16}$/.test(v.trim()) ? Number(v.trim()) : parseUrlInstant(v);
  if (ms === null || Math.abs(ms) > ALL_TIME.to) {
    ctx.addIssue({ code: 'custom', message: `${quote(v)} is not a date (give 2022-09-13, 2022-09-14T16:00Z or UTC milliseconds)` });
    return z.NEVER;
  }
  return ms;
});

const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);

/** A decimal number as the app's URL writes one (no exponent, no hex, no "Infinity"), then its range. */
const decimal = (min: number, max: number, what = 'a number') =>
  z
    .string()
    .regex(/^-?\d{1,4}(\.\d{1,17})?$/, `is not ${what}`)
    .transform(Number)
    .pipe(z.number().finite().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const longitude = decimal(-180, 180, 'a longitude in degrees (−180 to 180)');
const latitude = decimal(-90, 90, 'a latitude in degrees (−90 to 90)');

/** The area filter as the app's URL writes it: west,south,east,north in degrees, west < east and south < north. */
const bbox = z.string().transform((v, ctx): GeoBox => {
  const parts = v.split(',');
  if (parts.length !== 4) {
    ctx.addIssue({ code: 'custom', message: `${quote(v)} is not west,south,east,north (four numbers in degrees)` });
    return z.NEVER;
  }
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const checked = (i % 2 === 0 ? longitude : latitude).safeParse(part.trim());
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', message: `${['west', 'south', 'east', 'north'][i]} ${quote(part)} ${checked.error.issues[0]?.message ?? 'is not valid'}` });
      return z.NEVER;
    }
    values.push(checked.data);
  }
  const [west, south, east, north] = values as [number, number, number, number];
  if (!(west < east)) ctx.addIssue({ code: 'custom', message: 'west must be less than east (a box does not cross the antimeridian)' });
  else if (!(south < north)) ctx.addIssue({ code: 'custom', message: 'south must be less than north' });
  return { west, south, east, north };
});

const PARAM_SCHEMAS = {
  from: instant,
  to: instant,
  types: z.string().transform((v, ctx) => {
    const types = commaList(v);
    const wrong = types.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
    if (wrong !== undefined) ctx.addIssue({ code: 'custom', message: `${quote(wrong)} is not an event type (one of ${EVENT_TYPES.join(', ')})` });
    return types as EventType[];
  }),
  actors: text(API_LIMITS.maxText * 20)
    .transform(commaList)
    .pipe(z.array(text(API_LIMITS.maxId)).max(API_LIMITS.maxListItems, `names more than ${API_LIMITS.maxListItems} actors`)),
  role: z.enum(ROLES, { error: (issue) => `${quote(String(issue.input))} is not one of ${ROLES.join(', ')}` }),
  q: text(API_LIMITS.maxText)
    .transform(queryWords)
    .pipe(z.array(z.string()).max(API_LIMITS.maxWords, `has more than ${API_LIMITS.maxWords} words`)),
  country: z.string().regex(/^[A-Z]{3}$/, 'is not an ISO 3166-1 alpha-3 code (e.g. ARM)'),
  // The app matches a typed place lower-cased against the place's names (filterMask).
  place: text(API_LIMITS.maxText).transform((v) => v.toLocaleLowerCase('en')),
  lanes: z.enum(['type', 'actor', 'place'], { error: (issue) => `${quote(String(issue.input))} is not type, actor or place` }),
  bbox,
  west: longitude,
  east: longitude,
  south: latitude,
  north: latitude,
  zoom: decimal(0, API_LIMITS.maxZoom, 'a map zoom'),
  cell: integer(API_LIMITS.minCell, API_LIMITS.maxCell),
  bins: integer(1, API_LIMITS.maxBins),
  maxLanes: integer(1, API_LIMITS.maxLanes),
  limit: integer(1, API_LIMITS.maxMarks),
  offset: integer(0, API_LIMITS.maxOffset),
  inLanes: text(API_LIMITS.maxText * 20)
    .transform(laneKeyList)
    .pipe(z.array(text(API_LIMITS.maxId)).max(API_LIMITS.maxLanes, `names more than ${API_LIMITS.maxLanes} lanes`)),
  laneActors: text(API_LIMITS.maxText * 20)
    .transform(laneKeyList)
    .pipe(z.array(text(API_LIMITS.maxId)).max(API_LIMITS.maxLanes, `names more than ${API_LIMITS.maxLanes} actors`)),
  lanePlaces: text(API_LIMITS.maxText * 20)
    .transform(laneKeyList)
    .pipe(z.array(text(API_LIMITS.maxId)).max(API_LIMITS.maxLanes, `names more than ${API_LIMITS.maxLanes} areas`)),
  id: z.string().min(1, 'is empty').max(API_LIMITS.maxId, `is longer than ${API_LIMITS.maxId} characters`),
} as const;
type ParamName = keyof typeof PARAM_SCHEMAS;
type ParamValues = { [K in ParamName]?: z.output<(typeof PARAM_SCHEMAS)[K]> };

/** Every parameter of `params` checked against the path's list and its schema. */
export function parseParams(path: ApiPath, params: URLSearchParams): Parsed<ParamValues> {
  const allowed: readonly string[] = PARAMS_OF[path];
  const values: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) {
      return { ok: false, error: `${quote(name)} is not a parameter of /api/${path}${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}` };
    }
    const all = params.getAll(name);
    if (all.length > 1) return { ok: false, error: `${name}: given ${all.length} times; give it once` };
    const result = PARAM_SCHEMAS[name as ParamName].safeParse(all[0]);
    if (!result.success) return { ok: false, error: `${name}: ${result.error.issues[0]?.message ?? 'is not valid'}` };
    values[name] = result.data;
  }
  return { ok: true, value: values as ParamValues };
}

/** The filters and window of checked parameters; the window is required where `needsWindow`. */
export function viewQueryOf(values: ParamValues, needsWindow = false): Parsed<ViewQuery> {
  const { from, to } = values;
  if ((from === undefined) !== (to === undefined)) return { ok: false, error: `${from === undefined ? 'from' : 'to'}: missing; give from and to together` };
  if (from === undefined || to === undefined) {
    if (needsWindow) return { ok: false, error: 'from: missing; this path needs a window (from and to)' };
  } else if (to <= from) return { ok: false, error: 'to: must be after from' };
  const filters: EngineFilters = {
    types: values.types ?? [],
    actors: values.actors ?? [],
    role: values.role ?? null,
    words: values.q ?? [],
    country: values.country ?? null,
    place: values.place ?? null,
    bbox: values.bbox ?? null,
  };
  return { ok: true, value: { filters, from: from ?? ALL_TIME.from, to: to ?? ALL_TIME.to } };
}

export function laneRequestOf(values: ParamValues): LaneRequest {
  return values.lanes === 'actor' || values.lanes === 'place' ? { mode: values.lanes, maxLanes: values.maxLanes ?? DEFAULTS.maxLanes } : { mode: 'type' };
}

/** The map's view and grid (/api/map): all of west, south, east, north, zoom and cell; a view of at most maxMapCells cells. */
export function mapRequestOf(values: ParamValues): Parsed<MapRequest> {
  const { west, south, east, north, zoom, cell } = values;
  const missing = (['west', 'south', 'east', 'north', 'zoom', 'cell'] as const).find((name) => values[name] === undefined);
  if (missing) return { ok: false, error: `${missing}: missing; give the map's view (west, south, east, north in degrees), its zoom and the cell's width in px` };
  if (!(west! < east!)) return { ok: false, error: 'east: must be greater than west (a view does not cross the antimeridian)' };
  if (!(south! < north!)) return { ok: false, error: 'north: must be greater than south' };
  const map: MapRequest = { view: { west: west!, south: south!, east: east!, north: north! }, zoom: zoom!, cell: cell! };
  const span = viewCellSpan(map);
  if (span > API_LIMITS.maxMapCells) {
    return { ok: false, error: `cell: the view spans ${span} cells of ${cell} px at zoom ${Math.floor(zoom!)}, more than ${API_LIMITS.maxMapCells}; give larger cells or a smaller view` };
  }
  return { ok: true, value: map };
}

/**
 * The lanes whose events are wanted (/api/events with inLanes), or null for all the events. By
 * type (the default) the keys are event types; by actor, actor ids and "*" ("Other actors", the
 * events with an actor not among laneActors, or none).
 */
export function laneSubsetOf(values: ParamValues): Parsed<LaneSubset | null> {
  const { inLanes, laneActors } = values;
  if (inLanes === undefined) {
    const stray = values.lanes !== undefined ? 'lanes' : laneActors !== undefined ? 'laneActors' : values.lanePlaces !== undefined ? 'lanePlaces' : null;
    return stray ? { ok: false, error: `${stray}: only with inLanes (the lanes whose events are wanted)` } : { ok: true, value: null };
  }
  const { lanePlaces } = values;
  if (values.lanes !== 'place' && lanePlaces !== undefined) return { ok: false, error: 'lanePlaces: only with lanes=place' };
  if (values.lanes === 'actor') return { ok: true, value: { mode: 'actor', keys: inLanes, laneActors: laneActors ?? [] } };
  if (laneActors !== undefined) return { ok: false, error: 'laneActors: only with lanes=actor' };
  if (values.lanes === 'place') return { ok: true, value: { mode: 'place', keys: inLanes, lanePlaces: lanePlaces ?? [] } };
  const wrong = inLanes.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (wrong !== undefined) return { ok: false, error: `inLanes: ${quote(wrong)} is not an event type (lanes by type are event types)` };
  return { ok: true, value: { mode: 'type', keys: inLanes as EventType[] } };
}
