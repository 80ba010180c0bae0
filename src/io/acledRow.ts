// Reading one ACLED row: each cell read, repaired where that is safe and reported, or the row
// rejected with its field and reason. What comes out is the row's values, from which the importer
// builds an event (acled.ts) or the worker packs one (acledPacked.ts): both read rows here.
import type { Actor, Role } from '../model/schema.ts';
import { typeFromAcled, type EventType } from '../model/taxonomy.ts';
import { withoutPeriod } from '../model/actors.ts';
import { cleanText, readCoordinate, readCount, splitList } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { isoDate, readDate } from './dates.ts';
import type { ActorRegistryBuilder } from './actorRegistry.ts';
import type { RowReport } from './report.ts';
import { localMidnight, zoneForPlace } from './zones.ts';

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

const PRECISION = { '1': 'day', '2': 'week', '3': 'month' } as const;

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

/** f with its answers kept per argument: for lookups whose arguments repeat across rows. */
function memoize<T>(f: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text)!;
    const answer = f(text);
    answers.set(text, answer);
    return answer;
  };
}

/** Where the rows' ids are kept: the line of an earlier row kept under an id, if any. */
export interface IdLines {
  lineWithId(id: string): number | undefined;
}

/** A reader of the rows of one file, given its header; registers actors as it meets them. */
export function createAcledRowReader(header: readonly string[], registry: ActorRegistryBuilder, ids: IdLines) {
  const col = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  // Lookups that depend on one cell's text alone, worked out once per distinct text: an export
  // repeats its countries, actor names and timestamps across thousands of rows.
  const countryOf = memoize(countryCode);
  const kindOf = memoize(actorKindFromInter);
  const shortName = memoize(withoutPeriod);
  const dayOfTimestamp = memoize((timestamp: string) =>
    /^\d{9,11}$/.test(timestamp) ? new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) : undefined,
  );
  // The registry's answer for a name (and kind) does not change once given, nor does whether the
  // name differs from the registry's: ask it once per distinct pair. Each pair keeps its references
  // by role and side, so that a row finds them without building a key.
  const actorIds = new Map<string, { id: string; differs: boolean; refs: Map<string, AcledActorRef> }>();
  const actorRef = (name: string, kind: Actor['kind'] | undefined, role: Role, side: 1 | 2): AcledActorRef => {
    const key = `${kind ?? ''}\u0000${name}`;
    let known = actorIds.get(key);
    if (!known) {
      const id = registry.idFor(name, kind);
      known = { id, differs: name !== registry.nameOf(id), refs: new Map() };
      actorIds.set(key, known);
    }
    const refKey = side === 1 ? role : `${role}|2`;
    let ref = known.refs.get(refKey);
    if (!ref) known.refs.set(refKey, (ref = Object.freeze({ actor: known.id, role, side, ...(known.differs ? { name } : {}) })));
    return ref;
  };
  const column = (name: string) => col.get(name) ?? -1;
  const at = {
    id: column('event_id_cnty'),
    date: column('event_date'),
    precision: column('time_precision'),
    eventType: column('event_type'),
    subEventType: column('sub_event_type'),
    notes: column('notes'),
    latitude: column('latitude'),
    longitude: column('longitude'),
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

  /** The row's values, or undefined when the row is rejected (the report says why). */
  return function readRow(cells: string[], report: RowReport): AcledRowValues | undefined {
    // Each cell is read (and its trimming reported) once, in the order the checks need it.
    const get = (i: number, name: string) => (i < 0 ? '' : cleanText(cells[i], name, report));
    const id = get(at.id, 'event_id_cnty');
    if (!id) return void report.reject('event_id_cnty', 'is empty');
    const firstLine = ids.lineWithId(id);
    if (firstLine !== undefined) return void report.reject('event_id_cnty', `repeats the id of line ${firstLine}`, id);

    const dateText = get(at.date, 'event_date');
    const reading = readDate(dateText);
    if (!reading.ok) return void report.reject('event_date', dateText ? 'is not a date' : 'is empty', dateText || undefined);
    if (reading.normalised) report.fix('event_date', `read as ${isoDate(reading.date)}`, dateText);

    let precisionText = get(at.precision, 'time_precision');
    if (at.precision >= 0 && precisionText === '') {
      report.fix('time_precision', 'was empty; read as 1 (the exact day)');
      precisionText = '1';
    }
    const precision = PRECISION[(precisionText || '1') as keyof typeof PRECISION];
    if (!precision) return void report.reject('time_precision', 'is not 1, 2 or 3', precisionText);

    const eventType = get(at.eventType, 'event_type');
    const subEventType = get(at.subEventType, 'sub_event_type');
    const notes = get(at.notes, 'notes');
    const type = typeFromAcled(eventType, subEventType, notes);
    if (!type) return void report.reject('event_type', eventType ? 'is not an ACLED event type' : 'is empty', eventType || undefined);

    const latText = get(at.latitude, 'latitude');
    const lat = readCoordinate(latText, 90);
    if (lat === null) return void report.reject('latitude', 'is not a latitude', latText);
    const lonText = get(at.longitude, 'longitude');
    const lon = readCoordinate(lonText, 180);
    if (lon === null) return void report.reject('longitude', 'is not a longitude', lonText);

    // iso3, else iso, else the country's name: the later ones are read only when needed.
    const iso3 = get(at.iso3, 'iso3');
    let iso: string | undefined;
    let countryName: string | undefined;
    const readIso = () => (iso ??= get(at.iso, 'iso'));
    const readCountryName = () => (countryName ??= get(at.country, 'country'));
    const countryText = iso3 || readIso() || readCountryName();
    const country = countryOf(iso3) ?? countryOf(readIso()) ?? countryOf(readCountryName());
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
    const actors: AcledActorRef[] = [];
    const addActor = (name: string, role: Role, side: 1 | 2, inter?: string, interField?: string) => {
      let kind: Actor['kind'] | undefined;
      if (inter) {
        kind = kindOf(inter) ?? undefined;
        if (!kind) report.fix(interField!, 'is not an ACLED actor type (1–8 or its name); the actor’s kind is left as "other"', inter);
      }
      const ref = actorRef(name, kind, role, side);
      if (!actors.some((a) => a.actor === ref.actor && a.side === side)) actors.push(ref);
    };
    addActor(actor1, role1, 1, get(at.inter1, 'inter1'), 'inter1');
    for (const name of splitList(get(at.assoc1, 'assoc_actor_1'))) addActor(name, 'associate', 1);
    const actor2 = get(at.actor2, 'actor2');
    if (actor2) addActor(actor2, role2, 2, get(at.inter2, 'inter2'), 'inter2');
    for (const name of splitList(get(at.assoc2, 'assoc_actor_2'))) addActor(name, 'associate', 2);

    const zone = zoneForPlace(country, lon);
    const day = precision === 'month' ? { ...reading.date, day: 1 } : reading.date;
    const updated = dayOfTimestamp(get(at.timestamp, 'timestamp'));
    const location = get(at.location, 'location');
    const admin1 = get(at.admin1, 'admin1');
    const admin2 = get(at.admin2, 'admin2');
    const admin3 = get(at.admin3, 'admin3');
    const admin = admin1 || admin2 || admin3 ? [...new Set([admin1, admin2, admin3].filter(Boolean))] : [];
    const disorderType = get(at.disorderType, 'disorder_type');
    const civilianTargeting = get(at.civilianTargeting, 'civilian_targeting');
    const tags = get(at.tags, 'tags');
    const sourceText = get(at.source, 'source');
    return {
      id,
      type,
      title: acledTitle(subEventType || eventType, shortName(actor1), actor2 ? shortName(actor2) : '', location),
      notes,
      start: localMidnight(day, zone),
      precision,
      zone,
      actors,
      country: country ?? '',
      location,
      latText,
      lonText,
      lat,
      lon,
      admin,
      fatalities,
      claimedOn: updated ?? isoDate(reading.date),
      updated,
      sourceText,
      disorderType,
      civilianTargeting,
      tags,
    };
  };
}

export type AcledRowReader = ReturnType<typeof createAcledRowReader>;

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
