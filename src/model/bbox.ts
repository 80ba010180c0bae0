// The area filter's box as text: the URL's bbox=west,south,east,north, checked, and written back
// as briefly as it is exact. Pure: the URL codec and the store both use it.
import type { GeoBox } from './geo.ts';

/** Five decimals of a degree is about a metre: finer than any source places an event. */
const DECIMALS = 5;

const round = (v: number) => {
  const r = Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
  return r === 0 ? 0 : r; // no "-0" in links
};

/**
 * The box with its edges rounded as the URL writes them, so that the store holds what a reload
 * reads back. The same object when nothing changes.
 */
export function roundBox(box: GeoBox): GeoBox {
  const next = { west: round(box.west), south: round(box.south), east: round(box.east), north: round(box.north) };
  return next.west === box.west && next.south === box.south && next.east === box.east && next.north === box.north ? box : next;
}

/** "44.3,40.05,44.7,40.3": the URL's value. */
export function formatBbox(box: GeoBox): string {
  const b = roundBox(box);
  return [b.west, b.south, b.east, b.north].map(String).join(',');
}

/** A plain decimal: no hex, exponents, Infinity or empty parts, which Number() would accept. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The box, or why the text is not one (for the ignored-parameter notice, after `bbox "…"`). */
export function parseBbox(text: string): GeoBox | { problem: string } {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 4 || !parts.every((p) => DECIMAL.test(p))) return { problem: 'must be four numbers: west,south,east,north' };
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  if ([west, east].some((v) => v < -180 || v > 180)) return { problem: 'has a longitude outside −180 to 180' };
  if ([south, north].some((v) => v < -90 || v > 90)) return { problem: 'has a latitude outside −90 to 90' };
  if (west >= east) return { problem: 'must have west less than east' };
  if (south >= north) return { problem: 'must have south less than north' };
  return roundBox({ west, south, east, north });
}

export const isBoxProblem = (v: GeoBox | { problem: string }): v is { problem: string } => 'problem' in v;
