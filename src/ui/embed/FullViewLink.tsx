import { useEffect, useRef } from 'react';
import { useAppStore, useUiLocale } from '../StoreContext.tsx';
import { urlViewOf } from '../../store/store.ts';
import { storyFullViewUrlFor } from '../../share/storyLinks.ts';

/** "Open in full view": the view as the reader has it now, in the full app, in a new tab (a story's embed: presenting the step on screen). */
export function FullViewLink() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // Updated outside React, so that zooming does not re-render the tree.
    const update = () => {
      if (linkRef.current) linkRef.current.href = storyFullViewUrlFor(window.location.href, urlViewOf(store.getState()), store.getState().presenting);
    };
    update();
    return store.subscribe((s) => [s.window, s.filters, s.lanes, s.selectedId, s.presenting] as const, update, { equalityFn: (a, b) => a.every((v, i) => v === b[i]) });
  }, [store]);
  return (
    <a ref={linkRef} className="full-view-link" target="_blank" rel="noopener noreferrer">
      {t.openFullView} <span aria-hidden="true">↗</span>
    </a>
  );
}
