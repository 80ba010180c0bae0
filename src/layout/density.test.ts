import { describe, expect, it } from 'vitest';
import { densityBinCount, resampleBins } from './density.ts';

describe('resampleBins', () => {
  it('gives the same counts for the same window and bins', () => {
    expect(Array.from(resampleBins([1, 2, 3, 4], 0, 40, 0, 40, 4))).toEqual([1, 2, 3, 4]);
  });

  it('moves counts onto a zoomed-in window, dropping what falls outside', () => {
    expect(Array.from(resampleBins([1, 2, 3, 4], 0, 40, 10, 30, 4))).toEqual([0, 2, 0, 3]);
  });

  it('adds counts up when zooming out', () => {
    expect(Array.from(resampleBins([1, 2, 3, 4], 0, 40, 0, 80, 2))).toEqual([10, 0]);
  });

  it('densityBinCount: one bin per 3 px, at least one', () => {
    expect(densityBinCount(900)).toBe(300);
    expect(densityBinCount(1000)).toBe(334);
    expect(densityBinCount(0)).toBe(1);
  });
});
