// createTimelineRenderer(elements, store) → { destroy }: subscribes to the store outside React and
// paints on requestAnimationFrame, so a wheel zoom never re-renders a React tree.
import type { AppState, AppStore } from '../store/store.ts';
import { maskOf } from '../store/derived.ts';
import type { LaneAssignment } from '../layout/lanes.ts';
import { ROW_HEIGHT, type TimelineLayout, type TimelineMark } from '../layout/marks.ts';
import { layoutAxis } from '../layout/ticks.ts';
import { laneIndexForView, lanesForView, layoutView, maxActorLanes } from './viewLayout.ts';
import type { LaneIndex } from '../layout/laneIndex.ts';
import type { UiLocale } from '../i18n/locale.ts';
import { drawTimeline } from './canvas.ts';
import { drawAxis } from './axis.ts';
import { densityHitTest, hitTest, type DensityHit } from './hit.ts';
import { attachZoom } from './interaction.ts';
import type { TimelineTheme } from './theme.ts';
import { describeDensityForTooltip, describeEventForTooltip } from './tooltip.ts';

export interface TimelineElements {
  root: HTMLElement;
  plot: HTMLElement;
  canvas: HTMLCanvasElement;
  axis: SVGSVGElement;
  laneLabels: HTMLElement;
  tooltip: HTMLElement;
  /** "Hold Ctrl and scroll to zoom", shown when a plain wheel is left to the page. */
  wheelHint: HTMLElement;
}

export interface TimelineRendererOptions {
  ui: UiLocale;
  theme: TimelineTheme;
  /** In an embed, the wheel zooms only with Ctrl or ⌘, and a plain wheel scrolls the host page. */
  wheelNeedsModifier?: boolean;
}

export const AXIS_HEIGHT = 44;

export interface TimelineRenderer {
  destroy(): void;
  /** The layout last drawn (for tests of what is on screen). */
  currentLayout(): TimelineLayout | null;
  /** The lanes on screen and their index of filtered rows, for keyboard navigation. */
  navigation(): { lanes: LaneAssignment; index: LaneIndex } | null;
}

