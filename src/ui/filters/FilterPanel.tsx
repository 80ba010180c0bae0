import { SearchBox } from './SearchBox.tsx';
import { useUiLocale } from '../StoreContext.tsx';
import { ActorFilter } from './ActorFilter.tsx';
import { TypeFilter } from './TypeFilter.tsx';
import { DateFilter } from './DateFilter.tsx';
import { PlaceFilter } from './PlaceFilter.tsx';

export function FilterPanel() {
  const { t } = useUiLocale();
  return (
    <aside className="filter-panel" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t.filters}</h2>
      <SearchBox />
      <ActorFilter />
      <TypeFilter />
      <DateFilter />
      <PlaceFilter />
    </aside>
  );
}
