import { actorName } from '../../model/actors.ts';
import { countryName } from '../../model/countries.ts';
import { EVENT_TYPE_INFO } from '../../model/taxonomy.ts';
import { isFiltering, type Filters } from '../../table/filter.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

interface Chip {
  key: string;
  label: string;
  remove: Partial<Filters>;
}

/** Each active filter as a chip that removes it, and "Clear all". */
export function FilterChips() {
  const store = useAppStore();
  const { lang, locale } = useUiLocale();
  const filters = useAppState((s) => s.filters);
  const table = useAppState((s) => s.table);
  if (!isFiltering(filters)) return null;
  const chips: Chip[] = [
    ...filters.actors.map((id) => {
      const row = table.actorRow.get(id);
      const name = row === undefined ? id : actorName(table.actors[row]!, lang);
      return { key: `actor:${id}`, label: `Actor: ${name}`, remove: { actors: filters.actors.filter((a) => a !== id) } };
    }),
    ...(filters.role && filters.actors.length ? [{ key: 'role', label: `Role: ${filters.role}`, remove: { role: null } }] : []),
    ...filters.types.map((t) => ({ key: `type:${t}`, label: `Type: ${EVENT_TYPE_INFO[t].label[lang]}`, remove: { types: filters.types.filter((x) => x !== t) } })),
    ...(filters.q.trim() ? [{ key: 'q', label: `Text: “${filters.q.trim()}”`, remove: { q: '' } }] : []),
    ...(filters.country ? [{ key: 'country', label: `Country: ${countryName(filters.country, locale)}`, remove: { country: null } }] : []),
    ...(filters.place ? [{ key: 'place', label: `Location: ${filters.place}`, remove: { place: null } }] : []),
  ];
  return (
    <div className="chips" role="group" aria-label="Active filters">
      {chips.map((chip) => (
        <button key={chip.key} type="button" className="chip" aria-label={`Remove filter ${chip.label}`} onClick={() => store.getState().setFilters(chip.remove)}>
          <span dir="auto">{chip.label}</span>
          <span aria-hidden="true"> ×</span>
        </button>
      ))}
      <button type="button" className="chip clear" onClick={() => store.getState().clearFilters()}>
        Clear all
      </button>
    </div>
  );
}
