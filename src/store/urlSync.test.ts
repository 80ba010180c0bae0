import { afterEach, describe, expect, it, vi } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from './store.ts';
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

describe('URL sync', () => {
  afterEach(() => vi.useRealTimers());

  it('pushes a history entry for a discrete action and restores the view on Back', () => {
    const win = fakeWindow('?from=2022-09-12&to=2022-09-16');
    const store = createAppStore({ dataset });
    readUrlIntoStore(store, win.location.search);
    const stop = startUrlSync(store, win as unknown as Window);
    store.getState().setFilters({ actors: ['russia'] });
    expect(win.entries).toEqual(['?from=2022-09-12&to=2022-09-16', '?from=2022-09-12&to=2022-09-16&actors=russia']);
    win.back();
    expect(store.getState().filters.actors).toEqual([]);
    stop();
  });

  it('writes a view changed before it started, so that a filter set while the page was still loading is in the address', () => {
    const win = fakeWindow('?from=2022-09-12&to=2022-09-16');
    const store = createAppStore({ dataset });
    readUrlIntoStore(store, win.location.search);
    store.getState().setFilters({ country: 'KGZ' });
    const stop = startUrlSync(store, win as unknown as Window);
    expect(win.entries).toEqual(['?from=2022-09-12&to=2022-09-16', '?from=2022-09-12&to=2022-09-16&country=KGZ']);
    // A link read and left alone is not written again.
    const untouched = fakeWindow('?from=2022-09-12&to=2022-09-16');
    readUrlIntoStore(store, untouched.location.search);
    startUrlSync(store, untouched as unknown as Window)();
    expect(untouched.entries).toEqual(['?from=2022-09-12&to=2022-09-16']);
    stop();
  });

  it('setArea pushes bbox= with the edges rounded as written; Back removes it, and the same box again pushes nothing', () => {
    const win = fakeWindow('?from=2022-09-12&to=2022-09-16');
    const store = createAppStore({ dataset });
    readUrlIntoStore(store, win.location.search);
    const stop = startUrlSync(store, win as unknown as Window);
    store.getState().setArea({ west: 44.3000001, south: 40.05, east: 44.7, north: 40.3 });
    expect(win.entries).toEqual(['?from=2022-09-12&to=2022-09-16', '?from=2022-09-12&to=2022-09-16&bbox=44.3,40.05,44.7,40.3']);
    expect(store.getState().filters.area).toEqual({ west: 44.3, south: 40.05, east: 44.7, north: 40.3 });
    store.getState().setArea({ west: 44.3, south: 40.05, east: 44.7, north: 40.3 });
    expect(win.entries).toHaveLength(2);
    win.back();
    expect(store.getState().filters.area).toBeNull();
    store.getState().setArea({ west: 44, south: 40, east: 45, north: 41 });
    store.getState().setArea(null);
    expect(win.entries).toEqual(['?from=2022-09-12&to=2022-09-16', '?from=2022-09-12&to=2022-09-16&bbox=44,40,45,41', '?from=2022-09-12&to=2022-09-16']);
    stop();
  });

  it('replaces the current entry while zooming, and keeps the zoomed view before a later push', () => {
    vi.useFakeTimers();
    const win = fakeWindow('?from=2022-09-12&to=2022-09-16');
    const store = createAppStore({ dataset });
    readUrlIntoStore(store, win.location.search);
    const stop = startUrlSync(store, win as unknown as Window);
    store.getState().zoomBy(2, 0.5, 'replace');
    store.getState().zoomBy(2, 0.5, 'replace');
    vi.runAllTimers();
    expect(win.entries).toHaveLength(1);
    expect(win.entries[0]).toBe('?from=2022-09-13T12:00Z&to=2022-09-14T12:00Z');
    store.getState().zoomBy(2, 0.5, 'replace');
    store.getState().select('2022-09-14-ceasefire');
    expect(win.entries).toEqual([
      '?from=2022-09-13T18:00Z&to=2022-09-14T06:00Z',
      '?from=2022-09-13T18:00Z&to=2022-09-14T06:00Z&event=2022-09-14-ceasefire',
    ]);
    stop();
  });

  it('keeps page parameters such as embed and lang', () => {
    const win = fakeWindow('?embed=1&lang=en');
    const store = createAppStore({ dataset });
    const stop = startUrlSync(store, win as unknown as Window);
    store.getState().setLanes('actor');
    expect(win.entries.at(-1)).toMatch(/^\?embed=1&lang=en&from=.*&lanes=actor$/);
    stop();
  });

  it('writes a change of language into lang, in place, keeping the view', () => {
    const win = fakeWindow('?from=2022-09-13&to=2022-09-16&event=2022-09-14-ceasefire');
    const store = createAppStore({ dataset });
    const stop = startUrlSync(store, win as unknown as Window);
    store.getState().setLang('ar');
    expect(win.entries).toEqual(['?lang=ar&from=2022-09-13&to=2022-09-16&event=2022-09-14-ceasefire']);
    store.getState().setLang('en');
    expect(win.entries).toEqual(['?lang=en&from=2022-09-13&to=2022-09-16&event=2022-09-14-ceasefire']);
    stop();
  });
});
