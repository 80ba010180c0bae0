// The overview strip: the whole dataset as a density histogram, with a brush for the visible
// window. Brushing sets the store's window; the store's window moves the brush.
import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { dataExtentOf, type AppStore } from '../store/store.ts';
import type { RemoteOverview } from '../store/remoteView.ts';
import { maskOf } from '../store/derived.ts';
import { initialWindow, type TimeWindow } from '../store/window.ts';
import { densityBins, resampleBins } from '../layout/density.ts';
import { layoutAxis } from '../layout/ticks.ts';

export function createOverviewRenderer(
  el: { container: HTMLElement; canvas: HTMLCanvasElement; svg: SVGSVGElement },
  store: AppStore,
  locale: string,
): { destroy(): void } {
  const ctx = el.canvas.getContext('2d')!;
  let width = 0;
  const height = 48;
  let frame = 0;
  let syncing = false;
  let domain: TimeWindow = initialWindow(dataExtentOf(store.getState()));

  const domainFor = (): TimeWindow => {
    const s = store.getState();
    const data = initialWindow(dataExtentOf(s));
    // Keep the visible window on the strip even when it lies beyond the data.
    return { from: Math.min(data.from, s.window.from), to: Math.max(data.to, s.window.to) };
  };
  const xOf = (t: number) => ((t - domain.from) / (domain.to - domain.from)) * width;
  const tOf = (x: number) => domain.from + (x / width) * (domain.to - domain.from);

  const brush: BrushBehavior<unknown> = brushX()
    .extent([[0, 0], [1, height]])
    .on('brush end', (event: D3BrushEvent<unknown>) => {
      if (syncing || !event.sourceEvent || !event.selection) return;
      const [x0, x1] = event.selection as [number, number];
      store.getState().setWindow({ from: tOf(x0), to: tOf(x1) }, 'replace');
    });
  const brushLayer = select(el.svg).append('g').attr('class', 'brush');
  const axisLayer = select(el.svg).append('g').attr('class', 'overview-axis');

  // The counts change with the data, the filters and the size, not with the window: counting every
  // event again on each zoom frame would make the frame cost grow with the data.
  let cached: { key: unknown[]; bins: Uint32Array } | null = null;
  const binsFor = (starts: Float64Array, mask: Uint8Array | null, from: number, to: number, count: number) => {
    const key = [starts, mask, from, to, count];
    if (!cached || !cached.key.every((k, i) => k === key[i])) cached = { key, bins: densityBins(starts, mask, from, to, count) };
    return cached.bins;
  };

  // With a data server, its counts over all the data, moved onto the strip's pixels.
  let remoteCached: { key: unknown[]; bins: Uint32Array } | null = null;
  const remoteBinsFor = (overview: RemoteOverview | null, from: number, to: number, count: number) => {
    const key = [overview, from, to, count];
    if (!remoteCached || !remoteCached.key.every((k, i) => k === key[i])) {
      remoteCached = { key, bins: overview ? resampleBins(overview.counts, overview.from, overview.to, from, to, count) : new Uint32Array(count) };
    }
    return remoteCached.bins;
  };

  const draw = () => {
    frame = 0;
    if (width <= 0) return;
    const s = store.getState();
    domain = domainFor();
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const bins = s.remoteInfo ? remoteBinsFor(s.remoteOverview, domain.from, domain.to, Math.floor(width / 2)) : binsFor(s.table.start, maskOf(s.table, s.filters), domain.from, domain.to, Math.floor(width / 2));
    const max = bins.reduce((a, b) => Math.max(a, b), 1);
    ctx.fillStyle = '#57606a';
    const plotHeight = height - 16;
    bins.forEach((count, i) => {
      if (!count) return;
      // A square-root scale keeps single events visible beside busy days.
      const h = Math.max(2, Math.sqrt(count / max) * (plotHeight - 2));
      ctx.fillRect(i * 2, plotHeight - h, 1.6, h);
    });
    const axis = layoutAxis(domain.from, domain.to, width, locale, 70);
    axisLayer
      .selectAll('text')
      .data(axis.ticks)
      .join('text')
      .attr('x', (d) => d.x + 3)
      .attr('y', height - 3)
      .text((d) => d.label);
    axisLayer
      .selectAll('line')
      .data(axis.ticks)
      .join('line')
      .attr('x1', (d) => d.x)
      .attr('x2', (d) => d.x)
      .attr('y1', plotHeight)
      .attr('y2', height);
    syncing = true;
    brush.extent([[0, 0], [width, plotHeight]]);
    brushLayer.call(brush);
    brushLayer.call(brush.move, [Math.max(0, xOf(s.window.from)), Math.min(width, Math.max(xOf(s.window.to), xOf(s.window.from) + 2))]);
    syncing = false;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const resize = () => {
    width = Math.floor(el.container.getBoundingClientRect().width);
    const dpr = window.devicePixelRatio || 1;
    el.canvas.width = Math.max(1, width * dpr);
    el.canvas.height = height * dpr;
    el.canvas.style.width = `${width}px`;
    el.canvas.style.height = `${height}px`;
    select(el.svg).attr('width', width).attr('height', height);
    schedule();
  };
  const observer = new ResizeObserver(resize);
  observer.observe(el.container);
  const unsubscribe = store.subscribe(
    (s) => [s.table, s.window, s.filters, s.remoteOverview] as const,
    schedule,
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );
  return {
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      unsubscribe();
      brushLayer.remove();
      axisLayer.remove();
    },
  };
}
