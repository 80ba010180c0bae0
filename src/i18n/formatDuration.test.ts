import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.ts';

describe('a length of time in words', () => {
  it('says seconds, then minutes and seconds, rounding up', () => {
    expect(formatDuration(41_200, 'en-GB')).toBe('42 secs');
    expect(formatDuration(340_000, 'en-GB')).toBe('5 mins 40 secs');
    expect(formatDuration(60_000, 'en-GB')).toBe('1 min');
    expect(formatDuration(10, 'en-GB')).toBe('1 sec');
  });

  it('speaks Arabic in Arabic', () => {
    expect(formatDuration(42_000, 'ar')).toBe('42 ث');
    expect(formatDuration(65_000, 'ar')).toBe('1 د 5 ث');
  });
});
