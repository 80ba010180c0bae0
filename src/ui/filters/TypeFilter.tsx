import { EVENT_TYPES, EVENT_TYPE_INFO, type EventType } from '../../model/taxonomy.ts';
import { useMemo } from 'react';
import { typeCounts } from '../../store/derived.ts';
import { typesPresent } from '../../table/eventTable.ts';
import { remoteTypeCounts, remoteTypesPresent } from '../../remote/remoteCounts.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { ShapeIcon } from '../ShapeIcon.tsx';
import { useCountsView } from './useCountsView.ts';

/** One checkbox per event type present in the data, with its legend mark and count. */
export function TypeFilter() {
  const store = useAppStore();
  const { lang, locale, t: words } = useUiLocale();
  const table = useAppState((s) => s.table);
  const selected = useAppState((s) => s.filters.types);
  const countsView = useCountsView();
  const remoteCounts = useAppState((s) => (s.remoteInfo ? s.remoteAnswer?.counts ?? null : undefined));
  const localCounts = useMemo(() => (remoteCounts === undefined && countsView ? typeCounts(countsView) : null), [countsView, remoteCounts]);
  const counts = useMemo(() => (remoteCounts ? remoteTypeCounts(remoteCounts) : localCounts), [remoteCounts, localCounts]);
  const number = new Intl.NumberFormat(locale);
  const present = remoteCounts ? remoteTypesPresent(remoteCounts, selected) : typesPresent(table);
  const toggle = (t: EventType, on: boolean) =>
    store.getState().setFilters({ types: on ? [...selected, t] : selected.filter((x) => x !== t) });
  return (
    <div role="group" aria-labelledby="types-label" className="filter-block">
      <h3 id="types-label">{words.eventTypes}</h3>
      {EVENT_TYPES.filter((_, i) => present[i] === 1).map((t) => (
        <label key={t} className="check-row static">
          <input type="checkbox" checked={selected.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
          <ShapeIcon type={t} />
          <span className="check-name">{EVENT_TYPE_INFO[t].label[lang]}</span>
          <span className="count">{counts ? number.format(counts[EVENT_TYPES.indexOf(t)]!) : ''}</span>
        </label>
      ))}
    </div>
  );
}
