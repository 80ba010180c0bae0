// The app's own CSV export read back (see model/eventsCsvFormat.ts): analysts export the events,
// edit them in a spreadsheet and open the file again. Each cell is read as the export writes it; a
// list entry that is not in that form rejects its row, named, rather than being guessed at. The
// CSV holds each text in one language, and no kind for an actor named only as a claimant, so
// those cannot come back (a note says so).
import type { Actor, ActorRef, Claim, ConflictEvent, Count, Dataset, LocalizedText, Source } from '../model/schema.ts';
import { ACTOR_KINDS, COUNT_KINDS, PRECISIONS, RELATION_KINDS, ROLES, type Precision } from '../model/schema.ts';
import { LIST_SEPARATOR, QUALIFIER_WORDS, SOURCE_PART_SEPARATOR, splitNames, type EventCsvColumn } from '../model/eventsCsvFormat.ts';
import { typeFromText, readMappedTime } from './csvMapping.ts';
import { createEventCheck } from './acceptEvent.ts';
import { createRowState } from './rowState.ts';
import { readCoordinate, slug } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import type { CsvFormatImport, CsvRowSink } from './csv.ts';
import type { RowReport } from './report.ts';
import type { FileForm } from './dates.ts';

export const APP_CSV_LAYOUT = 'Conflict Timeline CSV (the app’s export)';

/** The columns that tell the export from any other table, and those a row cannot do without. */
const MARKERS: readonly EventCsvColumn[] = ['id', 'title', 'start', 'start_precision', 'actor_ids'];
const REQUIRED: readonly EventCsvColumn[] = ['id', 'type', 'title', 'start', 'sources'];

export const isAppCsvHeader = (lower: readonly string[]) => MARKERS.every((m) => lower.includes(m));
export const missingAppCsvColumns = (header: readonly string[]) => REQUIRED.filter((c) => !header.some((h) => h.trim().toLowerCase() === c));

export const APP_CSV_NOTE =
  'a Conflict Timeline CSV holds each text in one language, and no kind for an actor it names only as a claimant (such an actor comes in as "other"). Its JSON or Parquet export keeps everything';

/** The spreadsheet-formula guard the export put before a cell (see defuseCsvCell), taken off again. */
const undefused = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const hasArabic = (text: string) => /[\u0600-\u06ff]/.test(text);

/**
 * The language of a text the export wrote in `wanted` where the event has it, else in `fallback`
 * (see pickText). The export is written in the UI's language, English or Arabic, so the script
 * tells which of the two it is.
 */
function textLanguage(text: string, wanted: string, fallback: string): string {
  if (hasArabic(text) === (wanted === 'ar')) return wanted;
  if (hasArabic(text)) return 'ar';
  return fallback === 'ar' ? 'en' : fallback;
}

const COUNT_ENTRY = new RegExp(
  `^(${COUNT_KINDS.join('|')}): (about |at least |more than )?(\\d+)(?: \\((?:low (\\d+))?(?:, )?(?:high (\\d+))?\\))?(?: of (.+?))?, claimed by (.+) on (\\d{4}-\\d{2}-\\d{2})(?:, source (\\d+))?$`,
);
/** Where the next count of a counts cell starts. */
const NEXT_COUNT = new RegExp(`; (?=(?:${COUNT_KINDS.join('|')}): )`);
const QUALIFIER_OF_WORDS = new Map(Object.entries(QUALIFIER_WORDS).map(([qualifier, words]) => [words, qualifier as Count['qualifier']]));
const CLAIM_ENTRY = /(.+?) claims "([\s\S]*?)" \((?:disputed(?: by ([^;()]+))?|(unverified|confirmed)(?:, disputed by ([^;()]+))?)(?:; source (\d+))?\)(?:; |$)/;
const ACTOR_ENTRY = new RegExp(`^(.+) \\((${ROLES.join('|')})(?:, side ([12]))?(?:, as "(.*)")?\\)$`);
/** An instant as the export writes it: 2022-09-13T00:05:00+04:00. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const SOURCE_ENTRY = /^\[(\d+)\] ([\s\S]*)$/;
const QUOTE_ENTRY = /^\[(\d+)\] "([\s\S]*)"$/;

/** A cell's list entries; `next` is where a new entry starts, for lists whose entries may hold the separator. */
const entries = (text: string, next?: RegExp) => (text === '' ? [] : text.split(next ?? LIST_SEPARATOR).map((entry) => entry.trim()));

