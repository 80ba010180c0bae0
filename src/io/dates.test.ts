import { describe, expect, it } from 'vitest';
import { dayOrderNote, dayOrderOf, notADateReason, readDate } from './dates.ts';

describe('the order of a file’s numeric dates', () => {
  it('is month first where a date can only be read so, and none only day first', () => {
    expect(dayOrderOf(['9/10/2022', '9/13/2022', '2022-09-14'])).toEqual({ order: 'month-first', told: true, numeric: true, example: '9/13/2022' });
    expect(dayOrderOf(['9/10/2022', '13/9/2022'])).toEqual({ order: 'day-first', told: true, numeric: true, example: '13/9/2022' });
    expect(dayOrderOf(['9/10/2022', '10.9.22'])).toEqual({ order: 'day-first', told: false, numeric: true });
    expect(dayOrderOf(['2022-09-13', '13 September 2022'])).toEqual({ order: 'day-first', told: false, numeric: false });
  });

  it('reads a numeric date in the order given, and says why one is no date in it', () => {
    expect(readDate('9/13/2022', 'month-first')).toMatchObject({ ok: true, date: { year: 2022, month: 9, day: 13 } });
    expect(readDate('9/10/2022', 'month-first')).toMatchObject({ ok: true, date: { year: 2022, month: 9, day: 10 } });
    expect(readDate('9/10/2022')).toMatchObject({ ok: true, date: { year: 2022, month: 10, day: 9 } });
    const us = dayOrderOf(['9/13/2022']);
    expect(notADateReason('13/9/2022', us)).toBe("is not a date month first, as the file's other dates are written (9/13/2022)");
    expect(notADateReason('31/31/2022', us)).toBe('is not a date');
    expect(dayOrderNote('event_date', us)).toMatch(/^event_date has its dates month first \(9\/13\/2022\)/);
    expect(dayOrderNote('event_date', dayOrderOf(['13/9/2022']))).toBeNull();
    expect(dayOrderNote('Date', dayOrderOf(['1/2/2022']))).toMatch(/^Date has dates written with numbers alone, .* read day first$/);
  });
});
