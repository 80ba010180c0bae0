/** The UI language and the Intl locale used for dates and numbers. */
export interface UiLocale {
  lang: 'en';
  locale: string;
  dir: 'ltr' | 'rtl';
}

export const ENGLISH: UiLocale = { lang: 'en', locale: 'en-GB', dir: 'ltr' };
