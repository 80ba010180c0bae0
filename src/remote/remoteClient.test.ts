import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { connectRemoteSource, getApi, retryDelayMs } from './remoteClient.ts';
import { readCounts } from './apiAnswers.ts';
import seedJson from '../../data/seed.json';

const DATASET = { title: 'Served data', attribution: 'A server', actors: [{ id: 'az-forces', names: { en: 'Azerbaijani forces' }, aliases: [], kind: 'state-forces' }] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A fake server: /api/counts answers `visible` from the `to` asked, after `delayOf(to)` ms. */
function fakeServer(delayOf: (to: number) => number = () => 0) {
  const asked: string[] = [];
  const fetcher = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    asked.push(url.pathname);
    const to = Number(url.searchParams.get('to'));
    await new Promise((resolve) => setTimeout(resolve, delayOf(to)));
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (url.pathname === '/api/info') return json({ engine: 'duckdb', count: 5000, extent: { from: 0, to: 86_400_000 * 400 }, dataset: DATASET });
    if (url.pathname === '/api/bins') return json({ lanes: [{ key: 'clash', counts: [1, 2] }] });
    if (url.pathname === '/api/counts') return json({ visible: 2000 + (to % 1000), types: { clash: 3 }, actors: {} });
    if (url.pathname === '/api/events') return json({ total: 0, offset: 0, events: [] });
    if (url.pathname === '/api/places') return json({ countries: {}, places: [] });
    return json({ error: 'no such path' }, 404);
  });
  return { fetcher: fetcher as unknown as typeof fetch, asked };
}

const options = (fetcher: typeof fetch) => ({ fetcher, maxLanesFor: () => 12, onRefused: () => {} });

afterEach(() => {
  vi.useRealTimers();
});

