import { visibleCount } from '../store/derived.ts';
import { describeArea } from '../i18n/describeArea.ts';
import { useAppState, useUiLocale } from './StoreContext.tsx';

export function StatusLine() {
  const { locale, t } = useUiLocale();
  // With a data server, its counts: the page holds only the window's events, if any.
  const shown = useAppState((s) => (s.remoteInfo ? (s.remoteAnswer?.counts.visible ?? 0) : visibleCount(s)));
  const total = useAppState((s) => s.remoteInfo?.count ?? s.table.size);
  const area = useAppState((s) => s.filters.area);
  const previewing = useAppState((s) => s.previewing);
  const n = new Intl.NumberFormat(locale);
  return (
    <>
      <p className="status-line" role="status" aria-live="polite">
        {previewing ? t.previewStatus(n.format(previewing.rows), previewing.fileName) : t.showing(n.format(shown), n.format(total), total)}
      </p>
      {/* A box drawn on the map changes no control the screen reader is on: say the area when it changes. */}
      <p className="visually-hidden" aria-live="polite">
        {area ? describeArea(area, locale, t) : ''}
      </p>
    </>
  );
}
