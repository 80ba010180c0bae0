// A pure, per-field codec between the view and the URL's query string. Values stay readable and
// editable by hand: from=2022-09-13&to=2022-09-16&actors=az-forces,am-forces&types=clash.
import { EVENT_TYPES, isEventType, type EventType } from '../model/taxonomy.ts';
import { ROLES, type Role } from '../model/schema.ts';
import type { LaneMode } from '../layout/lanes.ts';
import { NO_FILTERS, type Filters } from '../table/filter.ts';
import { clampWindow, type TimeWindow } from './window.ts';
import { clampMapView, MAX_MAP_ZOOM, MIN_MAP_ZOOM, type MapView } from '../layout/mapView.ts';
import { formatBbox, isBoxProblem, parseBbox } from '../model/bbox.ts';
import type { GeoBox } from '../model/geo.ts';
import { readableQuery } from '../model/links.ts';

export interface UrlView {
  window: TimeWindow | null;
  event: string | null;
  lanes: LaneMode;
  filters: Filters;
  /** The map's view (`map=lon,lat,zoom`); absent or null: the map is hidden. */
  map?: MapView | null;
}

export const DEFAULT_URL_VIEW: UrlView = { window: null, event: null, lanes: 'type', filters: NO_FILTERS };

/** Writes an instant as briefly as it is exact: 2022-09-13, 2022-09-14T16:00Z, 2022-09-14T16:00:30Z. */
export function formatUrlInstant(ms: number): string {
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  if (iso.endsWith(':00.000Z')) return `${iso.slice(0, 16)}Z`;
  return `${iso.slice(0, 19)}Z`;
}

const URL_INSTANT = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z?)?)?)?$/;

/** Reads 1994, 2022-09, 2022-09-13 or 2022-09-14T16:00Z (always UTC); null when not a date. */
export function parseUrlInstant(text: string): number | null {
  const m = URL_INSTANT.exec(text.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(ms);
  // Rejects 2022-02-31 and 25:00, which Date.UTC would quietly roll over.
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || back.getUTCHours() !== Number(h)) return null;
  if (Number(mi) > 59 || Number(s) > 59) return null;
  return ms;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function encodeUrl(view: UrlView): string {
  const p = new URLSearchParams();
  if (view.window) {
    p.set('from', formatUrlInstant(view.window.from));
    p.set('to', formatUrlInstant(view.window.to));
  }
  const f = view.filters;
  if (f.actors.length) p.set('actors', f.actors.join(','));
  if (f.role) p.set('role', f.role);
  if (f.types.length) p.set('types', [...f.types].sort((a, b) => EVENT_TYPES.indexOf(a) - EVENT_TYPES.indexOf(b)).join(','));
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.country) p.set('country', f.country);
  if (f.place) p.set('place', f.place);
  if (f.area) p.set('bbox', formatBbox(f.area));
  if (view.lanes !== 'type') p.set('lanes', view.lanes);
  if (view.event) p.set('event', view.event);
  if (view.map) p.set('map', encodeMapView(view.map));
  // Commas and colons are legal in a query string; leaving them unescaped keeps links readable.
  return readableQuery(p.toString());
}

/** `44.5136,40.1811,7.5`: degrees to 4 decimals (about 10 m), zoom to 2. */
export function encodeMapView(view: MapView): string {
  return `${+view.lon.toFixed(4)},${+view.lat.toFixed(4)},${+view.zoom.toFixed(2)}`;
}

/** Reads `lon,lat,zoom`; a reason when it cannot (for the notice). Values out of range are refused, not moved. */
export function decodeMapView(text: string): { view: MapView } | { problem: string } {
  const parts = text.split(',');
  const numbers = parts.map((s) => (/^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : NaN));
  if (parts.length !== 3 || numbers.some((n) => !Number.isFinite(n))) return { problem: 'must be three numbers: longitude,latitude,zoom' };
  const [lon, lat, zoom] = numbers as [number, number, number];
  if (lon < -180 || lon > 180) return { problem: 'has a longitude outside −180 to 180' };
  if (lat < -90 || lat > 90) return { problem: 'has a latitude outside −90 to 90' };
  const view = clampMapView({ lon, lat, zoom });
  if (view.zoom !== zoom) return { problem: `has a zoom outside ${MIN_MAP_ZOOM} to ${MAX_MAP_ZOOM}` };
  return { view };
}

export interface UrlKnowledge {
  /** Resolves an actor id, name or alias to a registry id. */
  resolveActor(value: string): string | undefined;
  hasEvent(id: string): boolean;
}

