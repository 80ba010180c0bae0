// UCDP GED CSV → our model, with or without the header row. The mapping is documented in
// README.md, "How UCDP GED maps to the model". Each row's event is checked and packed at once
// (createEventPacker): keeping 300,000 event objects until the end cost more in garbage
// collection than reading them.
import { actorRefSchema, eventSchema, ID_MAX_LENGTH, ID_PATTERN, placeSchema, timeSchema, type Actor, type ActorRef, type ConflictEvent, type Count, type GeoPrecision, type Role, type Source, type TimeValue } from '../model/schema.ts';
import { UCDP_VIOLENCE_TYPES } from '../model/taxonomy.ts';
import { createRowState } from './rowState.ts';
import { cleanText, readCoordinate, readCount } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { DAY_FIRST, isoDate, notADateReason, readDate, type CalendarDate, type DayOrder, type FileForm } from './dates.ts';
import { createEventCheck } from './acceptEvent.ts';
import { keyed, keyOf, memoize, NONE } from './intern.ts';
import type { PackedCsvImport } from './csv.ts';
import { createPackedWriter } from '../table/packedEvents.ts';
import { accepts, isText } from '../model/validate.ts';
import type { RowReport } from './report.ts';
import { localMidnight, zoneForPlace } from './zones.ts';

/**
 * GED's where_prec: 1 the place itself, 2 within 25 km, 3 a second-order area, 4 a first-order
 * area, 5 a larger part of the country or a border or river, 6 the country, 7 waters or airspace
 * off it (UCDP GED codebook).
 */
const UCDP_WHERE_PRECISION: Readonly<Record<string, GeoPrecision>> = { '1': 'point', '2': 'near', '3': 'district', '4': 'region', '5': 'region', '6': 'country', '7': 'country' };

/** The 49 GED columns in the order the releases use, for files that ship without the header row. */
export const UCDP_COLUMNS: readonly string[] = [
  'id', 'relid', 'year', 'active_year', 'code_status', 'type_of_violence', 'conflict_dset_id', 'conflict_new_id',
  'conflict_name', 'dyad_dset_id', 'dyad_new_id', 'dyad_name', 'side_a_dset_id', 'side_a_new_id', 'side_a',
  'side_b_dset_id', 'side_b_new_id', 'side_b', 'number_of_sources', 'source_article', 'source_office', 'source_date',
  'source_headline', 'source_original', 'where_prec', 'where_coordinates', 'where_description', 'adm_1', 'adm_2',
  'latitude', 'longitude', 'geom_wkt', 'priogrid_gid', 'country', 'country_id', 'region', 'event_clarity', 'date_prec',
  'date_start', 'date_end', 'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown', 'best', 'high', 'low',
  'gwnoa', 'gwnob',
];

export const UCDP_PROVIDER: Actor = {
  id: 'ucdp',
  names: { en: 'UCDP' },
  aliases: ['Uppsala Conflict Data Program'],
  kind: 'data-provider',
};

/** GED names its sides "Government of Armenia", "Civilians", or by the group's name. */
function actorKind(name: string): Actor['kind'] {
  if (/^government of\b/i.test(name)) return 'state-forces';
  if (/^civilians\b/i.test(name)) return 'civilians';
  return 'armed-group';
}

/** Some releases write dates as 2022-09-13 00:00:00.000: the same day, so not a fix. */
export const MIDNIGHT_SUFFIX = / 00:00:00(?:\.0+)?$/;

/**
 * The date an ISO cell starts with (2022-09-14, or 2022-09-14 00:00:00.000), when it is a real day;
 * or, as ISO, a date written with numbers alone in the file's `order` (9/14/2022, as a spreadsheet
 * saves a single date).
 */
function leadingIsoDate(text: string, order: DayOrder): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?![\d-])/.exec(text);
  const reading = readDate(m ? m[1]! : text, order);
  if (!reading.ok) return undefined;
  return m ? (reading.normalised ? undefined : m[1]) : reading.form === 'numeric' ? isoDate(reading.date) : undefined;
}

/** GED's parallel lists ("Armenpress;Reuters"), piece by piece, empty pieces kept so the lists stay aligned. */
const pieces = (text: string) => (text === '' ? [] : text.split(';').map((s) => s.trim()));

/** A list (counts, tags, sources) and where it is kept in the packed parts: -1 where the schema refuses it. */
type CheckedList<T> = { at: number; list: readonly T[] };

