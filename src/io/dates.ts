// Calendar dates as exports write them: 2022-09-15, 15 September 2022, 15-Sep-22, 15/09/2022,
// 20220915. Day-first always (ACLED's convention); two-digit years are read in the window 1950–2049.
// Each is a documented form of its source: reading one is not a repair, and is not reported.

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

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;
const TEXTUAL = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{2}|\d{4})$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;

export function readDate(text: string): DateReading {
  let date: CalendarDate | null = null;
  let form: DateForm = 'iso';
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(text))) {
    date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (text.length !== 10 || m[2]!.length !== 2) form = 'iso-other';
  } else if ((m = YYYYMMDD.exec(text))) {
    date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    form = 'yyyymmdd';
  } else if ((m = TEXTUAL.exec(text))) {
    const month = monthNumber(m[2]!);
    if (month) date = { year: fullYear(m[3]!), month, day: Number(m[1]) };
    form = 'textual';
  } else if ((m = NUMERIC.exec(text))) {
    date = { year: fullYear(m[3]!), month: Number(m[2]), day: Number(m[1]) };
    form = 'numeric';
  }
  if (!date || !isRealDate(date)) return { ok: false };
  return { ok: true, date, form, normalised: form !== 'iso' };
}

export function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
