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
 * One normalised string per row: titles, descriptions, actors and place, in every language, parts
 * apart by " \u0001 " so that no query word spans two. Actors and places repeat across rows, so
 * each is normalised once.
 */
export function buildSearchIndex(table: EventTable): string[] {
  const builder = createSearchIndexBuilder(table);
  builder.buildUntil(Infinity);
  return builder.index;
}

/** Builds the search index a slice at a time, so that a large table can be indexed between frames. */
export interface SearchIndexBuilder {
  /** The index; complete once `done`. */
  readonly index: string[];
  readonly done: boolean;
  /** Indexes rows until performance.now() passes `deadline` (or all are done); true when done. */
  buildUntil(deadline: number): boolean;
}

export function createSearchIndexBuilder(table: EventTable): SearchIndexBuilder {
  const actorText = table.actors.map((a) => normaliseForSearch([...Object.values(a.names), ...a.aliases].join(' ')));
  // Per distinct place (the table's place index): each is normalised once.
  const placeText = new Array<string | undefined>(table.places.length);
  const index = new Array<string>(table.size);
  let next = 0;
  const indexRow = (row: number) => {
    const event = table.eventAt(row);
    const parts = [normaliseForSearch([...Object.values(event.title), ...Object.values(event.description ?? {})].join(' \u0001 '))];
    for (const a of actorRowsOf(table, row)) parts.push(actorText[a]!);
    const place = event.place;
    const at = table.placeOf[row]!;
    if (place && at >= 0) parts.push((placeText[at] ??= normaliseForSearch([...Object.values(place.name), place.country].join(' \u0001 '))));
    index[row] = parts.join(' \u0001 ');
  };
  return {
    index,
    get done() {
      return next >= table.size;
    },
    buildUntil(deadline) {
      while (next < table.size) {
        // Check the clock every 256 rows: reading it costs more than indexing a row.
        const end = Math.min(table.size, next + 256);
        for (; next < end; next++) indexRow(next);
        if (deadline !== Infinity && performance.now() >= deadline) break;
      }
      return next >= table.size;
    },
  };
}

/** Every word of the query must occur somewhere in the row's text. */
export function matchesQuery(indexed: string, words: readonly string[]): boolean {
  return words.every((w) => indexed.includes(w));
}

export function queryWords(q: string): string[] {
  return normaliseForSearch(q).split(' ').filter(Boolean);
}
