// Reading one ACLED row: each cell read, repaired where that is safe and reported, or the row
// rejected with its field and reason. What comes out is the row's values, which acledPacked.ts
// packs. In the monadic layout (one row per actor) an event's second row comes out as the merged
// event's values.
import type { Actor, GeoPrecision, Role } from '../model/schema.ts';
import { typeFromAcled, type EventType } from '../model/taxonomy.ts';
import { withoutPeriod } from '../model/actors.ts';
import { cleanText, readCoordinate, readCount, splitList } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { DAY_FIRST, isoDate, notADateReason, readDate, unixTimeDay, type FileForm } from './dates.ts';
import type { ActorRegistryBuilder } from './actorRegistry.ts';
import type { RowReport } from './report.ts';
import { localMidnight, zoneForPlace } from './zones.ts';
import { memoize } from './intern.ts';

/** ACLED's geo_precision codes (a float column in some exports: "1.0"). */
const ACLED_GEO_PRECISION: Readonly<Record<string, GeoPrecision>> = { '1': 'point', '2': 'near', '3': 'region', '1.0': 'point', '2.0': 'near', '3.0': 'region' };

/** ACLED inter codes 1–8, in order, as numbers or as the text recent files use. */
const INTER_KINDS: readonly [string, Actor['kind']][] = [
  ['state forces', 'state-forces'],
  ['rebel group', 'armed-group'],
  ['political militia', 'militia'],
  ['identity militia', 'militia'],
  ['rioters', 'rioters'],
  ['protesters', 'protesters'],
  ['civilians', 'civilians'],
  ['external/other forces', 'external-forces'],
];

function actorKindFromInter(text: string): Actor['kind'] | null {
  if (/^[1-8]$/.test(text)) return INTER_KINDS[Number(text) - 1]![1];
  const key = text.toLowerCase();
  return INTER_KINDS.find(([name]) => name === key)?.[1] ?? null;
}

export const ACLED_PROVIDER: Actor = {
  id: 'acled',
  names: { en: 'ACLED' },
  aliases: ['Armed Conflict Location & Event Data Project'],
  kind: 'data-provider',
};

/** ACLED's time_precision codes (as floats too: "1.0"). */
export const ACLED_TIME_PRECISION: Readonly<Record<string, 'day' | 'week' | 'month'>> = { '1': 'day', '2': 'week', '3': 'month', '1.0': 'day', '2.0': 'week', '3.0': 'month' };

/** An actor reference as the event holds it: one frozen object per distinct reference, shared by every row that has it. */
export interface AcledActorRef {
  readonly actor: string;
  readonly role: Role;
  readonly side: 1 | 2;
  /** The name as the row gives it, where it differs from the registry's (a period suffix). */
  readonly name?: string;
}

/** One row's values, read and checked. Empty text is ''. */
export interface AcledRowValues {
  id: string;
  type: EventType;
  title: string;
  notes: string;
  /** Local midnight of the day (the first of the month for monthly precision), in the place's zone. */
  start: string;
  precision: 'day' | 'week' | 'month';
  zone: string;
  actors: AcledActorRef[];
  /** The place's ISO 3166 alpha-3 code; '' when the row names no country (then there is no place). */
  country: string;
  location: string;
  latText: string;
  lonText: string;
  lat: number | undefined;
  lon: number | undefined;
  /** From geo_precision: 1 the place itself, 2 near it, 3 only the region (ACLED's codebook). */
  geoPrecision: GeoPrecision | undefined;
  /** admin1–admin3, empty ones and repeats left out. */
  admin: string[];
  /** Absent when the file has no fatalities column. */
  fatalities: number | undefined;
  /** The day ACLED last updated the row (from its timestamp), else the event's day. */
  claimedOn: string;
  updated: string | undefined;
  sourceText: string;
  disorderType: string;
  civilianTargeting: string;
  tags: string;
  /**
   * Monadic layout: the row is the second row of the event kept at this index, and these values
   * are the merged event's (the first row's, with both rows' actors and the title of both).
   */
  merge?: number;
}

/** Roles for ACLED's actor1 and actor2, which by ACLED's own rule carry no direction except where the type gives one. */
function rolesFor(eventType: string, subEventType: string): [Role, Role] {
  const main = eventType.toLowerCase();
  if (main === 'violence against civilians') return ['initiator', 'target'];
  if (main === 'strategic developments' && subEventType.toLowerCase() === 'agreement') return ['signatory', 'signatory'];
  return ['participant', 'participant'];
}