export function createTimelineRenderer(el: TimelineElements, store: AppStore, options: TimelineRendererOptions): TimelineRenderer {
  const ctx = el.canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas');
  let width = 0;
  let height = 0;
  let frame = 0;
  let layout: TimelineLayout | null = null;
  let lanesShown: LaneAssignment | null = null;
  const { lang, locale, t } = options.ui;
  const number = new Intl.NumberFormat(locale);
  const densityWords = (total: number) => t.densityCaption(number.format(total));
  const widths = new Map<string, number>();
  const measure = (text: string) => {
    let w = widths.get(text);
    if (w === undefined) {
      ctx.font = options.theme.font;
      w = ctx.measureText(text).width;
      if (widths.size > 20_000) widths.clear();
      widths.set(text, w);
    }
    return w;
  };

  let laneCache: { key: unknown[]; lanes: LaneAssignment } | null = null;
  const lanesFor = (state: AppState, maxLanes: number): LaneAssignment => {
    // Lanes by actor and by place rank their lanes over the filtered rows.
    const mask = state.lanes !== 'type' ? maskOf(state.table, state.filters) : null;
    const key = [state.table, state.lanes, mask, maxLanes, state.lanes === 'type' ? state.filters.types : null, state.remoteAnswer];
    if (laneCache && laneCache.key.every((k, i) => k === key[i])) return laneCache.lanes;
    const lanes = lanesForView(state, lang, maxLanes);
    laneCache = { key, lanes };
    return lanes;
  };

  let shownLaneKeys = '';
  const renderLaneLabels = (placed: TimelineLayout['lanes']) => {
    const key = placed.map((l) => `${l.key}@${l.y}:${l.height}`).join('|');
    if (key === shownLaneKeys) return;
    shownLaneKeys = key;
    el.laneLabels.replaceChildren(
      ...placed.map((lane) => {
        const div = document.createElement('div');
        div.className = lane.height < 40 ? 'lane-label single-line' : 'lane-label';
        div.style.top = `${lane.y + AXIS_HEIGHT}px`;
        div.style.height = `${lane.height}px`;
        if (lane.colour) {
          const swatch = document.createElement('span');
          swatch.className = 'swatch';
          swatch.style.background = lane.colour;
          swatch.setAttribute('aria-hidden', 'true');
          div.append(swatch);
        }
        const text = document.createElement('span');
        text.textContent = lane.label;
        div.append(text);
        div.title = lane.label;
        return div;
      }),
    );
  };

  const draw = () => {
    frame = 0;
    if (width <= 0 || height <= 0) return;
    const state = store.getState();
    const plotHeight = height - AXIS_HEIGHT;
    const lanes = lanesFor(state, maxActorLanes(plotHeight));
    lanesShown = lanes;
    layout = layoutView(state, lanes, { width, height: plotHeight }, lang, measure);
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const selectedRow = state.selectedId === null ? null : state.table.rowOfId.get(state.selectedId) ?? null;
    // The focus ring shows only while the timeline has the keyboard focus (not after a mouse click).
    const ringed = state.focus && document.activeElement === el.root && el.root.matches(':focus-visible') ? state.focus : null;
    drawTimeline(
      ctx,
      layout,
      options.theme,
      { selectedRow, hoveredRow: state.hoveredRow, focusedRow: ringed?.row ?? null, focusedLane: ringed?.lane ?? null, focusedStart: ringed ? state.table.start[ringed.row]! : null },
      densityWords,
    );
    drawAxis(el.axis, layoutAxis(state.window.from, state.window.to, width, locale), width, AXIS_HEIGHT, options.ui.dir);
    renderLaneLabels(layout.lanes);
    // Every lane must fit: a short timeline (a small embed) grows rather than cutting lanes off.
    const needed = `${AXIS_HEIGHT + lanes.lanes.length * (ROW_HEIGHT + 4) + 2}px`;
    if (el.root.style.minHeight !== needed) el.root.style.minHeight = needed;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const resize = () => {
    const rect = el.plot.getBoundingClientRect();
    // The marks move with the plot's size (the details panel opening narrows it): what the
    // pointer pointed at is no longer under it.
    if (Math.floor(rect.width) !== width || Math.floor(rect.height) !== height) hideHover();
    width = Math.floor(rect.width);
    height = Math.floor(rect.height);
    const dpr = window.devicePixelRatio || 1;
    el.canvas.width = Math.max(1, Math.round(width * dpr));
    el.canvas.height = Math.max(1, Math.round((height - AXIS_HEIGHT) * dpr));
    el.canvas.style.width = `${width}px`;
    el.canvas.style.height = `${height - AXIS_HEIGHT}px`;
    store.getState().setPlotSize({ width, height: height - AXIS_HEIGHT });
    zoomHandle.sync();
    schedule();
  };

  let hintTimer: ReturnType<typeof setTimeout> | null = null;
  const showWheelHint = () => {
    el.wheelHint.hidden = false;
    if (hintTimer !== null) clearTimeout(hintTimer);
    hintTimer = setTimeout(() => (el.wheelHint.hidden = true), 1500);
  };
  const zoomHandle = attachZoom(el.canvas, store, () => width, { wheelNeedsModifier: options.wheelNeedsModifier ?? false, onPlainWheel: showWheelHint });
  // Text widths change when the bundled fonts arrive; measure again and redraw.
  const onFontsLoaded = () => {
    widths.clear();
    schedule();
  };
  document.fonts?.addEventListener('loadingdone', onFontsLoaded);
  const observer = new ResizeObserver(resize);
  observer.observe(el.plot);

  const unsubscribe = store.subscribe(
    (s) => [s.table, s.window, s.filters, s.lanes, s.selectedId, s.hoveredRow, s.focus, s.remoteAnswer] as const,
    schedule,
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );

  const markAt = (event: MouseEvent): TimelineMark | null => {
    if (!layout) return null;
    const rect = el.canvas.getBoundingClientRect();
    return hitTest(layout, event.clientX - rect.left, event.clientY - rect.top);
  };

  const densityAt = (event: MouseEvent): DensityHit | null => {
    if (!layout) return null;
    const rect = el.canvas.getBoundingClientRect();
    return densityHitTest(layout, event.clientX - rect.left, event.clientY - rect.top);
  };

  function hideHover(): void {
    if (store.getState().hoveredRow !== null) store.getState().hover(null);
    el.tooltip.hidden = true;
  }

  const showTooltip = (content: HTMLElement[] | null, event: MouseEvent) => {
    if (!content) {
      el.tooltip.hidden = true;
      return;
    }
    el.tooltip.replaceChildren(...content);
    el.tooltip.hidden = false;
    const plot = el.plot.getBoundingClientRect();
    const x = event.clientX - plot.left;
    const y = event.clientY - plot.top;
    const tw = el.tooltip.offsetWidth;
    el.tooltip.style.left = `${Math.min(Math.max(4, x + 14), plot.width - tw - 4)}px`;
    el.tooltip.style.top = `${y + 18}px`;
  };

  const onMove = (event: MouseEvent) => {
    if (event.buttons) return;
    const mark = markAt(event);
    store.getState().hover(mark && mark.kind !== 'cluster' ? mark.rows[0]! : null);
    const bin = mark ? null : densityAt(event);
    const busy = bin && bin.count > 0 ? bin : null;
    el.canvas.style.cursor = mark || busy ? 'pointer' : 'grab';
    if (mark) showTooltip(describeEventForTooltip(store.getState(), mark.rows, options.ui), event);
    else if (busy) showTooltip(describeDensityForTooltip(busy.count, busy.from, busy.to, layout!.lanes[busy.density.lane]!.label, options.ui), event);
    else showTooltip(null, event);
  };
  const onLeave = () => hideHover();
  const onClick = (event: MouseEvent) => {
    const mark = markAt(event);
    const state = store.getState();
    // A tap also sends a mousemove, which showed the tooltip: on a touch screen nothing hovers.
    if ((event as PointerEvent).pointerType === 'touch') hideHover();
    if (!mark) {
      // A busy bin opens up: zoom to a few bins around it.
      const bin = densityAt(event);
      if (bin && bin.count > 0) {
        const span = Math.max(bin.to - bin.from, 60_000);
        state.setWindow({ from: bin.from - 8 * span, to: bin.to + 8 * span }, 'push');
      }
      return;
    }
    if (mark.kind === 'cluster') {
      // A cluster opens up: zoom to the span of its events, with a margin.
      let from = Infinity;
      let to = -Infinity;
      for (const row of mark.rows) {
        from = Math.min(from, state.table.start[row]!);
        to = Math.max(to, state.table.end[row]!);
      }
      const margin = Math.max((to - from) * 0.25, 30 * 60_000);
      state.setWindow({ from: from - margin, to: to + margin }, 'push');
      return;
    }
    // The keyboard carries on from the event clicked.
    state.setFocus({ row: mark.rows[0]!, lane: mark.lane });
    state.select(state.table.eventAt(mark.rows[0]!).id);
  };
  el.canvas.addEventListener('mousemove', onMove);
  el.canvas.addEventListener('mouseleave', onLeave);
  el.canvas.addEventListener('click', onClick);
  el.root.addEventListener('focus', schedule);
  el.root.addEventListener('blur', schedule);
  const hideTooltip = store.subscribe((s) => s.window, () => (el.tooltip.hidden = true));

  return {
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      if (hintTimer !== null) clearTimeout(hintTimer);
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', onFontsLoaded);
      unsubscribe();
      hideTooltip();
      zoomHandle.destroy();
      el.canvas.removeEventListener('mousemove', onMove);
      el.canvas.removeEventListener('mouseleave', onLeave);
      el.canvas.removeEventListener('click', onClick);
      el.root.removeEventListener('focus', schedule);
      el.root.removeEventListener('blur', schedule);
    },
    currentLayout: () => layout,
    navigation() {
      if (!lanesShown) return null;
      return { lanes: lanesShown, index: laneIndexForView(store.getState(), lanesShown) };
    },
  };
}
