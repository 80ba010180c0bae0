import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../table/filter.ts';
import { eventsPageUrl } from './apiUrls.ts';
import { remoteEventBatches } from './remoteExport.ts';
import seed from '../../data/seed.json';

const events = seed.events;

describe('remoteEventBatches', () => {
  it('reads every page of /api/events in order, with progress, all time when there is no window', async () => {
    const asked: URL[] = [];
    const pageSize = 1000;
    const total = 2500;
    const fetcher = (async (input: string) => {
      const url = new URL(input);
      asked.push(url);
      const offset = Number(url.searchParams.get('offset'));
      const n = Math.max(0, Math.min(pageSize, total - offset));
      return new Response(JSON.stringify({ total, offset, events: Array.from({ length: n }, (_, i) => ({ ...events[(offset + i) % events.length], id: `e${offset + i}` })) }));
    }) as unknown as typeof fetch;
    const seen: string[] = [];
    const progress: number[] = [];
    await remoteEventBatches(new URL('http://127.0.0.1:9/'), { ...NO_FILTERS, types: ['clash'] }, null, null, fetcher)((batch) => seen.push(...batch.map((e) => e.id)), (f) => progress.push(f));
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `e${i}`));
    expect(progress).toEqual([0.4, 0.8, 1]);
    expect(asked.map((u) => u.searchParams.get('offset'))).toEqual(['0', '1000', '2000']);
    expect(asked.every((u) => u.searchParams.get('types') === 'clash' && !u.searchParams.has('from'))).toBe(true);
  });

  it('eventsPageUrl: a window when given', () => {
    const url = new URL(eventsPageUrl(new URL('http://h/'), NO_FILTERS, { from: 1, to: 2 }, 100, 50));
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '1', to: '2', offset: '100', limit: '50' });
  });
});
