// Country names and codes as exports write them → ISO 3166-1 alpha-3. ACLED gives a numeric ISO
// code (current layout) or iso3 (older) beside an English name; UCDP gives only a name, sometimes
// with a historical name in brackets: "Russia (Soviet Union)", "DR Congo (Zaire)".
// The package is CommonJS: a default import works under Vite and under Node alike.
import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

const key = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bthe\b/g, '')
    .replace(/[^a-z]/g, '');

/**
 * Spellings in ACLED and UCDP files that the ISO English names do not include. ISO's own names for
 * some are long forms ("Syrian Arab Republic", "Moldova, Republic of"), while GED and ACLED write
 * the short ones: without these, every GED event in Syria was rejected.
 */
const ALIASES: Record<string, string> = {
  Syria: 'SYR',
  Laos: 'LAO',
  Moldova: 'MDA',
  Brunei: 'BRN',
  Micronesia: 'FSM',
  'Federated States of Micronesia': 'FSM',
  'Macedonia, FYR': 'MKD',
  // ISO lists "Congo" for both; GED's "Congo" is the Republic (its DR Congo is "DR Congo (Zaire)").
  Congo: 'COG',
  'Cabo Verde': 'CPV',
  Macau: 'MAC',
  'Falkland Islands': 'FLK',
  'Bailiwick of Guernsey': 'GGY',
  'Bailiwick of Jersey': 'JEY',
  'Caribbean Netherlands': 'BES',
  'Saint Helena, Ascension and Tristan da Cunha': 'SHN',
  'Saint Martin': 'MAF',
  'Sint Maarten': 'SXM',
  'British Virgin Islands': 'VGB',
  'United States Virgin Islands': 'VIR',
  'US Virgin Islands': 'VIR',
  'Holy See': 'VAT',
  'Democratic Republic of Congo': 'COD',
  'DR Congo': 'COD',
  'Republic of Congo': 'COG',
  'Congo, Republic of': 'COG',
  eSwatini: 'SWZ',
  Swaziland: 'SWZ',
  'Bosnia-Herzegovina': 'BIH',
  'Bosnia Herzegovina': 'BIH',
  Burma: 'MMR',
  Kampuchea: 'KHM',
  'United States': 'USA',
  'Russian Federation': 'RUS',
  'Soviet Union': 'RUS',
  'North Macedonia': 'MKD',
  Macedonia: 'MKD',
  'FYR Macedonia': 'MKD',
  'Cape Verde': 'CPV',
  'East Timor': 'TLS',
  'Timor Leste': 'TLS',
  'Vatican City': 'VAT',
  Turkey: 'TUR',
  Turkiye: 'TUR',
  'Serbia (Yugoslavia)': 'SRB',
  Yugoslavia: 'SRB',
  'Yemen (North Yemen)': 'YEM',
  'North Yemen': 'YEM',
  'South Sudan': 'SSD',
  Zaire: 'COD',
  Rhodesia: 'ZWE',
  Malagasy: 'MDG',
  Kosovo: 'XKK',
  'Gaza Strip': 'PSE',
  'West Bank': 'PSE',
  Palestine: 'PSE',
};

let byName: Map<string, string> | null = null;

function nameTable(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const countries = english.countries as Record<string, string | string[]>;
  for (const [alpha2, names] of Object.entries(countries)) {
    const alpha3 = isoCountries.alpha2ToAlpha3(alpha2);
    if (!alpha3) continue;
    for (const name of Array.isArray(names) ? names : [names]) byName.set(key(name), alpha3);
  }
  for (const [name, alpha3] of Object.entries(ALIASES)) byName.set(key(name), alpha3);
  return byName;
}

/** ISO alpha-3 for a code (ARM, 51) or an English name; undefined when it names no country. */
export function countryCode(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (/^\d{1,3}$/.test(t)) return isoCountries.numericToAlpha3(t.padStart(3, '0')) ?? undefined;
  if (/^[A-Z]{3}$/.test(t) && isoCountries.isValid(t)) return t;
  const table = nameTable();
  const direct = table.get(key(t));
  if (direct) return direct;
  // "Russia (Soviet Union)": the name before the brackets, then the one inside them.
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(t);
  if (m) return table.get(key(m[1]!)) ?? table.get(key(m[2]!));
  return undefined;
}
