// Hit-testing against the layout, not the DOM: which mark, if any, lies under a point.
import type { TimelineLayout, TimelineMark } from '../layout/marks.ts';

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
