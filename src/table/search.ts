// Text search that ignores case, Latin accents, Arabic diacritics and Arabic letter variants
// (أ/إ/آ → ا, ة → ه, ى → ي), so "وقف اطلاق النار" finds "وقف إطلاق النار".
import { actorRowsOf, type EventTable } from './eventTable.ts';

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One normalised string per row: titles, descriptions, actors and place, in every language. */
export function buildSearchIndex(table: EventTable): string[] {
  const actorText = table.actors.map((a) => [...Object.values(a.names), ...a.aliases].join(' '));
  return table.events.map((event, row) => {
    const parts = [...Object.values(event.title), ...Object.values(event.description ?? {})];
    for (const a of actorRowsOf(table, row)) parts.push(actorText[a]!);
    if (event.place) parts.push(...Object.values(event.place.name), event.place.country);
    return normaliseForSearch(parts.join(' \u0001 '));
  });
}

/** Every word of the query must occur somewhere in the row's text. */
export function matchesQuery(indexed: string, words: readonly string[]): boolean {
  return words.every((w) => indexed.includes(w));
}

export function queryWords(q: string): string[] {
  return normaliseForSearch(q).split(' ').filter(Boolean);
}
