// An area on the map as a box of longitudes and latitudes: the area filter, the map's view, and
// what the data server is asked for. West ≤ east: a box does not cross the antimeridian.

export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Whether a point lies in the box, edges included. NaN (no coordinates) never does. */
export function boxContains(box: GeoBox, lon: number, lat: number): boolean {
  return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
}
