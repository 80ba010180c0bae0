import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

/** Focuses the presenter's Next button (the presenter moves the focus there when it starts). */
export function focusPresenter(framesLeft = 60): void {
  const next = document.querySelector<HTMLElement>('.step-card.presenter .step-next');
  // The card is loaded when first presented (LazyStepCard): wait for it a few frames.
  if (next) next.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusPresenter(framesLeft - 1));
}

/**
 * "Present": starts presenting the story at `step` (0-based; the first by default). Shown only when
 * the story has steps; while presenting, it takes the keyboard to the presenter.
 */
export function PresentButton({ step = 0 }: { step?: number }) {
  const store = useAppStore();
  const { t } = useUiLocale();
  const steps = useAppState((s) => s.story.steps.length);
  if (steps === 0) return null;
  return (
    <button
      type="button"
      className="present-button"
      title={t.presentTitle}
      onClick={() => {
        if (store.getState().presenting === null) store.getState().present(step);
        else focusPresenter();
      }}
    >
      <span aria-hidden="true">▶</span> {t.present}
    </button>
  );
}
