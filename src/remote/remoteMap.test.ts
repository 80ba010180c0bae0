import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { NO_FILTERS } from '../table/filter.ts';
import { mercatorX, mercatorY, worldPixels } from '../layout/mercator.ts';
import { connectRemoteSource } from './remoteClient.ts';
import { mapUrl, mapViewBox, readMap, remoteMapKey, remoteMapRequest, type RemoteMapRequest } from './remoteMap.ts';

const DATASET = { title: 'Served data', attribution: 'A server', actors: [] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('mapViewBox', () => {
  it('is the box a map of that size shows around its centre, in Web Mercator', () => {
    const box = mapViewBox({ lon: 45, lat: 40, zoom: 8 }, { width: 512, height: 256 });
    const world = worldPixels(8);
    expect((mercatorX(box.east) - mercatorX(box.west)) * world).toBeCloseTo(512, 6);
    expect((mercatorY(box.south) - mercatorY(box.north)) * world).toBeCloseTo(256, 6);
    expect((box.west + box.east) / 2).toBeCloseTo(45, 9);
    // Not centred in latitude (Mercator stretches north), but around it.
    expect(box.south).toBeLessThan(40);
    expect(box.north).toBeGreaterThan(40);
  });

  it('stops at the world’s edges', () => {
    const world = mapViewBox({ lon: 0, lat: 0, zoom: 0 }, { width: 2000, height: 2000 });
    expect(world).toMatchObject({ west: -180, east: 180 });
    expect(world.south).toBeCloseTo(-85.0511287798066, 9);
    expect(world.north).toBeCloseTo(85.0511287798066, 9);
  });
});

describe('the map request', () => {
  const request: RemoteMapRequest = {
    window: { from: Date.UTC(2022, 8, 13), to: Date.UTC(2022, 8, 16) },
    filters: { ...NO_FILTERS, types: ['clash'], area: { west: 44.5, south: 39.25, east: 45.75, north: 40.5 } },
    view: { west: 43.123456789, south: 38.5, east: 46.987654321, north: 41.25 },
    zoom: 7.4567,
    cell: 16,
  };

  it('asks /api/map with the filters, the area filter as bbox, the view and the grid', () => {
    const url = new URL(mapUrl(new URL('http://127.0.0.1:8787/'), request));
    expect(url.pathname).toBe('/api/map');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: String(request.window.from),
      to: String(request.window.to),
      types: 'clash',
      bbox: '44.5,39.25,45.75,40.5',
      west: '43.1234568',
      south: '38.5',
      east: '46.9876543',
      north: '41.25',
      zoom: '7.457',
      cell: '16',
    });
  });

  it('is none while the map is hidden or has no size', () => {
    const state = { window: request.window, filters: NO_FILTERS };
    expect(remoteMapRequest(state, null, { width: 400, height: 300 })).toBeNull();
    expect(remoteMapRequest(state, { lon: 45, lat: 40, zoom: 6 }, null)).toBeNull();
    expect(remoteMapRequest(state, { lon: 45, lat: 40, zoom: 6 }, { width: 0, height: 300 })).toBeNull();
    expect(remoteMapRequest(state, { lon: 45, lat: 40, zoom: 6 }, { width: 400, height: 300 })).toMatchObject({ zoom: 6, cell: 16 });
  });
});

describe('readMap', () => {
  it('takes points and cells as the API answers them', () => {
    const points = { kind: 'points', total: 1, points: [{ id: 'a', lon: 44.5, lat: 40.1, type: 'clash', precision: 'region', title: 'A clash' }] };
    expect(readMap(points, 'k')).toEqual({ ok: true, value: { ...points, key: 'k' } });
    const cells = { kind: 'cells', total: 12, zoom: 6, cell: 16, cells: [[1, 2, 5, 0], [2, 2, 7, 3]] };
    expect(readMap(cells, 'k')).toEqual({ ok: true, value: { ...cells, key: 'k' } });
  });

  it('refuses what the API never answers', () => {
    const point = { id: 'a', lon: 44.5, lat: 40.1, type: 'clash', precision: null, title: 'A clash' };
    for (const body of [
      { kind: 'points', total: 1, points: [{ ...point, type: 'skirmish' }] },
      { kind: 'points', total: 1, points: [{ ...point, precision: 'exact' }] },
      { kind: 'points', total: 1, points: [{ ...point, lon: 200 }] },
      { kind: 'points', total: 1001, points: Array.from({ length: 1001 }, () => point) },
      { kind: 'cells', total: 1, zoom: 6, cell: 16, cells: [[1, 2, 0, 0]] },
      { kind: 'cells', total: 1, zoom: 6, cell: 16, cells: [[1, 2, 3, 99]] },
      { kind: 'cells', total: 1, zoom: 6, cell: 16, cells: [[1, 2, 3]] },
      { kind: 'hexagons', total: 1 },
    ]) {
      expect(readMap(body, 'k').ok, JSON.stringify(body).slice(0, 80)).toBe(false);
    }
  });
});

describe('the map from the data server', () => {
  it('asks when the map is shown, drops an answer for a view already left, and keeps the last answer while the next is on its way', async () => {
    const asked: URL[] = [];
    const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname === '/api/info') return json({ engine: 'duckdb', count: 5000, extent: { from: 0, to: 86_400_000 * 400 }, dataset: DATASET });
      if (url.pathname === '/api/map') {
        asked.push(url);
        const zoom = Number(url.searchParams.get('zoom'));
        // The first view's answer is slow: the second's comes first and must stay.
        await new Promise((resolve) => setTimeout(resolve, zoom === 5 ? 300 : 10));
        if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        return json({ kind: 'cells', total: 40 + zoom, zoom, cell: 16, cells: [[1, 1, 40 + zoom, 0]] });
      }
      if (url.pathname === '/api/bins') return json({ lanes: [] });
      if (url.pathname === '/api/counts') return json({ visible: 0, types: {}, actors: {} });
      if (url.pathname === '/api/places') return json({ countries: {}, places: [] });
      return json({ error: 'no such path' }, 404);
    }) as unknown as typeof fetch;
    const store = createAppStore();
    // The map's centre and size as the map panel would keep them (the store's mapView when merged).
    let centre: { lon: number; lat: number; zoom: number } | null = null;
    const connection = await connectRemoteSource(store, new URL('http://127.0.0.1:9/'), 'http://127.0.0.1:9/', {
      fetcher,
      maxLanesFor: () => 12,
      onRefused: () => {},
      mapRequest: (s) => remoteMapRequest(s, centre, { width: 400, height: 300 }),
    });
    store.getState().setPlotSize({ width: 600, height: 300 });
    const stop = connection.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(asked).toHaveLength(0);
    centre = { lon: 45, lat: 40, zoom: 5 };
    store.getState().setFilters({ types: ['clash'] });
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    centre = { lon: 45, lat: 40, zoom: 6 };
    store.getState().setFilters({ types: ['protest'] });
    await vi.waitFor(() => expect(store.getState().remoteMap).toMatchObject({ kind: 'cells', zoom: 6, total: 46 }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(store.getState().remoteMap).toMatchObject({ zoom: 6 });
    expect(store.getState().remoteMap!.key).toBe(remoteMapKey(remoteMapRequest(store.getState(), centre, { width: 400, height: 300 })!));
    expect(asked.map((u) => u.searchParams.get('types'))).toEqual(['clash', 'protest']);
    // Hovering or anything else that leaves the request as it is asks nothing.
    store.getState().hover(3);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(asked).toHaveLength(2);
    stop();
  });
});