const sourceIndex = (n: string | undefined) => (n === undefined ? {} : { source: Number(n) - 1 });

/** A reader of the app's CSV rows; `dates` and `decimalComma` as for any CSV (see FileForm). */
export function createAppCsvImport(header: readonly string[], fileName: string, { dates, decimalComma = false }: FileForm = {}): CsvFormatImport {
  const col = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const state = createRowState();
  const acceptEvent = createEventCheck();
  const actorsById = new Map<string, Actor>();
  // Names as the export writes them (actorName), so the same actor is named the same in every row.
  const idsByName = new Map<string, string>();

  /** The actor with this id, named so; a name seen before under another id is an alias. */
  const actorWithId = (id: string, name: string, kind?: Actor['kind']) => {
    const actor = actorsById.get(id);
    if (!actor) actorsById.set(id, { id, names: { [textLanguage(name, 'en', 'en')]: name }, aliases: [], kind: kind ?? 'other' });
    else {
      if (!Object.values(actor.names).includes(name) && !actor.aliases.includes(name)) actor.aliases.push(name);
      if (kind && actor.kind === 'other') actor.kind = kind;
    }
    if (!idsByName.has(name)) idsByName.set(name, id);
    return id;
  };
  /** The id of an actor known by name only (a claimant, a count's subject): the one named so before, or a new one. */
  const actorNamed = (name: string) => {
    const known = idsByName.get(name);
    if (known) return known;
    let id = slug(name) || 'actor';
    for (let n = 2; actorsById.has(id); n++) id = `${slug(name) || 'actor'}-${n}`;
    return actorWithId(id, name);
  };

  const row: CsvRowSink['row'] = (cells, line, report, sheetRow) => {
    const get = (column: EventCsvColumn) => {
      const i = col.get(column);
      return i === undefined ? '' : undefused((cells[i] ?? '').trim());
    };
    const id = get('id');
    if (!id) return report.reject('id', 'is empty');
    const first = state.placeOfId(id);
    if (first !== undefined) return report.reject('id', `repeats the id of ${first}`, id);
    const original = get('original_language') || get('title_language') || 'en';
    const lang = get('title_language') || original;
    const title = get('title');
    if (!title) return report.reject('title', 'is empty');
    const type = typeFromText(get('type'));
    if (!type) report.fix('type', 'is not a type we know; imported as "other"', get('type'));

    const time = (prefix: 'start' | 'end') => {
      const text = get(prefix);
      if (!text) return undefined;
      const tz = get(`${prefix}_timezone`) || 'UTC';
      const written = get(`${prefix}_precision`);
      const dayPart = get(`${prefix}_day_part`);
      const parts = { tz, ...(dayPart ? { dayPart } : {}) };
      // The export writes an instant with its offset; a spreadsheet may have rewritten it, or the
      // analyst typed another date: then it says no more than it holds (a date typed over an
      // instant of minute precision is a day).
      if (INSTANT.test(text)) return { at: text, precision: written || 'day', ...parts };
      const read = readMappedTime(text, tz, dates?.order);
      if (!read) return null;
      const precision = PRECISIONS.indexOf(written as Precision) >= 0 && PRECISIONS.indexOf(written as Precision) < PRECISIONS.indexOf(read.precision) ? written : read.precision;
      return { at: read.at, precision, ...parts };
    };
    const start = time('start');
    if (!start) return report.reject('start', start === null ? 'is not a date or an instant such as 2022-09-13T00:05:00+04:00' : 'is empty', get('start'));
    const end = time('end');
    if (end === null) return report.reject('end', 'is not a date or an instant such as 2022-09-13T00:05:00+04:00', get('end'));

    // Actors: "Name (role, side 1, as "written")", paired in order with the ids of actor_ids.
    // Each entry ends with its role in brackets, so a name that holds "; " stays whole.
    const actorEntries = entries(get('actors'), /(?<=\)); /);
    const actorIds = entries(get('actor_ids'));
    if (actorIds.length && actorIds.length !== actorEntries.length)
      return report.reject('actor_ids', `names ${actorIds.length} actors, but the actors column names ${actorEntries.length}`, get('actor_ids'));
    const kinds = entries(get('actor_kinds'));
    if (kinds.length && kinds.length !== actorEntries.length)
      return report.reject('actor_kinds', `names ${kinds.length} kinds, but the actors column names ${actorEntries.length} actors`, get('actor_kinds'));
    const badKind = kinds.findIndex((kind) => kind !== '' && !(ACTOR_KINDS as readonly string[]).includes(kind));
    if (badKind >= 0) return report.reject('actor_kinds', `entry ${badKind + 1} is not a kind of actor we know`, kinds[badKind]);
    const actors: ActorRef[] = [];
    // A claimant or a count's subject is named, not given by id: the event's own actor of that name first.
    const idsInRow = new Map<string, string>();
    const named = (name: string) => idsInRow.get(name) ?? actorNamed(name);
    for (const [k, entry] of actorEntries.entries()) {
      const m = ACTOR_ENTRY.exec(entry);
      const name = m ? m[1]! : entry;
      const actor = actorIds[k] ? actorWithId(actorIds[k], name, (kinds[k] || undefined) as Actor['kind'] | undefined) : actorNamed(name);
      if (!idsInRow.has(name)) idsInRow.set(name, actor);
      actors.push({ actor, role: (m?.[2] ?? 'participant') as ActorRef['role'], ...(m?.[4] !== undefined ? { name: m[4] } : {}), ...(m?.[3] ? { side: Number(m[3]) as 1 | 2 } : {}) });
    }

    const lists = readLists(get, named, lang, original);
    if ('column' in lists) return report.reject(lists.column, `entry ${lists.index + 1} is not ${lists.what} as the app writes it`, lists.entry);
    const { counts, claims, sources, relations } = lists;

    const place = readPlace(get, lang, decimalComma, report);
    if (place === null) return;
    const description = get('description');
    const candidate = {
      id,
      type: type ?? 'other',
      title: { [lang]: title },
      ...(description ? { description: { [get('description_language') || lang]: description } } : {}),
      originalLanguage: original,
      start,
      ...(end ? { end } : {}),
      actors,
      ...(place ? { place } : {}),
      counts,
      claims,
      sources,
      relations,
      tags: splitNames(get('tags')),
    };
    if (acceptEvent(candidate, report, state.events)) state.keptId(id, line, sheetRow);
  };

  return {
    layout: APP_CSV_LAYOUT,
    row,
    dataset: (): Dataset => ({
      title: `Events from ${fileName}`,
      attribution: attributionOf(state.events, fileName),
      actors: [...actorsById.values()],
      events: state.events,
    }),
  };
}

