// The map's answers from a data server (/api/map): the request for the map's view, its URL, the
// answer checked (zod) into the form the map panel draws, and the fetch that follows the store
// with the timeline's rules: a new view aborts the last request, and an answer for a view already
// left is dropped. The engine answers the events in view as points when few, else counts per
// cell of the Web Mercator grid (mercatorCell), so the page's work does not grow with the data.
import { z } from 'zod';
import { EVENT_TYPES } from '../model/taxonomy.ts';
import { GEO_PRECISIONS } from '../model/schema.ts';
import type { GeoBox } from '../model/geo.ts';
import { MAX_MERCATOR_LAT, latOfMercatorY, lonOfMercatorX, mercatorX, mercatorY, worldPixels } from '../layout/mercator.ts';
import type { Filters } from '../table/filter.ts';
import type { TimeWindow } from '../store/window.ts';
import type { AppState, AppStore } from '../store/store.ts';
import type { RemoteMapAnswer } from '../store/remoteView.ts';

export type { RemoteMapAnswer, RemoteMapCell, RemoteMapPoint } from '../store/remoteView.ts';
import { apiUrl, filterParams, windowParams } from './apiUrls.ts';
import type { Checked } from './apiAnswers.ts';

/** The map shows each event when the view holds at most this many (the server's MAP_POINT_LIMIT). */
export const MAP_POINT_LIMIT = 1000;

/** The density grid's cell, in screen pixels, when the view holds more. */
export const MAP_CELL_PIXELS = 16;

/** The map's view as the store has it: its centre and zoom (0: the world 256 px wide). */
export interface MapCentre {
  lon: number;
  lat: number;
  zoom: number;
}

/** What the server is asked for the map: the timeline's window and filters, and the map's visible box and grid. */
export interface RemoteMapRequest {
  window: TimeWindow;
  filters: Filters;
  view: GeoBox;
  zoom: number;
  cell: number;
}

/**
 * The box a map of `size` px shows around its centre (Web Mercator, as the map panel projects):
 * clamped to the world, so that a view wider than the world asks for all of it.
 */
export function mapViewBox(centre: MapCentre, size: { width: number; height: number }): GeoBox {
  const world = worldPixels(centre.zoom);
  const x = mercatorX(centre.lon);
  const y = mercatorY(centre.lat);
  const halfX = size.width / 2 / world;
  const halfY = size.height / 2 / world;
  const clampX = (v: number) => Math.max(0, Math.min(1, v));
  return {
    west: lonOfMercatorX(clampX(x - halfX)),
    east: lonOfMercatorX(clampX(x + halfX)),
    north: Math.min(MAX_MERCATOR_LAT, latOfMercatorY(clampX(y - halfY))),
    south: Math.max(-MAX_MERCATOR_LAT, latOfMercatorY(clampX(y + halfY))),
  };
}

/** The request for the store's map, or null while the map is hidden or has no size. */
export function remoteMapRequest(state: { window: TimeWindow; filters: Filters }, centre: MapCentre | null, size: { width: number; height: number } | null, cell = MAP_CELL_PIXELS): RemoteMapRequest | null {
  if (!centre || !size || size.width <= 0 || size.height <= 0) return null;
  const view = mapViewBox(centre, size);
  if (!(view.west < view.east) || !(view.south < view.north)) return null;
  return { window: state.window, filters: state.filters, view, zoom: centre.zoom, cell };
}

/** Coordinates with as many decimals as a screen pixel needs at zoom 24: short URLs, and the same URL for the same view. */
const degrees = (v: number) => String(Math.round(v * 1e7) / 1e7);

export function mapUrl(base: URL, request: RemoteMapRequest): string {
  const { view } = request;
  return apiUrl(base, 'map', [
    ...windowParams(request.window),
    ...filterParams(request.filters),
    ['west', degrees(view.west)],
    ['south', degrees(view.south)],
    ['east', degrees(view.east)],
    ['north', degrees(view.north)],
    ['zoom', String(Math.round(request.zoom * 1000) / 1000)],
    ['cell', String(request.cell)],
  ]);
}

/** Equal keys: the same answer. An answer whose key is not the current request's is for a view already left. */
export const remoteMapKey = (request: RemoteMapRequest): string => mapUrl(new URL('http://key.invalid/'), request);

const count = z.number().int().nonnegative();
const mapAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('points'),
    total: count,
    points: z
      .array(
        z.object({
          id: z.string(),
          lon: z.number().min(-180).max(180),
          lat: z.number().min(-90).max(90),
          type: z.enum(EVENT_TYPES),
          precision: z.enum(GEO_PRECISIONS).nullable(),
          title: z.string(),
        }),
      )
      .max(MAP_POINT_LIMIT),
  }),
  z.object({
    kind: z.literal('cells'),
    total: count,
    zoom: z.number().int().min(0).max(30),
    cell: z.number().int().positive(),
    cells: z.array(z.tuple([count, count, count.min(1), z.number().int().min(0).max(EVENT_TYPES.length - 1)])),
  }),
]);

/** The answer of /api/map checked; `key` is the request's. */
export function readMap(body: unknown, key: string): Checked<RemoteMapAnswer> {
  const parsed = mapAnswerSchema.safeParse(body);
  if (parsed.success) return { ok: true, value: { ...parsed.data, key } };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'not what the API answers'}` };
}

/** How the map's requests go: `get` is the remote client's getApi (token, errors); `request` is the store's map request (null: map hidden). */
export interface MapFollowOptions {
  get: <T>(url: string, read: (body: unknown) => Checked<T>, signal: AbortSignal) => Promise<T>;
  request: (state: AppState) => RemoteMapRequest | null;
  /** Waits this long after the last change before asking (a wheel zoom asks once it rests). */
  askAfterMs?: number;
}

/**
 * Follows the store's map: each new request's answer into the store (receiveRemoteMap). A new
 * request aborts the last; an answer whose key is not the current request's is dropped. Failures
 * are the timeline's requests' to report (the same server): the map keeps its last answer and
 * asks again with the next change. Returns a function that stops.
 */
export function followRemoteMap(store: AppStore, base: URL, options: MapFollowOptions): () => void {
  let current: AbortController | null = null;
  let currentKey = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const ask = () => {
    timer = null;
    const state = store.getState();
    if (!state.remoteInfo) return;
    const request = options.request(state);
    if (!request) {
      current?.abort();
      current = null;
      currentKey = '';
      return;
    }
    const key = remoteMapKey(request);
    if (key === currentKey || key === state.remoteMap?.key) return;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    currentKey = key;
    options.get(mapUrl(base, request), (body) => readMap(body, key), controller.signal).then(
      (answer) => {
        if (controller.signal.aborted || answer.key !== currentKey) return;
        current = null;
        store.getState().receiveRemoteMap(answer);
      },
      () => {
        if (currentKey === key) currentKey = '';
      },
    );
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(ask, options.askAfterMs ?? 60);
  };
  // Asked again when the request's key changes (not on hover or other changes of the store), or a token is given.
  const keyOf = (state: AppState) => {
    const request = options.request(state);
    return `${request ? remoteMapKey(request) : ''}|${state.remoteToken ?? ''}`;
  };
  const unsubscribe = store.subscribe(keyOf, schedule);
  schedule();
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    current?.abort();
  };
}
