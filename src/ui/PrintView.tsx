import { useEffect, useRef } from 'react';
import { useAppStore } from './StoreContext.tsx';
import { viewImage } from '../export/browserExport.ts';
import { currentPermalink } from './share/permalink.ts';

/**
 * What the browser prints: the same image as "Export SVG", drawn inline just before printing and
 * fitted to one page by the print stylesheet, always light (paper is white). The SVG is our own escaped serialisation; it is
 * parsed as XML, never as HTML.
 */
export function PrintView() {
  const store = useAppStore();
  const holderRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const draw = () => {
      const state = store.getState();
      const { svg } = viewImage(state, 'light', currentPermalink(state));
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      holderRef.current?.replaceChildren(document.importNode(doc.documentElement, true));
    };
    const printing = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => e.matches && draw();
    window.addEventListener('beforeprint', draw);
    printing.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', draw);
      printing.removeEventListener('change', onChange);
    };
  }, [store]);
  return <div ref={holderRef} className="print-view" aria-hidden="true" />;
}