/**
 * Whom the data come from, for the Source line of the view, its images and embeds: the CSV holds
 * no dataset text, but each event cites its sources, and a provider such as ACLED is cited by
 * every event of its export. The publishers cited by half the events or more are named.
 */
function attributionOf(events: readonly ConflictEvent[], fileName: string): string {
  const citing = new Map<string, number>();
  for (const event of events) for (const publisher of new Set(event.sources.map((source) => source.publisher))) citing.set(publisher, (citing.get(publisher) ?? 0) + 1);
  const main = [...citing].filter(([, n]) => n * 2 >= events.length).sort((a, b) => b[1] - a[1]).map(([publisher]) => publisher);
  const file = `${fileName}, a Conflict Timeline CSV opened by the user`;
  if (!main.length) return `${file} (its events cite their sources)`;
  return `${main.join(', ')}${citing.size > main.length ? ' and others' : ''}, as cited per event (${file})`;
}

/** A list entry not in the export's form: its column, its place in the cell, what it should be. */
interface BadEntry {
  column: EventCsvColumn;
  index: number;
  what: string;
  entry: string;
}

type Lists = Pick<ConflictEvent, 'counts' | 'claims' | 'sources' | 'relations'>;

/**
 * The counts, claims, sources (with their quotes) and relations of a row, each entry read as the
 * export writes it; `named` gives the id of an actor the cells name. The first entry in another
 * form is the answer instead.
 */
