import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createMapRenderer, type MapRenderer } from '../render/mapRenderer.ts';
import { useAppStore, usePageOptions, useUiLocale } from './StoreContext.tsx';
import { THEMES } from '../render/theme.ts';
import { MAP_THEMES } from '../render/mapTheme.ts';
import { panMap, visibleBox, zoomMapAround, type MapView } from '../layout/mapView.ts';
import { viewOnEventsInView } from './MapPanel.tsx';

/** Arrow keys move the map by this many px (Shift: a screenful less a margin). */
const KEY_PAN_PX = 80;

/** The shown map: React renders its elements and controls once; the renderer paints (see MapPanel). */
export default function MapShell() {
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

  const move = (how: (view: MapView) => MapView) => {
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
