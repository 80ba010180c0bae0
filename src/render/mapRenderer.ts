// createMapRenderer(elements, store) → { destroy }: subscribes to the store outside React and
// paints the map on requestAnimationFrame, so panning never re-renders a React tree. It shows the
// rows the timeline shows (the window, through the filters): the same rows the status line counts.
import type { AppState, AppStore } from '../store/store.ts';
import { areaOf } from '../store/store.ts';
import { maskOf, visibleRows } from '../store/derived.ts';
import type { EventTable } from '../table/eventTable.ts';
import { worldPoints, type WorldPoints } from '../layout/mapWorld.ts';
import { countInView, layoutMap, layoutWindowGrid, MAP_CLUSTER_RADIUS, MAP_MARK_LIMIT, mapCellAt, mapHitTest, worldGrid, type MapLayout, type WorldGrid } from '../layout/mapMarks.ts';
import { lowerBound, upperBound } from '../table/eventTable.ts';
import { layoutServerMap } from '../layout/serverMapLayout.ts';
import { boxOfScreenRect, mapFrame, scaleBar, visibleBox, zoomMapAround, type MapFrame, type MapSize } from '../layout/mapView.ts';
import { mercatorX, mercatorY } from '../layout/mercator.ts';
import { describeBox } from '../i18n/describeBox.ts';
import type { UiLocale } from '../i18n/locale.ts';
import { atlasFor, basemapPaths, loadBasemap, type AtlasScale, type Basemap, type BasemapPaths } from './basemap.ts';
import { drawBasemap, drawMapLayout } from './mapCanvas.ts';
import { attachMapGestures } from './mapInteraction.ts';
import type { MapTheme } from './mapTheme.ts';
import type { TimelineTheme } from './theme.ts';
import { describeEventForTooltip } from './tooltip.ts';

export interface MapElements {
  root: HTMLElement;
  plot: HTMLElement;
  canvas: HTMLCanvasElement;
  tooltip: HTMLElement;
  /** The box being drawn (Shift+drag or "Select area"), and the area filter's box. */
  drawnBox: HTMLElement;
  areaBox: HTMLElement;
  scaleLine: HTMLElement;
  scaleText: HTMLElement;
  /** The polite live region: how many events are in view. */
  count: HTMLElement;
  wheelHint: HTMLElement;
}

export interface MapRendererOptions {
  ui: UiLocale;
  theme: TimelineTheme;
  mapTheme: MapTheme;
  wheelNeedsModifier?: boolean;
  /** Whether a plain drag draws a box ("Select area" pressed); told when a box has been drawn. */
  areaMode(): boolean;
  onAreaDrawn(): void;
  onBasemapFailed(): void;
}

export interface MapRenderer {
  destroy(): void;
  currentLayout(): MapLayout | null;
  frame(): MapFrame | null;
  size(): MapSize;
}

/** How long the view must rest before the count is announced (a screen reader hears each change). */
const ANNOUNCE_MS = 500;
/** While playback keeps the view moving, the count is said this often. */
const ANNOUNCE_WHILE_MOVING_MS = 2000;