function readLists(get: (column: EventCsvColumn) => string, named: (name: string) => string, lang: string, original: string): Lists | BadEntry {
  const bad = (column: EventCsvColumn, index: number, what: string, entry: string): BadEntry => ({ column, index, what, entry });
  const counts: Count[] = [];
  for (const [k, entry] of entries(get('counts'), NEXT_COUNT).entries()) {
    const m = COUNT_ENTRY.exec(entry);
    if (!m) return bad('counts', k, 'a count', entry);
    const [, kind, qualifier, value, low, high, of, claimant, claimedOn, source] = m;
    counts.push({
      kind: kind as Count['kind'],
      value: Number(value),
      qualifier: QUALIFIER_OF_WORDS.get(qualifier ?? '') ?? 'exact',
      ...(low !== undefined ? { low: Number(low) } : {}),
      ...(high !== undefined ? { high: Number(high) } : {}),
      ...(of !== undefined ? { of: named(of) } : {}),
      claimant: named(claimant!),
      claimedOn: claimedOn!,
      ...sourceIndex(source),
    });
  }

  const claims: Claim[] = [];
  const claimsText = get('claims');
  const claimEntry = new RegExp(CLAIM_ENTRY.source, 'y');
  while (claimEntry.lastIndex < claimsText.length) {
    const from = claimEntry.lastIndex;
    const m = claimEntry.exec(claimsText);
    if (!m) return bad('claims', claims.length, 'a claim', claimsText.slice(from));
    const [, claimant, text, disputers, otherStatus, otherDisputers, source] = m;
    const disputedBy = disputers ?? otherDisputers;
    claims.push({
      claimant: named(claimant!),
      text: { [textLanguage(text!, lang, original)]: text! },
      status: (otherStatus ?? 'disputed') as Claim['status'],
      ...(disputedBy ? { disputedBy: disputedBy.split(', ').map(named) } : {}),
      ...sourceIndex(source),
    });
  }

  const sources: Source[] = [];
  for (const [k, entry] of entries(get('sources'), /; (?=\[\d+\] )/).entries()) {
    const parts = SOURCE_ENTRY.exec(entry)?.[2]?.split(SOURCE_PART_SEPARATOR);
    if (!parts || parts.length < 5) return bad('sources', k, 'a source ("[1] publisher | title | url | date | language")', entry);
    // A title may hold the separator itself: the publisher is first, the rest counted from the end.
    const [publisher, ...rest] = parts;
    const [url, date, language] = rest.splice(-3);
    const sourceTitle = rest.join(SOURCE_PART_SEPARATOR);
    sources.push({ publisher: publisher!, ...(sourceTitle ? { title: sourceTitle } : {}), ...(url ? { url } : {}), ...(date ? { date } : {}), language: language! });
  }
  for (const [k, entry] of entries(get('source_quotes'), /; (?=\[\d+\] ")/).entries()) {
    const m = QUOTE_ENTRY.exec(entry);
    const source = m ? sources[Number(m[1]) - 1] : undefined;
    if (!m || !source) return bad('source_quotes', k, 'a quote of one of the sources ("[1] "…"")', entry);
    source.quote = { [textLanguage(m[2]!, lang, source.language)]: m[2]! };
  }

  const relations: Lists['relations'] = [];
  for (const [k, entry] of entries(get('relations')).entries()) {
    const m = /^([a-z-]+):(.+)$/.exec(entry);
    if (!m || !(RELATION_KINDS as readonly string[]).includes(m[1]!)) return bad('relations', k, 'a relation ("follows:event-id")', entry);
    relations.push({ kind: m[1] as Lists['relations'][number]['kind'], event: m[2]! });
  }
  return { counts, claims, sources, relations };
}

/** The place columns: a place, undefined where the row has none, or null where the row was rejected. */
function readPlace(get: (column: EventCsvColumn) => string, lang: string, decimalComma: boolean, report: RowReport) {
  const name = get('place');
  const countryText = get('country');
  const lat = readCoordinate(get('lat'), 90, decimalComma);
  const lon = readCoordinate(get('lon'), 180, decimalComma);
  if (lat === null) return report.reject('lat', 'is not a latitude', get('lat')), null;
  if (lon === null) return report.reject('lon', 'is not a longitude', get('lon')), null;
  if (!name && !countryText && lat === undefined && lon === undefined) return undefined;
  const country = countryCode(countryText);
  if (!country) return report.reject('country', countryText ? 'is not a country we know' : 'is empty, and a place needs its country', countryText), null;
  const admin = splitNames(get('admin'));
  const precision = get('geo_precision');
  const placeName: LocalizedText = { [name ? textLanguage(name, lang, lang) : lang]: name || country };
  return { name: placeName, country, ...(admin.length ? { admin } : {}), ...(lat !== undefined ? { lat } : {}), ...(lon !== undefined ? { lon } : {}), ...(precision ? { precision } : {}) };
}