/** An actor reference of a row: its packed cells, or null where the schema refuses it. */
type RefCells = { ref: ActorRef; cells: [actor: number, role: number, name: number, side: number, sideFirst: number] | null };

/** The columns a GED row is read from (in any order): a Parquet or Arrow file's others are not decoded. */
export const UCDP_READ_COLUMNS = [
  'id', 'type_of_violence', 'date_start', 'date_end', 'date_prec', 'latitude', 'longitude', 'country', 'best', 'low', 'high',
  'deaths_a', 'deaths_b', 'side_a', 'side_b', 'dyad_name', 'conflict_name', 'where_coordinates', 'where_description',
  'where_prec', 'adm_1', 'adm_2', 'source_office', 'source_date', 'source_headline',
] as const;
type UcdpReadColumn = (typeof UCDP_READ_COLUMNS)[number];

/** The title of a dataset read from a GED file. */
export const ucdpDatasetTitle = (fileName: string) => `UCDP GED events from ${fileName}`;

/**
 * `capacity`: at least the number of rows (the text's line count will do). `rejectedIds`, where
 * given, gets the event id of each row rejected after its id was read (a part of a file: see
 * fileParts.ts). `form`: how a spreadsheet that saved the file wrote dates and decimals.
 */
export function createUcdpImport(header: readonly string[], fileName: string, capacity: number, rejectedIds?: string[], { dates = DAY_FIRST, decimalComma = false }: FileForm = {}): PackedCsvImport {
  const col = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const state = createRowState();
  // The event id of the row being read, once its GED id is read.
  let idRead: string | undefined;
  const acceptEvent = createEventCheck();
  const { registry } = state;
  registry.add(UCDP_PROVIDER);
  const w = createPackedWriter(capacity);
  const { string: s, keepPart, columns: p } = w;
  const none = keepPart(NONE);
  const english = s('en');

  // Each cell read once (its fix or missing token reported once), however often the row needs it:
  // its text kept with the number of the row it was read for (a Map made per row cost more).
  const texts: string[] = header.map(() => '');
  const readFor = new Float64Array(header.length).fill(-1);
  let rowsRead = 0;

  // Dates repeat across rows: each text read once, each day written and placed once per zone (the
  // readings are kept, so a day is the same object each time it comes).
  const dayOfText = memoize((text: string) => readDate(text.replace(MIDNIGHT_SUFFIX, ''), dates.order));
  const isoOf = memoize(isoDate);
  const timeOf = memoize((zone: string) => memoize((day: CalendarDate) => Object.freeze({ at: localMidnight(day, zone), precision: 'day' as const, tz: zone })));

  // Every distinct value of a row (type, time, actor reference, country, place name, admin areas,
  // counts, tags, cited sources) is made, checked with the schema's rule for its place in an event
  // and packed once; per row only the id, title and headline are checked. A row with a value the
  // schema refuses is built into its event and checked whole, which names the reason.
  const checkedString = (rule: (value: unknown) => boolean) => memoize((value: string) => (rule(value) ? s(value) : -1));
  const typeAt = checkedString(accepts(eventSchema.shape.type));
  const countryAt = checkedString(accepts(placeSchema.shape.country));
  const isTime = accepts(timeSchema);
  const timeCells = memoize((time: TimeValue) => (isTime(time) ? ([s(time.at), s(time.precision), s(time.tz)] as const) : null));
  const actorOf = memoize((name: string) => {
    const id = registry.idFor(name, actorKind(name));
    return { id, name: name !== registry.nameOf(id) ? name : undefined };
  });
  const isRef = accepts(actorRefSchema);
  const refOf = memoize((role: Role) =>
    ([1, 2] as const).map((side) =>
      memoize((name: string): RefCells => {
        const actor = actorOf(name);
        const ref: ActorRef = { actor: actor.id, role, side, ...(actor.name !== undefined ? { name: actor.name } : {}) };
        return { ref, cells: isRef(ref) ? [s(ref.actor), s(role), actor.name === undefined ? 0 : s(actor.name) + 1, side, actor.name === undefined ? 0 : 1] : null };
      }),
    ),
  );
  const isPlaceName = accepts(placeSchema.shape.name);
  const placeNameAt = memoize((name: string) => {
    const text = Object.freeze({ en: name });
    return isPlaceName(text) ? keepPart(text) : -1;
  });
  const isAdmin = accepts(placeSchema.shape.admin);
  const adminOf = memoize((adm1: string) =>
    memoize((adm2: string): CheckedList<string> => {
      const list = Object.freeze([...new Set([adm1, adm2].filter(Boolean))]);
      return { list, at: !list.length ? 0 : isAdmin(list) ? keepPart(list) + 1 : -1 };
    }),
  );
  const checkedList = <T>(list: readonly T[], rule: (value: unknown) => boolean): CheckedList<T> => ({ list, at: !list.length ? none : rule(list) ? keepPart(Object.freeze(list)) : -1 });
  const isCounts = accepts(eventSchema.shape.counts);
  const countsOf = keyed<CheckedList<Count>>();
  const isTags = accepts(eventSchema.shape.tags);
  const tagsOf = memoize((precision: string) => checkedList(precision ? [`UCDP date precision: ${precision}`] : [], isTags));
  const isSources = accepts(eventSchema.shape.sources);
  /**
   * The offices and dates a row cites (citedOffices), with the fixes their reading reports, checked
   * as sources without their titles: a title may be any text, so the headlines cannot fail them.
   */
  const citedOf = keyed<CitedOffices & { fixes: Parameters<RowReport['fix']>[]; ok: boolean }>();
  const readCited = (office: string, date: string) => {
    const fixes: Parameters<RowReport['fix']>[] = [];
    const cited = citedOffices(office, date, dates.order, (...fix) => fixes.push(fix));
    return { ...cited, fixes, ok: isSources([gedSource(''), ...reportedSources(cited, '')]) };
  };

  function row(cells: string[], line: number, report: RowReport, sheetRow: number): void {
    const current = ++rowsRead;
    const get = (name: UcdpReadColumn) => {
      const i = col.get(name);
      if (i === undefined) return '';
      if (readFor[i] !== current) {
        texts[i] = cleanText(cells[i], name, report);
        readFor[i] = current;
      }
      return texts[i]!;
    };
    const gedId = get('id');
    if (!gedId) return report.reject('id', 'is empty');
    idRead = `ucdp-${gedId}`;
    const first = state.placeOfId(gedId);
    if (first !== undefined) return report.reject('id', `repeats the id of ${first}`, gedId);

    const violence = get('type_of_violence');
    const type = /^[123]$/.test(violence) ? UCDP_VIOLENCE_TYPES[violence] : undefined;
    if (!type) return report.reject('type_of_violence', violence ? 'is not 1, 2 or 3' : 'is empty', violence || undefined);

    const readDay = (field: 'date_start' | 'date_end', text: string): CalendarDate | null => {
      const reading = dayOfText(text);
      if (!reading.ok) {
        report.reject(field, text ? notADateReason(text, dates) : 'is empty', text || undefined);
        return null;
      }
      return reading.date;
    };
    const startText = get('date_start');
    const startDay = readDay('date_start', startText);
    if (!startDay) return;
    const endText = get('date_end');
    let endDay: CalendarDate | null = startDay;
    if (endText === '') report.fix('date_end', `was empty; read as date_start (${isoDate(startDay)})`);
    else endDay = readDay('date_end', endText);
    if (!endDay) return;
    if (isoOf(endDay) < isoOf(startDay)) return report.reject('date_end', 'is before date_start', endText);

    // An empty date_prec is missing, and the event has no precision tag: nothing is repaired, so no fix.
    const precisionText = get('date_prec');
    if (precisionText !== '' && !/^[1-5]$/.test(precisionText)) return report.reject('date_prec', 'is not 1, 2, 3, 4 or 5', precisionText);

    const lat = readCoordinate(get('latitude'), 90, decimalComma);
    if (lat === null) return report.reject('latitude', 'is not a latitude', get('latitude'));
    const lon = readCoordinate(get('longitude'), 180, decimalComma);
    if (lon === null) return report.reject('longitude', 'is not a longitude', get('longitude'));

    const countryText = get('country');
    const country = countryCode(countryText);
    if (countryText && !country) return report.reject('country', 'is not a country we know', countryText);

    const best = readCount(get('best'));
    if (best === null) return report.reject('best', 'is not a whole number of 0 or more', get('best'));

    const sideA = get('side_a');
    if (!sideA) return report.reject('side_a', 'is empty');
    const sideB = get('side_b');

    // Secondary numbers: a bad one is left out (reported); the event stands without it.
    const optionalCount = (field: UcdpReadColumn): number | undefined => {
      const read = readCount(get(field));
      if (read === null) {
        report.fix(field, 'is not a whole number of 0 or more; left out', get(field));
        return undefined;
      }
      return read;
    };
    const low = optionalCount('low');
    const high = optionalCount('high');
    const deathsA = optionalCount('deaths_a');
    let deathsB = optionalCount('deaths_b');
    if (deathsB && !sideB) {
      report.fix('deaths_b', 'counts the dead of side_b, which is empty; left out', String(deathsB));
      deathsB = undefined;
    }

    const [roleA, roleB]: [Role, Role] = violence === '3' ? ['initiator', 'target'] : ['participant', 'participant'];
    const refs = [refOf(roleA)[0]!(sideA), ...(sideB ? [refOf(roleB)[1]!(sideB)] : [])];

    const zone = zoneForPlace(country, lon);
    const start = timeOf(zone)(startDay);
    const claimedOn = isoOf(endDay);
    const end = claimedOn !== isoOf(startDay) ? timeOf(zone)(endDay) : undefined;

    const where = get('where_coordinates') || get('where_description') || get('adm_1');
    const admin = adminOf(get('adm_1'))(get('adm_2'));
    const wherePrecText = get('where_prec');
    const geoPrecision = UCDP_WHERE_PRECISION[wherePrecText];
    if (wherePrecText && !geoPrecision) report.fix('where_prec', 'is not a UCDP where_prec (1 to 7); the place’s precision is left unstated', wherePrecText);
    const headline = get('source_headline');
    const office = get('source_office');
    const date = get('source_date');
    const cited = citedOf(keyOf(office, date), () => readCited(office, date));
    for (const fix of cited.fixes) report.fix(...fix);

    // The dead of a side count only where not 0.
    const idA = deathsA ? refs[0]!.ref.actor : undefined;
    const idB = deathsB ? refs[1]?.ref.actor : undefined;
    const counts = countsOf(keyOf(best, low, high, idA, idA && deathsA, idB, idB && deathsB, claimedOn), () => checkedList(ucdpCounts(best, low, high, idA, deathsA, idB, deathsB, claimedOn), isCounts));
    const tags = tagsOf(precisionText);
    const id = `ucdp-${gedId}`;
    const title = ucdpTitle(get('dyad_name') || get('conflict_name'), sideA, sideB, where);
    const sources = Object.freeze([gedSource(gedId), ...reportedSources(cited, headline)]) as Source[];

    const typeIndex = typeAt(type);
    const startCells = timeCells(start);
    const endCells = end && timeCells(end);
    const placeName = country ? placeNameAt(where || countryText) : 0;
    const countryIndex = country ? countryAt(country) : 0;
    const packs =
      id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id) && isText(title) && (!headline || isText(headline)) && typeIndex >= 0 && startCells && (!end || endCells) &&
      refs.every((r) => r.cells) && placeName >= 0 && countryIndex >= 0 && admin.at >= 0 && counts.at >= 0 && tags.at >= 0 && cited.ok;
    if (!packs) {
      // Some value is refused: the event built and checked whole names it, or keeps it whole.
      const candidate: ConflictEvent = {
        id,
        type,
        title: { en: title },
        ...(headline ? { description: { en: headline } } : {}),
        originalLanguage: 'en',
        start,
        ...(end ? { end } : {}),
        actors: refs.map((r) => r.ref),
        ...(country
          ? { place: { name: { en: where || countryText }, country, ...(lat !== undefined ? { lat } : {}), ...(lon !== undefined ? { lon } : {}), ...(geoPrecision ? { precision: geoPrecision } : {}), ...(admin.list.length ? { admin: [...admin.list] } : {}) } }
          : {}),
        counts: [...counts.list],
        claims: NONE,
        sources,
        relations: NONE,
        tags: [...tags.list],
      };
      const kept = acceptEvent(candidate, report, [], 'candidate');
      if (kept) {
        w.keepWhole(kept);
        state.keptId(gedId, line, sheetRow);
      }
      return;
    }

    const i = w.startRow(id, { en: title }, headline ? { en: headline } : undefined);
    p.type[i] = typeIndex;
    p.originalLanguage[i] = english;
    w.setSpan(i, startCells, endCells);
    for (const r of refs) w.ref(...r.cells!);
    if (country) w.setPlace(i, placeName, countryIndex, lat, lon, geoPrecision, admin.at);
    p.counts[i] = counts.at;
    p.claims[i] = none;
    w.ownSources(sources);
    p.relations[i] = none;
    p.tags[i] = tags.at;
    w.endRow();
    state.keptId(gedId, line, sheetRow);
  }

  return {
    layout: 'UCDP GED CSV',
    row(cells, line, report, sheetRow) {
      idRead = undefined;
      row(cells, line, report, sheetRow);
      if (report.rejected && idRead !== undefined) rejectedIds?.push(idRead);
    },
    packed: () =>
      w.done({
        title: ucdpDatasetTitle(fileName),
        attribution: 'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, ucdp.uu.se',
        license: 'CC BY 4.0',
        actors: registry.actors(),
      }),
  };
}