export function createMapRenderer(el: MapElements, store: AppStore, options: MapRendererOptions): MapRenderer {
  const ctx = el.canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas');
  const { locale, t } = options.ui;
  const number = new Intl.NumberFormat(locale);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    names = null;
  }
  let width = 0;
  let height = 0;
  let frameRequest = 0;
  let layout: MapLayout | null = null;
  let frame: MapFrame | null = null;
  let layoutKey: unknown[] = [];
  const basemaps: Partial<Record<AtlasScale, { map: Basemap; paths: BasemapPaths }>> = {};
  // Country names are measured once each: the names do not change while the map pans.
  const widths = new Map<string, number>();
  const measure = (text: string) => {
    let w = widths.get(text);
    if (w === undefined) {
      ctx.font = options.theme.font;
      widths.set(text, (w = ctx.measureText(text).width));
    }
    return w;
  };
  let failed = false;
  // Projected once per table: a frame then only scales and shifts these.
  let world: { table: EventTable; points: WorldPoints } | null = null;

  const worldOf = (state: AppState) => {
    if (world?.table !== state.table) world = { table: state.table, points: worldPoints(state.table.lon, state.table.lat) };
    return world.points;
  };

  // The rows' counts per grid cell, per zoom level, while the rows stay the same (panning and
  // zooming the map): built the second frame the same rows are seen. While the timeline's window
  // moves (new rows every frame), the grid is counted from the window in one pass instead.
  let gridOf: readonly unknown[] = [];
  const grids = new Map<number, WorldGrid | null>();
  const layoutRows = (state: AppState, points: WorldPoints, frame: MapFrame): MapLayout => {
    const { table, window, filters } = state;
    const input = { world: points, precision: table.geoPrecision, type: table.type, frame };
    if (gridOf[0] !== table || gridOf[1] !== window || gridOf[2] !== filters) {
      gridOf = [table, window, filters];
      grids.clear();
      const lo = lowerBound(table.start, window.from - table.longestDuration);
      const hi = upperBound(table.start, window.to);
      const span = { end: table.end, mask: maskOf(table, filters), lo, hi, from: window.from };
      return (hi - lo > MAP_MARK_LIMIT ? layoutWindowGrid(points, table.type, span, frame) : null) ?? layoutMap({ ...input, rows: visibleRows(state) });
    }
    return layoutMap({ ...input, rows: visibleRows(state), grid: gridFor(state, points, frame.zoom) });
  };
  const gridFor = (state: AppState, points: WorldPoints, zoom: number): WorldGrid | null => {
    const rows = visibleRows(state);
    if (rows.length <= MAP_MARK_LIMIT) return null;
    const level = Math.floor(zoom);
    let grid = grids.get(level);
    if (grid === undefined) grids.set(level, (grid = worldGrid(points, state.table.type, rows, level)));
    return grid;
  };

  const wantBasemap = (scale: AtlasScale) => {
    if (basemaps[scale] || failed) return;
    loadBasemap(scale).then(
      (basemap) => {
        basemaps[scale] = { map: basemap, paths: basemapPaths(basemap) };
        schedule();
      },
      () => {
        if (!failed) options.onBasemapFailed();
        failed = true;
      },
    );
  };

  let announceTimer: ReturnType<typeof setTimeout> | null = null;
  let announced = false;
  /** When the view began moving without rest (null: at rest). */
  let movingSince: number | null = null;
  /** `exact`: once the view rests; while it keeps moving, the layout's own count (whole cells at the edges) is said. */
  const say = (exact = true) => {
    announceTimer = null;
    if (exact) movingSince = null;
    if (!layout || !frame) return;
    announced = true;
    // A grid read from kept cells counts whole cells at the edges: the view's events are counted once
    // it rests (at a million events, a pass over the window's rows: too long for a frame while moving).
    const state = store.getState();
    const inView = exact && layout.approximate && world ? countInView(world.points, visibleRows(state), frame, MAP_CLUSTER_RADIUS).inView : layout.inView;
    const text = t.mapInView(number.format(inView), inView) + (layout.unplaced ? t.mapUnplaced(number.format(layout.unplaced)) : '');
    if (el.count.textContent !== text) el.count.textContent = text;
    el.root.setAttribute('aria-label', t.mapLabel(describeBox(visibleBox(frame), locale, t)));
  };
  // The first view is said at once; later ones once the map rests, or every few seconds while the
  // view keeps moving (playback through time), so that the count under the map does not stand still.
  const announce = () => {
    if (announceTimer !== null) clearTimeout(announceTimer);
    announceTimer = null;
    const now = performance.now();
    if (!announced) return say();
    movingSince ??= now;
    // Only while playing: a wheel zoom rests within a moment, and a count said mid-zoom cost the
    // timeline frames (33 ms p95 against 16.7 ms with the map shown).
    if (store.getState().playing && now - movingSince >= ANNOUNCE_WHILE_MOVING_MS) {
      say(false);
      movingSince = now;
    }
    announceTimer = setTimeout(say, ANNOUNCE_MS);
  };

  const placeBox = (box: HTMLElement, rect: { x0: number; y0: number; x1: number; y1: number } | null) => {
    box.hidden = !rect;
    if (!rect) return;
    box.style.left = `${Math.min(rect.x0, rect.x1)}px`;
    box.style.top = `${Math.min(rect.y0, rect.y1)}px`;
    box.style.width = `${Math.abs(rect.x1 - rect.x0)}px`;
    box.style.height = `${Math.abs(rect.y1 - rect.y0)}px`;
  };

  const draw = () => {
    frameRequest = 0;
    const state = store.getState();
    const view = state.mapView;
    if (!view || width <= 0 || height <= 0) return;
    frame = mapFrame(view, { width, height });
    // With a data server, the engine's answer for the map (points or cells); else the page's rows.
    const server = state.remoteInfo !== null;
    const points = server ? null : worldOf(state);
    const key = server ? [server, state.remoteMap, view, width, height] : [server, points, state.table, state.window, state.filters, view, width, height];
    if (!layout || key.length !== layoutKey.length || key.some((k, i) => k !== layoutKey[i])) {
      if (!server) layout = layoutRows(state, points!, frame);
      else layout = state.remoteMap ? layoutServerMap(state.remoteMap, frame) : { width, height, marks: [], cells: [], maxCellCount: 0, inView: 0, unplaced: 0 };
      layoutKey = key;
      announce();
    }
    const scale = atlasFor(view.zoom);
    // The coarse atlas first, always: it is small, and drawn while the finer one is on its way.
    wantBasemap('110m');
    wantBasemap(scale);
    const dpr = window.devicePixelRatio || 1;
    drawBasemap(ctx, basemaps[scale] ?? basemaps['110m'] ?? null, frame, options.mapTheme, dpr, options.theme.font, names, measure, layout.marks);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const selectedRow = state.selectedId === null ? null : server ? serverPointOf(state, state.selectedId) : (state.table.rowOfId.get(state.selectedId) ?? null);
    drawMapLayout(ctx, layout, options.theme, { hoveredRow: server ? hoveredPoint : state.hoveredRow, selectedRow });
    const area = areaOf(state);
    placeBox(
      el.areaBox,
      area && {
        x0: mercatorX(area.west) * frame.worldPx - frame.left,
        y0: mercatorY(area.north) * frame.worldPx - frame.top,
        x1: mercatorX(area.east) * frame.worldPx - frame.left,
        y1: mercatorY(area.south) * frame.worldPx - frame.top,
      },
    );
    const bar = scaleBar(view, Math.min(120, width / 3));
    el.scaleLine.style.width = `${Math.round(bar.px)}px`;
    el.scaleText.textContent = bar.metres >= 1000 ? t.mapKilometres(number.format(bar.metres / 1000)) : t.mapMetres(number.format(bar.metres));
  };
  function schedule() {
    if (!frameRequest) frameRequest = requestAnimationFrame(draw);
  }

  const resize = () => {
    const rect = el.plot.getBoundingClientRect();
    width = Math.floor(rect.width);
    height = Math.floor(rect.height);
    const dpr = window.devicePixelRatio || 1;
    el.canvas.width = Math.max(1, Math.round(width * dpr));
    el.canvas.height = Math.max(1, Math.round(height * dpr));
    el.canvas.style.width = `${width}px`;
    el.canvas.style.height = `${height}px`;
    store.getState().setMapSize({ width, height });
    layout = null;
    schedule();
  };
  const observer = new ResizeObserver(resize);
  observer.observe(el.plot);
  // Text widths change when the bundled fonts arrive; measure again and redraw.
  const onFontsLoaded = () => {
    widths.clear();
    schedule();
  };
  document.fonts?.addEventListener('loadingdone', onFontsLoaded);

  const unsubscribe = store.subscribe(
    (s) => [s.table, s.window, s.filters, s.selectedId, s.hoveredRow, s.mapView, s.remoteMap] as const,
    schedule,
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );

  const showTooltip = (content: HTMLElement[] | null, x: number, y: number) => {
    if (!content) {
      el.tooltip.hidden = true;
      return;
    }
    el.tooltip.replaceChildren(...content);
    el.tooltip.hidden = false;
    const tw = el.tooltip.offsetWidth;
    el.tooltip.style.left = `${Math.min(Math.max(4, x + 14), width - tw - 4)}px`;
    el.tooltip.style.top = `${Math.min(y + 18, height - el.tooltip.offsetHeight - 4)}px`;
  };
  const hideHover = () => {
    if (store.getState().hoveredRow !== null) store.getState().hover(null);
    el.tooltip.hidden = true;
  };
  // With a data server: the point under the pointer, an index into its answer's points.
  let hoveredPoint: number | null = null;
  const serverPointWords = (titles: string[]) =>
    titles.slice(0, 3).map((title) => {
      const div = document.createElement('div');
      div.className = 'tooltip-title';
      div.textContent = title;
      return div;
    });
  const cellWords = (count: number) => {
    const div = document.createElement('div');
    div.className = 'tooltip-title';
    div.textContent = t.mapCellTooltip(number.format(count), count);
    return [div];
  };

  const onMove = (event: PointerEvent) => {
    if (event.buttons || !layout) return;
    const rect = el.canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const mark = mapHitTest(layout, x, y);
    const state = store.getState();
    const cell = mark ? null : mapCellAt(layout, x, y);
    el.canvas.style.cursor = mark || cell ? 'pointer' : 'grab';
    if (state.remoteInfo) {
      // The server's points are not the page's rows: the mark rings here, the tooltip names them.
      const point = mark && mark.kind !== 'cluster' ? mark.rows[0]! : null;
      if (point !== hoveredPoint) {
        hoveredPoint = point;
        schedule();
      }
      const answer = state.remoteMap;
      if (mark && answer?.kind === 'points') showTooltip(serverPointWords(mark.rows.map((i) => answer.points[i]!.title)), x, y);
      else showTooltip(cell ? cellWords(cell.count) : null, x, y);
      return;
    }
    state.hover(mark && mark.kind !== 'cluster' ? mark.rows[0]! : null);
    if (mark) showTooltip(describeEventForTooltip(state, mark.rows, options.ui), x, y);
    else showTooltip(cell ? cellWords(cell.count) : null, x, y);
  };

  const detachGestures = attachMapGestures(el.canvas, store, {
    sizeOf: () => ({ width, height }),
    areaMode: options.areaMode,
    wheelNeedsModifier: options.wheelNeedsModifier,
    onPlainWheel: () => {
      el.wheelHint.hidden = false;
      setTimeout(() => (el.wheelHint.hidden = true), 1500);
    },
    onBoxDrawing: (rect) => placeBox(el.drawnBox, rect),
    onBoxDrawn: (rect) => {
      if (!frame) return;
      store.getState().setArea(boxOfScreenRect(frame, rect.x0, rect.y0, rect.x1, rect.y1));
      options.onAreaDrawn();
    },
    onTap: (x, y, event) => {
      const state = store.getState();
      if (!layout || !state.mapView) return;
      if (event.pointerType === 'touch') hideHover();
      const mark = mapHitTest(layout, x, y);
      if (mark && mark.kind !== 'cluster') {
        const answer = state.remoteMap;
        if (!state.remoteInfo) state.select(state.table.idAt(mark.rows[0]!));
        else if (answer?.kind === 'points') state.select(answer.points[mark.rows[0]!]!.id);
        return;
      }
      // A counted mark or a busy cell opens up: zoom in around it.
      if (mark || mapCellAt(layout, x, y)) state.setMapView(zoomMapAround(state.mapView, { width, height }, 2, mark?.x ?? x, mark?.y ?? y), 'push');
    },
  });
  el.canvas.addEventListener('pointermove', onMove);
  el.canvas.addEventListener('pointerleave', hideHover);
  const hideTooltip = store.subscribe((s) => s.mapView, () => (el.tooltip.hidden = true));

  return {
    destroy() {
      store.getState().setMapSize(null);
      if (frameRequest) cancelAnimationFrame(frameRequest);
      if (announceTimer !== null) clearTimeout(announceTimer);
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', onFontsLoaded);
      unsubscribe();
      hideTooltip();
      detachGestures();
      el.canvas.removeEventListener('pointermove', onMove);
      el.canvas.removeEventListener('pointerleave', hideHover);
    },
    currentLayout: () => layout,
    frame: () => frame,
    size: () => ({ width, height }),
  };
}

/** The index of the event `id` among a data server's map points, or null. */
function serverPointOf(state: AppState, id: string): number | null {
  const answer = state.remoteMap;
  if (answer?.kind !== 'points') return null;
  const at = answer.points.findIndex((p) => p.id === id);
  return at < 0 ? null : at;
}
