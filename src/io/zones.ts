// The local time zone of a place, for data that gives only a date and a country. A country with
// one zone gets it; a country with several gets the one whose standard offset is nearest to the
// place's longitude (lon / 15 hours), and the first listed when there is no longitude.
import { getCountry, getTimezone } from 'countries-and-timezones';
// The package is CommonJS: a default import works under Vite and under Node alike.
import isoCountries from 'i18n-iso-countries';
import type { CalendarDate } from './dates.ts';

/** A country's zones (alpha-3 code); none for an unknown country. */
export function zonesOfCountry(iso3: string | undefined): readonly string[] {
  const alpha2 = iso3 ? isoCountries.alpha3ToAlpha2(iso3) : undefined;
  return alpha2 ? (getCountry(alpha2)?.timezones ?? []) : [];
}

export function zoneForPlace(iso3: string | undefined, lon: number | undefined): string {
  const zones = zonesOfCountry(iso3);
  if (zones.length === 0) return 'UTC';
  if (zones.length === 1 || lon === undefined) return zones[0]!;
  const target = (lon / 15) * 60;
  let best = zones[0]!;
  let bestDistance = Infinity;
  for (const zone of zones) {
    const offset = getTimezone(zone)?.utcOffset ?? 0;
    const distance = Math.abs(offset - target);
    if (distance < bestDistance) {
      best = zone;
      bestDistance = distance;
    }
  }
  return best;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const midnights = new Map<string, Map<number, string>>();

/** The zone's offset from UTC at an instant, as "+04:00". */
export function offsetAt(zone: string, instant: number): string {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** The first instant of a local calendar day, written with its offset: 2022-09-15T00:00:00+04:00. */
export function localMidnight(date: CalendarDate, zone: string): string {
  // By zone, then day as a number: a text key for each row cost more than the lookup.
  let ofZone = midnights.get(zone);
  if (!ofZone) midnights.set(zone, (ofZone = new Map()));
  const key = (date.year * 100 + date.month) * 100 + date.day;
  const cached = ofZone.get(key);
  if (cached) return cached;
  const day = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  // The offset at local noon is the day's offset except on the rare days that change it at midnight.
  const noonUtc = Date.UTC(date.year, date.month - 1, date.day, 12);
  let offset = offsetAt(zone, noonUtc);
  const midnightUtc = Date.parse(`${day}T00:00:00${offset}`);
  const atMidnight = offsetAt(zone, midnightUtc);
  if (atMidnight !== offset) offset = atMidnight;
  const text = `${day}T00:00:00${offset}`;
  ofZone.set(key, text);
  return text;
}
