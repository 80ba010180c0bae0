// Text search that ignores case, Latin accents, Arabic diacritics and Arabic letter variants
// (أ/إ/آ → ا, ة → ه, ى → ي), so "وقف اطلاق النار" finds "وقف إطلاق النار".
import type { EventTable } from './eventTable.ts';

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;

/**
 * Text of ASCII and the dashes and curly quotes that English titles use (ACLED's "A – B") only
 * needs case and spaces: the full path changes none of these characters. Anything else takes it.
 */
const NOT_PLAIN = /[^\x00-\x7f\u2013\u2014\u2018\u2019\u201c\u201d]/;
/**
 * Spaces that /\s+/ would change: two in a row, or any space other than " ". In plain text (see
 * NOT_PLAIN) the only spaces are " " and \t to \r, so this is /\s\s|[^\S ]/ there, and twice as
 * fast (at a million events that one took a second of the index's time).
 */
const UNUSUAL_SPACE = /[\t-\r]| {2}/;

export function normaliseForSearch(text: string): string {
  // For plain text, NFKD and the Arabic and accent folding change nothing: skipping them makes
  // indexing a large English dataset several times faster.
  if (!NOT_PLAIN.test(text)) {
    const lower = text.toLowerCase();
    // Most text has single spaces only: then there is nothing to collapse.
    return (UNUSUAL_SPACE.test(lower) ? lower.replace(/\s+/g, ' ') : lower).trim();
  }
  return fullNormalise(text);
}

/** The full path of normaliseForSearch; exported for the test that holds the quick path to it. */
export function fullNormalise(text: string): string {
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
 * A row's search text in parts: its own (title and description, in every language) and the parts
 * it shares with other rows (its actors' names, its place), each shared part by a number (actors
 * first, then places) and normalised once.
 */
export interface RowTextParts {
  own: string;
  shared: { key: number; text: string }[];
}

export function createRowPartsReader(table: EventTable): (row: number) => RowTextParts {
  // One part object per actor and per place, made once: a million rows need no new ones.
  const actorParts = table.actors.map((a, key) => ({ key, text: normaliseForSearch([...Object.values(a.names), ...a.aliases].join(' ')) }));
  // Per distinct place (the table's place index): each is normalised once, from the first row that has it.
  const placeParts = new Array<RowTextParts['shared'][number] | undefined>(table.places.length);
  return (row) => {
    const { title, description } = table.textAt(row);
    // Every language's title, then description, " \u0001 " apart.
    let joined = '';
    let first = true;
    for (const text of [title, description]) {
      if (!text) continue;
      for (const language in text) {
        joined = first ? text[language]! : `${joined} \u0001 ${text[language]!}`;
        first = false;
      }
    }
    const shared: RowTextParts['shared'] = [];
    for (let at = table.actorOffset[row]!; at < table.actorOffset[row + 1]!; at++) shared.push(actorParts[table.actorIndex[at]!]!);
    const at = table.placeOf[row]!;
    if (at >= 0) {
      placeParts[at] ??= {
        key: table.actors.length + at,
        text: normaliseForSearch([...Object.values(table.eventAt(row).place!.name), table.places[at]!.country].join(' \u0001 ')),
      };
      shared.push(placeParts[at]!);
    }
    return { own: normaliseForSearch(joined), shared };
  };
}

/** Every row's search text, for a plain scan: the reference the word index is held to in tests. */
export function buildSearchIndex(table: EventTable): string[] {
  const partsOf = createRowPartsReader(table);
  return Array.from({ length: table.size }, (_, row) => {
    // The parts " \u0001 " apart, so that no query word spans two.
    const { own, shared } = partsOf(row);
    return [own, ...shared.map((part) => part.text)].join(' \u0001 ');
  });
}

export function queryWords(q: string): string[] {
  return normaliseForSearch(q).split(' ').filter(Boolean);
}
