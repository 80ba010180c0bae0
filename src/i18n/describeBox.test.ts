import { describe, expect, it } from 'vitest';
import { describeBox } from './describeBox.ts';
import { ARABIC, ENGLISH } from './locale.ts';

describe('a box in words', () => {
  it('gives latitudes then longitudes, with as many decimals as the box needs', () => {
    expect(describeBox({ west: 44, south: 39.5, east: 45.5, north: 40.5 }, ENGLISH.locale, ENGLISH.t)).toBe('39.5°N–40.5°N, 44°E–45.5°E');
    expect(describeBox({ west: 44.512, south: 40.15, east: 44.55, north: 40.2 }, ENGLISH.locale, ENGLISH.t)).toBe('40.15°N–40.2°N, 44.51°E–44.55°E');
    expect(describeBox({ west: -75.2, south: -34.1, east: 12.9, north: 51.6 }, ENGLISH.locale, ENGLISH.t)).toBe('34°S–52°N, 75°W–13°E');
  });

  it('speaks Arabic in the Arabic UI', () => {
    expect(describeBox({ west: 44, south: 39.5, east: 45.5, north: 40.5 }, ARABIC.locale, ARABIC.t)).toMatch(/شمالًا.*شرقًا/);
  });
});
