import { describe, expect, it } from 'vitest';
import { frameProjection } from './mapProjection.ts';
import { boxOfScreenRect, clampMapView, fitMapView, lonLatAt, mapFrame, panMap, scaleBar, screenX, screenY, visibleBox, zoomMapAround } from './mapView.ts';
import { mercatorX, mercatorY } from './mercator.ts';

const size = { width: 800, height: 600 };
const yerevan = { lon: 44.5136, lat: 40.1811 };

describe('the map view', () => {
  it('puts its centre in the middle of the screen', () => {
    const frame = mapFrame({ ...yerevan, zoom: 7 }, size);
    expect(screenX(frame, mercatorX(yerevan.lon))).toBeCloseTo(400, 6);
    expect(screenY(frame, mercatorY(yerevan.lat))).toBeCloseTo(300, 6);
  });

  it('places points by the same projection as d3-geo draws the basemap', () => {
    const frame = mapFrame({ lon: 46, lat: 40, zoom: 6.5 }, size);
    const projection = frameProjection(frame);
    for (const [lon, lat] of [[44.5136, 40.1811], [49.8671, 40.4093], [43.8475, 40.7894], [-74, 40.7], [151.2, -33.9]] as const) {
      const [x, y] = projection([lon, lat])!;
      expect(x).toBeCloseTo(screenX(frame, mercatorX(lon)), 6);
      expect(y).toBeCloseTo(screenY(frame, mercatorY(lat)), 6);
    }
  });

  it('turns a screen point back into the place under it', () => {
    const frame = mapFrame({ lon: 46, lat: 40, zoom: 8 }, size);
    const [lon, lat] = lonLatAt(frame, screenX(frame, mercatorX(yerevan.lon)), screenY(frame, mercatorY(yerevan.lat)));
    expect(lon).toBeCloseTo(yerevan.lon, 9);
    expect(lat).toBeCloseTo(yerevan.lat, 9);
  });

  it('zooms around the pointer: the place under it stays under it', () => {
    const view = { lon: 46, lat: 40, zoom: 6 };
    const before = lonLatAt(mapFrame(view, size), 200, 150);
    const zoomed = zoomMapAround(view, size, 1.5, 200, 150);
    expect(zoomed.zoom).toBe(7.5);
    const after = lonLatAt(mapFrame(zoomed, size), 200, 150);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
  });

  it('keeps zoom between the world and a district, and the centre on the world', () => {
    expect(zoomMapAround({ lon: 0, lat: 0, zoom: 11 }, size, 5).zoom).toBe(12);
    expect(zoomMapAround({ lon: 0, lat: 0, zoom: 2 }, size, -5).zoom).toBe(1);
    expect(clampMapView({ lon: 200, lat: 89, zoom: 30 })).toEqual({ lon: 180, lat: 85.0511287798066, zoom: 12 });
    const ok = { lon: 1, lat: 2, zoom: 3 };
    expect(clampMapView(ok)).toBe(ok);
  });

  it('pans as the pointer drags: dragging right shows what lies west', () => {
    const view = { lon: 46, lat: 40, zoom: 6 };
    const moved = panMap(view, 100, 0);
    expect(moved.lon).toBeLessThan(46);
    expect(moved.lat).toBeCloseTo(40, 9);
    expect(panMap(moved, -100, 0).lon).toBeCloseTo(46, 9);
  });

  it('gives the box between two screen points, north above south and west left of east', () => {
    const frame = mapFrame({ lon: 45, lat: 40, zoom: 7 }, size);
    const box = boxOfScreenRect(frame, 500, 400, 300, 200);
    expect(box.west).toBeLessThan(45);
    expect(box.east).toBeGreaterThan(45);
    expect(box.south).toBeLessThan(40);
    expect(box.north).toBeGreaterThan(40);
    const all = visibleBox(frame);
    expect(all.west).toBeLessThan(box.west);
    expect(all.north).toBeGreaterThan(box.north);
  });

  it('fits a box: all of it on screen, at the closest zoom that does', () => {
    const box = { west: 43.8, south: 39.8, east: 49.9, north: 40.8 };
    const view = fitMapView(box, size);
    const frame = mapFrame(view, size);
    const shown = visibleBox(frame);
    expect(shown.west).toBeLessThanOrEqual(box.west);
    expect(shown.east).toBeGreaterThanOrEqual(box.east);
    expect(shown.south).toBeLessThanOrEqual(box.south);
    expect(shown.north).toBeGreaterThanOrEqual(box.north);
    const closer = visibleBox(mapFrame({ ...view, zoom: view.zoom + 0.5 }, size));
    expect(closer.east - closer.west).toBeLessThan(box.east - box.west);
  });

  it('picks a round distance for the scale bar', () => {
    const bar = scaleBar({ lon: 45, lat: 40, zoom: 7 }, 120);
    expect([1, 2, 5]).toContain(bar.metres / 10 ** Math.floor(Math.log10(bar.metres)));
    expect(bar.px).toBeLessThanOrEqual(120);
    expect(bar.px).toBeGreaterThan(120 / 5);
  });
});
