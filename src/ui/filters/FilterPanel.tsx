import { SearchBox } from './SearchBox.tsx';
import { ActorFilter } from './ActorFilter.tsx';
import { TypeFilter } from './TypeFilter.tsx';
import { DateFilter } from './DateFilter.tsx';
import { PlaceFilter } from './PlaceFilter.tsx';

export function FilterPanel() {
  return (
    <aside className="filter-panel" aria-label="Filters">
      <h2>Filters</h2>
      <SearchBox />
      <ActorFilter />
      <TypeFilter />
      <DateFilter />
      <PlaceFilter />
    </aside>
  );
}
