// UCDP GED CSV → our model, with or without the header row. The mapping is documented in
// README.md, "How UCDP GED maps to the model".
import type { Actor, ConflictEvent, GeoPrecision, Role, Source } from '../model/schema.ts';
import { UCDP_VIOLENCE_TYPES } from '../model/taxonomy.ts';
import { createRowState } from './rowState.ts';
import { cleanText, readCoordinate, readCount } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { isoDate, readDate, type CalendarDate } from './dates.ts';
import { createEventCheck } from './acceptEvent.ts';
import { createEventInterners, keyOf, NONE } from './intern.ts';
import type { CsvFormatImport } from './csv.ts';
import type { RowReport } from './report.ts';
import { localMidnight, zoneForPlace } from './zones.ts';
import { memoize } from './acledRow.ts';

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

/** The date an ISO cell starts with (2022-09-14, or 2022-09-14 00:00:00.000), when it is a real day. */
function leadingIsoDate(text: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?![\d-])/.exec(text);
  if (!m) return undefined;
  const reading = readDate(m[1]!);
  return reading.ok && !reading.normalised ? m[1] : undefined;
}

/** GED's parallel lists ("Armenpress;Reuters"), piece by piece, empty pieces kept so the lists stay aligned. */
const pieces = (text: string) => (text === '' ? [] : text.split(';').map((s) => s.trim()));

