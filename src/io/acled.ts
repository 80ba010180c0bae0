// ACLED CSV → our model, for the current 31-column layout and the pre-2023 layout (HDX files
// included). The mapping is documented in README.md, "Importing data".
import type { Actor, ConflictEvent, Dataset, Role } from '../model/schema.ts';
import { typeFromAcled } from '../model/taxonomy.ts';
import { withoutPeriod } from '../model/actors.ts';
import { createActorRegistry } from './actorRegistry.ts';
import { cleanText, readCoordinate, readCount, splitList } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { isoDate, readDate, type CalendarDate } from './dates.ts';
import { acceptEvent } from './acceptEvent.ts';
import { createEventInterners, NONE } from './intern.ts';
import type { CsvRowSink } from './csv.ts';
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

export interface AcledImport extends CsvRowSink {
  layout: string;
  dataset(): Dataset;
}

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

export function createAcledImport(header: readonly string[], fileName: string): AcledImport {
  const col = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  const has = (name: string) => col.has(name);
  const registry = createActorRegistry();
  registry.add(ACLED_PROVIDER);
  const events: ConflictEvent[] = [];
  const seenIds = new Map<string, number>();
  const shared = createEventInterners();

  function row(cells: string[], line: number, report: RowReport): void {
    const get = (name: string) => {
      const i = col.get(name);
      return i === undefined ? '' : cleanText(cells[i], name, report);
    };
    const id = get('event_id_cnty');
    if (!id) return report.reject('event_id_cnty', 'is empty');
    const firstLine = seenIds.get(id);
    if (firstLine !== undefined) return report.reject('event_id_cnty', `repeats the id of line ${firstLine}`, id);

    const dateText = get('event_date');
    const reading = readDate(dateText);
    if (!reading.ok) return report.reject('event_date', dateText ? 'is not a date' : 'is empty', dateText || undefined);
    if (reading.normalised) report.fix('event_date', `read as ${isoDate(reading.date)}`, dateText);

    let precisionText = get('time_precision');
    if (has('time_precision') && precisionText === '') {
      report.fix('time_precision', 'was empty; read as 1 (the exact day)');
      precisionText = '1';
    }
    const precision = PRECISION[(precisionText || '1') as keyof typeof PRECISION];
    if (!precision) return report.reject('time_precision', 'is not 1, 2 or 3', precisionText);

    const eventType = get('event_type');
    const subEventType = get('sub_event_type');
    const notes = get('notes');
    const type = typeFromAcled(eventType, subEventType, notes);
    if (!type) return report.reject('event_type', eventType ? 'is not an ACLED event type' : 'is empty', eventType || undefined);

    const lat = readCoordinate(get('latitude'), 90);
    if (lat === null) return report.reject('latitude', 'is not a latitude', get('latitude'));
    const lon = readCoordinate(get('longitude'), 180);
    if (lon === null) return report.reject('longitude', 'is not a longitude', get('longitude'));

    const countryText = get('iso3') || get('iso') || get('country');
    const country = countryCode(get('iso3')) ?? countryCode(get('iso')) ?? countryCode(get('country'));
    if (countryText && !country) return report.reject('country', 'is not a country we know', get('country') || countryText);

    let fatalities: number | undefined;
    if (has('fatalities')) {
      const read = readCount(get('fatalities'));
      if (read === null) return report.reject('fatalities', 'is not a whole number of 0 or more', get('fatalities'));
      fatalities = read;
    }

    const actor1 = get('actor1');
    if (!actor1) return report.reject('actor1', 'is empty');
    const [role1, role2] = rolesFor(eventType, subEventType);
    const actors: ConflictEvent['actors'] = [];
    const addActor = (name: string, role: Role, side: 1 | 2, inter?: string, interField?: string) => {
      let kind: Actor['kind'] | undefined;
      if (inter) {
        kind = actorKindFromInter(inter) ?? undefined;
        if (!kind) report.fix(interField!, 'is not an ACLED actor type (1–8 or its name); the actor’s kind is left as "other"', inter);
      }
      const actorId = registry.idFor(name, kind);
      if (actors.some((a) => a.actor === actorId && a.side === side)) return;
      actors.push({ actor: actorId, role, side, ...(name !== registry.nameOf(actorId) ? { name } : {}) });
    };
    addActor(actor1, role1, 1, get('inter1'), 'inter1');
    for (const name of splitList(get('assoc_actor_1'))) addActor(name, 'associate', 1);
    const actor2 = get('actor2');
    if (actor2) addActor(actor2, role2, 2, get('inter2'), 'inter2');
    for (const name of splitList(get('assoc_actor_2'))) addActor(name, 'associate', 2);

    const zone = zoneForPlace(country, lon);
    const day: CalendarDate = precision === 'month' ? { ...reading.date, day: 1 } : reading.date;
    const timestamp = get('timestamp');
    const updated = /^\d{9,11}$/.test(timestamp) ? new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) : undefined;
    const location = get('location');
    const admin = [...new Set([get('admin1'), get('admin2'), get('admin3')].filter(Boolean))];
    const tagText = [get('disorder_type'), get('civilian_targeting'), get('tags')].join('|');
    const sourceText = get('source');
    const claimedOn = updated ?? isoDate(reading.date);
    const at = localMidnight(day, zone);
    const candidate: ConflictEvent = {
      id,
      type,
      title: { en: acledTitle(subEventType || eventType, actor1, actor2, location) },
      ...(notes ? { description: { en: notes } } : {}),
      originalLanguage: 'en',
      start: shared.time.get(`${at}|${precision}|${zone}`, () => ({ at, precision, tz: zone })),
      actors: shared.actors.get(actors.map((r) => `${r.actor}|${r.role}|${r.side}|${r.name ?? ''}`).join('\n'), () => actors),
      ...(country
        ? {
            place: shared.place.get(`${location}|${country}|${lat}|${lon}|${admin.join('|')}`, () => ({
              name: { en: location || admin[0] || country },
              country,
              ...(lat !== undefined ? { lat } : {}),
              ...(lon !== undefined ? { lon } : {}),
              ...(admin.length ? { admin } : {}),
            })),
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
      tags: shared.tags.get(tagText, () => [
        ...splitList(get('disorder_type')).map((d) => `disorder: ${d}`),
        ...(get('civilian_targeting') ? [`civilian targeting: ${get('civilian_targeting')}`] : []),
        ...splitList(get('tags')),
      ]),
    };
    if (acceptEvent(candidate, report, events, 'candidate')) seenIds.set(id, line);
  }

  return {
    layout: acledLayout(header),
    row,
    dataset: () => ({
      title: `ACLED events from ${fileName}`,
      attribution: 'ACLED (Armed Conflict Location & Event Data Project), acleddata.com',
      license: 'ACLED terms of use: attribution required, no redistribution',
      actors: registry.actors(),
      events,
    }),
  };
}

/** "Armed clash: Military Forces of Azerbaijan – Military Forces of Armenia, Berd". Period suffixes are left out. */
function acledTitle(kind: string, actor1: string, actor2: string, location: string): string {
  const who = actor2 ? `${withoutPeriod(actor1)} – ${withoutPeriod(actor2)}` : withoutPeriod(actor1);
  return `${kind}: ${who}${location ? `, ${location}` : ''}`;
}
