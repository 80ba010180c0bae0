// The step on screen: its place in the story ("2 of 5"), its caption and sources, and Previous and
// Next (and End, in the app). The presenter docks it under the view; a story's embed shows it
// below the timeline. Nothing from a caption or a source is ever set as HTML.
import { useId } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { Caption } from './Caption.tsx';
import { StepSources } from './StepSources.tsx';


export function StepCard({ variant }: { variant: 'presenter' | 'embed' }) {
  const store = useAppStore();
  const { t, locale, dir } = useUiLocale();
  const headingId = useId();
  const story = useAppState((s) => s.story);
  const index = useAppState((s) => s.presenting);
  const step = index === null ? undefined : story.steps[index];
  if (index === null || !step) return null;
  const n = new Intl.NumberFormat(locale);
  const first = index === 0;
  const last = index === story.steps.length - 1;
  // aria-disabled rather than disabled: the button keeps the focus at either end of the story.
  const go = (to: number) => {
    if (to >= 0 && to < store.getState().story.steps.length) store.getState().present(to);
  };
  const back = dir === 'rtl' ? '→' : '←';
  const forth = dir === 'rtl' ? '←' : '→';
  return (
    <section className={`step-card ${variant}`} aria-labelledby={headingId}>
      <div className="step-card-head">
        <h2 id={headingId} dir="auto">
          {story.title || t.storyUntitled}
        </h2>
        <p className="step-count">{t.stepOf(n.format(index + 1), n.format(story.steps.length))}</p>
        <div className="step-buttons" role="group" aria-label={t.stepButtons}>
          <button type="button" className="step-previous" aria-disabled={first} title={t.stepPreviousTitle} onClick={() => go(index - 1)}>
            <span aria-hidden="true">{back}</span> {t.stepPrevious}
          </button>
          <button type="button" className="step-next" aria-disabled={last} title={t.stepNextTitle} onClick={() => go(index + 1)}>
            {t.stepNext} <span aria-hidden="true">{forth}</span>
          </button>
          {variant === 'presenter' && (
            <button type="button" className="step-end" title={t.presentEndTitle} onClick={() => store.getState().present(null)}>
              {t.presentEnd}
            </button>
          )}
        </div>
      </div>
      <Caption source={step.caption} className="step-caption" />
      <StepSources sources={step.sources} />
      {variant === 'presenter' && <p className="step-keys">{t.presenterKeys}</p>}
    </section>
  );
}
