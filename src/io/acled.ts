// ACLED CSV → our model, for the current 31-column layout and the pre-2023 layout (HDX files
// included). The mapping is documented in README.md, "Importing data".
import type { Actor, ConflictEvent, Role } from '../model/schema.ts';
import { typeFromAcled } from '../model/taxonomy.ts';
import { withoutPeriod } from '../model/actors.ts';
import { createRowState } from './rowState.ts';
import { cleanText, readCoordinate, readCount, splitList } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { isoDate, readDate, type CalendarDate } from './dates.ts';
import { acceptEvent } from './acceptEvent.ts';
import { createEventInterners, NONE } from './intern.ts';
import type { CsvFormatImport } from './csv.ts';
import type { RowReport } from './report.ts';
import { localMidnight, zoneForPlace } from './zones.ts';

export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'actor1'] as const;

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

export function actorKindFromInter(text: string): Actor['kind'] | null {
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

/** The layout's name from its header, for the report. */
export function acledLayout(header: readonly string[]): string {
  const h = header.map((c) => c.toLowerCase());
  if (h.includes('disorder_type') || h.includes('civilian_targeting')) return 'ACLED CSV (current layout)';
  return 'ACLED CSV (pre-2023 layout)';
}

export function missingAcledColumns(header: readonly string[]): string[] {
  const h = new Set(header.map((c) => c.toLowerCase()));
  return ACLED_REQUIRED.filter((c) => !h.has(c));
}

/** Roles for ACLED's actor1 and actor2, which by ACLED's own rule carry no direction except where the type gives one. */
function rolesFor(eventType: string, subEventType: string): [Role, Role] {
  const main = eventType.toLowerCase();
  if (main === 'violence against civilians') return ['initiator', 'target'];
  if (main === 'strategic developments' && subEventType.toLowerCase() === 'agreement') return ['signatory', 'signatory'];
  return ['participant', 'participant'];
}

export function createAcledImport(header: readonly string[], fileName: string): CsvFormatImport {
  const col = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  const state = createRowState();
  const { registry, events } = state;
  registry.add(ACLED_PROVIDER);
  const shared = createEventInterners();
  // Lookups that depend on one cell's text alone, worked out once per distinct text: an export
  // repeats its countries, actor names and timestamps across thousands of rows.
  const countryOf = memoize(countryCode);
  const kindOf = memoize(actorKindFromInter);
  const shortName = memoize(withoutPeriod);
  const dayOfTimestamp = memoize((timestamp: string) =>
    /^\d{9,11}$/.test(timestamp) ? new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) : undefined,
  );
  // The registry's answer for a name (and kind) does not change once given, nor does whether the
  // name differs from the registry's: ask it once per distinct pair.
  const actorIds = new Map<string, { id: string; differs: boolean }>();
  const actorFor = (name: string, kind: Actor['kind'] | undefined) => {
    const key = `${kind ?? ''}\u0000${name}`;
    let known = actorIds.get(key);
    if (!known) {
      const id = registry.idFor(name, kind);
      known = { id, differs: name !== registry.nameOf(id) };
      actorIds.set(key, known);
    }
    return known;
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

  function row(cells: string[], line: number, report: RowReport): void {
    // Each cell is read (and its trimming reported) once, in the order the checks need it.
    const get = (i: number, name: string) => (i < 0 ? '' : cleanText(cells[i], name, report));
    const id = get(at.id, 'event_id_cnty');
    if (!id) return report.reject('event_id_cnty', 'is empty');
    const firstLine = state.lineWithId(id);
    if (firstLine !== undefined) return report.reject('event_id_cnty', `repeats the id of line ${firstLine}`, id);

    const dateText = get(at.date, 'event_date');
    const reading = readDate(dateText);
    if (!reading.ok) return report.reject('event_date', dateText ? 'is not a date' : 'is empty', dateText || undefined);
    if (reading.normalised) report.fix('event_date', `read as ${isoDate(reading.date)}`, dateText);

    let precisionText = get(at.precision, 'time_precision');
    if (at.precision >= 0 && precisionText === '') {
      report.fix('time_precision', 'was empty; read as 1 (the exact day)');
      precisionText = '1';
    }
    const precision = PRECISION[(precisionText || '1') as keyof typeof PRECISION];
    if (!precision) return report.reject('time_precision', 'is not 1, 2 or 3', precisionText);

    const eventType = get(at.eventType, 'event_type');
    const subEventType = get(at.subEventType, 'sub_event_type');
    const notes = get(at.notes, 'notes');
    const type = typeFromAcled(eventType, subEventType, notes);
    if (!type) return report.reject('event_type', eventType ? 'is not an ACLED event type' : 'is empty', eventType || undefined);

    const latText = get(at.latitude, 'latitude');
    const lat = readCoordinate(latText, 90);
    if (lat === null) return report.reject('latitude', 'is not a latitude', latText);
    const lonText = get(at.longitude, 'longitude');
    const lon = readCoordinate(lonText, 180);
    if (lon === null) return report.reject('longitude', 'is not a longitude', lonText);

    // iso3, else iso, else the country's name: the later ones are read only when needed.
    const iso3 = get(at.iso3, 'iso3');
    let iso: string | undefined;
    let countryName: string | undefined;
    const readIso = () => (iso ??= get(at.iso, 'iso'));
    const readCountryName = () => (countryName ??= get(at.country, 'country'));
    const countryText = iso3 || readIso() || readCountryName();
    const country = countryOf(iso3) ?? countryOf(readIso()) ?? countryOf(readCountryName());
    if (countryText && !country) return report.reject('country', 'is not a country we know', readCountryName() || countryText);

    let fatalities: number | undefined;
    if (at.fatalities >= 0) {
      const fatalitiesText = get(at.fatalities, 'fatalities');
      const read = readCount(fatalitiesText);
      if (read === null) return report.reject('fatalities', 'is not a whole number of 0 or more', fatalitiesText);
      fatalities = read;
    }

    const actor1 = get(at.actor1, 'actor1');
    if (!actor1) return report.reject('actor1', 'is empty');
    const [role1, role2] = rolesFor(eventType, subEventType);
    const actors: ConflictEvent['actors'] = [];
    const addActor = (name: string, role: Role, side: 1 | 2, inter?: string, interField?: string) => {
      let kind: Actor['kind'] | undefined;
      if (inter) {
        kind = kindOf(inter) ?? undefined;
        if (!kind) report.fix(interField!, 'is not an ACLED actor type (1–8 or its name); the actor’s kind is left as "other"', inter);
      }
      const { id: actorId, differs } = actorFor(name, kind);
      if (actors.some((a) => a.actor === actorId && a.side === side)) return;
      actors.push(shared.actorRef.get(`${actorId}|${role}|${side}${differs ? `|${name}` : ''}`, () => ({ actor: actorId, role, side, ...(differs ? { name } : {}) })));
    };
    addActor(actor1, role1, 1, get(at.inter1, 'inter1'), 'inter1');
    for (const name of splitList(get(at.assoc1, 'assoc_actor_1'))) addActor(name, 'associate', 1);
    const actor2 = get(at.actor2, 'actor2');
    if (actor2) addActor(actor2, role2, 2, get(at.inter2, 'inter2'), 'inter2');
    for (const name of splitList(get(at.assoc2, 'assoc_actor_2'))) addActor(name, 'associate', 2);

    const zone = zoneForPlace(country, lon);
    const day: CalendarDate = precision === 'month' ? { ...reading.date, day: 1 } : reading.date;
    const updated = dayOfTimestamp(get(at.timestamp, 'timestamp'));
    const location = get(at.location, 'location');
    const admin = [...new Set([get(at.admin1, 'admin1'), get(at.admin2, 'admin2'), get(at.admin3, 'admin3')].filter(Boolean))];
    const disorderType = get(at.disorderType, 'disorder_type');
    const civilianTargeting = get(at.civilianTargeting, 'civilian_targeting');
    const tags = get(at.tags, 'tags');
    const sourceText = get(at.source, 'source');
    const claimedOn = updated ?? isoDate(reading.date);
    const start = localMidnight(day, zone);
    const candidate: ConflictEvent = {
      id,
      type,
      title: { en: acledTitle(subEventType || eventType, shortName(actor1), actor2 ? shortName(actor2) : '', location) },
      ...(notes ? { description: { en: notes } } : {}),
      originalLanguage: 'en',
      start: shared.time.get(`${start}|${precision}|${zone}`, () => ({ at: start, precision, tz: zone })),
      actors: shared.actors.get(actors.map((r) => `${r.actor}|${r.role}|${r.side}|${r.name ?? ''}`).join('\n'), () => actors),
      ...(country
        ? {
            // Keyed by the coordinates' text: two spellings of one number give equal places, which is harmless.
            place: shared.place.get(`${location}|${country}|${latText}|${lonText}|${admin.join('|')}`, () => {
              const name = location || admin[0] || country;
              return {
                name: shared.placeName.get(name, () => ({ en: name })),
                country,
                ...(lat !== undefined ? { lat } : {}),
                ...(lon !== undefined ? { lon } : {}),
                ...(admin.length ? { admin: shared.admin.get(admin.join('\u0000'), () => admin) } : {}),
              };
            }),
          }
        : {}),
      counts:
        fatalities === undefined
          ? NONE
          : shared.counts.get(`${fatalities}|${claimedOn}`, () => [
              { kind: 'killed', value: fatalities, qualifier: 'exact', claimant: ACLED_PROVIDER.id, claimedOn, source: 0 },
            ]),
      claims: NONE,
      sources: shared.sources.get(`${updated}|${sourceText}`, () => [
        { publisher: 'ACLED', url: 'https://acleddata.com/', ...(updated ? { date: updated } : {}), language: 'en' },
        ...splitList(sourceText).map((publisher) => ({ publisher, language: 'und' })),
      ]),
      relations: NONE,
      tags: shared.tags.get(`${disorderType}|${civilianTargeting}|${tags}`, () => [
        ...splitList(disorderType).map((d) => `disorder: ${d}`),
        ...(civilianTargeting ? [`civilian targeting: ${civilianTargeting}`] : []),
        ...splitList(tags),
      ]),
    };
    if (acceptEvent(candidate, report, events, 'candidate')) state.keptId(id, line);
  }

  return {
    layout: acledLayout(header),
    row,
    part: state.part,
    absorb: state.absorb,
    dataset: () => ({
      title: `ACLED events from ${fileName}`,
      attribution: 'ACLED (Armed Conflict Location & Event Data Project), acleddata.com',
      license: 'ACLED terms of use: attribution required, no redistribution',
      actors: registry.actors(),
      events,
    }),
  };
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

/** "Armed clash: Military Forces of Azerbaijan – Military Forces of Armenia, Berd", from names without their period suffixes. */
function acledTitle(kind: string, actor1: string, actor2: string, location: string): string {
  const who = actor2 ? `${actor1} – ${actor2}` : actor1;
  return `${kind}: ${who}${location ? `, ${location}` : ''}`;
}
