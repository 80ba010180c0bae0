// "Print story": the story laid out for paper, one page per step (the step's number and the
// story's title, its caption, its picture and its sources), printed at once and then taken away.
// It lives in the app rather than in the exported file, so that printing needs no download, no
// second window (which a popup blocker may stop) and uses the page's own fonts. The pictures are
// the file's (inlineSvg: ids unique to each step), parsed as XML, never as HTML.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { inlineSvg } from '../../export/storyHtml.ts';
import { storyTitle } from '../../export/storyFile.ts';
import { safeHref } from '../../story/safeHref.ts';
import { Caption } from './Caption.tsx';

/** While this class is on <html>, the print stylesheet prints the story instead of the view. */
const PRINTING_CLASS = 'printing-story';

function StepPicture({ svg, idPrefix }: { svg: string; idPrefix: string }) {
  const holderRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const doc = new DOMParser().parseFromString(inlineSvg(svg, idPrefix), 'image/svg+xml');
    holderRef.current?.replaceChildren(document.importNode(doc.documentElement, true));
  }, [svg, idPrefix]);
  return <div ref={holderRef} className="story-print-picture" />;
}

/** Prints the story with `pictures` (one per step), then calls onDone. */
export function StoryPrint({ pictures, onDone }: { pictures: string[]; onDone(): void }) {
  const store = useAppStore();
  const ui = useUiLocale();
  const steps = useAppState((s) => s.story.steps);
  const title = storyTitle(store, ui);
  const n = new Intl.NumberFormat(ui.locale);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add(PRINTING_CLASS);
    const done = () => {
      root.classList.remove(PRINTING_CLASS);
      onDone();
    };
    window.addEventListener('afterprint', done, { once: true });
    // After this render's pictures are in place (their effects ran first).
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
      root.classList.remove(PRINTING_CLASS);
    };
  }, [onDone]);

  return createPortal(
    <div className="story-print" lang={ui.lang} dir={ui.dir}>
      {steps.map((step, i) => {
        const sources = step.sources.filter((s) => s.trim() !== '');
        return (
          <article key={step.id} className="story-print-step">
            <h2>
              {ui.t.storyStepOf(n.format(i + 1), n.format(steps.length))} <span dir="auto">· {title}</span>
            </h2>
            <Caption source={step.caption} />
            {pictures[i] && <StepPicture svg={pictures[i]} idPrefix={`print-step${i + 1}-`} />}
            {sources.length > 0 && (
              <div className="story-print-sources">
                <h3>{ui.t.storySources}</h3>
                <ul>
                  {sources.map((source, j) => {
                    const href = safeHref(source);
                    return (
                      <li key={j} dir="auto">
                        {href ? <a href={href}>{source}</a> : source}
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
          </article>
        );
      })}
    </div>,
    document.body,
  );
}
