import { useEffect } from 'react';
import { useAppStore, usePageOptions } from './StoreContext.tsx';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Keys that work anywhere on the page: "?" opens the keyboard shortcuts (except while typing), and
 * Escape closes the event details (bringing the keyboard back to the timeline when it was inside
 * them), else the import report, else ends a story's presentation (not in an embed, which always
 * shows a step). Open dialogs close themselves on Escape. While a story is presented, Page Up and
 * Page Down move between its steps (the arrow keys stay the timeline's).
 */
export function useGlobalKeys(): void {
  const store = useAppStore();
  const { embed } = usePageOptions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const s = store.getState();
      if (e.key === '?' && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        s.setKeyboardHelpOpen(true);
        return;
      }
      if ((e.key === 'PageDown' || e.key === 'PageUp') && s.presenting !== null && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        const next = s.presenting + (e.key === 'PageDown' ? 1 : -1);
        if (next >= 0 && next < s.story.steps.length) s.present(next);
        return;
      }
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      if (s.selectedId !== null) {
        const inPanel = document.activeElement?.closest('.detail-panel') || document.activeElement === document.body;
        s.select(null);
        if (inPanel) document.getElementById('timeline')?.focus();
      } else if (s.importReport !== null) {
        s.showImportReport(null);
      } else if (s.presenting !== null && !embed) {
        s.present(null);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, embed]);
}
