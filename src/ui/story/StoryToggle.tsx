import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

/** The toolbar's "Story" toggle: opens or closes the Story panel. */
export function StoryToggle() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const open = useAppState((s) => s.storyPanelOpen);
  return (
    <button type="button" className="map-toggle story-toggle" aria-pressed={open} title={t.storyToggleTitle} onClick={() => store.getState().setStoryPanelOpen(!open)}>
      {t.storyToggle}
    </button>
  );
}
