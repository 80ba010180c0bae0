import { describe, expect, it } from 'vitest';
import { countInView, layoutMap, layoutWindowGrid, MAP_CELL_PIXELS, mapHitTest, worldGrid } from './mapMarks.ts';
import { geoPrecisionCode as precisionCode } from '../table/eventTable.ts';
import { worldPoints } from './mapWorld.ts';
import { mapFrame, screenX, screenY } from './mapView.ts';
import { mercatorCell, mercatorX, mercatorY } from './mercator.ts';

const size = { width: 800, height: 600 };

function fixture(points: [number, number, number?, number?][]) {
  const lon = Float64Array.from(points, (p) => p[0]);
  const lat = Float64Array.from(points, (p) => p[1]);
  return {
    world: worldPoints(lon, lat),
    precision: Uint8Array.from(points, (p) => p[2] ?? 0),
    type: Uint8Array.from(points, (p) => p[3] ?? 0),
    rows: Uint32Array.from(points, (_, i) => i),
  };
}

describe('map marks', () => {
  it('puts each event at its projected place', () => {
    const data = fixture([[44.5136, 40.1811], [49.8671, 40.4093]]);
    const frame = mapFrame({ lon: 47, lat: 40.3, zoom: 6 }, size);
    const layout = layoutMap({ ...data, frame });
    expect(layout.marks.map((m) => m.kind)).toEqual(['point', 'point']);
    expect(layout.marks[0]!.x).toBeCloseTo(screenX(frame, mercatorX(44.5136)), 9);
    expect(layout.marks[1]!.y).toBeCloseTo(screenY(frame, mercatorY(40.4093)), 9);
  });

  it('merges points that would overlap into one counted mark, and splits them when zoomed in', () => {
    // Yerevan three times, and a place 5 km away: one mark of four at zoom 6, two at zoom 11.
    const data = fixture([[44.5136, 40.1811, 0, 1], [44.5136, 40.1811, 0, 1], [44.5136, 40.1811, 0, 3], [44.57, 40.18, 0, 1]]);
    const far = layoutMap({ ...data, frame: mapFrame({ lon: 44.5, lat: 40.2, zoom: 6 }, size) });
    expect(far.marks).toHaveLength(1);
    expect(far.marks[0]).toMatchObject({ kind: 'cluster', rows: [0, 1, 2, 3], mixedTypes: true });
    const near = layoutMap({ ...data, frame: mapFrame({ lon: 44.5, lat: 40.2, zoom: 11 }, size) });
    expect(near.marks.map((m) => m.rows.length).sort()).toEqual([1, 3]);
  });

  it('leaves out events outside the view and counts those without coordinates apart', () => {
    const data = fixture([[44.5, 40.2], [2.35, 48.85], [NaN, NaN]]);
    const layout = layoutMap({ ...data, frame: mapFrame({ lon: 44.5, lat: 40.2, zoom: 7 }, size) });
    expect(layout.inView).toBe(1);
    expect(layout.unplaced).toBe(1);
    expect(layout.marks.flatMap((m) => m.rows)).toEqual([0]);
  });

  it('only takes the rows it is given (those in the window that pass the filters)', () => {
    const data = fixture([[44.5, 40.2], [44.6, 40.3]]);
    const layout = layoutMap({ ...data, rows: [1], frame: mapFrame({ lon: 44.5, lat: 40.2, zoom: 7 }, size) });
    expect(layout.marks.flatMap((m) => m.rows)).toEqual([1]);
  });

  it('draws a region as an area about a region wide, not as a pin, and never merges it into a cluster', () => {
    const data = fixture([[45.6, 39.8, precisionCode('region')], [45.6, 39.8, precisionCode('point')], [45.6, 39.8, precisionCode('district')]]);
    const layout = layoutMap({ ...data, frame: mapFrame({ lon: 45.6, lat: 39.8, zoom: 8 }, size) });
    const areas = layout.marks.filter((m) => m.kind === 'area');
    expect(areas.map((m) => m.rows[0])).toEqual([0, 2]);
    // 120 km at zoom 8 near 40°N is about 255 px (metres per px ≈ 470).
    expect(areas[0]!.spread).toBeGreaterThan(200);
    expect(areas[0]!.spread).toBeLessThan(300);
    expect(areas[1]!.spread).toBeLessThan(areas[0]!.spread);
    expect(layout.marks.find((m) => m.kind === 'point')!.spread).toBe(0);
  });

  it('gives a "near" point a ring about 25 km wide', () => {
    const data = fixture([[45.6, 39.8, precisionCode('near')]]);
    const layout = layoutMap({ ...data, frame: mapFrame({ lon: 45.6, lat: 39.8, zoom: 9 }, size) });
    expect(layout.marks[0]!.kind).toBe('point');
    expect(layout.marks[0]!.spread).toBeGreaterThan(80);
    expect(layout.marks[0]!.spread).toBeLessThan(120);
  });

  it('switches to a density grid over the limit, with mercatorCell’s cells and counts that add up', () => {
    const points: [number, number][] = [];
    for (let i = 0; i < 500; i++) points.push([44 + (i % 25) * 0.1, 39.5 + Math.floor(i / 25) * 0.08]);
    const data = fixture(points);
    const frame = mapFrame({ lon: 45.2, lat: 40.3, zoom: 7.4 }, size);
    const layout = layoutMap({ ...data, frame, markLimit: 100 });
    expect(layout.marks).toEqual([]);
    expect(layout.cells.reduce((n, c) => n + c.count, 0)).toBe(500);
    // Each point's cell on screen is mercatorCell's cell at the integer zoom.
    const cells = 2 ** 7 * (256 / MAP_CELL_PIXELS);
    const size7 = frame.worldPx / cells;
    for (const [lon, lat] of points.slice(0, 40)) {
      const [col, row] = mercatorCell(lon, lat, 7, MAP_CELL_PIXELS);
      const cell = layout.cells.find((c) => Math.abs(c.x - (col * size7 - frame.left)) < 1e-6 && Math.abs(c.y - (row * size7 - frame.top)) < 1e-6);
      expect(cell).toBeDefined();
    }
    expect(layout.maxCellCount).toBe(Math.max(...layout.cells.map((c) => c.count)));
  });

  it('finds the mark under the pointer: a pin before the area around it', () => {
    const data = fixture([[45.6, 39.8, precisionCode('region')], [45.7, 39.8]]);
    const layout = layoutMap({ ...data, frame: mapFrame({ lon: 45.6, lat: 39.8, zoom: 8 }, size) });
    const pin = layout.marks.find((m) => m.kind === 'point')!;
    expect(mapHitTest(layout, pin.x + 2, pin.y)?.rows).toEqual([1]);
    expect(mapHitTest(layout, 400, 380)?.rows).toEqual([0]);
    expect(mapHitTest(layout, 5, 5)).toBeNull();
  });
});

