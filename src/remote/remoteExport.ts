// The events a data export holds, read from the data server a page at a time (the page holds only
// the window's events): the same batches the exports take from a table.
import type { ConflictEvent } from '../model/schema.ts';
import type { Filters } from '../table/filter.ts';
import type { TimeWindow } from '../store/window.ts';
import { SMALL_TABLE_LIMIT, countsUrl, eventsPageUrl } from './apiUrls.ts';
import { readCounts, readEvents } from './apiAnswers.ts';
import { getApi } from './remoteClient.ts';

export type EventBatches = (use: (events: ConflictEvent[]) => void, onProgress?: (fraction: number) => void) => Promise<void>;

/** Pages of /api/events, in time order, until `total` are read. */
export function remoteEventBatches(base: URL, filters: Filters, window: TimeWindow | null, token: string | null, fetcher: typeof fetch = fetch): EventBatches {
  return async (use, onProgress) => {
    const signal = new AbortController().signal;
    for (let offset = 0; ; offset += SMALL_TABLE_LIMIT) {
      const page = await getApi(eventsPageUrl(base, filters, window, offset, SMALL_TABLE_LIMIT), readEvents, token, signal, fetcher);
      if (page.events.length) use(page.events);
      const read = offset + page.events.length;
      onProgress?.(page.total ? Math.min(1, read / page.total) : 1);
      if (!page.events.length || read >= page.total) return;
    }
  };
}

/** How many events pass `filters` in `window` or (null) all time, on the server. */
export async function remoteEventCount(base: URL, filters: Filters, window: TimeWindow | null, token: string | null, signal: AbortSignal, fetcher: typeof fetch = fetch): Promise<number> {
  return (await getApi(countsUrl(base, filters, window), readCounts, token, signal, fetcher)).visible;
}
