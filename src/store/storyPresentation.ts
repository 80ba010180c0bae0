// Presenting a story: when the step presented changes (the store's `presenting`), its view is
// applied. Filters, lanes, selection and map change at once; the time window jumps on entering the
// presentation and glides between steps (STEP_MOVE_MS, eased), or jumps under
// prefers-reduced-motion. The address names the step presented (`step=N`), so that each step is a
// permalink, and Back and Forward follow it.
import type { AppStore } from './store.ts';
import { dataExtentOf } from './store.ts';
import { initialWindow, type TimeWindow } from './window.ts';
import { stepViewOf } from './stepView.ts';
import { windowDuringMove } from './windowTween.ts';
import { parseStepParam, searchWithStep, stepIndexIn } from '../story/stepParam.ts';
import { uiLocaleOf } from '../i18n/locale.ts';

export interface PresentationOptions {
  /** Whether the address follows the step: not in an embed, whose history is the host page's Back button. */
  writeAddress: boolean;
}

/** The step the address names (0-based), when the story has it. */
function stepInAddress(search: string, store: AppStore): number | null {
  const text = new URLSearchParams(search).get('step');
  if (text === null) return null;
  const parsed = parseStepParam(text);
  if ('problem' in parsed) return null;
  const found = stepIndexIn(parsed.step, store.getState().story);
  return 'index' in found ? found.index : null;
}

export function startStoryPresentation(store: AppStore, win: Window, options: PresentationOptions): () => void {
  let frame: number | null = null;
  /** True while the store follows the address (Back, Forward): the address already holds the view. */
  let followingAddress = false;
  /** Steps whose view had parts the data cannot show, told once each (by id and view). */
  const told = new Set<string>();

  const stopMove = () => {
    if (frame !== null) win.cancelAnimationFrame(frame);
    frame = null;
  };
  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

  const moveWindow = (target: TimeWindow, glide: boolean) => {
    stopMove();
    const start = store.getState().window;
    if (!glide || reducedMotion() || (start.from === target.from && start.to === target.to)) {
      store.getState().setWindow(target, 'replace');
      return;
    }
    let began: number | null = null;
    let last = start;
    const tick = (now: number) => {
      frame = null;
      // The reader zoomed or panned meanwhile: their move wins, and the glide stops there.
      if (store.getState().window !== last) return;
      began ??= now;
      const next = windowDuringMove(start, target, now - began);
      store.getState().setWindow(next, 'replace');
      last = store.getState().window;
      if (next !== target) frame = win.requestAnimationFrame(tick);
    };
    frame = win.requestAnimationFrame(tick);
  };

  const show = (index: number, glide: boolean) => {
    const state = store.getState();
    const step = state.story.steps[index];
    if (!step) return;
    const { view, ignored } = stepViewOf(store, step.view);
    const target = view.window ?? initialWindow(dataExtentOf(state));
    // All but the window at once; `replace`: the step takes the place of the entry the address has.
    state.applyUrlView({ ...view, window: state.window }, 'replace');
    moveWindow(target, glide);
    const key = `${step.id}\n${step.view}`;
    if (ignored.length && !told.has(key)) {
      told.add(key);
      state.addNotice(uiLocaleOf(state.lang).t.stepIgnored(index + 1, ignored.join('; ')));
    }
  };

  /**
   * Entering the presentation adds one history entry; moving between steps and ending replace it.
   * So Back leaves the presentation for the view before it, in one press, instead of walking back
   * through every step (Previous and Page Up do that), as slide decks such as reveal.js do by
   * default; and the address always names the step on screen, so it can be copied as a permalink.
   */
  const writeStep = (index: number | null, previous: number | null) => {
    const wanted = index === null ? null : String(index + 1);
    if (new URLSearchParams(win.location.search).get('step') === wanted) return;
    const url = `${win.location.pathname}${searchWithStep(win.location.search, index)}${win.location.hash}`;
    if (previous === null && index !== null) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  const unsubscribe = store.subscribe(
    (s) => s.presenting,
    (index, previous) => {
      if (followingAddress) return;
      if (options.writeAddress) writeStep(index, previous);
      if (index === null) stopMove();
      else show(index, previous !== null);
    },
  );

  const onPop = () => {
    stopMove();
    followingAddress = true;
    try {
      store.getState().present(stepInAddress(win.location.search, store));
    } finally {
      followingAddress = false;
    }
  };
  if (options.writeAddress) win.addEventListener('popstate', onPop);

  return () => {
    unsubscribe();
    stopMove();
    win.removeEventListener('popstate', onPop);
  };
}
