import { useEffect, useState } from 'react';
import { checkSourceUrl } from '../../remote/apiUrls.ts';
import { remoteEventCount } from '../../remote/remoteExport.ts';
import { useAppState } from '../StoreContext.tsx';

/** With a data server, how many events each data export would hold (all time, and the window), asked while the menu is open. */
export function useRemoteExportCounts(open: boolean): { filtered: number; window: number } | null {
  const source = useAppState((s) => s.remoteSource);
  const filters = useAppState((s) => s.filters);
  const window = useAppState((s) => s.settledWindow);
  const token = useAppState((s) => s.remoteToken);
  const [counts, setCounts] = useState<{ filtered: number; window: number } | null>(null);
  useEffect(() => {
    if (!open || source === null) return;
    const checked = checkSourceUrl(source);
    if (!checked.ok) return;
    const controller = new AbortController();
    Promise.all([remoteEventCount(checked.base, filters, null, token, controller.signal), remoteEventCount(checked.base, filters, window, token, controller.signal)]).then(
      ([filtered, inWindow]) => !controller.signal.aborted && setCounts({ filtered, window: inWindow }),
      () => {},
    );
    return () => controller.abort();
  }, [open, source, filters, window, token]);
  return source === null ? null : counts;
}
