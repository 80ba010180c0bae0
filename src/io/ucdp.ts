// UCDP GED CSV → our model, with or without the header row. The mapping is documented in
// README.md, "How UCDP GED maps to the model".
import type { Actor, ConflictEvent, Dataset, Role } from '../model/schema.ts';
import { UCDP_VIOLENCE_TYPES } from '../model/taxonomy.ts';
import { createActorRegistry } from './actorRegistry.ts';
import { acceptEvent } from './acceptEvent.ts';
import { cleanText, readCoordinate, readCount, splitList } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { isoDate, readDate } from './dates.ts';
import type { CsvRowSink } from './csv.ts';
import { createInterner, NONE } from './intern.ts';
import type { RowReport } from './report.ts';
import { localMidnight, zoneForPlace } from './zones.ts';

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

function actorKind(name: string): Actor['kind'] {
  if (/^government of\b/i.test(name)) return 'state-forces';
  if (/^civilians\b/i.test(name)) return 'civilians';
  return 'armed-group';
}

/** GED writes dates as 2022-09-13 or 2022-09-13 00:00:00.000. */
const readGedDate = (text: string) => readDate(text.replace(/ 00:00:00(\.0+)?$/, ''));

export function createUcdpImport(header: readonly string[], fileName: string): CsvRowSink & { layout: string; dataset(): Dataset } {
  const col = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const registry = createActorRegistry();
  registry.add(UCDP_PROVIDER);
  const events: ConflictEvent[] = [];
  const seen = new Map<string, number>();
  const times = createInterner<ConflictEvent['start']>();

  function row(cells: string[], line: number, report: RowReport): void {
    const get = (name: string) => {
      const i = col.get(name);
      return i === undefined ? '' : cleanText(cells[i], name, report);
    };
    const gedId = get('id');
    if (!gedId) return report.reject('id', 'is empty');
    const id = `ucdp-${gedId}`;
    if (seen.has(id)) return report.reject('id', `repeats the id of line ${seen.get(id)}`, gedId);
    const violence = get('type_of_violence');
    const type = UCDP_VIOLENCE_TYPES[violence];
    if (!type) return report.reject('type_of_violence', 'is not 1, 2 or 3', violence);

    const startText = get('date_start');
    const start = readGedDate(startText);
    if (!start.ok) return report.reject('date_start', startText ? 'is not a date' : 'is empty', startText || undefined);
    if (start.normalised) report.fix('date_start', `read as ${isoDate(start.date)}`, startText);
    const endText = get('date_end') || startText;
    const end = readGedDate(endText);
    if (!end.ok) return report.reject('date_end', 'is not a date', endText);
    if (end.normalised && get('date_end')) report.fix('date_end', `read as ${isoDate(end.date)}`, endText);
    if (isoDate(end.date) < isoDate(start.date)) return report.reject('date_end', 'is before date_start', endText);
    const precision = get('date_prec');
    if (precision === '') {
      report.fix('date_prec', 'was empty; left out');
    } else if (!/^[1-5]$/.test(precision)) return report.reject('date_prec', 'is not 1 to 5', precision);

    const lat = readCoordinate(get('latitude'), 90);
    if (lat === null) return report.reject('latitude', 'is not a latitude', get('latitude'));
    const lon = readCoordinate(get('longitude'), 180);
    if (lon === null) return report.reject('longitude', 'is not a longitude', get('longitude'));
    const countryText = get('country');
    const country = countryCode(countryText);
    if (countryText && !country) return report.reject('country', 'is not a country we know', countryText);

    const best = readCount(get('best'));
    if (best === null) return report.reject('best', 'is not a whole number of 0 or more', get('best'));
    const low = readCount(get('low'));
    const high = readCount(get('high'));
    const deathsA = readCount(get('deaths_a'));
    const deathsB = readCount(get('deaths_b'));

    const sideA = get('side_a');
    if (!sideA) return report.reject('side_a', 'is empty');
    const sideB = get('side_b');
    const [roleA, roleB]: [Role, Role] = violence === '3' ? ['initiator', 'target'] : ['participant', 'participant'];
    const ref = (name: string, role: Role, side: 1 | 2) => {
      const actor = registry.idFor(name, actorKind(name));
      return { actor, role, side, ...(registry.nameOf(actor) !== name ? { name } : {}) };
    };
    const actors = [ref(sideA, roleA, 1), ...(sideB ? [ref(sideB, roleB, 2)] : [])];

    const zone = zoneForPlace(country, lon);
    const time = (date: typeof start.date) => {
      const at = localMidnight(date, zone);
      return times.get(at, () => ({ at, precision: 'day' as const, tz: zone }));
    };
    const claimedOn = isoDate(end.date);
    const counts: ConflictEvent['counts'] = [];
    if (best !== undefined)
      counts.push({
        kind: 'killed', value: best, qualifier: 'about', claimant: UCDP_PROVIDER.id, claimedOn, source: 0,
        ...(typeof low === 'number' ? { low } : {}),
        ...(typeof high === 'number' ? { high } : {}),
      });
    if (typeof deathsA === 'number' && deathsA > 0) counts.push({ kind: 'killed', value: deathsA, qualifier: 'about', of: actors[0]!.actor, claimant: UCDP_PROVIDER.id, claimedOn, source: 0 });
    if (typeof deathsB === 'number' && deathsB > 0 && actors[1]) counts.push({ kind: 'killed', value: deathsB, qualifier: 'about', of: actors[1].actor, claimant: UCDP_PROVIDER.id, claimedOn, source: 0 });

    const where = get('where_coordinates') || get('where_description') || get('adm_1');
    const admin = [...new Set([get('adm_1'), get('adm_2')].filter(Boolean))];
    const sourceDate = /^\d{4}-\d{2}-\d{2}/.exec(get('source_date'))?.[0];
    const headline = get('source_headline');
    const candidate: ConflictEvent = {
      id,
      type,
      title: { en: `${get('dyad_name') || get('conflict_name') || [sideA, sideB].filter(Boolean).join(' – ')}${where ? `, ${where}` : ''}` },
      ...(headline ? { description: { en: headline } } : {}),
      originalLanguage: 'en',
      start: time(start.date),
      ...(isoDate(end.date) !== isoDate(start.date) ? { end: time(end.date) } : {}),
      actors,
      ...(country ? { place: { name: { en: where || countryText }, country, ...(lat !== undefined ? { lat } : {}), ...(lon !== undefined ? { lon } : {}), ...(admin.length ? { admin } : {}) } } : {}),
      counts,
      claims: NONE,
      sources: [
        { publisher: 'UCDP GED', url: 'https://ucdp.uu.se/', title: `UCDP GED event ${gedId}`, language: 'en' },
        ...splitList(get('source_office')).map((publisher) => ({ publisher, language: 'und', ...(sourceDate && isRealIso(sourceDate) ? { date: sourceDate } : {}) })),
      ],
      relations: NONE,
      tags: precision ? [`UCDP date precision: ${precision}`] : NONE,
    };
    if (acceptEvent(candidate, report, events, 'candidate')) seen.set(id, line);
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

function isRealIso(text: string): boolean {
  const r = readDate(text);
  return r.ok && !r.normalised;
}
