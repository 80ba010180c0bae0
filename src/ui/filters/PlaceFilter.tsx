import { useMemo, useState } from 'react';
import { placeCounts } from '../../store/derived.ts';
import { countryName } from '../../model/countries.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { useCountsView } from './useCountsView.ts';
import { remotePlaceCounts } from '../../remote/remoteCounts.ts';

/** Before a new table's counts come (see useCountsView). */
const NO_PLACES: ReturnType<typeof placeCounts> = { countries: new Map(), places: [] };

/** Country (a select) and place name (typed, with suggestions from the data). */
export function PlaceFilter() {
  const store = useAppStore();
  const { locale, t } = useUiLocale();
  const country = useAppState((s) => s.filters.country);
  const place = useAppState((s) => s.filters.place);
  const countsView = useCountsView();
  // With a data server, its counts (the page holds few of the events, or none); undefined: a file's.
  const remotePlaces = useAppState((s) => (s.remoteInfo ? s.remotePlaces : undefined));
  const { countries, places } = useMemo(
    () => (remotePlaces !== undefined ? (remotePlaces ? remotePlaceCounts(remotePlaces) : NO_PLACES) : countsView ? placeCounts(countsView) : NO_PLACES),
    [countsView, remotePlaces],
  );
  const counted = remotePlaces !== undefined ? remotePlaces !== null : countsView !== null;
  const [draft, setDraft] = useState<string | null>(null);
  const number = new Intl.NumberFormat(locale);
  const options = [...countries.entries()].sort((a, b) => b[1] - a[1]);
  if (country && !countries.has(country)) options.push([country, 0]);
  const commitPlace = (value: string) => {
    setDraft(null);
    const trimmed = value.trim();
    store.getState().setFilters({ place: trimmed || null });
  };
  return (
    <div role="group" aria-labelledby="place-label" className="filter-block">
      <h3 id="place-label">{t.place}</h3>
      <label className="role-select">
        <span>{t.country}</span>
        <select value={country ?? ''} onChange={(e) => store.getState().setFilters({ country: e.target.value || null })}>
          <option value="">{t.anyCountry}</option>
          {options.map(([code, count]) => (
            <option key={code} value={code}>
              {countryName(code, locale)} ({code}){counted ? ` · ${number.format(count)}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="role-select">
        <span>{t.location}</span>
        <input
          type="search"
          list="place-names"
          value={draft ?? place ?? ''}
          placeholder={t.anyLocation}
          onChange={(e) => {
            setDraft(e.target.value);
            if (e.target.value === '') commitPlace('');
          }}
          onBlur={(e) => draft !== null && commitPlace(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commitPlace(e.currentTarget.value)}
          dir="auto"
        />
        <datalist id="place-names">
          {places.slice(0, 500).map((p) => (
            <option key={`${p.country}-${p.name}`} value={p.name}>
              {`${p.name} (${p.country}) · ${number.format(p.count)}`}
            </option>
          ))}
        </datalist>
      </label>
    </div>
  );
}
