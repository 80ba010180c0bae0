import { memo, useEffect, useRef } from 'react';
import { createOverviewRenderer } from '../render/overview.ts';
import { useAppStore, useUiLocale } from './StoreContext.tsx';

export const Overview = memo(function Overview() {
  const store = useAppStore();
  const { locale, t } = useUiLocale();
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const renderer = createOverviewRenderer({ container: containerRef.current!, canvas: canvasRef.current!, svg: svgRef.current! }, store, locale);
    return () => renderer.destroy();
  }, [store, locale]);
  return (
    <div ref={containerRef} className="overview" role="group" aria-label={t.overviewLabel}>
      <canvas ref={canvasRef} aria-hidden="true" />
      <svg ref={svgRef} />
    </div>
  );
});
