import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/store.ts';
import { uiLocaleOf, type UiLocale } from '../i18n/locale.ts';
import { DEFAULT_PAGE_OPTIONS, type PageOptions } from '../store/pageOptions.ts';
import type { ImportSession } from './import/importSession.ts';

export const StoreContext = createContext<AppStore | null>(null);
/** How the page is shown: full app or embed, and its theme. Fixed for the page's life. */
export const PageContext = createContext<PageOptions>(DEFAULT_PAGE_OPTIONS);
/** The app's imports (see importSession.ts): one per app, as the store is. */
export const ImportSessionContext = createContext<ImportSession | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreContext.Provider>');
  return store;
}

export function useImportSession(): ImportSession {
  const session = useContext(ImportSessionContext);
  if (!session) throw new Error('useImportSession needs an <ImportSessionContext.Provider>');
  return session;
}

/** Reads one value from the store; the component re-renders only when that value changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** The UI language's words, Intl locale and direction, from the store's `lang`. */
export const useUiLocale = (): UiLocale => uiLocaleOf(useAppState((s) => s.lang));
export const usePageOptions = () => useContext(PageContext);