/** "Armed clash: Military Forces of Azerbaijan – Military Forces of Armenia, Berd", from names without their period suffixes. */
function acledTitle(kind: string, actor1: string, actor2: string, location: string): string {
  const who = actor2 ? `${actor1} – ${actor2}` : actor1;
  return `${kind}: ${who}${location ? `, ${location}` : ''}`;
}

/** Where the rows' ids are kept (see RowState). */
export interface IdPlaces {
  /** Where the kept row with this id is, for people ("row 5"), if there is one. */
  placeOfId(id: string): string | undefined;
  keptId(id: string, line: number, row?: number): void;
  rejectedId(id: string, line: number, row?: number): void;
  placeOfRejectedId(id: string): string | undefined;
}

/**
 * Whether a header is ACLED's monadic layout: one row per actor, so no actor2, assoc_actor_2 or
 * inter2 column; an event with two actors comes as two rows with one event_id_cnty.
 */
export function isMonadicAcled(header: readonly string[]): boolean {
  const h = new Set(header.map((c) => c.toLowerCase()));
  return h.has('actor1') && !h.has('actor2') && !h.has('assoc_actor_2') && !h.has('inter2');
}

/** The first row of an event in the monadic layout, kept until its second row comes (if it does). */
interface FirstRow {
  values: AcledRowValues;
  /** The event's index among the events kept. */
  index: number;
  /** Its date as read (yyyy-mm-dd), and the texts a second row must agree with. */
  day: string;
  eventType: string;
  subEventType: string;
  /** Its actor1 without a period suffix, for the merged title. */
  actor1: string;
}

/** What a monadic row adds to the first row's: a FirstRow but for its index, which the importer gives. */
type FirstRowRead = Omit<FirstRow, 'index'>;

export interface AcledRowReader {
  /** The row's values, or undefined when the row is rejected (the report says why). */
  read(cells: string[], report: RowReport): AcledRowValues | undefined;
  /**
   * The importer kept the row last read (on this line and spreadsheet row): as event `index`, or,
   * where its values have `merge`, by merging it into that event.
   */
  kept(values: AcledRowValues, index: number, line: number, row?: number): void;
  /**
   * The importer rejected the row last read (on this line and spreadsheet row). In the monadic
   * layout, a later row with its id is then rejected too, when this was the event's first row.
   */
  rejected(line: number, row?: number): void;
}

