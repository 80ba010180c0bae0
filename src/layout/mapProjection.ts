// d3-geo's Mercator placed as a map frame, so that geoPath draws the basemap where the points are.
// Apart from mapView.ts so that the store and the URL codec do not bring d3-geo into the first screen.
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { MapFrame } from './mapView.ts';

export function frameProjection(frame: MapFrame): GeoProjection {
  return geoMercator()
    .scale(frame.worldPx / (2 * Math.PI))
    .translate([frame.worldPx / 2 - frame.left, frame.worldPx / 2 - frame.top]);
}
