import { useEffect, useRef } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { prepareSearchIndex } from '../../store/derived.ts';

/**
 * Searches titles, descriptions, actors and places in every language. The first key of a search
 * adds a history entry; the following keys replace it, so Back undoes the whole search at once.
 * A search looks through the table's distinct words (see table/wordIndex.ts), not every row's text.
 */
/** Tables this large are indexed for search in the background; smaller ones index in well under a second when searched. */
const PREPARE_INDEX_FROM = 50_000;
/** After opening, the first looks and zooms go first. */
const PREPARE_INDEX_AFTER_MS = 2000;

export function SearchBox() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const q = useAppState((s) => s.filters.q);
  const typing = useRef(false);
  const table = useAppState((s) => s.table);
  // A large dataset's text index is built between frames a little after it opens, so that a
  // search, when it comes, finds the index ready instead of freezing the page to build it.
  useEffect(() => {
    if (table.size < PREPARE_INDEX_FROM) return;
    let stop = () => {};
    const timer = setTimeout(() => (stop = prepareSearchIndex(table)), PREPARE_INDEX_AFTER_MS);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [table]);
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
          // A large dataset's text index is built between frames from the moment the box is
          // entered, so that the first word typed does not wait for all of it.
          onFocus={() => void prepareSearchIndex(store.getState().table)}
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
