import { visibleCount } from '../store/derived.ts';
import { useAppState, useUiLocale } from './StoreContext.tsx';

export function StatusLine() {
  const { locale } = useUiLocale();
  const shown = useAppState(visibleCount);
  const total = useAppState((s) => s.table.size);
  const n = new Intl.NumberFormat(locale);
  return (
    <p className="status-line" role="status" aria-live="polite">
      Showing {n.format(shown)} of {n.format(total)} events
    </p>
  );
}
