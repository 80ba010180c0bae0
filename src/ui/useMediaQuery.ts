import { useSyncExternalStore } from 'react';

/**
 * Phones and narrow windows: the filters fold into a drawer and the event details open as a
 * bottom sheet. The same width as the `@media (max-width: 640px)` block in app.css.
 */
export const NARROW_QUERY = '(max-width: 640px)';

/** Whether a media query matches, following it as the window changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export const useNarrow = () => useMediaQuery(NARROW_QUERY);

/**
 * Up to a tablet's width the filters fold into the drawer too: a full-width filter panel above
 * the timeline pushed it off the first screen. Wider, they sit beside the timeline.
 */
export const FILTERS_IN_DRAWER_QUERY = '(max-width: 1100px)';

export const useFiltersInDrawer = () => useMediaQuery(FILTERS_IN_DRAWER_QUERY);
