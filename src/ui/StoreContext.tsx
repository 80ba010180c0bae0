import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/store.ts';
import { ENGLISH, type UiLocale } from '../i18n/locale.ts';

export const StoreContext = createContext<AppStore | null>(null);
export const LocaleContext = createContext<UiLocale>(ENGLISH);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreContext.Provider>');
  return store;
}

/** Reads one value from the store; the component re-renders only when that value changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

export const useUiLocale = () => useContext(LocaleContext);
