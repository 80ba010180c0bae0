import { afterEach, describe, expect, it, vi } from 'vitest';
// The map's view in the URL: map=lon,lat,zoom (present = the map is shown), with Back and Forward.
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from './store.ts';
import { decodeMapView, decodeUrl, encodeMapView, encodeUrl, DEFAULT_URL_VIEW } from './url.ts';
import { readUrlIntoStore, startUrlSync } from './urlSync.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;

/** Just enough of window.history and window.location to watch what the sync writes. */
function fakeWindow(search = '') {
  const entries = [search];
  let index = 0;
  const listeners: (() => void)[] = [];
  const location = { pathname: '/', hash: '', get search() { return entries[index]!; } };
  const toSearch = (url: string) => url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.length);
  return {
    location,
    entries,
    get index() { return index; },
    history: {
      pushState: (_: unknown, __: string, url: string) => { entries.splice(index + 1, Infinity, toSearch(url)); index++; },
      replaceState: (_: unknown, __: string, url: string) => { entries[index] = toSearch(url); },
    },
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    removeEventListener: () => {},
    back() { index--; listeners.forEach((fn) => fn()); },
  };
}

const known = { resolveActor: () => undefined, hasEvent: () => false };

describe('the map in the URL', () => {
  afterEach(() => vi.useRealTimers());

  it('writes map=lon,lat,zoom briefly and reads it back', () => {
    expect(encodeMapView({ lon: 44.51361234, lat: 40.18111, zoom: 7.123 })).toBe('44.5136,40.1811,7.12');
    expect(encodeUrl({ ...DEFAULT_URL_VIEW, map: { lon: 45, lat: 40, zoom: 6 } })).toBe('map=45,40,6');
    expect(encodeUrl({ ...DEFAULT_URL_VIEW, map: null })).toBe('');
    expect(decodeUrl('?map=44.5136,40.1811,7.5', known)).toEqual({ view: { ...DEFAULT_URL_VIEW, filters: DEFAULT_URL_VIEW.filters, map: { lon: 44.5136, lat: 40.1811, zoom: 7.5 } }, ignored: [] });
  });

  it('refuses what is not a view, and says why', () => {
    for (const [bad, why] of [
      ['45,40', 'must be three numbers: longitude,latitude,zoom'],
      ['a,b,c', 'must be three numbers: longitude,latitude,zoom'],
      ['45,40,6,1', 'must be three numbers: longitude,latitude,zoom'],
      ['1e3,40,6', 'must be three numbers: longitude,latitude,zoom'],
      ['190,40,6', 'has a longitude outside −180 to 180'],
      ['45,-91,6', 'has a latitude outside −90 to 90'],
      ['45,40,30', 'has a zoom outside 1 to 12'],
    ] as const) {
      expect(decodeMapView(bad), bad).toEqual({ problem: why });
      const decoded = decodeUrl(`?map=${bad}&from=2022-09-12&to=2022-09-16`, known);
      expect(decoded.view.map ?? null).toBeNull();
      expect(decoded.ignored).toEqual([`map "${bad}" ${why}`]);
    }
  });

  it('shows the map with a history entry, replaces the entry while panning, and Back hides it again', () => {
    vi.useFakeTimers();
    const win = fakeWindow('?from=2022-09-12&to=2022-09-16');
    const store = createAppStore({ dataset });
    readUrlIntoStore(store, win.location.search);
    const stop = startUrlSync(store, win as unknown as Window);
    store.getState().showMap({ lon: 45, lat: 40, zoom: 6 });
    expect(win.entries).toEqual(['?from=2022-09-12&to=2022-09-16', '?from=2022-09-12&to=2022-09-16&map=45,40,6']);
    store.getState().setMapView({ lon: 45.5, lat: 40, zoom: 6 }, 'replace');
    store.getState().setMapView({ lon: 46, lat: 40.5, zoom: 7 }, 'replace');
    vi.runAllTimers();
    expect(win.entries).toEqual(['?from=2022-09-12&to=2022-09-16', '?from=2022-09-12&to=2022-09-16&map=46,40.5,7']);
    win.back();
    expect(store.getState().mapView).toBeNull();
    stop();
  });

  it('opens on the events with coordinates when shown without a view', () => {
    const store = createAppStore({ dataset });
    store.getState().showMap();
    const view = store.getState().mapView!;
    // The seed's places run from Gyumri (43.8°E) to Bishkek (74.6°E).
    expect(view.lon).toBeGreaterThan(43.8);
    expect(view.lon).toBeLessThan(74.6);
    expect(view.zoom).toBeGreaterThanOrEqual(1);
    store.getState().hideMap();
    expect(store.getState().mapView).toBeNull();
  });
});
