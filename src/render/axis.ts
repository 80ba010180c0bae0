// Draws the time axis into an SVG with d3-selection. Text goes in as text, never as markup.
import { select } from 'd3-selection';
import type { AxisLayout } from '../layout/ticks.ts';

/**
 * `dir`: the UI's direction. Time runs left to right either way; in Arabic the labels are written
 * right to left (so "14 سبتمبر 2022" keeps its order) and the context line sits at the right.
 */
export function drawAxis(svg: SVGSVGElement, axis: AxisLayout, width: number, height: number, dir: 'ltr' | 'rtl' = 'ltr'): void {
  const root = select(svg).attr('width', width).attr('height', height).attr('data-unit', axis.unit).attr('direction', dir);
  root
    .selectAll<SVGGElement, AxisLayout['ticks'][number]>('g.tick')
    .data(axis.ticks, (d) => String(d.t))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line').attr('y1', height - 8).attr('y2', height);
      g.append('text').attr('y', height - 12);
      return g;
    })
    .attr('transform', (d) => `translate(${d.x.toFixed(1)},0)`)
    .select('text')
    // A label cut by the plot's edge reads as a different value ("00" for "00:00"): hide it.
    .attr('visibility', (d) => (d.x < 18 || d.x > width - 18 ? 'hidden' : null))
    .text((d) => d.label);
  root
    .selectAll('text.context')
    .data(axis.context ? [axis.context] : [])
    .join('text')
    .attr('class', 'context')
    .attr('x', dir === 'rtl' ? width - 4 : 4)
    .attr('y', 13)
    .text((d) => d);
}
