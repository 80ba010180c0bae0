import { describe, expect, it } from 'vitest';
import { LIGHT_THEME } from '../render/theme.ts';
import { videoGeometry, VIDEO_AXIS, type VideoStill } from './videoFrame.ts';

const measure = (text: string, size: number) => text.length * size * 0.55;
const still = (dir: 'ltr' | 'rtl' = 'ltr'): VideoStill => ({
  title: 'Armenia–Azerbaijan border clashes, September 2022',
  filters: 'Filters: none (all events)',
  legend: [
    { label: 'Clash', colour: '#d55e00', shape: 'circle' },
    { label: 'Protest', colour: '#e69f00', shape: 'triangle' },
  ],
  footer: ['Source: Al Jazeera Arabic', 'Borders: Natural Earth'],
  theme: LIGHT_THEME,
  dir,
  densityCaption: (n) => `${n} events here`,
});
const plot = { width: 601, height: 333 };
const map = { width: 401, height: 301 };

describe('the layout of a video frame', () => {
  it('has even sides, as video encoders need, and room for the title, dates, axis, lanes, legend and source', () => {
    const g = videoGeometry(still(), plot, null, measure);
    expect(g.width % 2).toBe(0);
    expect(g.height % 2).toBe(0);
    expect(g.plot).toMatchObject({ width: 601, height: 333 });
    expect(g.plot.y).toBe(g.axisTop + VIDEO_AXIS);
    expect(g.datesY).toBeLessThan(g.countsY);
    expect(g.countsY).toBeLessThan(g.axisTop);
    const texts = g.fixedText.map((t) => t.text);
    expect(texts).toEqual(['Armenia–Azerbaijan border clashes, September 2022', 'Filters: none (all events)', 'Clash', 'Protest', 'Source: Al Jazeera Arabic', 'Borders: Natural Earth']);
    // Nothing is painted below the frame.
    expect(Math.max(...g.fixedText.map((t) => t.y))).toBeLessThan(g.height);
    expect(g.legendShapes.every((s) => s.y > g.plot.y + g.plot.height)).toBe(true);
  });

  it('puts the map beside the timeline, at the height of its axis, when the frame stays a sensible width', () => {
    const g = videoGeometry(still(), plot, map, measure);
    expect(g.map).not.toBeNull();
    expect(g.map!.x).toBeGreaterThanOrEqual(g.plot.x + g.plot.width);
    expect(g.map!.y).toBe(g.axisTop);
    expect(g.width).toBeGreaterThanOrEqual(g.map!.x + g.map!.width);
  });

  it('puts the map under the timeline when both side by side would be too wide', () => {
    const g = videoGeometry(still(), { width: 1400, height: 300 }, { width: 900, height: 400 }, measure);
    expect(g.map!.y).toBeGreaterThan(g.plot.y + g.plot.height);
  });

  it('mirrors the frame in Arabic: lines from the right, the map on the left, lane names right of the plot', () => {
    const g = videoGeometry(still('rtl'), plot, map, measure);
    expect(g.map!.x).toBeLessThan(g.plot.x);
    expect(g.fixedText[0]).toMatchObject({ align: 'right', x: g.width - 16 });
    expect(g.plot.x + g.plot.width).toBeLessThan(g.width - 100);
  });
});
