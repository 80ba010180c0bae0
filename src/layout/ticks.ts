// Axis ticks from decades down to minutes. A lookup table of intervals replaces branching: the
// first interval that leaves at least `minSpacing` pixels between ticks wins.
import { utcDay, utcHour, utcMinute, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';

export type TickUnit = 'year' | 'month' | 'day' | 'hour' | 'minute';

interface TickStep {
  unit: TickUnit;
  approxMs: number;
  interval: TimeInterval;
  /** Intl options for a tick label. */
  label: Intl.DateTimeFormatOptions;
  /** Intl options for the context line under the axis (the larger unit the ticks sit in). */
  context: Intl.DateTimeFormatOptions | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.44 * DAY;
const YEAR = 365.2425 * DAY;

const every = (interval: CountableTimeInterval, n: number): TimeInterval => interval.every(n) ?? interval;

const hm: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const dayContext: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };

const STEPS: readonly TickStep[] = [
  { unit: 'minute', approxMs: 5 * MINUTE, interval: every(utcMinute, 5), label: hm, context: dayContext },
  { unit: 'minute', approxMs: 15 * MINUTE, interval: every(utcMinute, 15), label: hm, context: dayContext },
  { unit: 'minute', approxMs: 30 * MINUTE, interval: every(utcMinute, 30), label: hm, context: dayContext },
  { unit: 'hour', approxMs: HOUR, interval: utcHour, label: hm, context: dayContext },
  { unit: 'hour', approxMs: 3 * HOUR, interval: every(utcHour, 3), label: hm, context: dayContext },
  { unit: 'hour', approxMs: 6 * HOUR, interval: every(utcHour, 6), label: hm, context: dayContext },
  { unit: 'hour', approxMs: 12 * HOUR, interval: every(utcHour, 12), label: hm, context: dayContext },
  { unit: 'day', approxMs: DAY, interval: utcDay, label: { day: 'numeric', month: 'short' }, context: { year: 'numeric' } },
  { unit: 'day', approxMs: 2 * DAY, interval: utcDay.filter((d) => (d.getUTCDate() - 1) % 2 === 0), label: { day: 'numeric', month: 'short' }, context: { year: 'numeric' } },
  { unit: 'day', approxMs: 7 * DAY, interval: utcDay.filter((d) => [1, 8, 15, 22].includes(d.getUTCDate())), label: { day: 'numeric', month: 'short' }, context: { year: 'numeric' } },
  { unit: 'month', approxMs: MONTH, interval: utcMonth, label: { month: 'short' }, context: { year: 'numeric' } },
  { unit: 'month', approxMs: 3 * MONTH, interval: every(utcMonth, 3), label: { month: 'short', year: 'numeric' }, context: null },
  { unit: 'month', approxMs: 6 * MONTH, interval: every(utcMonth, 6), label: { month: 'short', year: 'numeric' }, context: null },
  { unit: 'year', approxMs: YEAR, interval: utcYear, label: { year: 'numeric' }, context: null },
  { unit: 'year', approxMs: 2 * YEAR, interval: every(utcYear, 2), label: { year: 'numeric' }, context: null },
  { unit: 'year', approxMs: 5 * YEAR, interval: every(utcYear, 5), label: { year: 'numeric' }, context: null },
  { unit: 'year', approxMs: 10 * YEAR, interval: every(utcYear, 10), label: { year: 'numeric' }, context: null },
  { unit: 'year', approxMs: 20 * YEAR, interval: every(utcYear, 20), label: { year: 'numeric' }, context: null },
];

export interface Tick {
  t: number;
  x: number;
  label: string;
}

export interface AxisLayout {
  unit: TickUnit;
  ticks: Tick[];
  /** The larger unit the visible ticks sit in, e.g. "Wed, 14 Sep 2022" when ticks are hours. */
  context: string | null;
}

export function layoutAxis(from: number, to: number, width: number, locale: string, minSpacing = 80): AxisLayout {
  const span = Math.max(1, to - from);
  const msPerPx = span / Math.max(1, width);
  const step = STEPS.find((s) => s.approxMs / msPerPx >= minSpacing) ?? STEPS[STEPS.length - 1]!;
  const label = new Intl.DateTimeFormat(locale, { ...step.label, timeZone: 'UTC' });
  // Below a day, midnight ticks name the day instead of "00:00", so the reader keeps their place.
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const subDay = step.unit === 'hour' || step.unit === 'minute';
  const ticks = step.interval.range(new Date(from), new Date(to + 1)).map((d) => ({
    t: d.getTime(),
    x: ((d.getTime() - from) / span) * width,
    label: subDay && d.getTime() % 86_400_000 === 0 ? dayLabel.format(d) : label.format(d),
  }));
  let context: string | null = null;
  if (step.context) {
    const fmt = new Intl.DateTimeFormat(locale, { ...step.context, timeZone: 'UTC' });
    const a = fmt.format(from);
    const b = fmt.format(to);
    context = a === b ? a : `${a} – ${b}`;
  }
  return { unit: step.unit, ticks, context };
}
