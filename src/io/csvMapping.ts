// A plain CSV whose columns the user maps in the "Map columns" dialog: which column holds the
// date, the title, the type, the actors and so on. Guesses come from the column names.
import type { Dataset, Precision } from '../model/schema.ts';
import { EVENT_TYPE_INFO, EVENT_TYPES, isEventType, typeFromAcled, typeFromAcledSubEventType, type EventType } from '../model/taxonomy.ts';
import { createRowState } from './rowState.ts';
import { createEventCheck } from './acceptEvent.ts';
import { cleanText, cleanUrl, readCoordinate, readCount, slug, splitList } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { DATE_TIME_TAIL, DAY_FIRST, isoDate, isRealDate, notADateReason, readDate, type CalendarDate, type DayOrder, type FileForm } from './dates.ts';
import type { CsvFormatImport, CsvRowSink } from './csv.ts';
import { localMidnight, offsetAt } from './zones.ts';

export { MAPPED_FIELDS, MAPPED_FIELD_LABEL, type ColumnMapping, type MappedField } from './columnMapping.ts';
import { MAPPED_FIELDS, type ColumnMapping, type MappedField } from './columnMapping.ts';

const GUESSES: Record<MappedField, readonly string[]> = {
  date: ['date', 'event_date', 'start', 'start_date', 'date_start', 'when', 'day', 'datetime', 'time'],
  title: ['title', 'event', 'headline', 'name', 'summary', 'event_title'],
  endDate: ['end', 'end_date', 'date_end', 'until'],
  type: ['type', 'event_type', 'category', 'kind'],
  actors: ['actors', 'actor', 'actor1', 'parties', 'who', 'perpetrator'],
  description: ['description', 'notes', 'details', 'text'],
  place: ['place', 'location', 'city', 'where', 'town', 'village'],
  country: ['country', 'iso3', 'country_code'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
  source: ['source', 'publisher', 'source_name', 'outlet'],
  url: ['url', 'link', 'source_url', 'href'],
  fatalities: ['fatalities', 'killed', 'deaths', 'dead'],
  id: ['id', 'event_id', 'uid'],
};

export function guessMapping(columns: readonly string[]): ColumnMapping {
  const lower = columns.map((c) => c.trim().toLowerCase());
  const used = new Set<number>();
  const mapping = { timeZone: 'UTC', language: 'en' } as ColumnMapping;
  for (const field of MAPPED_FIELDS) {
    const i = lower.findIndex((c, j) => !used.has(j) && GUESSES[field].includes(c));
    mapping[field] = i >= 0 ? columns[i]!.trim() : '';
    if (i >= 0) used.add(i);
  }
  return mapping;
}

export function missingMappedColumns(header: readonly string[], mapping: ColumnMapping): string[] {
  const names = new Set(header.map((h) => h.trim()));
  const missing = MAPPED_FIELDS.map((f) => mapping[f]).filter((c) => c && !names.has(c));
  if (!mapping.date) missing.push('(no column chosen for the date)');
  if (!mapping.title) missing.push('(no column chosen for the title)');
  return missing;
}

/** An ISO date-time, with seconds and a written offset if any. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A wall time on a day → our time value: a written offset is kept as written; otherwise the wall
 * time is read in `zone`. Null for a time that is not one (25:00, 13:00 PM).
 */
function timeOnDay(date: CalendarDate, hour: number, minute: number, second: number, zone: string, offset?: string): { at: string; precision: Precision; tz: string } | null {
  if (!isRealDate(date) || hour > 23 || minute > 59 || second > 59) return null;
  const local = `${isoDate(date)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const wall = Date.parse(`${local}Z`);
  const written = offset === undefined ? undefined : offset === 'Z' ? '+00:00' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return { at: `${local}${written ?? offsetAt(zone, wall - offsetMinutes(offsetAt(zone, wall)) * 60_000)}`, precision: 'minute', tz: zone };
}

/** A date, date-time, month or year in `zone` → our time value, or null. Any of the forms read is read, not fixed. */
export function readMappedTime(text: string, zone: string, order: DayOrder = 'day-first'): { at: string; precision: Precision; tz: string } | null {
  if (/^\d{4}$/.test(text)) return { at: localMidnight({ year: +text, month: 1, day: 1 }, zone), precision: 'year', tz: zone };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? { at: localMidnight({ year: +month[1]!, month: m, day: 1 }, zone), precision: 'month', tz: zone } : null;
  }
  const dt = DATE_TIME.exec(text);
  if (dt) {
    const [, y, mo, d, h, mi, s, off] = dt;
    return timeOnDay({ year: +y!, month: +mo!, day: +d! }, +h!, +mi!, +(s ?? 0), zone, off);
  }
  // Any date the importers read, then a time as spreadsheets write it: 13/09/2022 14:30, 9/13/2022 2:30:00 PM.
  const tail = DATE_TIME_TAIL.exec(text);
  if (tail) {
    const day = readDate(text.slice(0, tail.index), order);
    const [, h, mi, s, half] = tail;
    const hour = Number(h);
    if (!day.ok || (half && (hour < 1 || hour > 12))) return null;
    const pm = half?.toLowerCase() === 'p';
    return timeOnDay(day.date, half ? (hour % 12) + (pm ? 12 : 0) : hour, +mi!, +(s ?? 0), zone);
  }
  const reading = readDate(text, order);
  if (!reading.ok) return null;
  return { at: localMidnight(reading.date, zone), precision: 'day', tz: zone };
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** Our type for a cell: our ids and labels, or ACLED's event types or sub-event types; null when nothing matches. */
export function typeFromText(text: string): EventType | null {
  const key = text.trim().toLowerCase();
  if (isEventType(key)) return key;
  const byLabel = EVENT_TYPES.find((t) => EVENT_TYPE_INFO[t].label.en.toLowerCase() === key || EVENT_TYPE_INFO[t].label.ar === text.trim());
  return byLabel ?? typeFromAcled(text, '', '') ?? typeFromAcledSubEventType(text);
}

/**
 * Whether a missing-value token is a value of a country column: only where the app reads it as a
 * country. The app reads names and alpha-3 and numeric codes, not alpha-2 codes, so today none is
 * ("NA", Namibia's alpha-2 code, is read as missing); should alpha-2 codes be read, "NA" is kept.
 */
const isCountryValue = (token: string) => countryCode(token) !== undefined;

/** A reader of a table's rows by `mapping`; `dates` and `decimalComma` as for ACLED (see FileForm). */
export function createMappedImport(header: readonly string[], mapping: ColumnMapping, fileName: string, { dates = DAY_FIRST, decimalComma = false }: FileForm = {}): CsvFormatImport {
  const col = new Map(header.map((name, i) => [name.trim(), i]));
  const state = createRowState();
  const acceptEvent = createEventCheck();
  const { registry, events } = state;
  const lang = mapping.language || 'en';
  const idPrefix = slug(fileName.replace(/\.[a-z0-9]+$/i, '')) || 'csv';

  const row: CsvRowSink['row'] = (cells, line, report, sheetRow) => {
    // Each cell read once (its fix or missing token reported once), however often the row needs it.
    const read = new Map<MappedField, string>();
    const get = (field: MappedField) => {
      let text = read.get(field);
      if (text === undefined) {
        const name = mapping[field];
        const i = name ? col.get(name) : undefined;
        text = i === undefined ? '' : cleanText(cells[i], name, report, field === 'country' ? isCountryValue : undefined);
        read.set(field, text);
      }
      return text;
    };
    const id = get('id') || `${idPrefix}-${line}`;
    const first = state.placeOfId(id);
    if (first !== undefined) return report.reject(mapping.id || 'id', `repeats the id of ${first}`, id);
    const dateText = get('date');
    if (!dateText) return report.reject(mapping.date, 'is empty');
    const start = readMappedTime(dateText, mapping.timeZone, dates.order);
    if (!start) return report.reject(mapping.date, notADateReason(dateText, dates), dateText);
    const endText = get('endDate');
    const end = endText ? readMappedTime(endText, mapping.timeZone, dates.order) : undefined;
    if (end === null) return report.reject(mapping.endDate, notADateReason(endText, dates), endText);
    const title = get('title');
    if (!title) return report.reject(mapping.title, 'is empty');
    const typeText = get('type');
    let type: EventType = 'other';
    if (typeText) {
      const found = typeFromText(typeText);
      if (found) type = found;
      else report.fix(mapping.type, 'is not a type we know; imported as "other"', typeText);
    }
    const lat = readCoordinate(get('latitude'), 90, decimalComma);
    if (lat === null) return report.reject(mapping.latitude, 'is not a latitude', get('latitude'));
    const lon = readCoordinate(get('longitude'), 180, decimalComma);
    if (lon === null) return report.reject(mapping.longitude, 'is not a longitude', get('longitude'));
    const countryText = get('country');
    const country = countryCode(countryText);
    if (countryText && !country) return report.reject(mapping.country, 'is not a country we know', countryText);
    const fatalities = readCount(get('fatalities'));
    if (fatalities === null) return report.reject(mapping.fatalities, 'is not a whole number of 0 or more', get('fatalities'));
    let url: string | undefined;
    const urlText = get('url');
    if (urlText) {
      // An http(s) URL is tidied; anything else is kept as written, and shown as text, not a link.
      url = cleanUrl(urlText, mapping.url, report) ?? urlText;
    }
    const place = get('place');
    const candidate = {
      id,
      type,
      title: { [lang]: title },
      ...(get('description') ? { description: { [lang]: get('description') } } : {}),
      originalLanguage: lang,
      start,
      ...(end ? { end } : {}),
      actors: splitList(get('actors')).map((name) => ({ actor: registry.idFor(name), role: 'participant' as const })),
      ...(country ? { place: { name: { [lang]: place || country }, country, ...(lat !== undefined ? { lat } : {}), ...(lon !== undefined ? { lon } : {}) } } : {}),
      counts: fatalities === undefined ? [] : [{ kind: 'killed' as const, value: fatalities, qualifier: 'exact' as const, claimant: 'file-source', claimedOn: start.at.slice(0, 10), source: 0 }],
      claims: [],
      sources: [{ publisher: get('source') || fileName, ...(url ? { url } : {}), language: lang }],
      relations: [],
      tags: place && !country ? [`place: ${place}`] : [],
    };
    if (acceptEvent(candidate, report, events)) state.keptId(id, line, sheetRow);
  };

  return {
    layout: 'CSV (columns mapped by hand)',
    row,
    dataset(): Dataset {
      const actors = registry.actors();
      if (events.some((e) => e.counts.length)) actors.unshift({ id: 'file-source', names: { en: `the source named in ${fileName}` }, aliases: [], kind: 'data-provider' });
      return { title: `Events from ${fileName}`, attribution: `${fileName} (a CSV file opened by the user)`, actors, events };
    },
  };
}
