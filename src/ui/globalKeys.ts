import { useEffect } from 'react';
import { useAppStore } from './StoreContext.tsx';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Keys that work anywhere on the page: "?" opens the keyboard shortcuts (except while typing), and
 * Escape closes the event details (bringing the keyboard back to the timeline when it was inside
 * them), else the import report. Open dialogs close themselves on Escape.
 */
export function useGlobalKeys(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const s = store.getState();
      if (e.key === '?' && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        s.setKeyboardHelpOpen(true);
        return;
      }
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      if (s.selectedId !== null) {
        const inPanel = document.activeElement?.closest('.detail-panel') || document.activeElement === document.body;
        s.select(null);
        if (inPanel) document.getElementById('timeline')?.focus();
      } else if (s.importReport !== null) {
        s.showImportReport(null);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}
