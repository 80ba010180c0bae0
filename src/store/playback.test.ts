import { describe, expect, it } from 'vitest';
import { DAY, HOUR, YEAR } from '../model/brand.ts';
import { beginRun, changeRun, DATA_PER_SECOND, END_MARGIN, loopRun, playbackFrame, runDuration, type PlaybackRun } from './playback.ts';

const at = (iso: string) => Date.parse(iso);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 16);
/** Data from 1 Jan 2022 to 1 Jan 2023. */
const extent = { from: at('2022-01-01T00:00Z'), to: at('2023-01-01T00:00Z') };
const fourDays = { from: at('2022-09-12T00:00Z'), to: at('2022-09-16T00:00Z') };

describe('playback through time', () => {
  it('moves a sliding window forward by the speed times the real time, keeping its width', () => {
    const run = beginRun('sliding', 'hour', fourDays, extent);
    expect(run.origin).toBe(fourDays);
    const { window, done } = playbackFrame(run, 2500);
    expect(window.from - fourDays.from).toBe(2.5 * HOUR);
    expect(window.to - window.from).toBe(4 * DAY);
    expect(done).toBe(false);
    expect(playbackFrame(run, 0).window).toBe(fourDays);
  });

  it('plays an hour, a day, a week or a month of data per second', () => {
    for (const [speed, ms] of [['hour', HOUR], ['day', DAY], ['week', 7 * DAY], ['month', 30.436875 * DAY]] as const) {
      const run = beginRun('sliding', speed, fourDays, extent);
      expect(playbackFrame(run, 1000).window.to - fourDays.to).toBeCloseTo(ms, 3);
    }
  });

  it('counts a month as the mean Gregorian month, so that twelve seconds at a month per second are a year', () => {
    expect(DATA_PER_SECOND.month * 12).toBeCloseTo(YEAR, 6);
    const start = { from: at('2022-01-01T00:00Z'), to: at('2022-01-11T00:00Z') };
    const run = beginRun('sliding', 'month', start, { from: extent.from, to: at('2030-01-01T00:00Z') });
    // February is short: two seconds from 1 January reach 2 March, not 1 March (steady, not calendar, months).
    expect(day(playbackFrame(run, 2000).window.from)).toBe('2022-03-02T20:58');
    expect(day(playbackFrame(run, 12_000).window.from)).toBe('2023-01-01T05:49');
  });

  it('stops at the end of the data, with the last instant a margin inside the right edge', () => {
    const run = beginRun('sliding', 'week', { from: at('2022-12-01T00:00Z'), to: at('2022-12-11T00:00Z') }, extent);
    const duration = runDuration(run);
    const end = playbackFrame(run, duration);
    expect(end.done).toBe(true);
    expect(end.window.to - extent.to).toBeCloseTo(END_MARGIN * 10 * DAY, 0);
    expect(playbackFrame(run, duration + 60_000).window).toEqual(end.window);
    expect(playbackFrame(run, duration - 50).done).toBe(false);
    // From 11 Dec to 1 Jan and half a day more, at a week per second: about three seconds.
    expect(duration).toBeCloseTo(((21.5 * DAY) / (7 * DAY)) * 1000, 0);
  });

  it('starts a sliding window over from the data’s start, keeping its width, when it is already at the end', () => {
    const late = { from: at('2022-12-30T00:00Z'), to: at('2023-01-03T00:00Z') };
    const run = beginRun('sliding', 'day', late, extent);
    expect(run.origin.to - run.origin.from).toBe(4 * DAY);
    expect(run.origin.from).toBe(extent.from - END_MARGIN * 4 * DAY);
    expect(runDuration(run)).toBeGreaterThan(300_000);
  });

  it('starts a cumulative window at the data’s start and grows its end, its start fixed', () => {
    const run = beginRun('cumulative', 'day', fourDays, extent);
    expect(run.origin).toEqual({ from: extent.from - DAY / 4, to: extent.from + DAY });
    const later = playbackFrame(run, 10_000).window;
    expect(later.from).toBe(run.origin.from);
    expect(later.to).toBe(extent.from + 11 * DAY);
    const end = playbackFrame(run, runDuration(run));
    expect(end.done).toBe(true);
    // At the end, the whole of the data is in view with the same margin on the right.
    expect((end.window.to - extent.to) / (end.window.to - end.window.from)).toBeCloseTo(END_MARGIN, 9);
  });

  it('never makes a cumulative window shorter than the shortest zoom (an hour)', () => {
    const run = beginRun('cumulative', 'hour', fourDays, extent);
    expect(run.origin.to - run.origin.from).toBeGreaterThanOrEqual(HOUR);
  });

  it('loops back to the data’s start: a sliding window keeps its width, a cumulative one starts small again', () => {
    const sliding = beginRun('sliding', 'day', fourDays, extent);
    expect(loopRun(sliding).origin).toEqual({ from: extent.from - END_MARGIN * 4 * DAY, to: extent.from - END_MARGIN * 4 * DAY + 4 * DAY });
    const cumulative = beginRun('cumulative', 'week', fourDays, extent);
    const moved: PlaybackRun = { ...cumulative, origin: playbackFrame(cumulative, 5000).window };
    expect(loopRun(moved).origin).toEqual(cumulative.origin);
  });

  it('carries on from the current window when the speed changes, and goes back to the start when it turns cumulative', () => {
    const run = beginRun('sliding', 'hour', fourDays, extent);
    const now = playbackFrame(run, 3000).window;
    const faster = changeRun(run, 'sliding', 'week', now);
    expect(faster.origin).toBe(now);
    expect(playbackFrame(faster, 1000).window.from - now.from).toBe(7 * DAY);
    expect(changeRun(run, 'cumulative', 'hour', now).origin.from).toBe(extent.from - HOUR / 4);
  });

  it('ends at once when the window shows more than all of the data', () => {
    const wide = { from: at('2021-01-01T00:00Z'), to: at('2024-01-01T00:00Z') };
    const run = beginRun('sliding', 'month', wide, extent);
    expect(runDuration(run)).toBe(0);
    expect(playbackFrame(run, 0).done).toBe(true);
  });
});
