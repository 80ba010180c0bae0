import { describe, expect, it } from 'vitest';
import { layoutAxis } from './ticks.ts';

const H = 3_600_000;

describe('layoutAxis', () => {
  it('adapts its ticks from decades down to hours and minutes', () => {
    const at = (from: number, spanMs: number) => layoutAxis(from, from + spanMs, 1000, 'en-GB').unit;
    const t0 = Date.UTC(2022, 8, 13);
    expect(at(Date.UTC(1990, 0, 1), 35 * 365 * 24 * H)).toBe('year');
    expect(at(t0, 365 * 24 * H)).toBe('month');
    expect(at(t0, 20 * 24 * H)).toBe('day');
    expect(at(t0, 24 * H)).toBe('hour');
    expect(at(t0, H)).toBe('minute');
  });

  it('labels hours as 24-hour clock times and names the day at midnight', () => {
    const from = Date.UTC(2022, 8, 14, 12);
    const axis = layoutAxis(from, from + 24 * H, 1000, 'en-GB');
    expect(axis.ticks.map((t) => t.label)).toContain('15:00');
    expect(axis.ticks.map((t) => t.label)).toContain('15 Sept');
    expect(axis.context).toBe('Wed, 14 Sept 2022 – Thu, 15 Sept 2022');
  });

  it('places ticks inside the width in time order, at least the minimum spacing apart', () => {
    const from = Date.UTC(1994, 0, 1);
    const axis = layoutAxis(from, Date.UTC(2023, 0, 1), 900, 'en-GB', 80);
    for (let i = 1; i < axis.ticks.length; i++) {
      expect(axis.ticks[i]!.x - axis.ticks[i - 1]!.x).toBeGreaterThanOrEqual(75);
    }
    expect(axis.ticks.every((t) => t.x >= 0 && t.x <= 900)).toBe(true);
  });
});
