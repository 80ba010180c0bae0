import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { createTimelineRenderer, type TimelineRenderer } from '../render/timelineRenderer.ts';
import { useAppState, useAppStore, usePageOptions, useUiLocale } from './StoreContext.tsx';
import { THEMES } from '../render/theme.ts';
import { describeWindow } from '../i18n/describeWindow.ts';
import { handleTimelineKey } from '../render/timelineKeys.ts';
import { settleFocus } from '../layout/keyboardFocus.ts';
import { FocusAnnouncer } from './FocusAnnouncer.tsx';

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