describe('getApi', () => {
  it('tells a 401, a server error and a refused request apart', async () => {
    const signal = new AbortController().signal;
    const answering = (response: Response) => (async () => response) as unknown as typeof fetch;
    await expect(getApi('http://x/api/counts', readCounts, null, signal, answering(json({ error: 'token' }, 401)))).rejects.toMatchObject({ failure: { kind: 'token' } });
    await expect(getApi('http://x/api/counts', readCounts, null, signal, answering(json({ error: 'the query failed' }, 500)))).rejects.toMatchObject({ failure: { kind: 'down' } });
    await expect(getApi('http://x/api/counts', readCounts, null, signal, answering(json({ error: 'q: too long' }, 400)))).rejects.toMatchObject({ failure: { kind: 'refused', detail: '400 q: too long' } });
    await expect(getApi('http://x/api/counts', readCounts, null, signal, answering(json({ visible: 'many' })))).rejects.toMatchObject({ failure: { kind: 'refused' } });
    const unreachable = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(getApi('http://x/api/counts', readCounts, null, signal, unreachable)).rejects.toMatchObject({ failure: { kind: 'down' } });
  });

  it('sends the token as a bearer header, not in the URL', async () => {
    let seen: RequestInit | undefined;
    let seenUrl = '';
    const fetcher = (async (url: string, init?: RequestInit) => {
      seen = init;
      seenUrl = url;
      return json({ visible: 1, types: {}, actors: {} });
    }) as unknown as typeof fetch;
    await getApi('http://x/api/counts', readCounts, 'secret', new AbortController().signal, fetcher);
    expect(seen?.headers).toEqual({ Authorization: 'Bearer secret' });
    expect(seenUrl).not.toContain('secret');
  });

  it('waits longer after each failure, up to 8 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe('connectRemoteSource', () => {
  it('shows the dataset, then the answer of the view on screen; a late answer for a view already left is dropped', async () => {
    // The first view's answer is slow; the second view's comes first and must stay.
    const { fetcher } = fakeServer((to) => (to % 1000 === 1 ? 0 : 80));
    const store = createAppStore();
    const connection = await connectRemoteSource(store, new URL('http://127.0.0.1:9/'), 'http://127.0.0.1:9/', options(fetcher));
    expect(store.getState().dataset?.title).toBe('Served data');
    expect(store.getState().remoteInfo?.count).toBe(5000);
    store.getState().setPlotSize({ width: 600, height: 300 });
    const stop = connection.start();
    await vi.waitFor(() => expect(store.getState().remoteStatus).toBe('loading'));
    store.getState().setWindow({ from: 0, to: 86_400_000 * 30 + 1 });
    await vi.waitFor(() => expect(store.getState().remoteAnswer?.counts.visible).toBe(2001));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(store.getState().remoteAnswer?.counts.visible).toBe(2001);
    expect(store.getState().remoteStatus).toBe('idle');
    expect(store.getState().remoteAnswer?.complete).toBe(false);
    stop();
  });
});

describe('a view that keeps moving (playback through time)', () => {
  it('is answered while it moves, not only once it rests', async () => {
    const { fetcher } = fakeServer(() => 30);
    const store = createAppStore();
    const connection = await connectRemoteSource(store, new URL('http://127.0.0.1:9/'), 'http://127.0.0.1:9/', options(fetcher));
    store.getState().setPlotSize({ width: 600, height: 300 });
    const stop = connection.start();
    await vi.waitFor(() => expect(store.getState().remoteAnswer).not.toBeNull());
    const first = store.getState().remoteAnswer;
    // A new window every 16 ms for a second, as Play moves it: the view never rests 60 ms.
    const day = 86_400_000;
    for (let frame = 1; frame <= 60; frame++) {
      store.getState().setWindow({ from: frame * day, to: frame * day + 30 * day + frame }, 'replace');
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    const during = store.getState().remoteAnswer!;
    expect(during).not.toBe(first);
    expect(during.window.from).toBeGreaterThan(day);
    stop();
  });
});

describe('going back to the view answered last', () => {
  it('drops the answer on its way for the view left, and stops loading', async () => {
    // The answer for the view left comes late: after the page is back on the first view.
    const { fetcher } = fakeServer((to) => (to % 1000 === 7 ? 400 : 0));
    const store = createAppStore();
    const connection = await connectRemoteSource(store, new URL('http://127.0.0.1:9/'), 'http://127.0.0.1:9/', options(fetcher));
    store.getState().setPlotSize({ width: 600, height: 300 });
    const stop = connection.start();
    await vi.waitFor(() => expect(store.getState().remoteAnswer).not.toBeNull());
    const answered = store.getState().remoteAnswer!;
    const first = store.getState().window;
    store.getState().setWindow({ from: 0, to: 86_400_000 * 30 + 7 });
    await vi.waitFor(() => expect(store.getState().remoteStatus).toBe('loading'));
    store.getState().setWindow(first);
    await vi.waitFor(() => expect(store.getState().remoteStatus).toBe('idle'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(store.getState().remoteAnswer).toBe(answered);
    stop();
  });
});

describe('a window of many events', () => {
  it('asks for the events of the sparse lanes only, and holds them beside the bins of the busy ones', async () => {
    const clashes = (seedJson.events as { type: string }[]).filter((e) => e.type === 'clash');
    const asked: URL[] = [];
    const fetcher = (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      asked.push(url);
      if (url.pathname === '/api/info') return json({ engine: 'duckdb', count: 5000, extent: { from: 0, to: 86_400_000 * 400 }, dataset: { ...DATASET, actors: seedJson.actors } });
      // Three clashes beside 1,000 protests: at 600 px a lane of more than 75 is a density.
      if (url.pathname === '/api/bins') return json({ lanes: [{ key: 'clash', counts: [1, 2] }, { key: 'protest', counts: [500, 500] }] });
      if (url.pathname === '/api/counts') return json({ visible: 1003, types: { clash: 3, protest: 1000 }, actors: {} });
      if (url.pathname === '/api/events') return json({ total: clashes.length, offset: 0, events: clashes });
      if (url.pathname === '/api/places') return json({ countries: { ARM: 4 }, places: [{ country: 'ARM', name: 'Yerevan', count: 4 }] });
      return json({ error: 'no such path' }, 404);
    }) as unknown as typeof fetch;
    const store = createAppStore();
    const connection = await connectRemoteSource(store, new URL('http://127.0.0.1:9/'), 'http://127.0.0.1:9/', options(fetcher));
    store.getState().setPlotSize({ width: 600, height: 300 });
    const stop = connection.start();
    // First the bins (every lane a density), then the sparse lane's events.
    await vi.waitFor(() => expect(store.getState().remoteAnswer?.sparseLanes).toEqual(['clash']));
    expect(store.getState().remoteStatus).toBe('idle');
    const answer = store.getState().remoteAnswer!;
    expect(answer.complete).toBe(false);
    expect(answer.sparseLanes).toEqual(['clash']);
    expect(answer.table.size).toBe(clashes.length);
    const events = asked.filter((u) => u.pathname === '/api/events');
    expect(events).toHaveLength(1);
    expect(Object.fromEntries(events[0]!.searchParams)).toMatchObject({ lanes: 'type', inLanes: 'clash', offset: '0', limit: '1000' });
    // The place filter's counts come on their own.
    await vi.waitFor(() => expect(store.getState().remotePlaces?.places).toEqual([{ country: 'ARM', name: 'Yerevan', count: 4 }]));
    stop();
  });
});
