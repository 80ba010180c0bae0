import { useMemo, useRef, useState } from 'react';
import { actorName } from '../../model/actors.ts';
import { ROLES, type Role } from '../../model/schema.ts';
import { actorCounts, actorsInEvents } from '../../store/derived.ts';
import { normaliseForSearch } from '../../table/search.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { useCountsView } from './useCountsView.ts';
import { remoteActorCounts } from '../../remote/remoteCounts.ts';

const ROW_HEIGHT = 28;
const VISIBLE_ROWS = 9;

/**
 * One checkbox per actor with its count under the other filters. A search box narrows the list,
 * which is virtualised so that an ACLED export's 2,000 actors stay quick. No box ticked = no filter.
 */
export function ActorFilter() {
  const store = useAppStore();
  const { lang, locale, t } = useUiLocale();
  const table = useAppState((s) => s.table);
  // A large file's preview has no actors yet (see previewTable).
  const previewing = useAppState((s) => s.previewing !== null);
  const selected = useAppState((s) => s.filters.actors);
  const role = useAppState((s) => s.filters.role);
  const countsView = useCountsView();
  const remoteCounts = useAppState((s) => (s.remoteInfo ? s.remoteAnswer?.counts ?? null : undefined));
  const counts = useMemo(
    () => (remoteCounts !== undefined ? remoteCounts && remoteActorCounts(remoteCounts, table.actors) : countsView && actorCounts(countsView)),
    [countsView, remoteCounts, table],
  );
  const [query, setQuery] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const number = new Intl.NumberFormat(locale);

  const names = useMemo(() => table.actors.map((a) => actorName(a, lang)), [table, lang]);
  const searchText = useMemo(
    () => table.actors.map((a) => normaliseForSearch([...Object.values(a.names), ...a.aliases, a.id].join(' '))),
    [table],
  );
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  // An actor that takes part in no event (a data provider, a publisher named only as a claimant of
  // counts) would filter out everything: it is not listed. From a data server the page holds few
  // events, so there the data providers are left out by their kind.
  const fromServer = remoteCounts !== undefined;
  const listable = useMemo(() => {
    const named = fromServer ? null : actorsInEvents(table);
    return [...table.actors.keys()].filter((i) => (named ? named[i] === 1 : table.actors[i]!.kind !== 'data-provider'));
  }, [table, fromServer]);
  // Busiest first, then by name; ticked actors stay at the top so they are easy to untick.
  const order = useMemo(() => {
    const words = normaliseForSearch(query).split(' ').filter(Boolean);
    return listable
      .filter((i) => words.every((w) => searchText[i]!.includes(w)))
      .sort(
        (a, b) =>
          Number(selectedSet.has(table.actors[b]!.id)) - Number(selectedSet.has(table.actors[a]!.id)) ||
          (counts ? counts[b]! - counts[a]! : 0) ||
          names[a]!.localeCompare(names[b]!),
      );
  }, [table, listable, query, searchText, counts, names, selectedSet]);

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((a) => a !== id);
    store.getState().setFilters({ actors: next });
  };
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 4);
  const last = Math.min(order.length, first + VISIBLE_ROWS + 8);

  return (
    <div className="filter-block">
      <div role="group" aria-labelledby="actors-label" className="actor-group">
        <div className="filter-head">
          <h3 id="actors-label">{t.actors}</h3>
          <div className="mini-buttons">
            <button
              type="button"
              aria-label={t.selectAllActors}
              onClick={() => store.getState().setFilters({ actors: [...new Set([...selected, ...order.map((i) => table.actors[i]!.id)])] })}
            >
              {t.all}
            </button>
            <button type="button" aria-label={t.selectNoActors} onClick={() => store.getState().setFilters({ actors: [] })}>
              {t.none}
            </button>
          </div>
        </div>
        <input
          type="search"
          className="filter-search"
          aria-label={t.findActor}
          placeholder={previewing ? '' : t.findAmong(number.format(listable.length))}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setScrollTop(0);
            if (listRef.current) listRef.current.scrollTop = 0;
          }}
        />
        <div
          ref={listRef}
          className="actor-list"
          // With no rows, as high as the line that says why.
          style={order.length ? { height: Math.min(VISIBLE_ROWS, order.length) * ROW_HEIGHT } : undefined}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div style={{ height: order.length * ROW_HEIGHT, position: 'relative' }}>
            {order.slice(first, last).map((i, k) => {
              const actor = table.actors[i]!;
              const checked = selectedSet.has(actor.id);
              return (
                <label key={actor.id} className="check-row" style={{ top: (first + k) * ROW_HEIGHT, height: ROW_HEIGHT }} title={names[i]}>
                  <input type="checkbox" checked={checked} onChange={(e) => toggle(actor.id, e.target.checked)} />
                  <span className="check-name" dir="auto">
                    {names[i]}
                  </span>
                  <span className="count">{counts ? number.format(counts[i]!) : ''}</span>
                </label>
              );
            })}
          </div>
          {order.length === 0 && <p className="empty">{previewing ? t.actorsWhenRead : query || listable.length ? t.noActorMatches(query) : t.noActors}</p>}
        </div>
      </div>
      <label className="role-select">
        <span>{t.role}</span>
        <select value={role ?? ''} onChange={(e) => store.getState().setFilters({ role: (e.target.value || null) as Role | null })}>
          <option value="">{t.anyRole}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.asRole(t.roleNames[r])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
