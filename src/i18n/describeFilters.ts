// The active filters in words ("Actor: Government of Armenia", "Type: Clash"), each with the patch
// that removes it: the chips show them, and exports print them.
import { actorName } from '../model/actors.ts';
import { countryName } from '../model/countries.ts';
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import type { EventTable } from '../table/eventTable.ts';
import type { Filters } from '../table/filter.ts';
import { en, type Messages } from './messages.en.ts';
import { describeArea } from './describeArea.ts';

export interface FilterDescription {
  key: string;
  label: string;
  remove: Partial<Filters>;
}

/** `words`: the UI language's labels ("Actor: …" in English, "الجهة: …" in Arabic). */
export function describeFilters(filters: Filters, table: EventTable, lang: 'en' | 'ar', locale: string, words: Messages = en): FilterDescription[] {
  return [
    ...filters.actors.map((id) => {
      const row = table.actorRow.get(id);
      const name = row === undefined ? id : actorName(table.actors[row]!, lang);
      return { key: `actor:${id}`, label: words.chipActor(name), remove: { actors: filters.actors.filter((a) => a !== id) } };
    }),
    ...(filters.role && filters.actors.length ? [{ key: 'role', label: words.chipRole(words.roleNames[filters.role]), remove: { role: null } }] : []),
    ...filters.types.map((t) => ({ key: `type:${t}`, label: words.chipType(EVENT_TYPE_INFO[t].label[lang]), remove: { types: filters.types.filter((x) => x !== t) } })),
    ...(filters.q.trim() ? [{ key: 'q', label: words.chipText(filters.q.trim()), remove: { q: '' } }] : []),
    ...(filters.country ? [{ key: 'country', label: words.chipCountry(countryName(filters.country, locale)), remove: { country: null } }] : []),
    ...(filters.place ? [{ key: 'place', label: words.chipPlace(filters.place), remove: { place: null } }] : []),
    ...(filters.area ? [{ key: 'area', label: describeArea(filters.area, locale, words), remove: { area: null } }] : []),
  ];
}
