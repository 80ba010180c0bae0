import { useEffect, useState } from 'react';
import { buildEventTable, type EventTable } from '../table/eventTable.ts';
import { checkSourceUrl } from '../remote/apiUrls.ts';
import { fetchEventsPage } from '../remote/remoteClient.ts';
import { useAppState, useAppStore } from './StoreContext.tsx';

/** Rows asked for at once; a page starts at a multiple of half of it, so scrolling a little asks for nothing. */
const PAGE = 100;

export interface RemotePage {
  offset: number;
  table: EventTable;
}

/**
 * With a data server whose window holds more events than the page has, the Events table's rows
 * first … last−1 come from /api/events a page at a time (null: not asked, or not there yet).
 */
export function useRemoteEventsPage(active: boolean, first: number, last: number): RemotePage | null {
  const store = useAppStore();
  const source = useAppState((s) => s.remoteSource);
  const window = useAppState((s) => s.settledWindow);
  const filters = useAppState((s) => s.settledFilters);
  const token = useAppState((s) => s.remoteToken);
  const offset = Math.floor(first / (PAGE / 2)) * (PAGE / 2);
  const [page, setPage] = useState<(RemotePage & { key: unknown[] }) | null>(null);
  const key = [source, window, filters, token, offset];
  const current = page && page.key.every((k, i) => k === key[i]) ? page : null;

  useEffect(() => {
    if (!active || source === null) return;
    const checked = checkSourceUrl(source);
    if (!checked.ok) return;
    const controller = new AbortController();
    const view = { window, filters, lanes: 'type' as const, bins: 1, maxLanes: 1, markLimit: 0 };
    fetchEventsPage(checked.base, view, offset, PAGE, token, controller.signal).then(
      ({ events }) => {
        if (controller.signal.aborted) return;
        setPage({ key: [source, window, filters, token, offset], offset, table: buildEventTable({ events, actors: [...store.getState().table.actors] }) });
      },
      () => {},
    );
    return () => controller.abort();
  }, [active, source, window, filters, token, offset, store]);

  return active && current && last > 0 ? current : null;
}
