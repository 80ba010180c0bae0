// Pure functions from the store's view to the data server's API URLs (README "Data server" → "The
// API"), and the key that tells one view's answer from another's. No fetching here.
import { EVENT_TYPES } from '../model/taxonomy.ts';
import type { Filters } from '../table/filter.ts';
import type { LaneMode } from '../layout/lanes.ts';
import type { TimeWindow } from '../store/window.ts';
import { densityBinCount, markLimit } from '../layout/density.ts';

/** Events of a window fetched as a whole (and laid out in the page) when there are at most this many; the API's page limit. */
export const SMALL_TABLE_LIMIT = 1000;

/** What the server is asked for one view: everything that changes its answers. */
export interface RemoteViewRequest {
  window: TimeWindow;
  filters: Filters;
  lanes: LaneMode;
  /** Bins per lane: one per few pixels of the plot, as the local density lanes have. */
  bins: number;
  /** Lanes by actor: at most this many (maxActorLanes of the plot's height). */
  maxLanes: number;
  /** A lane with at most this many events in the window is marked event by event (markLimit of the plot's width). */
  markLimit: number;
}

export type SourceCheck = { ok: true; base: URL } | { ok: false; value: string };

/** The `source` parameter: an absolute http(s) URL without credentials, else refused (with the value, for the notice). */
export function checkSourceUrl(text: string): SourceCheck {
  const value = text.length > 160 ? `${text.slice(0, 160)}…` : text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, value };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return { ok: false, value };
  // The API lives under the source's path: http://host/app/ → http://host/app/api/…
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, base: url };
}

/** The filters under the app's URL names, which the API takes as they are. */
export function filterParams(filters: Filters): [string, string][] {
  const params: [string, string][] = [];
  if (filters.types.length) params.push(['types', [...filters.types].sort((a, b) => EVENT_TYPES.indexOf(a) - EVENT_TYPES.indexOf(b)).join(',')]);
  if (filters.actors.length) params.push(['actors', filters.actors.join(',')]);
  if (filters.role) params.push(['role', filters.role]);
  if (filters.q.trim()) params.push(['q', filters.q.trim()]);
  if (filters.country) params.push(['country', filters.country]);
  if (filters.place) params.push(['place', filters.place]);
  // The area filter runs in the engine: west,south,east,north as the URL writes it.
  if (filters.area) params.push(['bbox', [filters.area.west, filters.area.south, filters.area.east, filters.area.north].join(',')]);
  return params;
}

/** The window in whole UTC milliseconds, as the API takes it. */
export function windowParams(window: TimeWindow): [string, string][] {
  return [
    ['from', String(Math.floor(window.from))],
    ['to', String(Math.ceil(window.to))],
  ];
}

export function apiUrl(base: URL, path: 'info' | 'bins' | 'events' | 'event' | 'counts' | 'places' | 'map', params: [string, string][] = []): string {
  const url = new URL(`api/${path}`, base);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.href;
}

/** The URLs of one view: its lanes' bins, its counts, and its events when few. */
export function viewUrls(base: URL, view: RemoteViewRequest): { bins: string; counts: string; events: string } {
  const query = [...windowParams(view.window), ...filterParams(view.filters)];
  // By actor (and by place, where the page has that mode): at most maxLanes lanes.
  const lanes: [string, string][] = view.lanes === 'type' ? [['lanes', 'type']] : [['lanes', view.lanes], ['maxLanes', String(view.maxLanes)]];
  return {
    bins: apiUrl(base, 'bins', [...query, ['bins', String(view.bins)], ...lanes]),
    counts: apiUrl(base, 'counts', query),
    events: apiUrl(base, 'events', [...query, ['limit', String(SMALL_TABLE_LIMIT)]]),
  };
}

/** A page of the events passing `filters`, in `window` or (null) all time: what the data exports read. */
export function eventsPageUrl(base: URL, filters: Filters, window: TimeWindow | null, offset: number, limit: number): string {
  return apiUrl(base, 'events', [...(window ? windowParams(window) : []), ...filterParams(filters), ['offset', String(offset)], ['limit', String(limit)]]);
}

/** The overview strip's request: all the data's extent, `bins` bins, by type (summed by the strip). */
export function overviewUrl(base: URL, filters: Filters, extent: TimeWindow, bins: number): string {
  return apiUrl(base, 'bins', [...windowParams(extent), ...filterParams(filters), ['bins', String(bins)], ['lanes', 'type']]);
}

/** The counts of the events passing `filters`, in `window` or (null) all time. */
export function countsUrl(base: URL, filters: Filters, window: TimeWindow | null): string {
  return apiUrl(base, 'counts', [...(window ? windowParams(window) : []), ...filterParams(filters)]);
}

/** The countries and places of the window under the other filters (the place filter's counts). */
export function placesUrl(base: URL, filters: Filters, window: TimeWindow): string {
  return apiUrl(base, 'places', [...windowParams(window), ...filterParams(filters)]);
}

/**
 * A page of the view's events in the lanes `keys` only (the sparse lanes). By actor, `laneActors`
 * are the actors with a lane of their own in the view: "Other actors" (*) holds the rest.
 */
export function laneEventsUrl(base: URL, view: RemoteViewRequest, keys: readonly string[], laneActors: readonly string[], offset: number, limit: number): string {
  // Each key percent-encoded, then joined: a place's key may hold a comma, and "No place" is ''.
  const list = (values: readonly string[]) => values.map(encodeURIComponent).join(',');
  const lanes: [string, string][] = [['lanes', view.lanes], ['inLanes', list(keys)]];
  // The lanes with a key of their own: actors (laneActors) or, by place, places (lanePlaces).
  if (view.lanes !== 'type') lanes.push([view.lanes === 'actor' ? 'laneActors' : 'lanePlaces', list(laneActors)]);
  return apiUrl(base, 'events', [...windowParams(view.window), ...filterParams(view.filters), ...lanes, ['offset', String(offset)], ['limit', String(limit)]]);
}

/** The request for the store's view, or null while the plot has no size yet. */
export function remoteViewRequest(
  view: { window: TimeWindow; filters: Filters; lanes: LaneMode; plotSize: { width: number; height: number } | null },
  maxLanesFor: (height: number) => number,
): RemoteViewRequest | null {
  if (!view.plotSize || view.plotSize.width <= 0) return null;
  const { width, height } = view.plotSize;
  return { window: view.window, filters: view.filters, lanes: view.lanes, bins: densityBinCount(width), maxLanes: maxLanesFor(height), markLimit: markLimit(width) };
}

/** Equal keys: the same answers. An answer whose key is not the current view's is for a view already left. */
export function remoteViewKey(view: RemoteViewRequest): string {
  return JSON.stringify([Math.floor(view.window.from), Math.ceil(view.window.to), filterParams(view.filters), view.lanes, view.bins, view.lanes === 'type' ? 0 : view.maxLanes, view.markLimit]);
}
