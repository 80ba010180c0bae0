// The UI language: its words, the Intl locale for dates and numbers, and the page's direction.
import { en, type Messages } from './messages.en.ts';
import { ar } from './messages.ar.ts';

export const UI_LANGS = ['en', 'ar'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export interface UiLocale {
  lang: UiLang;
  /** The Intl locale: en-GB writes "14 Sept 2022, 20:00"; ar uses Arabic month names and digits. */
  locale: string;
  dir: 'ltr' | 'rtl';
  t: Messages;
}

export const ENGLISH: UiLocale = { lang: 'en', locale: 'en-GB', dir: 'ltr', t: en };
export const ARABIC: UiLocale = { lang: 'ar', locale: 'ar', dir: 'rtl', t: ar };

const LOCALES: Record<UiLang, UiLocale> = { en: ENGLISH, ar: ARABIC };

/** One object per language, so that a change of language is an identity change. */
export const uiLocaleOf = (lang: UiLang): UiLocale => LOCALES[lang];

export const isUiLang = (value: string): value is UiLang => (UI_LANGS as readonly string[]).includes(value);

/**
 * The `lang` parameter when given; otherwise the first of the browser's languages that the UI
 * speaks ("ar-EG" → ar); otherwise English.
 */
export function chooseUiLang(param: UiLang | null, browserLanguages: readonly string[]): UiLang {
  if (param) return param;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isUiLang(base)) return base;
  }
  return 'en';
}
