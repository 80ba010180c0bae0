import { describe, expect, it } from 'vitest';
import { describeArea } from './describeArea.ts';
import { en } from './messages.en.ts';
import { ar } from './messages.ar.ts';
import { describeFilters } from './describeFilters.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { NO_FILTERS } from '../table/filter.ts';

describe('the area filter in words', () => {
  it('says the box as latitudes then longitudes, one decimal for a box a degree or more across', () => {
    expect(describeArea({ west: 44, south: 39.5, east: 45.5, north: 40.5 }, 'en-GB', en)).toBe('Area: 39.5–40.5°N, 44.0–45.5°E');
  });

  it('gives as many decimals as the box needs to tell its edges apart', () => {
    expect(describeArea({ west: 44.4512, south: 40.1502, east: 44.5731, north: 40.2204 }, 'en-GB', en)).toBe('Area: 40.150–40.220°N, 44.45–44.57°E');
    expect(describeArea({ west: 44.51, south: 40.18, east: 44.5104, north: 40.1803 }, 'en-GB', en)).toBe('Area: 40.1800–40.1803°N, 44.5100–44.5104°E');
  });

  it('names the hemispheres: south and west, and boxes across the equator or Greenwich', () => {
    expect(describeArea({ west: -10, south: -20, east: -5, north: -10 }, 'en-GB', en)).toBe('Area: 10.0–20.0°S, 5.0–10.0°W');
    expect(describeArea({ west: -3.5, south: -5, east: 2, north: 10 }, 'en-GB', en)).toBe('Area: 5.0°S–10.0°N, 3.5°W–2.0°E');
  });

  it('speaks Arabic, with the locale’s digits and Arabic directions', () => {
    const text = describeArea({ west: 44, south: 39.5, east: 45.5, north: 40.5 }, 'ar', ar);
    // The digits are whatever the ICU in use gives for "ar" (Arabic-Indic in some versions, Latin in others).
    const d = (v: number) => new Intl.NumberFormat('ar', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
    expect(text).toBe(`المنطقة: ${d(39.5)}–${d(40.5)}° شمالًا، ${d(44)}–${d(45.5)}° شرقًا`);
  });

  it('is a chip among the filters, which removes the area alone', () => {
    const table = buildEventTable({ events: [], actors: [] });
    const area = { west: 44, south: 39.5, east: 45.5, north: 40.5 };
    const chips = describeFilters({ ...NO_FILTERS, types: ['clash'], area }, table, 'en', 'en-GB', en);
    expect(chips.map((c) => c.label)).toEqual(['Type: Clash', 'Area: 39.5–40.5°N, 44.0–45.5°E']);
    expect(chips[1]!.remove).toEqual({ area: null });
    expect(describeFilters(NO_FILTERS, table, 'en', 'en-GB', en)).toEqual([]);
  });
});
