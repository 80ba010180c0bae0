// Calendar dates as exports and spreadsheets write them: 2022-09-15, 15 September 2022, 15-Sep-22,
// 15/09/2022, 20220915, Sep 15, 2022, 2022/09/15. Numeric dates are day first (ACLED's convention)
// unless a file's own dates show it puts the month first, as a US spreadsheet saves them (see
// dayOrderOf); two-digit years are read in the window 1950–2049. Each is a documented form of its source: reading one is not a repair, and is
// not reported.

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  if (key === 'sept') return 9;
  const i = MONTHS.indexOf(key.slice(0, 3));
  if (i < 0) return null;
  const full = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
    .format(Date.UTC(2000, i, 1))
    .toLowerCase();
  return key.length === 3 || full === key ? i + 1 : null;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** How a date was written: yyyy-mm-dd; ISO otherwise (one-digit month or day, a midnight time); a month's name; day/month/year; yyyymmdd. */
export type DateForm = 'iso' | 'iso-other' | 'textual' | 'numeric' | 'yyyymmdd';

export type DateReading =
  | { ok: true; date: CalendarDate; form: DateForm; /** the text was not exactly yyyy-mm-dd */ normalised: boolean }
  | { ok: false };

/** Year first: 2022-09-13, and 2022/09/13 or 2022.09.13 as East Asian and some European tools write it (the same mark twice). */
const ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;
const TEXTUAL = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{2}|\d{4})$/;
/** The month's name first, as US writers put it: Sep 13, 2022; September 13 2022; Sept. 13, 2022. */
const TEXTUAL_MONTH_FIRST = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;

/** A time after a date: 14:30, 14:30:05, 2:30 PM. */
export const DATE_TIME_TAIL = /[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])\.?[Mm]\.?)?$/;

/** Which comes first in a numeric date (15/09/2022, 9/15/2022). */
export type DayOrder = 'day-first' | 'month-first';

/** A numeric date's two first numbers as day and month, in `order`. */
const dayMonth = (first: string, second: string, order: DayOrder) => (order === 'day-first' ? { day: Number(first), month: Number(second) } : { day: Number(second), month: Number(first) });

export function readDate(text: string, order: DayOrder = 'day-first'): DateReading {
  let date: CalendarDate | null = null;
  let form: DateForm = 'iso';
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(text))) {
    date = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
    if (text.length !== 10 || m[3]!.length !== 2 || m[2] !== '-') form = 'iso-other';
  } else if ((m = YYYYMMDD.exec(text))) {
    date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    form = 'yyyymmdd';
  } else if ((m = TEXTUAL.exec(text))) {
    const month = monthNumber(m[2]!);
    if (month) date = { year: fullYear(m[3]!), month, day: Number(m[1]) };
    form = 'textual';
  } else if ((m = TEXTUAL_MONTH_FIRST.exec(text))) {
    const month = monthNumber(m[1]!);
    if (month) date = { year: Number(m[3]), month, day: Number(m[2]) };
    form = 'textual';
  } else if ((m = NUMERIC.exec(text))) {
    date = { year: fullYear(m[3]!), ...dayMonth(m[1]!, m[2]!, order) };
    form = 'numeric';
  }
  if (!date || !isRealDate(date)) return { ok: false };
  return { ok: true, date, form, normalised: form !== 'iso' };
}

export function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date, or a date-time as a pipeline writes a converted Unix time: 2022-09-20 00:00:00, 2022-09-20T03:00:00+03:00. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The UTC day of a Unix time in seconds (ACLED's timestamp: 1663632000, or 1663632000.0 from a
 * column of floats), or of the date or date-time a pipeline made of it (a typed column reads as its
 * day). Undefined for an empty cell; null for anything else, a time in milliseconds included.
 */
export function unixTimeDay(text: string): string | undefined | null {
  if (text === '') return undefined;
  if (/^\d{9,11}(\.0*)?$/.test(text)) return new Date(Number.parseInt(text, 10) * 1000).toISOString().slice(0, 10);
  const m = DATE_TIME.exec(text);
  const date = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!m || !date || !isRealDate(date) || Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59) return null;
  const offset = m[6] && m[6] !== 'Z' ? m[6].replace(':', '') : null;
  if (!offset) return isoDate(date);
  // The day of that instant in UTC, as a time in seconds gives it.
  const minutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)));
  return new Date(Date.UTC(date.year, date.month - 1, date.day, Number(m[4]), Number(m[5]) - minutes)).toISOString().slice(0, 10);
}

/** The order a file's numeric dates are read in, and whether its own dates told it (see dayOrderOf). */
export interface FileDayOrder {
  order: DayOrder;
  /** Some sampled date could be read only one way. */
  told: boolean;
  /** The sample held a numeric date at all. */
  numeric: boolean;
  /** The first sampled date that told the order (9/15/2022). */
  example?: string;
}

/** How a file writes what a spreadsheet may have changed: the order of its numeric dates, and decimal commas (a file not comma-separated). */
export interface FileForm {
  dates?: FileDayOrder;
  decimalComma?: boolean;
}

/** Day first, as ACLED writes numeric dates: the order where nothing says otherwise. */
export const DAY_FIRST: FileDayOrder = { order: 'day-first', told: false, numeric: false };

/**
 * The order of a file's numeric dates, from a sample of them: month first where some date can only
 * be read so (9/15/2022) and none only day first (15/9/2022); otherwise day first.
 */
export function dayOrderOf(samples: Iterable<string>): FileDayOrder {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let numeric = false;
  for (const text of samples) {
    // A date-time (15/09/2022 14:30) tells the order by its date.
    const m = NUMERIC.exec(text.trim().replace(DATE_TIME_TAIL, ''));
    if (!m) continue;
    numeric = true;
    const [first, second] = [Number(m[1]), Number(m[2])];
    if (first > 12 && second <= 12) dayFirst ??= text.trim();
    if (second > 12 && first <= 12) monthFirst ??= text.trim();
  }
  const example = dayFirst ?? monthFirst;
  return { order: monthFirst && !dayFirst ? 'month-first' : 'day-first', told: example !== undefined, numeric, ...(example ? { example } : {}) };
}

/** The report's note on how a column's numeric dates were read; null where there is nothing to say (day first, as its dates show, or no numeric date). */
export function dayOrderNote(field: string, dates: FileDayOrder): string | null {
  if (!dates.numeric) return null;
  if (dates.order === 'month-first') return `${field} has its dates month first (${dates.example}), as US spreadsheets save them: every date written with numbers alone was read month first`;
  if (!dates.told) return `${field} has dates written with numbers alone, and none sampled across the file has a day over 12 to tell whether the day or the month comes first: they were read day first`;
  return null;
}

/** Why a cell is not a date, where its numbers make one only in the other order. */
export function notADateReason(text: string, dates: FileDayOrder): string {
  if (!dates.told || !NUMERIC.test(text) || !readDate(text, dates.order === 'day-first' ? 'month-first' : 'day-first').ok) return 'is not a date';
  return `is not a date ${dates.order === 'month-first' ? 'month' : 'day'} first, as the file's other dates are written (${dates.example})`;
}