/** The source every GED event cites first: the dataset's entry for it. */
const gedSource = (gedId: string): Source => ({ publisher: 'UCDP GED', url: 'https://ucdp.uu.se/', title: `UCDP GED event ${gedId}`, language: 'en' });

/** best (with low and high) as a killed count, then the dead of each side where known and not 0, all claimed by UCDP. */
function ucdpCounts(best: number | undefined, low: number | undefined, high: number | undefined, idA: string | undefined, deathsA: number | undefined, idB: string | undefined, deathsB: number | undefined, claimedOn: string): Count[] {
  const counts: Count[] = [];
  const claim = { claimant: UCDP_PROVIDER.id, claimedOn, source: 0 };
  if (best !== undefined) counts.push({ kind: 'killed', value: best, qualifier: 'about', ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}), ...claim });
  if (deathsA && idA) counts.push({ kind: 'killed', value: deathsA, qualifier: 'about', of: idA, ...claim });
  if (deathsB && idB) counts.push({ kind: 'killed', value: deathsB, qualifier: 'about', of: idB, ...claim });
  return counts;
}

interface CitedOffices {
  /** source_office's pieces, empty ones kept so that the headlines line up with them. */
  offices: string[];
  /** Each office's date, where it is kept. */
  dates: (string | undefined)[];
}

