import { visibleCount } from '../store/derived.ts';
import { useAppState, useUiLocale } from './StoreContext.tsx';

export function StatusLine() {
  const { locale, t } = useUiLocale();
  const shown = useAppState(visibleCount);
  const total = useAppState((s) => s.table.size);
  const n = new Intl.NumberFormat(locale);
  return (
    <p className="status-line" role="status" aria-live="polite">
      {t.showing(n.format(shown), n.format(total), total)}
    </p>
  );
}
