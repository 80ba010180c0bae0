// The map's view as a value: centre and zoom, and what follows from it on a screen of a given size.
// Web Mercator in world units (mercator.ts): screen x = worldX · worldPixels(zoom) − left. Pure.
import type { GeoBox } from '../model/geo.ts';
import { latOfMercatorY, lonOfMercatorX, MAX_MERCATOR_LAT, mercatorX, mercatorY, worldPixels } from './mercator.ts';

/** The map's view: its centre in degrees and its zoom (0 = the world in 256 px, +1 doubles). */
export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapSize {
  width: number;
  height: number;
}

/** From the world down to a district (zoom 12 is about 40 m a pixel at the equator). */
export const MIN_MAP_ZOOM = 1;
export const MAX_MAP_ZOOM = 12;

/** Where the world sits on the screen: screen = world · worldPx − (left, top). */
export interface MapFrame {
  width: number;
  height: number;
  zoom: number;
  worldPx: number;
  left: number;
  top: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The view kept inside the map's limits; the very same object when it already is. */
export function clampMapView(view: MapView): MapView {
  const lon = clamp(view.lon, -180, 180);
  const lat = clamp(view.lat, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT);
  const zoom = clamp(view.zoom, MIN_MAP_ZOOM, MAX_MAP_ZOOM);
  return lon === view.lon && lat === view.lat && zoom === view.zoom ? view : { lon, lat, zoom };
}

export function mapFrame(view: MapView, size: MapSize): MapFrame {
  const worldPx = worldPixels(view.zoom);
  return {
    width: size.width,
    height: size.height,
    zoom: view.zoom,
    worldPx,
    left: mercatorX(view.lon) * worldPx - size.width / 2,
    top: mercatorY(view.lat) * worldPx - size.height / 2,
  };
}

/** The screen position of a point in world units. */
export const screenX = (frame: MapFrame, worldX: number): number => worldX * frame.worldPx - frame.left;
export const screenY = (frame: MapFrame, worldY: number): number => worldY * frame.worldPx - frame.top;

/** The longitude and latitude under a screen position. */
export function lonLatAt(frame: MapFrame, x: number, y: number): [number, number] {
  return [lonOfMercatorX((x + frame.left) / frame.worldPx), latOfMercatorY((y + frame.top) / frame.worldPx)];
}

/** Zooms by `levels` (+1 doubles) keeping the point under (x, y) where it is. */
export function zoomMapAround(view: MapView, size: MapSize, levels: number, x = size.width / 2, y = size.height / 2): MapView {
  const frame = mapFrame(view, size);
  const wx = (x + frame.left) / frame.worldPx;
  const wy = (y + frame.top) / frame.worldPx;
  const zoom = clamp(view.zoom + levels, MIN_MAP_ZOOM, MAX_MAP_ZOOM);
  const worldPx = worldPixels(zoom);
  const cx = wx - (x - size.width / 2) / worldPx;
  const cy = wy - (y - size.height / 2) / worldPx;
  return clampMapView({ lon: lonOfMercatorX(cx), lat: latOfMercatorY(cy), zoom });
}

/** Moves the map by (dx, dy) screen pixels: dragging right by 10 px moves the centre 10 px west. */
export function panMap(view: MapView, dx: number, dy: number): MapView {
  const worldPx = worldPixels(view.zoom);
  return clampMapView({ lon: lonOfMercatorX(mercatorX(view.lon) - dx / worldPx), lat: latOfMercatorY(mercatorY(view.lat) - dy / worldPx), zoom: view.zoom });
}

/** The box of longitudes and latitudes between two screen points (in any order), within the world. */
export function boxOfScreenRect(frame: MapFrame, x0: number, y0: number, x1: number, y1: number): GeoBox {
  const [w, n] = lonLatAt(frame, Math.min(x0, x1), Math.min(y0, y1));
  const [e, s] = lonLatAt(frame, Math.max(x0, x1), Math.max(y0, y1));
  return { west: clamp(w, -180, 180), south: clamp(s, -90, 90), east: clamp(e, -180, 180), north: clamp(n, -90, 90) };
}

/** What the map shows, as a box (the "Filter to the map view" button's area). */
export const visibleBox = (frame: MapFrame): GeoBox => boxOfScreenRect(frame, 0, 0, frame.width, frame.height);

/** The view that shows `box` whole with a margin, no closer than `maxZoom`. */
export function fitMapView(box: GeoBox, size: MapSize, maxZoom = 8, margin = 40): MapView {
  const x0 = mercatorX(box.west);
  const x1 = mercatorX(box.east);
  const y0 = mercatorY(box.north);
  const y1 = mercatorY(box.south);
  const fit = (span: number, px: number) => (span > 0 ? Math.log2(Math.max(1, px - 2 * margin) / (256 * span)) : maxZoom);
  const zoom = Math.floor(Math.min(fit(x1 - x0, size.width), fit(y1 - y0, size.height), maxZoom) * 4) / 4;
  return clampMapView({ lon: lonOfMercatorX((x0 + x1) / 2), lat: latOfMercatorY((y0 + y1) / 2), zoom });
}

/** Metres per screen pixel at latitude `lat` (Mercator stretches by 1/cos(lat)). */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / worldPixels(zoom);
}

/** A scale bar at most `maxPx` long: a round distance (1, 2 or 5 × 10ⁿ m) and its length in px. */
export function scaleBar(view: MapView, maxPx: number): { metres: number; px: number } {
  const mpp = metresPerPixel(view.zoom, view.lat);
  const most = mpp * maxPx;
  const power = 10 ** Math.floor(Math.log10(most));
  const metres = ([5, 2, 1].find((n) => n * power <= most) ?? 1) * power;
  return { metres, px: metres / mpp };
}
