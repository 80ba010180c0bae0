// The app's CSV of events, as the export writes it and the importer reads it back: its columns
// and the separators and words inside its cells. Here so that both sides keep to one layout.
import Papa from 'papaparse';
import type { Count } from './schema.ts';

/** The header row, in order. Lists inside a cell are joined with LIST_SEPARATOR. */
export const EVENT_CSV_COLUMNS = [
  'id',
  'type',
  'title',
  'title_language',
  'description',
  'description_language',
  'original_language',
  'start',
  'start_precision',
  'start_timezone',
  'start_day_part',
  'end',
  'end_precision',
  'end_timezone',
  'end_day_part',
  'place',
  'country',
  'admin',
  'lat',
  'lon',
  'geo_precision',
  'actors',
  'actor_ids',
  'actor_kinds',
  'counts',
  'claims',
  'sources',
  'source_quotes',
  'relations',
  'tags',
] as const;

export type EventCsvColumn = (typeof EVENT_CSV_COLUMNS)[number];

export const LIST_SEPARATOR = '; ';
/** Between the parts of one source: "publisher | title | url | date | language". */
export const SOURCE_PART_SEPARATOR = ' | ';

/** The words before a count's value: "killed: about 105". */
export const QUALIFIER_WORDS: Record<Count['qualifier'], string> = {
  exact: '',
  about: 'about ',
  'at-least': 'at least ',
  'more-than': 'more than ',
};

/** Whether a name must be quoted inside its list's cell (see joinNames). */
const needsQuotes = (name: string) => name.includes(LIST_SEPARATOR) || /["\n\r]/.test(name) || name !== name.trim();

/**
 * A list of names (admin areas, tags) in one cell, "a; b", an entry that holds the separator, a
 * quote or a line break quoted as in CSV ("\"a; b\"; c"), so that reading the cell gives the list
 * back. Papa Parse quotes; most lists need none, and are joined without it (it costs a call per cell).
 */
export const joinNames = (names: readonly string[]): string =>
  names.some(needsQuotes) ? Papa.unparse([names as string[]], { delimiter: LIST_SEPARATOR, newline: '\n' }) : names.join(LIST_SEPARATOR);

/** The list joinNames wrote, or one typed in a spreadsheet ("a; b"). */
export function splitNames(cell: string): string[] {
  const names = cell.includes('"') ? (Papa.parse<string[]>(cell, { delimiter: LIST_SEPARATOR, newline: '\n' }).data[0] ?? []) : cell.split(LIST_SEPARATOR);
  return names.map((name) => name.trim()).filter(Boolean);
}
