import { useEffect, useRef } from 'react';
import { useAppState } from '../StoreContext.tsx';
import { LazyStepCard } from './LazyStepCard.tsx';
import { StepAnnouncer } from './StepAnnouncer.tsx';
import { focusPresenter } from './PresentButton.tsx';

/**
 * The presenter: the step's card docked at the bottom of the main column, over the view's lower part
 * (the timeline and map stay in sight and in use), not a dialog. Started from a Present button, it
 * takes the keyboard to Next; when it ends with the keyboard in it, the keyboard goes back to where
 * it was (the Present button), else to the timeline.
 */
export function Presenter() {
  const presenting = useAppState((s) => s.presenting !== null);
  const dockRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  /** Whether the keyboard was last in the card: a removed button's focus leaves no trace otherwise. */
  const focusInCard = useRef(false);

  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      focusInCard.current = !!dockRef.current?.contains(e.target as Node);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    if (presenting) {
      const active = document.activeElement;
      returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
      if (active?.closest('.present-button')) focusPresenter();
    } else if (focusInCard.current) {
      focusInCard.current = false;
      const target = returnTo.current?.isConnected ? returnTo.current : document.getElementById('timeline');
      target?.focus();
    }
  }, [presenting]);

  return (
    <div ref={dockRef} className={`presenter-dock${presenting ? ' open' : ''}`}>
      <StepAnnouncer />
      {presenting && <LazyStepCard variant="presenter" />}
    </div>
  );
}
