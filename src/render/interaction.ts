// Turns d3-zoom gestures (wheel, trackpad, drag, pinch, double-click) into store actions. The
// store's window stays the only copy of the time range; the zoom transform is derived from it.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { AppStore } from '../store/store.ts';
import { MAX_SPAN, MIN_SPAN, type TimeWindow } from '../store/window.ts';

/** A fixed reference window; a zoom transform is the map from it to the visible window. */
const REFERENCE: TimeWindow = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2001, 0, 1) };
const REFERENCE_SPAN = REFERENCE.to - REFERENCE.from;

export interface ZoomOptions {
  /**
   * Zoom on the wheel only with Ctrl or ⌘ held (trackpad pinches report Ctrl), so that a reader
   * scrolling the page around an embed is not caught by it. A plain wheel then scrolls the page.
   */
  wheelNeedsModifier?: boolean;
  /** Told when a plain wheel was left to the page, to show how to zoom. */
  onPlainWheel?: () => void;
}

export function attachZoom(target: HTMLElement, store: AppStore, widthOf: () => number, options: ZoomOptions = {}): { sync(): void; destroy(): void } {
  let syncing = false;
  const behaviour: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .scaleExtent([REFERENCE_SPAN / MAX_SPAN, REFERENCE_SPAN / MIN_SPAN])
    .filter((event: Event) => {
      // Keep d3's defaults (no secondary buttons, no ctrl-click) but let the wheel pass with ctrl,
      // which is how trackpads report a pinch.
      const e = event as MouseEvent;
      if (event.type === 'wheel' && options.wheelNeedsModifier && !e.ctrlKey && !e.metaKey) {
        options.onPlainWheel?.();
        return false;
      }
      return (!e.ctrlKey || event.type === 'wheel') && !e.button;
    })
    .on('zoom', (event: { transform: typeof zoomIdentity; sourceEvent: Event | null }) => {
      if (syncing || !event.sourceEvent) return;
      const width = widthOf();
      const { k, x } = event.transform;
      // Visible window = reference window seen through the transform.
      const msPerPx = REFERENCE_SPAN / width / k;
      const from = REFERENCE.from + -x * msPerPx;
      store.getState().setWindow({ from, to: from + width * msPerPx }, 'replace');
    });

  const selection = select(target);
  selection.call(behaviour).on('dblclick.zoom', null);

  const sync = () => {
    const width = widthOf();
    if (width <= 0) return;
    const { from, to } = store.getState().window;
    const k = REFERENCE_SPAN / (to - from);
    const x = -((from - REFERENCE.from) / REFERENCE_SPAN) * width * k;
    syncing = true;
    behaviour.transform(selection, zoomIdentity.translate(x, 0).scale(k));
    syncing = false;
  };
  sync();
  const unsubscribe = store.subscribe((s) => s.window, sync);
  return {
    sync,
    destroy() {
      unsubscribe();
      selection.on('.zoom', null);
    },
  };
}
