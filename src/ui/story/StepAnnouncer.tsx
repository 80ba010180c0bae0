import { useEffect, useState } from 'react';
import { useAppState, useUiLocale } from '../StoreContext.tsx';

/**
 * Says each step as the presentation reaches it: "Step 2 of 5: <caption as plain text>". Always in
 * the page, so that the first step is heard too (a live region must exist before its text changes).
 */
export function StepAnnouncer() {
  const { t, locale } = useUiLocale();
  const presenting = useAppState((s) => s.presenting);
  const count = useAppState((s) => s.story.steps.length);
  const caption = useAppState((s) => (s.presenting === null ? null : (s.story.steps[s.presenting]?.caption ?? null)));
  const [text, setText] = useState('');
  useEffect(() => {
    if (presenting === null || caption === null) return setText('');
    let current = true;
    // The caption's reader comes with the step card, not with the page.
    void import('../../story/caption.ts').then(({ captionText }) => {
      const n = new Intl.NumberFormat(locale);
      if (current) setText(t.stepAnnounce(n.format(presenting + 1), n.format(count), captionText(caption)));
    });
    return () => {
      current = false;
    };
  }, [presenting, count, caption, t, locale]);
  return (
    <div className="visually-hidden step-announcer" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
