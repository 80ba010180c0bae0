import { useState } from 'react';
import { SearchBox } from './SearchBox.tsx';
import { useAppState, useUiLocale } from '../StoreContext.tsx';
import { ActorFilter } from './ActorFilter.tsx';
import { TypeFilter } from './TypeFilter.tsx';
import { DateFilter } from './DateFilter.tsx';
import { PlaceFilter } from './PlaceFilter.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { describeFilters } from '../../i18n/describeFilters.ts';

/** The filters: beside the timeline on wide screens, inside the drawer on phones (with a close button). */
export function FilterPanel({ onClose }: { onClose?: () => void } = {}) {
  const { t } = useUiLocale();
  return (
    <aside className="filter-panel" aria-labelledby="filters-heading">
      <div className="filter-panel-head">
        <h2 id="filters-heading">{t.filters}</h2>
        {onClose && (
          <button type="button" className="close" aria-label={t.closeFilters} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <SearchBox />
      <ActorFilter />
      <TypeFilter />
      <DateFilter />
      <PlaceFilter />
    </aside>
  );
}

/**
 * Phones: a "Filters" button, with the number of active filters, that opens the filters in a
 * modal drawer. Escape or the close button closes it, and the focus goes back to the button.
 */
export function FilterDrawer() {
  const { lang, locale, t } = useUiLocale();
  const [open, setOpen] = useState(false);
  const dialogRef = useModalDialog(open);
  const active = useAppState((s) => describeFilters(s.filters, s.table, lang, locale, t).length);
  const count = new Intl.NumberFormat(locale).format(active);
  return (
    <>
      <button type="button" className="filters-button" aria-haspopup="dialog" aria-label={active ? t.filtersButtonActive(count) : t.filters} onClick={() => setOpen(true)}>
        {t.filters}
        {active > 0 && (
          <span className="filters-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      <dialog ref={dialogRef} className="filter-drawer" aria-labelledby="filters-heading" onClose={() => setOpen(false)}>
        {open && <FilterPanel onClose={() => setOpen(false)} />}
      </dialog>
    </>
  );
}
