// A first look at a large UCDP GED CSV, as a large ACLED file gets (see acledPreview.ts): each
// row's days and type, parsed from its text before the rest is read. The days are placed as
// ucdp.ts places them, at local midnight in the zone of the row's country and longitude, the end
// where it is not the start's day. Rows whose type, dates, longitude or country the full read
// rejects are left out; rows it rejects for anything else are in it.
import { UCDP_VIOLENCE_TYPES } from '../model/taxonomy.ts';
import { anchorTime } from '../model/time.ts';
import { typeIndexOf } from '../table/eventTable.ts';
import { memoize as memo } from './intern.ts';
import type { ImportPreview } from './appParquetPreview.ts';
import { isMissingToken, readCoordinate } from './cells.ts';
import { countryCode } from './countryCodes.ts';
import { dayOrderInText, eachCsvRecord, previewCsv } from './csv.ts';
import { DAY_FIRST, readDate, type FileForm } from './dates.ts';
import { delimiterOf } from './detect.ts';
import { MIDNIGHT_SUFFIX, UCDP_COLUMNS, ucdpDatasetTitle } from './ucdp.ts';
import { localMidnight, zoneForPlace, zonesOfCountry } from './zones.ts';

const DAY_MS = 86_400_000;

/** A cell as the full read takes it: trimmed, a missing-value token ("NA", "NULL", …) empty. */
const cellOf = (raw: string | undefined) => {
  const text = (raw ?? '').trim();
  return isMissingToken(text) ? '' : text;
};

/** The preview of a UCDP GED CSV text (with its header row or without); null where no row can be drawn, or for more than `maxRows` rows. */
export function readUcdpCsvPreview(text: string, fileName: string, maxRows: number): ImportPreview | null {
  // Read as the full read reads it (importer.ts): a spreadsheet may have saved it.
  const delimiter = delimiterOf(text, 'ucdp');
  const first = (previewCsv(text, 1, delimiter)[0] ?? []).map((c) => c.trim().toLowerCase());
  const headerless = !first.includes('date_start');
  const form = { dates: headerless ? DAY_FIRST : dayOrderInText(text, first, 'date_start', delimiter), decimalComma: delimiter !== ',' };
  const previewRows = createUcdpPreviewRows(headerless ? UCDP_COLUMNS : first, form);
  let rows = 0;
  let atHeader = !headerless;
  const complete = eachCsvRecord(text, delimiter, (cells) => {
    if (atHeader) return void (atHeader = false);
    if (cells.length === 1 && cells[0]!.trim() === '') return;
    if (++rows > maxRows) return false;
    previewRows.add(cells);
  });
  return complete ? previewRows.preview(ucdpDatasetTitle(fileName), rows) : null;
}

/** The columns a preview reads. */
export const UCDP_PREVIEW_COLUMNS = ['type_of_violence', 'date_start', 'date_end', 'longitude', 'country'] as const;

/** Rows of a UCDP GED file (cells in `header`'s order, written in `form`) placed as they are added: a part of a file (see fileParts.ts) or a whole one. */
export function createUcdpPreviewRows(header: readonly string[], { dates = DAY_FIRST, decimalComma = false }: FileForm = {}) {
  const at = (name: string) => header.findIndex((column) => column.trim().toLowerCase() === name);
  const [violenceAt, startAt, endAt, lonAt, countryAt] = UCDP_PREVIEW_COLUMNS.map(at) as [number, number, number, number, number];
  // Days as numbers since 1970 (null for no real date), each text read once.
  const dayOf = memo((cell: string) => {
    const reading = readDate(cell.replace(MIDNIGHT_SUFFIX, ''), dates.order);
    return reading.ok ? Date.UTC(reading.date.year, reading.date.month - 1, reading.date.day) / DAY_MS : null;
  });
  // The country's code; null for one the full read rejects, undefined for none given.
  const countryOf = memo((cell: string) => (cell === '' ? undefined : (countryCode(cell) ?? null)));
  const singleZone = memo((country: string | undefined) => (zonesOfCountry(country).length > 1 ? null : zoneForPlace(country, undefined)));
  const anchorOf = memo((zone: string) =>
    memo((days: number) => {
      const date = new Date(days * DAY_MS);
      const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      return anchorTime({ at: localMidnight(day, zone), precision: 'day', tz: zone });
    }),
  );
  const start: number[] = [];
  const end: number[] = [];
  const type: number[] = [];
  return {
    add(cells: readonly string[]): void {
      const eventType = UCDP_VIOLENCE_TYPES[cellOf(cells[violenceAt])];
      const startDay = dayOf(cellOf(cells[startAt]));
      const endText = cellOf(cells[endAt]);
      const endDay = endText === '' ? startDay : dayOf(endText);
      const lon = readCoordinate(cellOf(cells[lonAt]), 180, decimalComma);
      const country = countryOf(cellOf(cells[countryAt]));
      if (!eventType || startDay === null || endDay === null || endDay < startDay || lon === null || country === null) return;
      const zone = singleZone(country) ?? zoneForPlace(country, lon);
      const anchor = anchorOf(zone);
      const from = anchor(startDay);
      start.push(from);
      end.push(endDay === startDay ? from : Math.max(from, anchor(endDay)));
      type.push(typeIndexOf(eventType));
    },
    /** The rows placed, of `rows` read; null where none could be. */
    preview: (title: string | null, rows: number): ImportPreview | null =>
      start.length ? { title, start: Float64Array.from(start), end: Float64Array.from(end), type: Uint8Array.from(type), rows } : null,
  };
}
