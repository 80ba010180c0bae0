// Web Mercator in world units: x and y run 0–1 across the world (y = 0 at the top, about 85°N).
// The map panel, its exports and the data server's map cells all place events by these functions,
// so that a cell counted by the engine is the cell the page draws.

/** Web Mercator's latitude limit: beyond it y leaves 0–1. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

/** The width of the world in pixels at map zoom `zoom` (256 at 0, doubling at each level). */
export const worldPixels = (zoom: number): number => 256 * 2 ** zoom;

export const mercatorX = (lon: number): number => (lon + 180) / 360;

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  const phi = (clamped * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

export const lonOfMercatorX = (x: number): number => x * 360 - 180;

export function latOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The grid cell of a point for density at map zoom `zoom` with cells `cellPixels` wide:
 * [column, row] counted from the world's top-left corner. The engine computes the same.
 */
export function mercatorCell(lon: number, lat: number, zoom: number, cellPixels: number): [number, number] {
  const cells = worldPixels(zoom) / cellPixels;
  return [Math.min(cells - 1, Math.floor(mercatorX(lon) * cells)), Math.min(cells - 1, Math.floor(mercatorY(lat) * cells))];
}