export interface DecodedUrl {
  view: UrlView;
  /** What was ignored and why, for the notice: `to "yesterday" is not a date`. */
  ignored: string[];
}

const KNOWN_PARAMS = new Set(['from', 'to', 'actors', 'role', 'types', 'q', 'country', 'place', 'bbox', 'lanes', 'event', 'embed', 'title', 'height', 'controls', 'theme', 'lang', 'data', 'source', 'map', 'story', 'step']);
const MAX_TEXT = 500;

export function decodeUrl(search: string, known: UrlKnowledge): DecodedUrl {
  const p = new URLSearchParams(search);
  const ignored: string[] = [];
  const quote = (v: string) => `"${v.length > 60 ? `${v.slice(0, 60)}…` : v}"`;

  let window: TimeWindow | null = null;
  const fromText = p.get('from');
  const toText = p.get('to');
  if (fromText !== null || toText !== null) {
    const from = fromText === null ? null : parseUrlInstant(fromText);
    const to = toText === null ? null : parseUrlInstant(toText);
    if (fromText !== null && from === null) ignored.push(`from ${quote(fromText)} is not a date`);
    if (toText !== null && to === null) ignored.push(`to ${quote(toText)} is not a date`);
    if (fromText === null || toText === null) ignored.push('from and to must be given together');
    else if (from !== null && to !== null) {
      if (to <= from) ignored.push(`to ${quote(toText)} is not after from ${quote(fromText)}`);
      else {
        window = clampWindow({ from, to });
        if (window.from !== from || window.to !== to) ignored.push('the window was outside the zoom range (1 hour to 40 years) and was adjusted');
      }
    }
  }

  const actors: string[] = [];
  for (const value of list(p.get('actors') ?? '')) {
    const id = known.resolveActor(value);
    if (id === undefined) ignored.push(`actor ${quote(value)} is not in the data`);
    else if (!actors.includes(id)) actors.push(id);
  }

  const types: EventType[] = [];
  for (const value of list(p.get('types') ?? '')) {
    if (isEventType(value)) {
      if (!types.includes(value)) types.push(value);
    } else ignored.push(`type ${quote(value)} is not an event type`);
  }

  let role: Role | null = null;
  const roleText = p.get('role');
  if (roleText !== null) {
    if ((ROLES as readonly string[]).includes(roleText)) role = roleText as Role;
    else ignored.push(`role ${quote(roleText)} is not one of ${ROLES.join(', ')}`);
  }

  let lanes: LaneMode = 'type';
  const lanesText = p.get('lanes');
  if (lanesText !== null) {
    if (lanesText === 'type' || lanesText === 'actor' || lanesText === 'place') lanes = lanesText;
    else ignored.push(`lanes ${quote(lanesText)} must be "type", "actor" or "place"`);
  }

  let event: string | null = null;
  const eventText = p.get('event');
  if (eventText !== null) {
    if (known.hasEvent(eventText)) event = eventText;
    else ignored.push(`event ${quote(eventText)} is not in the data`);
  }

  let country: string | null = null;
  const countryText = p.get('country');
  if (countryText !== null) {
    if (/^[A-Za-z]{3}$/.test(countryText)) country = countryText.toUpperCase();
    else ignored.push(`country ${quote(countryText)} is not a three-letter ISO code`);
  }

  const text = (name: string): string | null => {
    const v = p.get(name);
    if (v === null) return null;
    if (v.length > MAX_TEXT) {
      ignored.push(`${name} is longer than ${MAX_TEXT} characters`);
      return null;
    }
    return v.trim() || null;
  };
  const q = text('q') ?? '';
  const place = text('place');

  let map: MapView | null = null;
  const mapText = p.get('map');
  if (mapText !== null) {
    const decoded = decodeMapView(mapText);
    if ('view' in decoded) map = decoded.view;
    else ignored.push(`map ${quote(mapText)} ${decoded.problem}`);
  }

  let area: GeoBox | null = null;
  const bboxText = p.get('bbox');
  if (bboxText !== null) {
    const box = parseBbox(bboxText);
    if (isBoxProblem(box)) ignored.push(`bbox ${quote(bboxText)} ${box.problem}`);
    else area = box;
  }

  for (const key of new Set(p.keys())) {
    if (!KNOWN_PARAMS.has(key)) ignored.push(`unknown parameter ${quote(key)}`);
  }

  return {
    view: { window, event, lanes, filters: { actors, role, types, q, country, place, area }, ...(map ? { map } : {}) },
    ignored,
  };
}
