// Where the map opens: on the events that have coordinates.
import type { GeoBox } from '../model/geo.ts';
import { fitMapView, type MapView } from './mapView.ts';

/** The first view when nothing says otherwise: a little under the size of a map panel beside the timeline, so the events clear its edges. */
const OPENING_SIZE = { width: 400, height: 330 };
/** With no coordinates at all: the whole world. */
const WORLD: MapView = { lon: 20, lat: 30, zoom: 1 };

/** The box around the points of `rows` (all rows by default; NaN: none); null when none has coordinates. */
export function coordinateBox(lon: Float64Array, lat: Float64Array, rows?: ArrayLike<number>): GeoBox | null {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const n = rows ? rows.length : lon.length;
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k]! : k;
    const x = lon[i]!;
    const y = lat[i]!;
    if (x !== x || y !== y) continue;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return west <= east ? { west, south, east, north } : null;
}

/** A view on the events of `rows` (those in view, say), else on all events with coordinates. */
export function defaultMapView(coordinates: { lon: Float64Array; lat: Float64Array }, rows?: ArrayLike<number>): MapView {
  const box = (rows && coordinateBox(coordinates.lon, coordinates.lat, rows)) ?? coordinateBox(coordinates.lon, coordinates.lat);
  return box ? fitMapView(box, OPENING_SIZE, 7) : WORLD;
}
