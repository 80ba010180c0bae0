// Times as sources state them: an instant, how precisely it is known, and the local zone of the
// place. Everything here is pure; formatting takes the locale as an argument.
import { DAY, HOUR, type UtcMillis } from './brand.ts';
import type { DayPart, Precision, TimeValue } from './schema.ts';

/** Local hours each named part of the day covers: [from, to). */
export const DAY_PART_HOURS: Record<DayPart, readonly [number, number]> = {
  'early-hours': [0, 6],
  morning: [6, 12],
  afternoon: [12, 17],
  evening: [17, 21],
  night: [21, 24],
};

export const DAY_PART_LABEL: Record<DayPart, { en: string; ar: string }> = {
  'early-hours': { en: 'early hours', ar: 'الساعات الأولى' },
  morning: { en: 'morning', ar: 'صباحًا' },
  afternoon: { en: 'afternoon', ar: 'بعد الظهر' },
  evening: { en: 'evening', ar: 'مساءً' },
  night: { en: 'night', ar: 'ليلًا' },
};

export function toUtcMillis(time: Pick<TimeValue, 'at'>): UtcMillis {
  return Date.parse(time.at) as UtcMillis;
}

/** The offset written in `at`, in minutes east of UTC ("+04:00" → 240). */
export function writtenOffsetMinutes(at: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(at);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The span of instants a stated time covers: "13 Sep 2022" covers the whole local day, "early
 * hours" 00:00–06:00 local, "20:00" the minute. Calendar steps are taken in the written offset.
 */
export function uncertaintySpan(time: TimeValue): { from: UtcMillis; to: UtcMillis } {
  const from = toUtcMillis(time);
  const offset = writtenOffsetMinutes(time.at) * 60_000;
  const local = new Date(from + offset);
  const step = (p: Precision): number => {
    switch (p) {
      case 'minute':
        return 60_000;
      case 'hour':
        return HOUR;
      case 'day':
        return DAY;
      case 'week':
        return 7 * DAY;
      case 'month':
        return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()) - local.getTime();
      case 'year':
        return Date.UTC(local.getUTCFullYear() + 1, local.getUTCMonth(), local.getUTCDate()) - local.getTime();
    }
  };
  if (time.precision === 'week') return { from: (from - 3 * DAY) as UtcMillis, to: (from + 4 * DAY) as UtcMillis };
  if (time.precision === 'day' && time.dayPart) {
    const [h0, h1] = DAY_PART_HOURS[time.dayPart];
    const dayStart = from - (local.getUTCHours() * HOUR + local.getUTCMinutes() * 60_000);
    return { from: (dayStart + h0 * HOUR) as UtcMillis, to: (dayStart + h1 * HOUR) as UtcMillis };
  }
  return { from, to: (from + step(time.precision)) as UtcMillis };
}

const DATE_PARTS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  week: { year: 'numeric', month: 'short', day: 'numeric' },
  day: { year: 'numeric', month: 'short', day: 'numeric' },
  hour: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  minute: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

export interface FormattedTime {
  /** In the place's own time, as the source states it: "14 Sep 2022, 20:00". */
  local: string;
  /** The local zone: "Asia/Yerevan, UTC+4". */
  zone: string;
  /** The same instant in UTC, only where the time of day is known: "14 Sep 2022, 16:00 UTC". */
  utc: string | null;
  precision: Precision;
}

export function formatTime(time: TimeValue, locale: string): FormattedTime {
  const instant = toUtcMillis(time);
  const parts = DATE_PARTS[time.precision];
  const local = new Intl.DateTimeFormat(locale, { ...parts, timeZone: time.tz }).format(instant);
  const dayPart = time.dayPart ? DAY_PART_LABEL[time.dayPart][locale.startsWith('ar') ? 'ar' : 'en'] : null;
  const timeOfDayKnown = time.precision === 'hour' || time.precision === 'minute';
  const approx = time.precision === 'week' ? (locale.startsWith('ar') ? ' (± 3 أيام)' : ' (± 3 days)') : '';
  return {
    local: dayPart ? `${local}${locale.startsWith('ar') ? '،' : ','} ${dayPart}` : `${local}${approx}`,
    zone: `${time.tz}, ${offsetLabel(writtenOffsetMinutes(time.at))}`,
    utc: timeOfDayKnown ? `${new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(instant)} UTC` : null,
    precision: time.precision,
  };
}

/** A short date for lists and tooltips, in the place's time, at the stated precision. */
export function formatShortDate(time: TimeValue, locale: string): string {
  return formatTime(time, locale).local;
}

/**
 * Where a stated time sits on the axis. A clock time sits at itself; a day, month or year sits in
 * the middle of the span it covers, so "13 Sep" is drawn inside 13 Sep and not at its first instant.
 */
export function anchorTime(time: TimeValue): UtcMillis {
  if (time.precision === 'minute' || time.precision === 'hour') return toUtcMillis(time);
  const span = uncertaintySpan(time);
  return ((span.from + span.to) / 2) as UtcMillis;
}

/** A calendar day, month or year as written in the data ("2022-09-15"), in the locale: "15 Sept 2022". */
export function formatCalendarDay(iso: string, locale: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const at = Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1);
  const parts: Intl.DateTimeFormatOptions = d ? { day: 'numeric', month: 'short', year: 'numeric' } : mo ? { month: 'long', year: 'numeric' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(at);
}
