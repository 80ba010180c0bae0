import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatTime, toUtcMillis, uncertaintySpan, writtenOffsetMinutes } from './time.ts';

describe('time and precision', () => {
  const ceasefire = { at: '2022-09-14T20:00:00+04:00', precision: 'minute', tz: 'Asia/Yerevan' } as const;

  it('reads an instant with an offset as UTC', () => {
    expect(new Date(toUtcMillis(ceasefire)).toISOString()).toBe('2022-09-14T16:00:00.000Z');
    expect(writtenOffsetMinutes(ceasefire.at)).toBe(240);
  });

  it('shows 20:00 local and 16:00 UTC for the 14 Sep ceasefire', () => {
    const f = formatTime(ceasefire, 'en-GB');
    expect(f.local).toMatch(/^14 Sept? 2022, 20:00$/);
    expect(f.utc).toContain('16:00 UTC');
    expect(f.zone).toBe('Asia/Yerevan, UTC+4');
  });

  it('does not turn "early hours" into midnight', () => {
    const early = { at: '2022-09-13T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan', dayPart: 'early-hours' } as const;
    const f = formatTime(early, 'en-GB');
    expect(f.local).toMatch(/13 Sept? 2022, early hours/);
    expect(f.local).not.toContain('00:00');
    expect(f.utc).toBeNull();
    const span = uncertaintySpan(early);
    expect(new Date(span.from).toISOString()).toBe('2022-09-12T20:00:00.000Z');
    expect(new Date(span.to).toISOString()).toBe('2022-09-13T02:00:00.000Z');
  });

  it('gives a day, month and year their whole local span', () => {
    const day = uncertaintySpan({ at: '2022-09-15T00:00:00+04:00', precision: 'day', tz: 'Asia/Baku' });
    expect(day.to - day.from).toBe(24 * 3_600_000);
    const month = uncertaintySpan({ at: '2020-11-01T00:00:00+04:00', precision: 'month', tz: 'Asia/Baku' });
    expect(new Date(month.to).toISOString()).toBe('2020-11-30T20:00:00.000Z');
    const year = uncertaintySpan({ at: '1994-01-01T00:00:00+04:00', precision: 'year', tz: 'Asia/Baku' });
    expect(new Date(year.to).toISOString()).toBe('1994-12-31T20:00:00.000Z');
  });

  it('formats year and month precision without inventing a day', () => {
    expect(formatTime({ at: '1994-01-01T00:00:00+04:00', precision: 'year', tz: 'Asia/Baku' }, 'en-GB').local).toBe('1994');
    expect(formatTime({ at: '2020-11-01T00:00:00+04:00', precision: 'month', tz: 'Asia/Baku' }, 'en-GB').local).toBe('November 2020');
  });
});

describe('formatCalendarDay', () => {
  it('writes a day, month or year of the data in the locale', () => {
    expect(formatCalendarDay('2022-09-15', 'en-GB')).toMatch(/^15 Sept? 2022$/);
    expect(formatCalendarDay('2022-09', 'en-GB')).toBe('September 2022');
    expect(formatCalendarDay('2022', 'en-GB')).toBe('2022');
    expect(formatCalendarDay('2022-09-15', 'ar')).toContain('سبتمبر');
    expect(formatCalendarDay('not a date', 'en-GB')).toBe('not a date');
  });
});
