// Each event's place in Web Mercator world units, computed once per table: a frame then only
// scales and shifts these (no trigonometry per row per frame).
import { mercatorX, mercatorY } from './mercator.ts';

export interface WorldPoints {
  /** 0–1 west to east; NaN for an event without coordinates. */
  x: Float64Array;
  /** 0–1 north to south; NaN for an event without coordinates. */
  y: Float64Array;
}

export function worldPoints(lon: Float64Array, lat: Float64Array): WorldPoints {
  const x = new Float64Array(lon.length);
  const y = new Float64Array(lat.length);
  for (let i = 0; i < lon.length; i++) {
    const ok = Number.isFinite(lon[i]!) && Number.isFinite(lat[i]!);
    x[i] = ok ? mercatorX(lon[i]!) : NaN;
    y[i] = ok ? mercatorY(lat[i]!) : NaN;
  }
  return { x, y };
}
