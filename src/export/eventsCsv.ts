// Events as a flat CSV table for spreadsheets: one row per event, the model's fields flattened into
// readable columns, text in the wanted language (else the original), every text cell defused
// against CSV injection. Pure: text in, text out; saving the file is the caller's business.
import Papa from 'papaparse';
import type { Actor, ActorRef, Claim, ConflictEvent, Count, Source, TimeValue } from '../model/schema.ts';
import { actorName } from '../model/actors.ts';
import { pickText } from '../model/text.ts';
import { defuseCsvCell } from '../io/report.ts';
import { EVENT_CSV_COLUMNS, joinNames, LIST_SEPARATOR, QUALIFIER_WORDS, SOURCE_PART_SEPARATOR } from '../model/eventsCsvFormat.ts';

export { EVENT_CSV_COLUMNS, type EventCsvColumn } from '../model/eventsCsvFormat.ts';

/** Excel reads a CSV as UTF-8 (and so shows Arabic) only when the file starts with a BOM. */
const UTF8_BOM = '\ufeff';

/**
 * A plain number such as a longitude of -3.5 is a number, not a formula: a spreadsheet reads it as
 * the number it is, so it is written as it stands. Everything else goes through defuseCsvCell.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return PLAIN_NUMBER.test(value) ? value : defuseCsvCell(value);
}

/** Sources are numbered from 1 in the sources cell; counts and claims cite them by that number. */
const sourceNumber = (index: number | undefined) => (index === undefined ? '' : `source ${index + 1}`);

interface RowContext {
  lang: string;
  nameOf(actorId: string): string;
  /** The actor's kind, or empty where the registry does not know the actor. */
  kindOf(actorId: string): string;
}

function describeActorRef(ref: ActorRef, context: RowContext): string {
  const details = [ref.role, ...(ref.side !== undefined ? [`side ${ref.side}`] : [])];
  const name = context.nameOf(ref.actor);
  const asWritten = ref.name !== undefined && ref.name !== name ? `, as "${ref.name}"` : '';
  return `${name} (${details.join(', ')}${asWritten})`;
}

/** "killed: about 105 (low 90, high 120) of X, claimed by Y on 2022-09-14, source 1" */
function describeCount(count: Count, context: RowContext): string {
  const range = [
    ...(count.low !== undefined ? [`low ${count.low}`] : []),
    ...(count.high !== undefined ? [`high ${count.high}`] : []),
  ];
  const parts = [
    `${count.kind}: ${QUALIFIER_WORDS[count.qualifier]}${count.value}${range.length ? ` (${range.join(', ')})` : ''}`,
    ...(count.of !== undefined ? [` of ${context.nameOf(count.of)}`] : []),
    `, claimed by ${context.nameOf(count.claimant)} on ${count.claimedOn}`,
    ...(count.source !== undefined ? [`, ${sourceNumber(count.source)}`] : []),
  ];
  return parts.join('');
}

/** 'Government of Armenia claims "…" (disputed by Government of Azerbaijan; source 1)' */
function describeClaim(claim: Claim, originalLanguage: string, context: RowContext): string {
  const text = pickText(claim.text, context.lang, originalLanguage).text;
  const disputedBy = claim.disputedBy?.length ? claim.disputedBy.map(context.nameOf).join(', ') : '';
  // "disputed by X"; a claim of another status can be disputed too: "unverified, disputed by X".
  const status = !disputedBy ? claim.status : claim.status === 'disputed' ? `disputed by ${disputedBy}` : `${claim.status}, disputed by ${disputedBy}`;
  const notes = [status, ...(claim.source !== undefined ? [sourceNumber(claim.source)] : [])];
  return `${context.nameOf(claim.claimant)} claims "${text}" (${notes.join('; ')})`;
}

/** "[1] publisher | title | url | date | language", parts left empty where the source has none. */
function describeSource(source: Source, index: number): string {
  const parts = [source.publisher, source.title ?? '', source.url ?? '', source.date ?? '', source.language];
  return `[${index + 1}] ${parts.join(SOURCE_PART_SEPARATOR)}`;
}

function describeSourceQuotes(sources: readonly Source[], lang: string): string {
  return sources
    .flatMap((source, i) => (source.quote ? [`[${i + 1}] "${pickText(source.quote, lang, source.language).text}"`] : []))
    .join(LIST_SEPARATOR);
}

function timeCells(time: TimeValue | undefined): string[] {
  return [time?.at ?? '', time?.precision ?? '', time?.tz ?? '', time?.dayPart ?? ''];
}

function eventRow(event: ConflictEvent, context: RowContext): (string | number | undefined)[] {
  const { lang } = context;
  const title = pickText(event.title, lang, event.originalLanguage);
  const description = event.description ? pickText(event.description, lang, event.originalLanguage) : undefined;
  const place = event.place;
  return [
    event.id,
    event.type,
    title.text,
    title.lang,
    description?.text,
    description?.lang,
    event.originalLanguage,
    ...timeCells(event.start),
    ...timeCells(event.end),
    place ? pickText(place.name, lang, event.originalLanguage).text : undefined,
    place?.country,
    place?.admin && joinNames(place.admin),
    place?.lat,
    place?.lon,
    place?.precision,
    event.actors.map((ref) => describeActorRef(ref, context)).join(LIST_SEPARATOR),
    event.actors.map((ref) => ref.actor).join(LIST_SEPARATOR),
    event.actors.map((ref) => context.kindOf(ref.actor)).join(LIST_SEPARATOR),
    event.counts.map((count) => describeCount(count, context)).join(LIST_SEPARATOR),
    event.claims.map((claim) => describeClaim(claim, event.originalLanguage, context)).join(LIST_SEPARATOR),
    event.sources.map(describeSource).join(LIST_SEPARATOR),
    describeSourceQuotes(event.sources, lang),
    event.relations.map((relation) => `${relation.kind}:${relation.event}`).join(LIST_SEPARATOR),
    joinNames(event.tags),
  ];
}

/**
 * The events as CSV (UTF-8 with BOM, "\r\n" line ends, header row first), one row per event in the
 * order given. Actor ids are shown by their name in `lang` from `actors`, or as the id when the
 * registry does not know them; the actor_ids and actor_kinds columns keep their ids and kinds.
 */
export function eventsToCsv(events: readonly ConflictEvent[], actors: readonly Actor[], lang: string): string {
  const writer = createEventsCsv(actors, lang);
  return writer.header + writer.rows(events);
}

export interface EventsCsvWriter {
  /** The byte-order mark and the header row, with its line end. */
  header: string;
  /** The rows of these events, each with its line end: the file is the header, then the rows of each batch in turn. */
  rows(events: readonly ConflictEvent[]): string;
}

/**
 * eventsToCsv a batch at a time: a million events would make a text longer than a string can be
 * (V8's limit is about 512 million characters), so the browser's export joins the parts in a Blob.
 */
export function createEventsCsv(actors: readonly Actor[], lang: string): EventsCsvWriter {
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const context: RowContext = {
    lang,
    nameOf: (actorId) => {
      const actor = byId.get(actorId);
      return actor ? actorName(actor, lang) : actorId;
    },
    kindOf: (actorId) => byId.get(actorId)?.kind ?? '',
  };
  return {
    // The header as a row of its own: Papa.unparse gives a header alone with a line end of its own.
    header: `${UTF8_BOM}${Papa.unparse([[...EVENT_CSV_COLUMNS]], { newline: '\r\n' })}\r\n`,
    rows: (events) => (events.length ? `${Papa.unparse(events.map((event) => eventRow(event, context).map(cell)), { newline: '\r\n' })}\r\n` : ''),
  };
}
