import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { createTimelineRenderer, type TimelineRenderer } from '../render/timelineRenderer.ts';
import { useAppState, useAppStore, usePageOptions, useUiLocale } from './StoreContext.tsx';
import { THEMES } from '../render/theme.ts';
import { describeWindow } from '../i18n/describeWindow.ts';
import { handleTimelineKey } from '../render/timelineKeys.ts';
import { settleFocus } from '../layout/keyboardFocus.ts';
import { FocusAnnouncer } from './FocusAnnouncer.tsx';
import { NARROW_QUERY } from './useMediaQuery.ts';

/**
 * A memoised shell: React renders the elements once and the renderer paints them. Zooming and
 * panning go through the store, never through React state.
 */
export const Timeline = memo(function Timeline() {
  const store = useAppStore();
  const ui = useUiLocale();
  const { theme, embed } = usePageOptions();
  const rootRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<SVGSVGElement>(null);
  const lanesRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const wheelHintRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<TimelineRenderer | null>(null);
  const label = useAppState((s) => ui.t.timelineLabel(describeWindow(s.window, ui.locale, ui.t)));

  useEffect(() => {
    const renderer = createTimelineRenderer(
      {
        root: rootRef.current!,
        plot: plotRef.current!,
        canvas: canvasRef.current!,
        axis: axisRef.current!,
        laneLabels: lanesRef.current!,
        tooltip: tooltipRef.current!,
        wheelHint: wheelHintRef.current!,
      },
      store,
      { ui, theme: THEMES[theme], wheelNeedsModifier: embed },
    );
    rendererRef.current = renderer;
    return () => renderer.destroy();
  }, [store, ui, theme, embed]);

  // Phones: the details open as a sheet over the bottom of the screen. Scroll the page so that the
  // selected event's mark shows above it, rather than under it (not in an embed: no sheet there).
  useEffect(() => {
    if (embed) return;
    let frame = 0;
    const reveal = (id: string | null, triesLeft = 30) => {
      cancelAnimationFrame(frame);
      if (id === null || !window.matchMedia(NARROW_QUERY).matches) return;
      frame = requestAnimationFrame(() => {
        const s = store.getState();
        const layout = rendererRef.current?.currentLayout();
        const sheet = document.querySelector('.app .detail-panel');
        if (s.selectedId !== id) return;
        if (!layout || !sheet) {
          if (triesLeft > 0) reveal(id, triesLeft - 1);
          return;
        }
        const row = s.table.rowOfId.get(id);
        const mark = layout.marks.find((m) => row !== undefined && m.rows.includes(row));
        if (!mark) return;
        const y = canvasRef.current!.getBoundingClientRect().top + mark.y;
        const sheetTop = sheet.getBoundingClientRect().top;
        // Only a mark under the sheet: a reader who scrolled down to the Events table stays there.
        if (y > sheetTop - 24 && y < window.innerHeight) window.scrollBy(0, y - sheetTop / 2);
      });
    };
    reveal(store.getState().selectedId);
    const unsubscribe = store.subscribe((s) => s.selectedId, (id) => reveal(id));
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [store, embed]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== rootRef.current) return;
    if (handleTimelineKey(event, store, rendererRef.current?.navigation() ?? null)) event.preventDefault();
  };

  // Tab into the timeline lands on an event: the first in view, or the one last focused.
  const onFocus = (event: React.FocusEvent) => {
    if (event.target !== rootRef.current) return;
    const nav = rendererRef.current?.navigation();
    const s = store.getState();
    if (nav) s.setFocus(settleFocus(nav.index, s.table, s.focus, s.window));
  };

  return (
    <section ref={rootRef} id="timeline" className="timeline" aria-label={label} aria-describedby="timeline-focus" tabIndex={0} onKeyDown={onKeyDown} onFocus={onFocus}>
      <div ref={lanesRef} className="lane-labels" />
      <div ref={plotRef} className="timeline-plot">
        <svg ref={axisRef} className="axis" aria-hidden="true" />
        <canvas ref={canvasRef} className="marks" aria-hidden="true" />
        <div ref={tooltipRef} className="tooltip" role="tooltip" hidden />
        <div ref={wheelHintRef} className="wheel-hint" role="status" hidden>
          {ui.t.wheelHint}
        </div>
      </div>
      <FocusAnnouncer id="timeline-focus" navigation={() => rendererRef.current?.navigation() ?? null} />
    </section>
  );
});