/**
 * The offices GED cites and their dates: source_office and source_date are parallel lists
 * separated by ";". A date is kept only where it is a clean ISO date, or one a spreadsheet wrote
 * with numbers alone (one date for every office, or one per office).
 */
function citedOffices(officeText: string, dateText: string, order: DayOrder, fix: RowReport['fix']): CitedOffices {
  const offices = pieces(officeText);
  if (!offices.some(Boolean)) return { offices: [], dates: [] };
  const dates = pieces(dateText);
  let dateFor: (i: number) => string | undefined = () => undefined;
  if (dates.length === 1 || dates.length === offices.length) {
    const read = dates.map((date) => leadingIsoDate(date, order));
    if (dates.some((d, i) => d !== '' && read[i] === undefined))
      fix('source_date', 'is not a date such as 2022-09-14; the sources are left without it', dateText);
    else dateFor = dates.length === 1 ? () => read[0] : (i) => read[i];
  } else if (dates.length > 0) {
    fix('source_date', `has ${dates.length} dates for ${offices.length} sources; the sources are left without dates`, dateText);
  }
  return { offices, dates: offices.map((_, i) => dateFor(i)) };
}

/** The cited offices as sources; source_headline's pieces become their titles only when there is one per office. */
function reportedSources({ offices, dates }: CitedOffices, headlineText: string): Source[] {
  const headlines = offices.length ? pieces(headlineText) : [];
  const titleFor = headlines.length === offices.length ? (i: number) => headlines[i] || undefined : () => undefined;
  const sources: Source[] = [];
  offices.forEach((publisher, i) => {
    if (!publisher) return;
    const date = dates[i];
    const title = titleFor(i);
    sources.push({ publisher, ...(title ? { title } : {}), ...(date ? { date } : {}), language: 'und' });
  });
  return sources;
}

/** "Government of Armenia - Government of Azerbaijan, Jermuk town". */
function ucdpTitle(name: string, sideA: string, sideB: string, where: string): string {
  const who = name || (sideB ? `${sideA} – ${sideB}` : sideA);
  return `${who}${where ? `, ${where}` : ''}`;
}