export function createUcdpImport(header: readonly string[], fileName: string): CsvFormatImport {
  const col = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const state = createRowState();
  const acceptEvent = createEventCheck();
  const { registry, events } = state;
  registry.add(UCDP_PROVIDER);
  const shared = createEventInterners();

  // Each cell read once (its fix or missing token reported once), however often the row needs it:
  // its text kept with the number of the row it was read for (a Map made per row cost more).
  const texts: string[] = header.map(() => '');
  const readFor = new Float64Array(header.length).fill(-1);
  let rowsRead = 0;

  // Dates repeat across rows: each text read once, each day written and placed once per zone (the
  // readings are kept, so a day is the same object each time it comes).
  const dayOfText = memoize((text: string) => readDate(text.replace(MIDNIGHT_SUFFIX, '')));
  const isoOf = memoize(isoDate);
  const timeOf = memoize((zone: string) => memoize((day: CalendarDate) => Object.freeze({ at: localMidnight(day, zone), precision: 'day' as const, tz: zone })));

  function row(cells: string[], line: number, report: RowReport, sheetRow: number): void {
    const current = ++rowsRead;
    const get = (name: string) => {
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
    const first = state.placeOfId(gedId);
    if (first !== undefined) return report.reject('id', `repeats the id of ${first}`, gedId);

    const violence = get('type_of_violence');
    const type = /^[123]$/.test(violence) ? UCDP_VIOLENCE_TYPES[violence] : undefined;
    if (!type) return report.reject('type_of_violence', violence ? 'is not 1, 2 or 3' : 'is empty', violence || undefined);

    const readDay = (field: 'date_start' | 'date_end', text: string): CalendarDate | null => {
      const reading = dayOfText(text);
      if (!reading.ok) {
        report.reject(field, text ? 'is not a date' : 'is empty', text || undefined);
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

    const lat = readCoordinate(get('latitude'), 90);
    if (lat === null) return report.reject('latitude', 'is not a latitude', get('latitude'));
    const lon = readCoordinate(get('longitude'), 180);
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
    const optionalCount = (field: string): number | undefined => {
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
    const actors: ConflictEvent['actors'] = [];
    const addActor = (name: string, role: Role, side: 1 | 2) => {
      const actorId = registry.idFor(name, actorKind(name));
      actors.push({ actor: actorId, role, side, ...(name !== registry.nameOf(actorId) ? { name } : {}) });
    };
    addActor(sideA, roleA, 1);
    if (sideB) addActor(sideB, roleB, 2);

    const zone = zoneForPlace(country, lon);
    const time = (day: CalendarDate) => timeOf(zone)(day);
    const startIso = isoOf(startDay);
    const claimedOn = isoOf(endDay);

    const where = get('where_coordinates') || get('where_description') || get('adm_1');
    const admin = [...new Set([get('adm_1'), get('adm_2')].filter(Boolean))];
    const wherePrecText = get('where_prec');
    const geoPrecision = UCDP_WHERE_PRECISION[wherePrecText];
    if (wherePrecText && !geoPrecision) report.fix('where_prec', 'is not a UCDP where_prec (1 to 7); the place’s precision is left unstated', wherePrecText);
    const headline = get('source_headline');

    const counts: ConflictEvent['counts'] = [];
    if (best !== undefined)
      counts.push({
        kind: 'killed',
        value: best,
        qualifier: 'about',
        ...(low !== undefined ? { low } : {}),
        ...(high !== undefined ? { high } : {}),
        claimant: UCDP_PROVIDER.id,
        claimedOn,
        source: 0,
      });
    const sideCount = (value: number | undefined, of: string | undefined) => {
      if (value && of) counts.push({ kind: 'killed', value, qualifier: 'about', of, claimant: UCDP_PROVIDER.id, claimedOn, source: 0 });
    };
    sideCount(deathsA, actors[0]?.actor);
    sideCount(deathsB, actors[1]?.actor);

    const candidate: ConflictEvent = {
      id: `ucdp-${gedId}`,
      type,
      title: { en: ucdpTitle(get('dyad_name') || get('conflict_name'), sideA, sideB, where) },
      ...(headline ? { description: { en: headline } } : {}),
      originalLanguage: 'en',
      start: time(startDay),
      ...(claimedOn !== startIso ? { end: time(endDay) } : {}),
      actors: shared.actors.get(keyOf(...actors.flatMap((r) => [r.actor, r.role, r.side, r.name])), () => actors),
      ...(country
        ? {
            place: shared.place.get(keyOf(where, country, lat, lon, geoPrecision, ...admin), () => ({
              name: { en: where || countryText },
              country,
              ...(lat !== undefined ? { lat } : {}),
              ...(lon !== undefined ? { lon } : {}),
              ...(geoPrecision ? { precision: geoPrecision } : {}),
              ...(admin.length ? { admin } : {}),
            })),
          }
        : {}),
      counts: counts.length
        ? shared.counts.get(
            counts.map((c) => `${c.value}|${c.low ?? ''}|${c.high ?? ''}|${c.of ?? ''}`).join('\n') + `|${claimedOn}`,
            () => counts,
          )
        : NONE,
      claims: NONE,
      sources: [
        { publisher: 'UCDP GED', url: 'https://ucdp.uu.se/', title: `UCDP GED event ${gedId}`, language: 'en' },
        ...reportedSources(get('source_office'), get('source_date'), headline, report),
      ],
      relations: NONE,
      tags: precisionText ? shared.tags.get(precisionText, () => [`UCDP date precision: ${precisionText}`]) : NONE,
    };
    if (acceptEvent(candidate, report, events, 'candidate')) state.keptId(gedId, line, sheetRow);
  }

  return {
    layout: 'UCDP GED CSV',
    row,
    dataset: () => ({
      title: `UCDP GED events from ${fileName}`,
      attribution: 'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, ucdp.uu.se',
      license: 'CC BY 4.0',
      actors: registry.actors(),
      events,
    }),
  };
}

/**
 * The sources GED cites: source_office, source_date and source_headline are parallel lists
 * separated by ";". A date is kept only where it is a clean ISO date (one date for every office,
 * or one per office); a headline becomes a title only when there is one per office.
 */
function reportedSources(officeText: string, dateText: string, headlineText: string, report: RowReport): Source[] {
  const offices = pieces(officeText);
  if (!offices.some(Boolean)) return [];
  const dates = pieces(dateText);
  const headlines = pieces(headlineText);
  let dateFor: (i: number) => string | undefined = () => undefined;
  if (dates.length === 1 || dates.length === offices.length) {
    const read = dates.map(leadingIsoDate);
    if (dates.some((d, i) => d !== '' && read[i] === undefined))
      report.fix('source_date', 'is not a date such as 2022-09-14; the sources are left without it', dateText);
    else dateFor = dates.length === 1 ? () => read[0] : (i) => read[i];
  } else if (dates.length > 0) {
    report.fix('source_date', `has ${dates.length} dates for ${offices.length} sources; the sources are left without dates`, dateText);
  }
  const titleFor = headlines.length === offices.length ? (i: number) => headlines[i] || undefined : () => undefined;
  const sources: Source[] = [];
  offices.forEach((publisher, i) => {
    if (!publisher) return;
    const date = dateFor(i);
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
