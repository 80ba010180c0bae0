// Text search that ignores case, Latin accents, Arabic diacritics and Arabic letter variants
// (أ/إ/آ → ا, ة → ه, ى → ي), so "وقف اطلاق النار" finds "وقف إطلاق النار".
import { actorRowsOf, type EventTable } from './eventTable.ts';

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;

/** Text with any character outside ASCII takes the full path; plain ASCII only needs case and spaces. */
const NOT_ASCII = /[^\x00-\x7f]/;

export function normaliseForSearch(text: string): string {
  // For ASCII, NFKD and the Arabic and accent folding change nothing: skipping them makes
  // indexing a large English dataset several times faster.
  if (!NOT_ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
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

/**
 * A row's search text: its title and description in every language, its actors' names and its
 * place, normalised, parts apart by " \u0001 " so that no query word spans two. Actors and places
 * repeat across rows, so each is normalised once.
 */
export function createRowTextReader(table: EventTable): (row: number) => string {
  const actorText = table.actors.map((a) => normaliseForSearch([...Object.values(a.names), ...a.aliases].join(' ')));
  // Per distinct place (the table's place index): each is normalised once.
  const placeText = new Array<string | undefined>(table.places.length);
  return (row) => {
    const event = table.eventAt(row);
    const parts = [normaliseForSearch([...Object.values(event.title), ...Object.values(event.description ?? {})].join(' \u0001 '))];
    for (const a of actorRowsOf(table, row)) parts.push(actorText[a]!);
    const place = event.place;
    const at = table.placeOf[row]!;
    if (place && at >= 0) parts.push((placeText[at] ??= normaliseForSearch([...Object.values(place.name), place.country].join(' \u0001 '))));
    return parts.join(' \u0001 ');
  };
}

/** Every row's search text, for a plain scan: the reference the word index is held to in tests. */
export function buildSearchIndex(table: EventTable): string[] {
  const rowText = createRowTextReader(table);
  return Array.from({ length: table.size }, (_, row) => rowText(row));
}

/** Every word of the query must occur somewhere in the row's text. */
export function matchesQuery(indexed: string, words: readonly string[]): boolean {
  return words.every((w) => indexed.includes(w));
}

export function queryWords(q: string): string[] {
  return normaliseForSearch(q).split(' ').filter(Boolean);
}
