// The active filters in words ("Actor: Government of Armenia", "Type: Clash"), each with the patch
// that removes it: the chips show them, and exports print them.
import { actorName } from '../model/actors.ts';
import { countryName } from '../model/countries.ts';
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import type { EventTable } from './eventTable.ts';
import type { Filters } from './filter.ts';

export interface FilterDescription {
  key: string;
  label: string;
  remove: Partial<Filters>;
}

export function describeFilters(filters: Filters, table: EventTable, lang: 'en' | 'ar', locale: string): FilterDescription[] {
  return [
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
}
