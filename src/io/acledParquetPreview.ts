// A first look at a large ACLED Parquet file, as appParquetPreview.ts gives for the app's own:
// each row's type and day, read before the rest. The day is placed as the full read places it
// (local midnight in the zone of the row's country and longitude, a month from its first day), and
// the type is ACLED's mapping without the notes: an agreement the notes call a ceasefire shows as
// an agreement until the full table comes. Only the dyadic layout: in the monadic one an event
// has two rows, which only their ids would join.
import { parquetMetadata, parquetSchema, type Compressors, type SchemaElement } from 'hyparquet';
import { anchorTime } from '../model/time.ts';
import type { Precision } from '../model/schema.ts';
import { typeFromAcled } from '../model/taxonomy.ts';
import { typeIndexOf } from '../table/eventTable.ts';
import { acledDatasetInfo, missingAcledColumns } from './acled.ts';
import { isMonadicAcled, memoize as memo } from './acledRow.ts';
import { isAppParquetColumns } from './appParquetColumns.ts';
import { PREVIEW_MIN_ROWS, type ImportPreview } from './appParquetPreview.ts';
import { readGroup, rowGroupsOf, type ReadOptions } from './appParquetRead.ts';
import { cellText } from './columnarRows.ts';
import { countryCode } from './countryCodes.ts';
import { readDate, type CalendarDate } from './dates.ts';
import { localMidnight, zoneForPlace, zonesOfCountry } from './zones.ts';

const DAY_MS = 86_400_000;
const PRECISION: Readonly<Record<string, Precision>> = { '': 'day', '1': 'day', '2': 'week', '3': 'month' };

const dayOfNumber = (days: number): CalendarDate => {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** The calendar day of an event_date cell: a DATE column's days, a timestamp's UTC day, or text read as the CSV reads it. */
function dayReader(element: SchemaElement | undefined): (cell: unknown) => CalendarDate | null {
  const isDateColumn = element?.converted_type === 'DATE' || element?.logical_type?.type === 'DATE';
  const ofDays = memo(dayOfNumber);
  const ofText = memo((text: string) => {
    const reading = readDate(text);
    return reading.ok ? reading.date : null;
  });
  return (cell) => {
    if (isDateColumn && typeof cell === 'number') return ofDays(cell);
    if (cell instanceof Date) return Number.isFinite(cell.getTime()) ? ofDays(Math.floor(cell.getTime() / DAY_MS)) : null;
    return ofText(cellText(cell).trim());
  };
}

/**
 * The preview of a dyadic ACLED Parquet file of at least `minRows` rows; null for any other file,
 * or when its columns cannot be read (the full read then says why). Rows the full read would
 * reject for their date, precision or type are left out of it.
 */
export async function readAcledParquetPreview(file: ArrayBuffer, fileName: string, compressors?: Compressors, minRows = PREVIEW_MIN_ROWS): Promise<ImportPreview | null> {
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(file);
  } catch {
    return null;
  }
  // The top-level columns, as the full read takes them (see parquetImport.ts).
  const top = parquetSchema(metadata).children.map((child) => child.element);
  const header = top.map((element) => element.name.trim());
  const rows = Number(metadata.num_rows);
  const lower = new Set(header.map((name) => name.toLowerCase()));
  const acled = lower.has('event_id_cnty') && !missingAcledColumns(header).length && !isMonadicAcled(header);
  if (rows < minRows || !acled || isAppParquetColumns(header)) return null;
  // Columns by ACLED's name, as the file spells it.
  const nameOf = (acledName: string) => top.find((element) => element.name.trim().toLowerCase() === acledName)?.name;
  const want = ['event_date', 'time_precision', 'event_type', 'sub_event_type', 'iso3', 'iso', 'country', 'longitude'] as const;
  const names = new Map(want.flatMap((name) => (nameOf(name) ? [[name, nameOf(name)!] as const] : [])));
  const read: ReadOptions = { file, metadata, parsers: { dateFromDays: Number }, ...(compressors ? { compressors } : {}) };
  const dayOf = dayReader(top.find((element) => element.name === names.get('event_date')));
  // Lookups by the cells as decoded: a column's repeated values are the same strings, and a key
  // built of several cells for each of a million rows cost more than the lookups themselves.
  const text = (cell: unknown) => cellText(cell).trim();
  const longitudeOf = (cell: unknown) => {
    const lon = typeof cell === 'number' ? cell : text(cell) ? Number(text(cell)) : NaN;
    return Number.isFinite(lon) ? lon : undefined;
  };
  const precisionOf = memo((cell: unknown) => PRECISION[text(cell)]);
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
  const start = new Float64Array(rows);
  const type = new Uint8Array(rows);
  let size = 0;
  try {
    for (const { from, to } of rowGroupsOf(metadata)) {
      const group = await readGroup(read, [...names.values()], from, to);
      const none: ArrayLike<unknown> = { length: 0 };
      const cells = Object.fromEntries(want.map((name) => [name, group[names.get(name) ?? ''] ?? none])) as Record<(typeof want)[number], ArrayLike<unknown>>;
      for (let j = 0; j < to - from; j++) {
        const date = dayOf(cells.event_date[j]);
        const precision = precisionOf(cells.time_precision[j]);
        const eventType = typeOf(cells.event_type[j])(cells.sub_event_type[j]);
        if (!date || !precision || !eventType) continue;
        const country = countryOf(cells.iso3[j])(cells.iso[j])(cells.country[j]);
        const zone = zoneOfCountry(country) ?? zoneForPlace(country, longitudeOf(cells.longitude[j]));
        start[size] = anchorOf(zone)(precision)(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
        type[size] = typeIndexOf(eventType);
        size++;
      }
    }
  } catch {
    return null;
  }
  // Nothing to draw: the full read then says why no row could be read.
  if (size === 0) return null;
  const starts = start.slice(0, size);
  return { title: acledDatasetInfo(fileName).title, start: starts, end: starts.slice(), type: type.slice(0, size), rows };
}
