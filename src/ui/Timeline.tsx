import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { createTimelineRenderer, type TimelineRenderer } from '../render/timelineRenderer.ts';
import { useAppState, useAppStore, usePageOptions, useUiLocale } from './StoreContext.tsx';
import { THEMES } from '../render/theme.ts';
import { describeWindow } from '../i18n/describeWindow.ts';

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
  const label = useAppState((s) => `Timeline of events, ${describeWindow(s.window, ui.locale)}`);

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
      { lang: ui.lang, locale: ui.locale, theme: THEMES[theme], wheelNeedsModifier: embed },
    );
    rendererRef.current = renderer;
    return () => renderer.destroy();
  }, [store, ui, theme, embed]);

  const onKeyDown = (event: KeyboardEvent) => {
    const s = store.getState();
    const keys: Record<string, () => void> = {
      '+': () => s.zoomBy(2, 0.5, 'replace'),
      '=': () => s.zoomBy(2, 0.5, 'replace'),
      '-': () => s.zoomBy(0.5, 0.5, 'replace'),
      '_': () => s.zoomBy(0.5, 0.5, 'replace'),
      PageUp: () => s.panBy(-0.5, 'replace'),
      PageDown: () => s.panBy(0.5, 'replace'),
      Escape: () => s.select(null),
    };
    const key = event.shiftKey && event.key === 'ArrowLeft' ? 'PageUp' : event.shiftKey && event.key === 'ArrowRight' ? 'PageDown' : event.key;
    const action = keys[key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <section ref={rootRef} className="timeline" aria-label={label} tabIndex={0} onKeyDown={onKeyDown}>
      <div ref={lanesRef} className="lane-labels" />
      <div ref={plotRef} className="timeline-plot">
        <svg ref={axisRef} className="axis" aria-hidden="true" />
        <canvas ref={canvasRef} className="marks" aria-hidden="true" />
        <div ref={tooltipRef} className="tooltip" role="tooltip" hidden />
        <div ref={wheelHintRef} className="wheel-hint" role="status" hidden>
          Hold Ctrl (⌘ on a Mac) and scroll to zoom, or use + and −
        </div>
      </div>
    </section>
  );
});
