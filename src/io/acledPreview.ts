// Each row's day and type as the full ACLED read gives them, for a first look at a large ACLED
// file (Parquet: parquetRowsPreview.ts; Arrow: arrowRowsPreview.ts; CSV: its parts, fileParts.ts). The day is placed as the
// full read places it (local midnight in the zone of the row's country and longitude, a month from
// its first day), and the type is ACLED's mapping without the notes: an agreement the notes call
// a ceasefire shows as an agreement until the full table comes.
import { anchorTime } from '../model/time.ts';
import type { Precision } from '../model/schema.ts';
import { typeFromAcled } from '../model/taxonomy.ts';
import { typeIndexOf } from '../table/eventTable.ts';
import { memoize as memo } from './intern.ts';
import type { ImportPreview } from './appParquetPreview.ts';
import { cellText } from './columnarRows.ts';
import { countryCode } from './countryCodes.ts';
import { readDate, type CalendarDate, type DayOrder } from './dates.ts';
import { ACLED_TIME_PRECISION } from './acledRow.ts';
import { localMidnight, zoneForPlace, zonesOfCountry } from './zones.ts';

/** The columns a preview reads, by ACLED's names. */
export const ACLED_PREVIEW_COLUMNS = ['event_date', 'time_precision', 'event_type', 'sub_event_type', 'iso3', 'iso', 'country', 'longitude'] as const;
export type AcledPreviewColumn = (typeof ACLED_PREVIEW_COLUMNS)[number];

const DAY_MS = 86_400_000;

const dayOfNumber = (days: number): CalendarDate => {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/**
 * The calendar day of an event_date cell: text read as the CSV reads it, a Date's UTC day, or a
 * number of days (a Parquet DATE column) or of milliseconds (an Arrow date or timestamp) since 1970.
 */
export function dayReader(numbers?: 'days' | 'milliseconds', order: DayOrder = 'day-first'): (cell: unknown) => CalendarDate | null {
  const ofDays = memo(dayOfNumber);
  const ofText = memo((text: string) => {
    const reading = readDate(text, order);
    return reading.ok ? reading.date : null;
  });
  const ofMilliseconds = (ms: number) => (Number.isFinite(ms) ? ofDays(Math.floor(ms / DAY_MS)) : null);
  return (cell) => {
    if (numbers === 'days' && typeof cell === 'number') return Number.isFinite(cell) ? ofDays(cell) : null;
    if (numbers === 'milliseconds' && (typeof cell === 'number' || typeof cell === 'bigint')) return ofMilliseconds(Number(cell));
    if (cell instanceof Date) return ofMilliseconds(cell.getTime());
    return ofText(cellText(cell).trim());
  };
}

export interface AcledPreviewRows {
  /**
   * Adds a row, given its cells as decoded (text, or a typed column's values). A row the full read
   * would reject for its day, precision or type is left out.
   */
  add(cell: (column: AcledPreviewColumn) => unknown): void;
  /** The rows added, as the preview of a file of `rows` rows; null when none can be drawn. */
  preview(title: string | null, rows: number): ImportPreview | null;
}

/** The rows of a preview, room made for `capacity` at first; `decimalComma` as the full read takes it (see readCoordinate). */
export function createAcledPreviewRows(dayOf: (cell: unknown) => CalendarDate | null, capacity = 1024, decimalComma = false): AcledPreviewRows {
  // Lookups by the cells as decoded: a column's repeated values are the same strings, and a key
  // built of several cells for each of a million rows cost more than the lookups themselves.
  const text = (cell: unknown) => cellText(cell).trim();
  const longitudeOf = (cell: unknown) => {
    const lon = typeof cell === 'number' ? cell : text(cell) ? Number(decimalComma ? text(cell).replace(',', '.') : text(cell)) : NaN;
    return Number.isFinite(lon) ? lon : undefined;
  };
  const precisionOf = memo((cell: unknown): Precision | undefined => ACLED_TIME_PRECISION[text(cell) || '1']);
  const typeOf = memo((eventType: unknown) => memo((subEventType: unknown) => typeFromAcled(text(eventType), text(subEventType), '')));
  const countryOf = memo((iso3: unknown) => memo((iso: unknown) => memo((name: unknown) => countryCode(text(iso3)) ?? countryCode(text(iso)) ?? countryCode(text(name)))));
  // A country of one zone (or none: UTC) has it whatever the longitude; null for one of several.
  const zoneOfCountry = memo((country: string | undefined) => (zonesOfCountry(country).length > 1 ? null : zoneForPlace(country, undefined)));
  const anchorOf = memo((zone: string) =>
    memo((precision: Precision) =>
      memo((days: number) => {
        const date = dayOfNumber(days);
        return anchorTime({ at: localMidnight(precision === 'month' ? { ...date, day: 1 } : date, zone), precision, tz: zone });
      }),
    ),
  );
  let start = new Float64Array(Math.max(1, capacity));
  let type = new Uint8Array(start.length);
  let size = 0;
  return {
    add(cell) {
      const date = dayOf(cell('event_date'));
      const precision = precisionOf(cell('time_precision'));
      const eventType = typeOf(cell('event_type'))(cell('sub_event_type'));
      if (!date || !precision || !eventType) return;
      const country = countryOf(cell('iso3'))(cell('iso'))(cell('country'));
      const zone = zoneOfCountry(country) ?? zoneForPlace(country, longitudeOf(cell('longitude')));
      if (size === start.length) {
        const grown = new Float64Array(size * 2);
        grown.set(start);
        start = grown;
        const grownType = new Uint8Array(size * 2);
        grownType.set(type);
        type = grownType;
      }
      start[size] = anchorOf(zone)(precision)(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
      type[size] = typeIndexOf(eventType);
      size++;
    },
    preview(title, rows) {
      // Nothing to draw: the full read then says why no row could be read.
      if (size === 0) return null;
      const starts = start.slice(0, size);
      return { title, start: starts, end: starts.slice(), type: type.slice(0, size), rows };
    },
  };
}
