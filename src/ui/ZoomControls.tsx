import { useAppStore } from './StoreContext.tsx';

export function ZoomControls() {
  const store = useAppStore();
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => store.getState().zoomBy(2, 0.5, 'replace')}>
        +
      </button>
      <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => store.getState().zoomBy(0.5, 0.5, 'replace')}>
        −
      </button>
      <button type="button" onClick={() => store.getState().showAll()}>
        Show all
      </button>
    </div>
  );
}