/** A reader of the rows of one file, given its header (and its form); registers actors as it meets them. */
export function createAcledRowReader(header: readonly string[], registry: ActorRegistryBuilder, ids: IdPlaces, { dates = DAY_FIRST, decimalComma = false }: FileForm = {}): AcledRowReader {
  const col = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  const monadic = isMonadicAcled(header);
  /** Monadic layout: each event's first row, by id; null once its second row has merged (its values are let go). */
  const firsts = new Map<string, FirstRow | null>();
  /** Monadic layout: what the row read last adds to its values, should it be kept as a first row. */
  let lastRead: FirstRowRead | undefined;
  /** Monadic layout: the id of the row read last, once known. */
  let lastId: string | undefined;
  // Lookups that depend on one cell's text alone, worked out once per distinct text: an export
  // repeats its countries, actor names and timestamps across thousands of rows.
  const countryOf = memoize(countryCode);
  const kindOf = memoize(actorKindFromInter);
  const shortName = memoize(withoutPeriod);
  const dayOfTimestamp = memoize(unixTimeDay);
  // The registry's answer for a name (and kind) does not change once given, nor does whether the
  // name differs from the registry's: ask it once per distinct pair. Each pair keeps its references
  // by role and side, so that a row finds them without building a key. By kind, then name: a key
  // of both, made for each actor of each row, cost a fifth of the lookups' time.
  const actorIds = new Map<Actor['kind'] | undefined, Map<string, { id: string; differs: boolean; refs: Map<string, AcledActorRef> }>>();
  const actorRef = (name: string, kind: Actor['kind'] | undefined, role: Role, side: 1 | 2): AcledActorRef => {
    let ofKind = actorIds.get(kind);
    if (!ofKind) actorIds.set(kind, (ofKind = new Map()));
    let known = ofKind.get(name);
    if (!known) {
      const id = registry.idFor(name, kind);
      known = { id, differs: name !== registry.nameOf(id), refs: new Map() };
      ofKind.set(name, known);
    }
    const refKey = side === 1 ? role : `${role}|2`;
    let ref = known.refs.get(refKey);
    if (!ref) known.refs.set(refKey, (ref = Object.freeze({ actor: known.id, role, side, ...(known.differs ? { name } : {}) })));
    return ref;
  };
  const column = (name: string) => col.get(name) ?? -1;
  const at = {
    id: column('event_id_cnty'),
    dataId: column('data_id'),
    idNoCountry: column('event_id_no_cnty'),
    date: column('event_date'),
    year: column('year'),
    precision: column('time_precision'),
    eventType: column('event_type'),
    subEventType: column('sub_event_type'),
    notes: column('notes'),
    latitude: column('latitude'),
    longitude: column('longitude'),
    geoPrecision: column('geo_precision'),
    iso3: column('iso3'),
    iso: column('iso'),
    country: column('country'),
    fatalities: column('fatalities'),
    actor1: column('actor1'),
    inter1: column('inter1'),
    assoc1: column('assoc_actor_1'),
    actor2: column('actor2'),
    inter2: column('inter2'),
    assoc2: column('assoc_actor_2'),
    timestamp: column('timestamp'),
    location: column('location'),
    admin1: column('admin1'),
    admin2: column('admin2'),
    admin3: column('admin3'),
    disorderType: column('disorder_type'),
    civilianTargeting: column('civilian_targeting'),
    tags: column('tags'),
    source: column('source'),
  };

  function read(cells: string[], report: RowReport): AcledRowValues | undefined {
    lastId = undefined;
    // Each cell is read (and its trimming reported) once, in the order the checks need it.
    const get = (i: number, name: string) => (i < 0 ? '' : cleanText(cells[i], name, report));
    // iso3 and iso are read when needed, for the country or for an id: once.
    let iso3: string | undefined;
    let iso: string | undefined;
    const readIso3 = () => (iso3 ??= get(at.iso3, 'iso3'));
    const readIso = () => (iso ??= get(at.iso, 'iso'));
    let id = get(at.id, 'event_id_cnty');
    if (!id) {
      // An id built from what else the row has, which no ACLED id (ARM100) can equal. data_id
      // names the row, event_id_no_cnty the event: in the monadic layout, where an event's rows
      // must find each other, the event's number comes first.
      const fromDataId = () => {
        const dataId = get(at.dataId, 'data_id');
        if (!/^\d{1,12}$/.test(dataId)) return undefined;
        const built = `acled-data-${dataId}`;
        report.fix('event_id_cnty', `was empty; the id ${built} was built from data_id ${dataId}`);
        return built;
      };
      const fromEventNumber = () => {
        const number = get(at.idNoCountry, 'event_id_no_cnty');
        const country = /^\d{1,12}$/.test(number) ? readIso() || readIso3() : '';
        if (!/^[A-Za-z0-9]{1,3}$/.test(country)) return undefined;
        const built = `acled-${country.toLowerCase()}-${number}`;
        report.fix('event_id_cnty', `was empty; the id ${built} was built from ${readIso() ? 'iso' : 'iso3'} ${country} and event_id_no_cnty ${number}`);
        return built;
      };
      const built = monadic ? (fromEventNumber() ?? fromDataId()) : (fromDataId() ?? fromEventNumber());
      if (built === undefined) {
        const couldBuild = at.dataId >= 0 || at.idNoCountry >= 0;
        return void report.reject('event_id_cnty', couldBuild ? 'is empty, and there is no data_id, nor iso and event_id_no_cnty, to build an id from' : 'is empty');
      }
      id = built;
    }
    const firstPlace = ids.placeOfId(id);
    let first: FirstRow | undefined;
    if (monadic) {
      lastId = id;
      const rejectedPlace = firstPlace === undefined ? ids.placeOfRejectedId(id) : undefined;
      if (rejectedPlace !== undefined)
        return void report.reject('event_id_cnty', `is the id of ${rejectedPlace}, which was rejected: in ACLED's monadic layout an event's rows are imported together or not at all`, id);
    }
    if (firstPlace !== undefined) {
      const known = monadic ? firsts.get(id) : undefined;
      if (known === undefined) return void report.reject('event_id_cnty', `repeats the id of ${firstPlace}`, id);
      if (known === null)
        return void report.reject('event_id_cnty', `is the id of ${firstPlace}, whose event has its second row already: in ACLED's monadic layout an event has one row per actor, at most two`, id);
      first = known;
    }

    const dateText = get(at.date, 'event_date');
    const reading = readDate(dateText, dates.order);
    if (!reading.ok) return void report.reject('event_date', dateText ? notADateReason(dateText, dates) : 'is empty', dateText || undefined);
    // A date read from any documented form is read, not fixed. yyyymmdd is checked against year.
    if (reading.form === 'yyyymmdd' && at.year >= 0) {
      const yearText = get(at.year, 'year');
      if (yearText && yearText !== String(reading.date.year))
        return void report.reject('event_date', `is a yyyymmdd date in ${reading.date.year}, but the row's year is ${yearText}`, dateText);
    }
    const day = isoDate(reading.date);

    let precisionText = get(at.precision, 'time_precision');
    if (at.precision >= 0 && precisionText === '') {
      report.fix('time_precision', 'was empty; read as 1 (the exact day)');
      precisionText = '1';
    }
    const precision = ACLED_TIME_PRECISION[precisionText || '1'];
    if (!precision) return void report.reject('time_precision', 'is not 1, 2 or 3', precisionText);
    if (first && (day !== first.day || precision !== first.values.precision))
      return void report.reject('event_date', `is not the date of ${firstPlace}, this event's first row (${first.day}${first.values.precision === precision ? '' : `, precision ${first.values.precision}`})`, dateText);

    const eventType = get(at.eventType, 'event_type');
    const subEventType = get(at.subEventType, 'sub_event_type');
    const notes = get(at.notes, 'notes');
    const type = typeFromAcled(eventType, subEventType, notes);
    if (!type) return void report.reject('event_type', eventType ? 'is not an ACLED event type' : 'is empty', eventType || undefined);
    if (first && (eventType !== first.eventType || subEventType !== first.subEventType))
      return void report.reject('event_type', `is not the event type of ${firstPlace}, this event's first row (${first.eventType}: ${first.subEventType})`, `${eventType}: ${subEventType}`);

    const latText = get(at.latitude, 'latitude');
    const lat = readCoordinate(latText, 90, decimalComma);
    if (lat === null) return void report.reject('latitude', 'is not a latitude', latText);
    const lonText = get(at.longitude, 'longitude');
    const lon = readCoordinate(lonText, 180, decimalComma);
    if (lon === null) return void report.reject('longitude', 'is not a longitude', lonText);

    // iso3, else iso, else the country's name: the later ones are read only when needed.
    let countryName: string | undefined;
    const readCountryName = () => (countryName ??= get(at.country, 'country'));
    const countryText = readIso3() || readIso() || readCountryName();
    const country = countryOf(readIso3()) ?? countryOf(readIso()) ?? countryOf(readCountryName());
    if (countryText && !country) return void report.reject('country', 'is not a country we know', readCountryName() || countryText);

    let fatalities: number | undefined;
    if (at.fatalities >= 0) {
      const fatalitiesText = get(at.fatalities, 'fatalities');
      const read = readCount(fatalitiesText);
      if (read === null) return void report.reject('fatalities', 'is not a whole number of 0 or more', fatalitiesText);
      fatalities = read;
    }

    const actor1 = get(at.actor1, 'actor1');
    if (!actor1) return void report.reject('actor1', 'is empty');
    const [role1, role2] = rolesFor(eventType, subEventType);
    // A monadic event's second row: its actor1 is the event's second actor, on side 2.
    const actors: AcledActorRef[] = first ? [...first.values.actors] : [];
    const addActor = (name: string, role: Role, side: 1 | 2, inter?: string, interField?: string) => {
      let kind: Actor['kind'] | undefined;
      if (inter) {
        kind = kindOf(inter) ?? undefined;
        if (!kind) report.fix(interField!, 'is not an ACLED actor type (1–8 or its name); the actor’s kind is left as "other"', inter);
      }
      const ref = actorRef(name, kind, role, side);
      if (!actors.some((a) => a.actor === ref.actor && a.side === side)) actors.push(ref);
    };
    const side: 1 | 2 = first ? 2 : 1;
    addActor(actor1, first ? role2 : role1, side, get(at.inter1, 'inter1'), 'inter1');
    for (const name of splitList(get(at.assoc1, 'assoc_actor_1'))) addActor(name, 'associate', side);
    const actor2 = get(at.actor2, 'actor2');
    if (actor2) addActor(actor2, role2, 2, get(at.inter2, 'inter2'), 'inter2');
    for (const name of splitList(get(at.assoc2, 'assoc_actor_2'))) addActor(name, 'associate', 2);

    const location = get(at.location, 'location');
    const kind = subEventType || eventType;
    if (first) {
      const v = first.values;
      if (location !== v.location || latText !== v.latText || lonText !== v.lonText || (country ?? '') !== v.country) {
        const where = [v.location || '(no location)', v.latText && v.lonText ? `${v.latText}, ${v.lonText}` : ''].filter(Boolean).join(' at ');
        return void report.reject('location', `is not the place of ${firstPlace}, this event's first row (${where})`, location || undefined);
      }
      // The rest of the event is the first row's; the second adds its actors.
      return { ...v, actors, title: acledTitle(kind, first.actor1, shortName(actor1), location), merge: first.index };
    }

    const geoPrecisionText = get(at.geoPrecision, 'geo_precision');
    const geoPrecision = ACLED_GEO_PRECISION[geoPrecisionText];
    if (geoPrecisionText && !geoPrecision) report.fix('geo_precision', 'is not an ACLED geo_precision (1, 2 or 3); the place’s precision is left unstated', geoPrecisionText);

    const zone = zoneForPlace(country, lon);
    const start = precision === 'month' ? { ...reading.date, day: 1 } : reading.date;
    const timestamp = get(at.timestamp, 'timestamp');
    const updated = dayOfTimestamp(timestamp) ?? undefined;
    if (updated === undefined && timestamp) report.fix('timestamp', 'is not a Unix time in seconds, nor a date; the ACLED record and its count are dated by the event’s day', timestamp);
    const admin1 = get(at.admin1, 'admin1');
    const admin2 = get(at.admin2, 'admin2');
    const admin3 = get(at.admin3, 'admin3');
    const admin = admin1 || admin2 || admin3 ? [...new Set([admin1, admin2, admin3].filter(Boolean))] : [];
    const disorderType = get(at.disorderType, 'disorder_type');
    const civilianTargeting = get(at.civilianTargeting, 'civilian_targeting');
    const tags = get(at.tags, 'tags');
    const sourceText = get(at.source, 'source');
    const values: AcledRowValues = {
      id,
      type,
      title: acledTitle(kind, shortName(actor1), actor2 ? shortName(actor2) : '', location),
      notes,
      start: localMidnight(start, zone),
      precision,
      zone,
      actors,
      country: country ?? '',
      location,
      latText,
      lonText,
      lat,
      lon,
      geoPrecision,
      admin,
      fatalities,
      claimedOn: updated ?? day,
      updated,
      sourceText,
      disorderType,
      civilianTargeting,
      tags,
    };
    if (monadic) lastRead = { values, day, eventType, subEventType, actor1: shortName(actor1) };
    return values;
  }

  return {
    read,
    kept(values, index, line, row) {
      if (values.merge !== undefined) {
        firsts.set(values.id, null);
        return;
      }
      ids.keptId(values.id, line, row);
      if (monadic && lastRead?.values === values) firsts.set(values.id, { ...lastRead, index });
    },
    rejected(line, row) {
      // Only an event's first row: a rejected second or third row leaves the event as it is.
      if (lastId !== undefined && !firsts.has(lastId)) ids.rejectedId(lastId, line, row);
    },
  };
}

/** The source list of a row: ACLED itself, then the publishers its `source` cell names. */
export function acledSources(updated: string | undefined, sourceText: string) {
  return [
    { publisher: 'ACLED', url: 'https://acleddata.com/', ...(updated ? { date: updated } : {}), language: 'en' },
    ...splitList(sourceText).map((publisher) => ({ publisher, language: 'und' })),
  ];
}

/** The tags of a row: its disorder types, its civilian targeting, then its own tags. */
export function acledTags(disorderType: string, civilianTargeting: string, tags: string): string[] {
  return [...splitList(disorderType).map((d) => `disorder: ${d}`), ...(civilianTargeting ? [`civilian targeting: ${civilianTargeting}`] : []), ...splitList(tags)];
}

/** The fatalities of a row as its count list: ACLED's claim, from its first source. */
export function acledCounts(fatalities: number, claimedOn: string) {
  return [{ kind: 'killed' as const, value: fatalities, qualifier: 'exact' as const, claimant: ACLED_PROVIDER.id, claimedOn, source: 0 }];
}
