import { captionText } from '../../story/caption.ts';
import { useAppState, useUiLocale } from '../StoreContext.tsx';

/**
 * Says each step as the presentation reaches it: "Step 2 of 5: <caption as plain text>". Always in
 * the page, so that the first step is heard too (a live region must exist before its text changes).
 */
export function StepAnnouncer() {
  const { t, locale } = useUiLocale();
  const text = useAppState((s) => {
    const step = s.presenting === null ? undefined : s.story.steps[s.presenting];
    if (s.presenting === null || !step) return '';
    const n = new Intl.NumberFormat(locale);
    return t.stepAnnounce(n.format(s.presenting + 1), n.format(s.story.steps.length), captionText(step.caption));
  });
  return (
    <div className="visually-hidden step-announcer" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
