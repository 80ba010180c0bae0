// Hit-testing against the layout, not the DOM: which mark, if any, lies under a point.
import type { LaneDensity, TimelineLayout, TimelineMark } from '../layout/marks.ts';

const SLOP = 3;

export function hitTest(layout: TimelineLayout, x: number, y: number): TimelineMark | null {
  let best: TimelineMark | null = null;
  let bestDistance = Infinity;
  for (const mark of layout.marks) {
    const dy = Math.abs(y - mark.y);
    if (dy > Math.max(mark.radius, 9) + SLOP) continue;
    const x0 = mark.x - mark.radius - SLOP;
    const x1 = mark.kind === 'bar' ? mark.x2 + SLOP : mark.x + mark.radius + SLOP;
    const labelEnd = mark.label && !mark.labelInside ? mark.labelX + mark.labelWidth : x1;
    if (x < x0 || x > Math.max(x1, labelEnd)) continue;
    // On the mark itself beats on its label; nearer centre beats farther.
    const onMark = x <= x1;
    const distance = (onMark ? 0 : 1000) + (mark.kind === 'bar' ? dy : Math.hypot(x - mark.x, dy));
    if (distance < bestDistance) {
      best = mark;
      bestDistance = distance;
    }
  }
  return best;
}

export interface DensityHit {
  density: LaneDensity;
  bin: number;
  count: number;
  /** The bin's time span, in UTC ms. */
  from: number;
  to: number;
}

/** The density bin under a point, in a lane drawn as a density. */
export function densityHitTest(layout: TimelineLayout, x: number, y: number): DensityHit | null {
  for (const density of layout.densities) {
    const lane = layout.lanes[density.lane];
    if (!lane || y < lane.y || y >= lane.y + lane.height) continue;
    const bin = Math.floor(x / density.binWidth);
    if (bin < 0 || bin >= density.counts.length) return null;
    const from = density.from + bin * density.binSpan;
    return { density, bin, count: density.counts[bin]!, from, to: from + density.binSpan };
  }
  return null;
}
