// The package is CommonJS: a default import works under Vite and under Node alike.
import isoCountries from 'i18n-iso-countries';

/** "Armenia" for ARM, in the given locale (Intl knows the names; the data uses alpha-3 codes). */
export function countryName(alpha3: string, locale: string): string {
  const alpha2 = isoCountries.alpha3ToAlpha2(alpha3);
  if (!alpha2) return alpha3;
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(alpha2) ?? alpha3;
  } catch {
    return alpha3;
  }
}
