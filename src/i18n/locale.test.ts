import { describe, expect, it } from 'vitest';
import { chooseUiLang, uiLocaleOf } from './locale.ts';
import { en } from './messages.en.ts';
import { ar } from './messages.ar.ts';

describe('the UI language', () => {
  it('follows the lang parameter over the browser', () => {
    expect(chooseUiLang('ar', ['en-GB', 'en'])).toBe('ar');
    expect(chooseUiLang('en', ['ar-EG'])).toBe('en');
  });
  it('otherwise takes the first browser language the UI speaks', () => {
    expect(chooseUiLang(null, ['fr-FR', 'ar-EG', 'en'])).toBe('ar');
    expect(chooseUiLang(null, ['de', 'en-US'])).toBe('en');
    expect(chooseUiLang(null, ['fr'])).toBe('en');
    expect(chooseUiLang(null, [])).toBe('en');
  });
  it('is right to left in Arabic, with Arabic words', () => {
    expect(uiLocaleOf('ar').dir).toBe('rtl');
    expect(uiLocaleOf('en').dir).toBe('ltr');
    expect(uiLocaleOf('ar').t.showAll).toBe('عرض الكل');
  });
  it('has an Arabic string for every English key, and no English left in the Arabic words', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    // Keys whose Arabic legitimately holds Latin text: the other language's name, key names, formats.
    const latinAllowed = new Set(['switchLanguage', 'switchLanguageLabel', 'switchLanguageLang', 'keys', 'searchPlaceholder', 'wheelHint', 'exportSvg', 'exportPng', 'exportCsv', 'exportJson', 'exportParquet', 'exportGeoJson', 'selectedPressCopy', 'keyboardHelpIntro', 'filesWarning', 'mapColumnsIntro', 'downloadReport', 'mapSelectAreaTitle', 'mapSelectAreaActive', 'mapAttribution', 'storyViewerKeys']);
    // --- story: presenter: key names (Page Up, Page Down, Escape), and http(s) ---
    for (const key of ['stepPreviousTitle', 'stepNextTitle', 'presentEndTitle', 'presenterKeys', 'storyTooLong']) latinAllowed.add(key);
    for (const [key, value] of Object.entries(ar)) {
      if (latinAllowed.has(key) || typeof value !== 'string') continue;
      expect(value, key).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
