// The active filters in words ("Actor: Government of Armenia", "Type: Clash"), each with the patch
// that removes it, for the chips; and as a line to read (exports, embeds, story steps), where the
// types or actors chosen make one phrase: "Type: Clash, Ceasefire or Casualty report".
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

function actorNameOf(table: EventTable, id: string, lang: 'en' | 'ar'): string {
  const row = table.actorRow.get(id);
  return row === undefined ? id : actorName(table.actors[row]!, lang);
}

/** `words`: the UI language's labels ("Actor: …" in English, "الجهة: …" in Arabic). */
export function describeFilters(filters: Filters, table: EventTable, lang: 'en' | 'ar', locale: string, words: Messages = en): FilterDescription[] {
  return [
    ...filters.actors.map((id) => ({ key: `actor:${id}`, label: words.chipActor(actorNameOf(table, id, lang)), remove: { actors: filters.actors.filter((a) => a !== id) } })),
    ...(filters.role && filters.actors.length ? [{ key: 'role', label: words.chipRole(words.roleNames[filters.role]), remove: { role: null } }] : []),
    ...filters.types.map((t) => ({ key: `type:${t}`, label: words.chipType(EVENT_TYPE_INFO[t].label[lang]), remove: { types: filters.types.filter((x) => x !== t) } })),
    ...(filters.q.trim() ? [{ key: 'q', label: words.chipText(filters.q.trim()), remove: { q: '' } }] : []),
    ...(filters.country ? [{ key: 'country', label: words.chipCountry(countryName(filters.country, locale)), remove: { country: null } }] : []),
    ...(filters.place ? [{ key: 'place', label: words.chipPlace(filters.place), remove: { place: null } }] : []),
    ...(filters.area ? [{ key: 'area', label: describeArea(filters.area, locale, words), remove: { area: null } }] : []),
  ];
}

/**
 * The filters as phrases to read: the actors chosen in one ("Actor: A or B"), the types in one,
 * each list joined as the locale joins alternatives (an event passes with any of them).
 */
export function filtersInWords(filters: Filters, table: EventTable, lang: 'en' | 'ar', locale: string, words: Messages = en): string[] {
  const anyOf = new Intl.ListFormat(locale, { type: 'disjunction' });
  const chips = describeFilters(filters, table, lang, locale, words);
  const names = filters.actors.map((id) => actorNameOf(table, id, lang));
  const types = filters.types.map((t) => EVENT_TYPE_INFO[t].label[lang]);
  return [
    ...(names.length ? [words.chipActor(anyOf.format(names))] : []),
    ...chips.filter((chip) => chip.key === 'role').map((chip) => chip.label),
    ...(types.length ? [words.chipType(anyOf.format(types))] : []),
    ...chips.filter((chip) => !/^(actor:|type:|role$)/.test(chip.key)).map((chip) => chip.label),
  ];
}
