import { lazy, memo, Suspense, useMemo } from 'react';
import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';
import { defaultMapView } from '../layout/mapFit.ts';
import { geoPrecisionCode } from '../table/eventTable.ts';
import { visibleRows } from '../store/derived.ts';
import type { AppStore } from '../store/store.ts';

/** The view on the events in the timeline's window that pass the filters (else on all events with coordinates). */
export function viewOnEventsInView(store: AppStore) {
  const state = store.getState();
  return defaultMapView(state.table, visibleRows(state));
}

/** While the map is shown, the legend also says how imprecise places are drawn (when the data has any). */
export function MapLegendEntries() {
  const { t } = useUiLocale();
  const shown = useAppState((s) => s.mapView !== null);
  const table = useAppState((s) => s.table);
  const present = useMemo(() => {
    if (!shown) return { near: false, area: false };
    const codes = table.geoPrecision;
    const near = geoPrecisionCode('near');
    const area = geoPrecisionCode('district');
    return { near: codes.includes(near), area: codes.some((c) => c >= area) };
  }, [shown, table]);
  return (
    <>
      {present.area && (
        <li>
          <svg className="shape-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill="#3d4651" fillOpacity="0.16" stroke="#3d4651" strokeDasharray="3 2" />
          </svg>
          {t.mapLegendArea}
        </li>
      )}
      {present.near && (
        <li>
          <svg className="shape-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill="#3d4651" fillOpacity="0.1" stroke="#3d4651" strokeOpacity="0.5" />
            <circle cx="8" cy="8" r="3.5" fill="#3d4651" />
          </svg>
          {t.mapLegendNear}
        </li>
      )}
    </>
  );
}

/** The toolbar's "Map" toggle: shows the map on the events in view, or hides it. */
export function MapToggle() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const shown = useAppState((s) => s.mapView !== null);
  return (
    <button
      type="button"
      className="map-toggle"
      aria-pressed={shown}
      title={t.mapToggleTitle}
      onClick={() => (shown ? store.getState().hideMap() : store.getState().showMap(viewOnEventsInView(store)))}
    >
      {t.mapToggle}
    </button>
  );
}

/**
 * The map beside the timeline: a memoised shell over createMapRenderer (MapShell.tsx), as the
 * timeline is. Its code (d3-geo, the renderer) loads the first time the map is shown, so the first
 * screen of an app whose map is hidden does not carry it.
 */
const MapShell = lazy(() => import('./MapShell.tsx'));

export const MapPanel = memo(function MapPanel() {
  const { t } = useUiLocale();
  const shown = useAppState((s) => s.mapView !== null);
  if (!shown) return null;
  return (
    <Suspense fallback={<section className="map-panel map-loading" aria-label={t.mapLoading} aria-busy="true" />}>
      <MapShell />
    </Suspense>
  );
});
