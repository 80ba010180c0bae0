import { isFiltering } from '../../table/filter.ts';
import { describeFilters, filtersInWords } from '../../i18n/describeFilters.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

/** Each active filter as a chip that removes it, and "Clear all"; read-only, a line of words (in embeds). */
export function FilterChips({ readOnly = false }: { readOnly?: boolean }) {
  const store = useAppStore();
  const { lang, locale, t } = useUiLocale();
  const filters = useAppState((s) => s.filters);
  const table = useAppState((s) => s.table);
  if (!isFiltering(filters)) return null;
  if (readOnly)
    return (
      <p className="filters-in-words" dir="auto">
        {t.filtered(filtersInWords(filters, table, lang, locale, t).join(' · '))}
      </p>
    );
  const chips = describeFilters(filters, table, lang, locale, t);
  return (
    <div className="chips" role="group" aria-label={t.activeFilters}>
      {chips.map((chip) => (
        <button key={chip.key} type="button" className="chip" aria-label={t.removeFilter(chip.label)} onClick={() => store.getState().setFilters(chip.remove)}>
          <span dir="auto">{chip.label}</span>
          <span aria-hidden="true"> ×</span>
        </button>
      ))}
      <button type="button" className="chip clear" onClick={() => store.getState().clearFilters()}>
        {t.clearAll}
      </button>
    </div>
  );
}
