import { describe, expect, it } from 'vitest';
import { easeInOutCubic, STEP_MOVE_MS, windowDuringMove } from './windowTween.ts';

const DAY = 86_400_000;
const week = { from: Date.UTC(2022, 8, 10), to: Date.UTC(2022, 8, 17) };
const day = { from: Date.UTC(2022, 8, 14), to: Date.UTC(2022, 8, 15) };

describe('the window moving between steps', () => {
  it('eases in and out: still at the ends, half way at half time, and never backwards', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(0.5)).toBe(0.5);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.1)).toBeLessThan(0.1);
    expect(easeInOutCubic(0.9)).toBeGreaterThan(0.9);
    expect(easeInOutCubic(-1)).toBe(0);
    expect(easeInOutCubic(2)).toBe(1);
    let last = -1;
    for (let t = 0; t <= 1; t += 0.01) {
      expect(easeInOutCubic(t)).toBeGreaterThanOrEqual(last);
      last = easeInOutCubic(t);
    }
  });

  it('starts on the step it leaves and ends exactly on the next step’s window', () => {
    expect(windowDuringMove(week, day, 0)).toBe(week);
    expect(windowDuringMove(week, day, STEP_MOVE_MS)).toBe(day);
    expect(windowDuringMove(week, day, STEP_MOVE_MS * 5)).toBe(day);
  });

  it('half way, the centre is half way and the span is the geometric mean (a zoom looks even)', () => {
    const mid = windowDuringMove(week, day, STEP_MOVE_MS / 2);
    expect((mid.from + mid.to) / 2).toBeCloseTo((Date.UTC(2022, 8, 13, 12) + Date.UTC(2022, 8, 14, 12)) / 2, -1);
    expect((mid.to - mid.from) / DAY).toBeCloseTo(Math.sqrt(7), 6);
  });

  it('zooms in steadily: each frame’s span between the two, shrinking', () => {
    let last = Infinity;
    for (let ms = 0; ms <= STEP_MOVE_MS; ms += 16) {
      const w = windowDuringMove(week, day, ms);
      const span = w.to - w.from;
      expect(span).toBeLessThanOrEqual(last);
      expect(span).toBeGreaterThanOrEqual(DAY - 1);
      last = span;
    }
  });

  it('a step with the same window does not move', () => {
    expect(windowDuringMove(day, { ...day }, STEP_MOVE_MS / 3)).toEqual(day);
  });
});
