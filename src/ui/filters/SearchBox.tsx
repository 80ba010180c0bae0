import { useEffect, useRef, useState } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { prepareSearchIndex, searchIndexState } from '../../store/derived.ts';
import type { EventTable } from '../../table/eventTable.ts';

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
  // A large file's preview has no text to index: its table waits for the file's.
  const previewing = useAppState((s) => s.previewing !== null);
  useTableEffects(table, previewing, draft !== null, () => {
    pending.current = null;
    setDraft(null);
  }, setProgress);
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

/**
 * The box's work that follows the table: a waiting search dropped with a new table, the progress of
 * the index it waits for, and a large table's index prepared soon after it opens. Apart from the
 * component because the closures of one function share one scope in V8: the input's handlers,
 * kept by React after the next render, would keep this table (a large file's preview, say) too.
 */
function useTableEffects(table: EventTable, previewing: boolean, waiting: boolean, dropWaiting: () => void, setProgress: (progress: number) => void): void {
  useEffect(dropWaiting, [table]);
  useEffect(() => {
    if (!waiting) return;
    const update = () => setProgress(searchIndexState(table).progress);
    update();
    const timer = setInterval(update, PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [waiting, table]);
  // A large dataset's text index is built between frames a little after it opens, so that a
  // search, when it comes, finds the index ready instead of freezing the page to build it.
  useEffect(() => {
    if (previewing || table.size < PREPARE_INDEX_FROM) return;
    let stop = () => {};
    const timer = setTimeout(() => (stop = prepareSearchIndex(table)), PREPARE_INDEX_AFTER_MS);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [table, previewing]);
}
