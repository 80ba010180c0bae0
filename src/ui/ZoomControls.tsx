import { useAppStore, useUiLocale } from './StoreContext.tsx';

export function ZoomControls() {
  const store = useAppStore();
  const { t } = useUiLocale();
  return (
    <div className="zoom-controls" role="group" aria-label={t.zoomGroup}>
      <button type="button" aria-label={t.zoomIn} title={t.zoomInTitle} onClick={() => store.getState().zoomBy(2, 0.5, 'replace')}>
        +
      </button>
      <button type="button" aria-label={t.zoomOut} title={t.zoomOutTitle} onClick={() => store.getState().zoomBy(0.5, 0.5, 'replace')}>
        −
      </button>
      <button type="button" onClick={() => store.getState().showAll()}>
        {t.showAll}
      </button>
    </div>
  );
}
