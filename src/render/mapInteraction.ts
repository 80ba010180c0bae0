// Turns pointer gestures on the map into store actions: drag pans, the wheel and a pinch zoom
// around the pointer, a double click zooms in, Shift+drag (or a drag in "select area" mode) draws
// a box. The store's mapView stays the only copy of the view; nothing here keeps one.
import type { AppStore } from '../store/store.ts';
import { panMap, zoomMapAround, type MapSize } from '../layout/mapView.ts';

export interface MapGestureOptions {
  sizeOf(): MapSize;
  /** Whether a plain drag draws a box ("Select area" was pressed). */
  areaMode(): boolean;
  /** The box being drawn, in px of the map (null when the drawing ends or is cancelled). */
  onBoxDrawing(rect: { x0: number; y0: number; x1: number; y1: number } | null): void;
  onBoxDrawn(rect: { x0: number; y0: number; x1: number; y1: number }): void;
  /** A click or tap that did not move. */
  onTap(x: number, y: number, event: PointerEvent): void;
  /** In an embed, the wheel zooms only with Ctrl or ⌘, so that a plain wheel scrolls the host page. */
  wheelNeedsModifier?: boolean;
  onPlainWheel?(): void;
}

/** A press that moves less than this (px) is a click, not a drag. */
const TAP_SLOP = 4;

export function attachMapGestures(target: HTMLElement, store: AppStore, options: MapGestureOptions): () => void {
  const pointers = new Map<number, { x: number; y: number }>();
  let start: { x: number; y: number } | null = null;
  let moved = false;
  let drawing = false;
  const local = (event: { clientX: number; clientY: number }) => {
    const rect = target.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const view = () => store.getState().mapView;

  const onDown = (event: PointerEvent) => {
    if (event.button !== 0 || !view()) return;
    target.setPointerCapture?.(event.pointerId);
    const p = local(event);
    pointers.set(event.pointerId, p);
    if (pointers.size === 1) {
      start = p;
      moved = false;
      drawing = event.shiftKey || options.areaMode();
    } else {
      // A second finger: a pinch, never a box.
      drawing = false;
      options.onBoxDrawing(null);
    }
  };

  const onMove = (event: PointerEvent) => {
    const before = pointers.get(event.pointerId);
    const current = view();
    if (!before || !current) return;
    const p = local(event);
    if (start && Math.hypot(p.x - start.x, p.y - start.y) > TAP_SLOP) moved = true;
    if (drawing && start) {
      options.onBoxDrawing({ x0: start.x, y0: start.y, x1: p.x, y1: p.y });
      pointers.set(event.pointerId, p);
      return;
    }
    const size = options.sizeOf();
    if (pointers.size === 2) {
      const [a, b] = [...pointers.entries()].map(([id, q]) => (id === event.pointerId ? { before: q, after: p } : { before: q, after: q }));
      const distanceBefore = Math.hypot(a!.before.x - b!.before.x, a!.before.y - b!.before.y);
      const distanceAfter = Math.hypot(a!.after.x - b!.after.x, a!.after.y - b!.after.y);
      const mid = { x: (a!.after.x + b!.after.x) / 2, y: (a!.after.y + b!.after.y) / 2 };
      const midBefore = { x: (a!.before.x + b!.before.x) / 2, y: (a!.before.y + b!.before.y) / 2 };
      let next = panMap(current, mid.x - midBefore.x, mid.y - midBefore.y);
      if (distanceBefore > 0 && distanceAfter > 0) next = zoomMapAround(next, size, Math.log2(distanceAfter / distanceBefore), mid.x, mid.y);
      store.getState().setMapView(next, 'replace');
    } else if (moved) {
      store.getState().setMapView(panMap(current, p.x - before.x, p.y - before.y), 'replace');
    }
    pointers.set(event.pointerId, p);
  };

  const onUp = (event: PointerEvent) => {
    if (!pointers.has(event.pointerId)) return;
    const p = local(event);
    const single = pointers.size === 1;
    pointers.delete(event.pointerId);
    if (!single) return;
    if (drawing && start && moved) options.onBoxDrawn({ x0: start.x, y0: start.y, x1: p.x, y1: p.y });
    else if (!moved) options.onTap(p.x, p.y, event);
    options.onBoxDrawing(null);
    drawing = false;
    start = null;
  };

  const onCancel = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    drawing = false;
    start = null;
    options.onBoxDrawing(null);
  };

  const onWheel = (event: WheelEvent) => {
    const current = view();
    if (!current) return;
    if (options.wheelNeedsModifier && !event.ctrlKey && !event.metaKey) {
      options.onPlainWheel?.();
      return;
    }
    event.preventDefault();
    const p = local(event);
    // Lines (Firefox) and pages are far bigger steps than pixels; trackpad pinches come with Ctrl.
    const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode === 2 ? 1 : 0.002;
    const levels = -event.deltaY * unit * (event.ctrlKey ? 5 : 1);
    store.getState().setMapView(zoomMapAround(current, options.sizeOf(), Math.max(-1, Math.min(1, levels)), p.x, p.y), 'replace');
  };

  const onDoubleClick = (event: MouseEvent) => {
    const current = view();
    if (!current) return;
    const p = local(event);
    store.getState().setMapView(zoomMapAround(current, options.sizeOf(), event.shiftKey ? -1 : 1, p.x, p.y), 'replace');
  };

  target.addEventListener('pointerdown', onDown);
  target.addEventListener('pointermove', onMove);
  target.addEventListener('pointerup', onUp);
  target.addEventListener('pointercancel', onCancel);
  target.addEventListener('wheel', onWheel, { passive: false });
  target.addEventListener('dblclick', onDoubleClick);
  return () => {
    target.removeEventListener('pointerdown', onDown);
    target.removeEventListener('pointermove', onMove);
    target.removeEventListener('pointerup', onUp);
    target.removeEventListener('pointercancel', onCancel);
    target.removeEventListener('wheel', onWheel);
    target.removeEventListener('dblclick', onDoubleClick);
  };
}
