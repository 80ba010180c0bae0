import { useEffect, useRef, useState } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { prepareSearchIndex, searchIndexState } from '../../store/derived.ts';

/**
 * Searches titles, descriptions, actors and places in every language. The first key of a search
 * adds a history entry; the following keys replace it, so Back undoes the whole search at once.
 * A search looks through the table's distinct words (see table/wordIndex.ts), not every row's text.
 */
/** Tables this large are indexed for search in the background; smaller ones index in well under a second when searched. */
const PREPARE_INDEX_FROM = 50_000;
/** After opening, the first looks and zooms go first. */
const PREPARE_INDEX_AFTER_MS = 2000;

/** How often the box says how far the search's preparation has got. */
const PROGRESS_EVERY_MS = 250;

export function SearchBox() {
  const store = useAppStore();
  const { t, locale } = useUiLocale();
  const q = useAppState((s) => s.filters.q);
  const typing = useRef(false);
  const table = useAppState((s) => s.table);
  // Typed while a large dataset's index is still being built: the text waits here, the page stays
  // free, and the search runs once the index is ready (instead of freezing the page to finish it).
  const [draft, setDraft] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const pending = useRef<{ value: string; how: 'push' | 'replace' } | null>(null);
  const commitPending = useRef(() => {
    const waiting = pending.current;
    if (!waiting) return;
    pending.current = null;
    setDraft(null);
    store.getState().setFilters({ q: waiting.value }, waiting.how);
  }).current;
  useEffect(() => {
    pending.current = null;
    setDraft(null);
  }, [table]);
  useEffect(() => {
    if (draft === null) return;
    const update = () => setProgress(searchIndexState(table).progress);
    update();
    const timer = setInterval(update, PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [draft !== null, table]);
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
          data-waits-for-index=""
          aria-label={t.searchEvents}
          placeholder={t.searchPlaceholder}
          value={draft ?? q}
          onChange={(e) => {
            const how: 'push' | 'replace' = typing.current ? 'replace' : 'push';
            typing.current = true;
            const current = store.getState().table;
            if (current.size >= PREPARE_INDEX_FROM && !searchIndexState(current).ready) {
              pending.current = { value: e.target.value, how: pending.current?.how ?? how };
              setDraft(e.target.value);
              prepareSearchIndex(current, commitPending);
              return;
            }
            store.getState().setFilters({ q: e.target.value }, how);
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
      {draft !== null && (
        <p className="search-preparing" role="status">
          {t.preparingSearch(new Intl.NumberFormat(locale, { style: 'percent' }).format(progress))}
        </p>
      )}
    </div>
  );
}