describe('the grid kept per zoom level (worldGrid), read as the map pans', () => {
  // 20,000 events scattered over the Caucasus, some without coordinates.
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const n = 20_000;
  const lon = Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? NaN : 43 + random() * 4));
  const lat = Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? NaN : 38.5 + random() * 3));
  const type = Uint8Array.from({ length: n }, () => Math.floor(random() * 9));
  const world = worldPoints(lon, lat);
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  const precision = new Uint8Array(n);

  it('gives the cells, counts and types that counting the rows gives, wherever the map looks', () => {
    for (const [cLon, cLat, zoom] of [[45, 40, 6.4], [44.2, 39.1, 8], [46.9, 41.2, 9.7], [40, 40, 7]] as const) {
      const frame = mapFrame({ lon: cLon, lat: cLat, zoom }, size);
      const grid = worldGrid(world, type, rows, Math.floor(zoom))!;
      const kept = layoutMap({ world, precision, type, rows, frame, grid, markLimit: 100 });
      const counted = layoutMap({ world, precision, type, rows, frame, markLimit: 100 });
      const onScreen = (c: { x: number; y: number; size: number }) => c.x + c.size > 0 && c.x < frame.width && c.y + c.size > 0 && c.y < frame.height;
      const key = (c: { x: number; y: number }) => `${Math.round(c.x)},${Math.round(c.y)}`;
      const sorted = <T extends { x: number; y: number }>(cells: T[]) => [...cells].sort((a, b) => key(a).localeCompare(key(b)));
      if (counted.cells.length === 0) {
        // Few in view: both place marks from the rows.
        expect(kept.marks.length, `${cLon},${cLat}`).toBe(counted.marks.length);
        continue;
      }
      expect(kept.approximate).toBe(true);
      expect(sorted(kept.cells).map((c) => [key(c), c.count, c.typeIndex])).toEqual(sorted(counted.cells.filter(onScreen)).map((c) => [key(c), c.count, c.typeIndex]));
      expect(kept.unplaced).toBe(counted.unplaced);
      // Whole cells at the edges: at least the events on screen, never fewer.
      expect(kept.inView).toBeGreaterThanOrEqual(countInView(world, rows, frame, 0).inView);
    }
  });

  it('gives up (null) when the rows span more cells than it may keep', () => {
    expect(worldGrid(world, type, rows, 12, 1000)).toBeNull();
    expect(worldGrid(world, type, rows, 3, 1000)).not.toBeNull();
  });
});

describe('the grid of a moving window (layoutWindowGrid), counted without listing the rows', () => {
  let seed = 5;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const n = 30_000;
  const lon = Float64Array.from({ length: n }, (_, i) => (i % 40 === 0 ? NaN : 43 + random() * 4));
  const lat = Float64Array.from({ length: n }, (_, i) => (i % 40 === 0 ? NaN : 38.5 + random() * 3));
  const type = Uint8Array.from({ length: n }, () => Math.floor(random() * 9));
  // Rows in time order; every 7th event lasts a while, so some start before a window and reach into it.
  const start = Float64Array.from({ length: n }, (_, i) => i * 1000);
  const end = Float64Array.from(start, (t, i) => (i % 7 === 0 ? t + 50_000 : t));
  const mask = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
  const world = worldPoints(lon, lat);
  const precision = new Uint8Array(n);

  it('gives the grid and counts that the listed rows give, for windows and filters', () => {
    for (const [from, to, filtered, zoom] of [[0, 3e7, false, 6.5], [5e6, 2.2e7, true, 8.2], [1e6, 1.01e7, true, 7]] as const) {
      const frame = mapFrame({ lon: 45, lat: 40, zoom }, size);
      const m = filtered ? mask : null;
      const lo = start.findIndex((t) => t >= from - 50_000);
      const hiAt = start.findIndex((t) => t > to);
      const hi = hiAt < 0 ? n : hiAt;
      const rows = Uint32Array.from({ length: hi - lo }, (_, k) => lo + k).filter((row) => end[row]! >= from && (!m || m[row] === 1));
      const listed = layoutMap({ world, precision, type, rows, frame, markLimit: 100 });
      const counted = layoutWindowGrid(world, type, { end, mask: m, lo, hi, from }, frame, 100);
      expect(counted).toEqual(listed);
    }
  });

  it('leaves a view of few events to the marks (null)', () => {
    const frame = mapFrame({ lon: 45, lat: 40, zoom: 12 }, size);
    expect(layoutWindowGrid(world, type, { end, mask: null, lo: 0, hi: 100, from: 0 }, frame)).toBeNull();
  });
});
