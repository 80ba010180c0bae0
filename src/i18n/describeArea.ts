// The area filter's box in words, for its chip and for exports: "39.5–40.5°N, 44.0–45.5°E".
import type { GeoBox } from '../model/geo.ts';
import type { Messages } from './messages.en.ts';

/**
 * Decimals enough to tell the edges apart, and no more: one for a box a degree or more across, up
 * to four for a box of a few hundred metres.
 */
function decimalsFor(span: number): number {
  if (!(span > 0) || span >= 1) return 1;
  return Math.min(4, Math.ceil(-Math.log10(span)) + 1);
}

/** "39.5–40.5°N", or "10.0°S–5.0°N" across the equator (and the same for E/W across Greenwich). */
function range(low: number, high: number, negative: string, positive: string, locale: string): string {
  const digits = decimalsFor(high - low);
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  const side = (v: number) => (v < 0 ? negative : positive);
  const abs = (v: number) => number.format(Math.abs(v));
  if (side(low) === side(high)) {
    // Both south (or west): the nearer the pole, the larger the number, so it comes second.
    const [a, b] = low < 0 ? [high, low] : [low, high];
    return `${abs(a)}–${abs(b)}${side(low)}`;
  }
  return `${abs(low)}${negative}–${abs(high)}${positive}`;
}

export function describeArea(box: GeoBox, locale: string, words: Pick<Messages, 'chipArea' | 'degrees'>): string {
  const { N, S, E, W } = words.degrees;
  return words.chipArea(range(box.south, box.north, S, N, locale), range(box.west, box.east, W, E, locale));
}
