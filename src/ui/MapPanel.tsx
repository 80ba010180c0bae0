import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createMapRenderer, type MapRenderer } from '../render/mapRenderer.ts';
import { useAppState, useAppStore, usePageOptions, useUiLocale } from './StoreContext.tsx';
import { THEMES } from '../render/theme.ts';
import { MAP_THEMES } from '../render/mapTheme.ts';
import { panMap, visibleBox, zoomMapAround } from '../layout/mapView.ts';
import { defaultMapView } from '../layout/mapFit.ts';
import { geoPrecisionCode } from '../table/eventTable.ts';
import { visibleRows } from '../store/derived.ts';
import type { AppStore } from '../store/store.ts';

/** Arrow keys move the map by this many px (Shift: a screenful less a margin). */
const KEY_PAN_PX = 80;

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
 * The map beside the timeline: a memoised shell over createMapRenderer, as the timeline is. The
 * view lives in the store (mapView); React renders the elements and the controls only.
 */
export const MapPanel = memo(function MapPanel() {
  const shown = useAppState((s) => s.mapView !== null);
  return shown ? <MapShell /> : null;
});

function MapShell() {
  const store = useAppStore();
  const ui = useUiLocale();
  const { t } = ui;
  const { theme, embed } = usePageOptions();
  const [areaMode, setAreaMode] = useState(false);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const areaModeRef = useRef(areaMode);
  areaModeRef.current = areaMode;
  const rootRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const scaleLineRef = useRef<HTMLDivElement>(null);
  const scaleTextRef = useRef<HTMLSpanElement>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const wheelHintRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<MapRenderer | null>(null);

  useEffect(() => {
    const renderer = createMapRenderer(
      {
        root: rootRef.current!,
        plot: plotRef.current!,
        canvas: canvasRef.current!,
        tooltip: tooltipRef.current!,
        drawnBox: drawnRef.current!,
        areaBox: areaRef.current!,
        scaleLine: scaleLineRef.current!,
        scaleText: scaleTextRef.current!,
        count: countRef.current!,
        wheelHint: wheelHintRef.current!,
      },
      store,
      {
        ui,
        theme: THEMES[theme],
        mapTheme: MAP_THEMES[theme],
        wheelNeedsModifier: embed,
        areaMode: () => areaModeRef.current,
        onAreaDrawn: () => setAreaMode(false),
        onBasemapFailed: () => setBasemapFailed(true),
      },
    );
    rendererRef.current = renderer;
    return () => renderer.destroy();
  }, [store, ui, theme, embed]);

  const move = (how: (view: NonNullable<ReturnType<AppStore['getState']>['mapView']>) => ReturnType<typeof panMap>) => {
    const view = store.getState().mapView;
    if (view) store.getState().setMapView(how(view), 'replace');
  };
  const size = () => rendererRef.current?.size() ?? { width: 400, height: 400 };
  const zoom = (levels: number) => move((view) => zoomMapAround(view, size(), levels));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== rootRef.current || event.ctrlKey || event.metaKey || event.altKey) return;
    const step = event.shiftKey ? Math.max(KEY_PAN_PX, Math.min(size().width, size().height) - 80) : KEY_PAN_PX;
    // The map is not mirrored in Arabic, so neither are its arrows: → always shows what lies east.
    const pans: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const pan = pans[event.key];
    if (pan) move((view) => panMap(view, pan[0], pan[1]));
    else if (event.key === '+' || event.key === '=') zoom(1);
    else if (event.key === '-' || event.key === '_' || event.key === '−') zoom(-1);
    else if (event.key === 'Escape' && areaMode) setAreaMode(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const filterToView = () => {
    const frame = rendererRef.current?.frame();
    if (frame) store.getState().setArea(visibleBox(frame));
  };

  return (
    <section ref={rootRef} id="map" className={`map-panel${areaMode ? ' drawing' : ''}`} aria-label={t.mapLabel('')} aria-describedby="map-count" tabIndex={0} onKeyDown={onKeyDown}>
      <div ref={plotRef} className="map-plot" dir="ltr">
        <canvas ref={canvasRef} className="map-canvas" aria-hidden="true" />
        <div ref={areaRef} className="map-area-box" hidden />
        <div ref={drawnRef} className="map-drawn-box" hidden />
        <div ref={tooltipRef} className="tooltip" role="tooltip" hidden />
        <div className="map-scale" aria-hidden="true">
          <div ref={scaleLineRef} className="map-scale-line" />
          <span ref={scaleTextRef} />
        </div>
        <div ref={wheelHintRef} className="wheel-hint" role="status" hidden>
          {t.wheelHint}
        </div>
      </div>
      <div className="map-controls">
        <div className="zoom-controls" role="group" aria-label={t.mapZoomGroup}>
          <button type="button" aria-label={t.mapZoomIn} title={t.mapZoomIn} onClick={() => zoom(1)}>
            +
          </button>
          <button type="button" aria-label={t.mapZoomOut} title={t.mapZoomOut} onClick={() => zoom(-1)}>
            −
          </button>
        </div>
        {!embed && (
          <>
            <button type="button" className="map-button" aria-pressed={areaMode} title={t.mapSelectAreaTitle} onClick={() => setAreaMode(!areaMode)}>
              {t.mapSelectArea}
            </button>
            <button type="button" className="map-button" onClick={filterToView}>
              {t.mapFilterToView}
            </button>
          </>
        )}
        <button type="button" className="map-button" title={t.mapFitEventsTitle} onClick={() => store.getState().setMapView(viewOnEventsInView(store), 'push')}>
          {t.mapFitEvents}
        </button>
      </div>
      <p className="map-notes">
        <span ref={countRef} id="map-count" className="map-count" role="status" aria-live="polite" />
        {areaMode && <span className="map-hint"> {t.mapSelectAreaActive}</span>}
        {basemapFailed && <span className="map-hint"> {t.mapBasemapFailed}</span>}
        <span className="map-attribution">{t.mapAttribution}</span>
      </p>
    </section>
  );
}
