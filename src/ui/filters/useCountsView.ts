import { useEffect, useMemo, useState } from 'react';
import type { AppState } from '../../store/store.ts';
import { useAppState } from '../StoreContext.tsx';

/** What the filters' counts are worked out for: the table, with the settled filters and window (see AppState.settledWindow). */
export type CountsView = Pick<AppState, 'table' | 'filters' | 'window'>;

/**
 * The settled view for the filters' counts, or null while a new table has not been shown yet. At a
 * million events the counts took about 0.1 s, and when they were worked out with the new table
 * they held back the first frame that showed it. Now that frame comes first and the counts follow
 * it; until then the filters show none. A change of filter or window is counted at once, as before.
 */
export function useCountsView(): CountsView | null {
  const table = useAppState((s) => s.table);
  const filters = useAppState((s) => s.settledFilters);
  const window = useAppState((s) => s.settledWindow);
  const [shownTable, setShownTable] = useState(table);
  useEffect(() => {
    if (shownTable === table) return;
    // A timeout from inside an animation frame runs after that frame is painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShownTable(table));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [table, shownTable]);
  return useMemo(() => (shownTable === table ? { table, filters, window } : null), [shownTable, table, filters, window]);
}
