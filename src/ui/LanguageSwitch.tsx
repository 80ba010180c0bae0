import { useAppStore, useUiLocale } from './StoreContext.tsx';

/** The other language, named in itself ("العربية" on the English page, "English" on the Arabic one). */
export function LanguageSwitch() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const other = t.switchLanguageLang === 'ar' ? 'ar' : 'en';
  return (
    <button type="button" className="language-switch" lang={other} onClick={() => store.getState().setLang(other)}>
      {t.switchLanguage}
    </button>
  );
}
