import { describe, expect, it } from 'vitest';
import { countryCode } from './countryCodes.ts';

describe('countryCode', () => {
  it('reads the country names UCDP GED writes, its historical names in brackets among them', () => {
    const ged = {
      Syria: 'SYR',
      Laos: 'LAO',
      Moldova: 'MDA',
      'Macedonia, FYR': 'MKD',
      Congo: 'COG',
      'DR Congo (Zaire)': 'COD',
      'Kingdom of eSwatini (Swaziland)': 'SWZ',
      'Cambodia (Kampuchea)': 'KHM',
      'Myanmar (Burma)': 'MMR',
      'Vietnam (North Vietnam)': 'VNM',
      'Bosnia-Herzegovina': 'BIH',
      'Ivory Coast': 'CIV',
      'United States of America': 'USA',
      Iran: 'IRN',
      Gambia: 'GMB',
      Kyrgyzstan: 'KGZ',
    };
    expect(Object.fromEntries(Object.keys(ged).map((name) => [name, countryCode(name)]))).toEqual(ged);
  });

  it('reads the short names ACLED writes for countries and territories that ISO names at length', () => {
    const acled = {
      Brunei: 'BRN',
      Micronesia: 'FSM',
      'Falkland Islands': 'FLK',
      'Bailiwick of Guernsey': 'GGY',
      'Bailiwick of Jersey': 'JEY',
      'Caribbean Netherlands': 'BES',
      'Saint Helena, Ascension and Tristan da Cunha': 'SHN',
      'Saint-Martin': 'MAF',
      'Sint Maarten': 'SXM',
      'Saint-Barthelemy': 'BLM',
      'British Virgin Islands': 'VGB',
      'Democratic Republic of Congo': 'COD',
      'Republic of Congo': 'COG',
      eSwatini: 'SWZ',
      'Vatican City': 'VAT',
      Palestine: 'PSE',
      Kosovo: 'XKK',
    };
    expect(Object.fromEntries(Object.keys(acled).map((name) => [name, countryCode(name)]))).toEqual(acled);
  });

  it('reads alpha-3 and numeric codes, and names no country for text that is not one', () => {
    expect([countryCode('SYR'), countryCode('760'), countryCode('51'), countryCode(' Armenia ')]).toEqual(['SYR', 'SYR', 'ARM', 'ARM']);
    expect([countryCode(''), countryCode('Atlantis'), countryCode('XYZ'), countryCode('999')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
