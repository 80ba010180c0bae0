// The story file's own step navigation: the step's caption and sources, "Step 2 of 5", Previous
// and Next, and Page Up / Page Down (the arrow keys stay the timeline's). Each step's view is put
// in the viewer's store as the app presents a step; the map is left out (the file has no basemap).
import { useEffect } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { showStepView } from '../../store/stepView.ts';
import { safeHref } from '../../story/safeHref.ts';
import { Caption } from './Caption.tsx';

/** A step's view without its map: the file's viewer draws the timeline only. */
export function viewWithoutMap(view: string): string {
  const params = new URLSearchParams(view);
  if (!params.has('map')) return view;
  params.delete('map');
  return params.toString();
}

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The story in the store, from its first step. */
export function StoryViewerSteps() {
  const store = useAppStore();
  const { locale, dir, t } = useUiLocale();
  // The arrows point the way the page reads: back is to the right in Arabic.
  const [back, forward] = dir === 'rtl' ? ['›', '‹'] : ['‹', '›'];
  const story = useAppState((s) => s.story);
  const step = useAppState((s) => s.presenting) ?? 0;
  const total = story.steps.length;
  const current = story.steps[step];

  useEffect(() => {
    if (!current) return;
    const ignored = showStepView(store, viewWithoutMap(current.view));
    if (ignored.length) store.getState().addNotice(t.storyViewerIgnored(ignored.join('; ')));
  }, [store, current, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const { presenting, present } = store.getState();
      const at = presenting ?? 0;
      if (e.key === 'PageDown' && at < total - 1) present(at + 1);
      else if (e.key === 'PageUp' && at > 0) present(at - 1);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, total]);

  if (!current) return null;
  const n = new Intl.NumberFormat(locale);
  const go = (to: number) => store.getState().present(to);
  const sources = current.sources.filter((s) => s.trim() !== '');
  return (
    <div className="story-viewer-step">
      <div className="story-viewer-nav">
        <button type="button" onClick={() => go(step - 1)} disabled={step === 0}>
          <span aria-hidden="true">{`${back} `}</span>
          {t.storyViewerPrevious}
        </button>
        <p className="story-viewer-count" aria-live="polite">
          {t.storyStepOf(n.format(step + 1), n.format(total))}
        </p>
        <button type="button" onClick={() => go(step + 1)} disabled={step >= total - 1}>
          {t.storyViewerNext}
          <span aria-hidden="true">{` ${forward}`}</span>
        </button>
      </div>
      <div className="story-viewer-text" aria-live="polite">
        <Caption source={current.caption} className="story-viewer-caption" />
        {sources.length > 0 && (
          <div className="story-viewer-sources">
            <span>{t.storySources}: </span>
            {sources.map((source, i) => {
              const href = safeHref(source);
              return (
                <span key={i} dir="auto">
                  {i > 0 && ' · '}
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {source}
                    </a>
                  ) : (
                    source
                  )}
                </span>
              );
            })}
          </div>
        )}
      </div>
      <p className="story-viewer-keys">{t.storyViewerKeys}</p>
    </div>
  );
}
