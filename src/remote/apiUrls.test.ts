import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../table/filter.ts';
import { apiUrl, checkSourceUrl, laneEventsUrl, placesUrl, remoteViewKey, remoteViewRequest, viewUrls, type RemoteViewRequest } from './apiUrls.ts';

const view: RemoteViewRequest = {
  window: { from: Date.UTC(2022, 8, 13), to: Date.UTC(2022, 8, 16) },
  filters: { ...NO_FILTERS, types: ['statement', 'clash'], actors: ['az-forces'], q: ' وقف إطلاق ' },
  lanes: 'type',
  bins: 400,
  maxLanes: 12,
  markLimit: 150,
};

describe('checkSourceUrl', () => {
  it('takes http and https URLs, and puts the API under their path', () => {
    const checked = checkSourceUrl('http://127.0.0.1:8787');
    expect(checked.ok && apiUrl(checked.base, 'info')).toBe('http://127.0.0.1:8787/api/info');
    const nested = checkSourceUrl('https://data.example/timeline?x=1#y');
    expect(nested.ok && apiUrl(nested.base, 'info')).toBe('https://data.example/timeline/api/info');
  });

  it('refuses other schemes, relative links and credentials, naming the value', () => {
    expect(checkSourceUrl('javascript:alert(1)')).toEqual({ ok: false, value: 'javascript:alert(1)' });
    expect(checkSourceUrl('/api')).toEqual({ ok: false, value: '/api' });
    expect(checkSourceUrl('file:///etc/passwd').ok).toBe(false);
    expect(checkSourceUrl('https://user:pw@data.example/').ok).toBe(false);
  });
});

describe('viewUrls', () => {
  it('asks with the app URL names, the window in ms, and the types in the taxonomy order', () => {
    const base = new URL('http://127.0.0.1:8787/');
    const urls = viewUrls(base, view);
    const bins = new URL(urls.bins);
    expect(bins.pathname).toBe('/api/bins');
    expect(Object.fromEntries(bins.searchParams)).toEqual({
      from: String(view.window.from),
      to: String(view.window.to),
      types: 'clash,statement',
      actors: 'az-forces',
      q: 'وقف إطلاق',
      bins: '400',
      lanes: 'type',
    });
    expect(new URL(urls.events).searchParams.get('limit')).toBe('1000');
    expect(new URL(urls.counts).searchParams.has('bins')).toBe(false);
    expect(new URL(viewUrls(base, { ...view, lanes: 'actor' }).bins).searchParams.get('maxLanes')).toBe('12');
  });

  it('sends the area filter as bbox to every path, so that the engine narrows its answers', () => {
    const base = new URL('http://127.0.0.1:8787/');
    const inArea = { ...view, filters: { ...view.filters, area: { west: 44.5, south: -39.25, east: 45.75, north: 40.5 } } };
    for (const url of Object.values(viewUrls(base, inArea))) expect(new URL(url).searchParams.get('bbox')).toBe('44.5,-39.25,45.75,40.5');
    expect(new URL(placesUrl(base, inArea.filters, inArea.window)).searchParams.get('bbox')).toBe('44.5,-39.25,45.75,40.5');
    expect(new URL(viewUrls(base, view).counts).searchParams.has('bbox')).toBe(false);
    expect(remoteViewKey(inArea)).not.toBe(remoteViewKey(view));
  });
});

describe('placesUrl and laneEventsUrl', () => {
  const base = new URL('http://127.0.0.1:8787/');

  it('asks for the place counts of a window under the filters', () => {
    const url = new URL(placesUrl(base, { ...NO_FILTERS, country: 'ARM', place: 'Gyumri' }, view.window));
    expect(url.pathname).toBe('/api/places');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: String(view.window.from), to: String(view.window.to), country: 'ARM', place: 'Gyumri' });
  });

  it('asks for the events of some lanes: types, or actors with those that have a lane of their own', () => {
    const byType = new URL(laneEventsUrl(base, view, ['ceasefire', 'statement'], [], 1000, 1000));
    expect(byType.pathname).toBe('/api/events');
    expect(Object.fromEntries(byType.searchParams)).toMatchObject({ lanes: 'type', inLanes: 'ceasefire,statement', offset: '1000', limit: '1000', types: 'clash,statement' });
    expect(byType.searchParams.has('laneActors')).toBe(false);
    const byActor = new URL(laneEventsUrl(base, { ...view, lanes: 'actor' }, ['am-forces', '*'], ['az-forces', 'am-forces'], 0, 1000));
    expect(Object.fromEntries(byActor.searchParams)).toMatchObject({ lanes: 'actor', inLanes: 'am-forces,*', laneActors: 'az-forces,am-forces' });
  });

  it('encodes each place key on its own: a comma inside a key, and "No place" (the empty key), come through', () => {
    const byPlace = new URL(laneEventsUrl(base, { ...view, lanes: 'place' }, ['ARM|Yerevan, city', ''], ['ARM|Yerevan, city', 'AZE|Baku', ''], 0, 1000));
    expect(byPlace.searchParams.get('inLanes')!.split(',').map(decodeURIComponent)).toEqual(['ARM|Yerevan, city', '']);
    expect(byPlace.searchParams.get('lanePlaces')!.split(',').map(decodeURIComponent)).toEqual(['ARM|Yerevan, city', 'AZE|Baku', '']);
  });
});

describe('remoteViewKey', () => {
  it('is the same for the same view and differs when anything asked for differs', () => {
    expect(remoteViewKey({ ...view, filters: { ...view.filters } })).toBe(remoteViewKey(view));
    expect(remoteViewKey({ ...view, window: { ...view.window, to: view.window.to + 3_600_000 } })).not.toBe(remoteViewKey(view));
    expect(remoteViewKey({ ...view, filters: { ...view.filters, types: ['clash'] } })).not.toBe(remoteViewKey(view));
    expect(remoteViewKey({ ...view, lanes: 'actor' })).not.toBe(remoteViewKey(view));
    expect(remoteViewKey({ ...view, bins: 401 })).not.toBe(remoteViewKey(view));
    expect(remoteViewKey({ ...view, markLimit: 151 })).not.toBe(remoteViewKey(view));
  });
});

describe('remoteViewRequest', () => {
  it('asks for one bin per 3 px of the plot, and nothing before the plot has a size', () => {
    const state = { window: view.window, filters: NO_FILTERS, lanes: 'type' as const, plotSize: { width: 1000, height: 300 } };
    // A lane of at most one event per 8 px gets a mark each (markLimit), as a file's.
    expect(remoteViewRequest(state, () => 5)).toMatchObject({ bins: 334, maxLanes: 5, markLimit: 125 });
    expect(remoteViewRequest({ ...state, plotSize: null }, () => 5)).toBeNull();
  });
});
