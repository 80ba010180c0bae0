// A density lane as bars: one per bin with events, rising from the lane's floor. Heights follow the
// square root of the count, so that a bin with one event still shows beside one with thousands.
import type { LaneDensity, PlacedLane } from './marks.ts';

export interface DensityBar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

const PAD_TOP = 20; // room for the lane's caption
const PAD_BOTTOM = 3;

export function densityBars(density: LaneDensity, lane: PlacedLane): DensityBar[] {
  let max = 0;
  for (const c of density.counts) max = Math.max(max, c);
  if (max === 0) return [];
  const room = Math.max(4, lane.height - PAD_TOP - PAD_BOTTOM);
  const floor = lane.y + lane.height - PAD_BOTTOM;
  const bars: DensityBar[] = [];
  density.counts.forEach((count, bin) => {
    if (!count) return;
    const height = Math.max(2, Math.sqrt(count / max) * room);
    bars.push({ x: bin * density.binWidth, y: floor - height, width: Math.max(1, density.binWidth - 0.5), height, count });
  });
  return bars;
}

/** The caption over a density lane, in the words given ("8,316 events here · zoom in to see each"). */
export function densityCaption(density: LaneDensity, locale: string, words: (count: string) => string): string {
  return words(new Intl.NumberFormat(locale).format(density.total));
}

export const DENSITY_CAPTION_Y = 12;
