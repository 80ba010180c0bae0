import { useRef } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

/**
 * Searches titles, descriptions, actors and places in every language. The first key of a search
 * adds a history entry; the following keys replace it, so Back undoes the whole search at once.
 */
export function SearchBox() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const q = useAppState((s) => s.filters.q);
  const typing = useRef(false);
  return (
    <div className="filter-block">
      <label className="search-label">
        <h3>{t.search}</h3>
        <input
          type="search"
          className="filter-search"
          aria-label={t.searchEvents}
          placeholder={t.searchPlaceholder}
          value={q}
          onChange={(e) => {
            store.getState().setFilters({ q: e.target.value }, typing.current ? 'replace' : 'push');
            typing.current = true;
          }}
          onBlur={() => (typing.current = false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') typing.current = false;
          }}
          dir="auto"
        />
      </label>
    </div>
  );
}
