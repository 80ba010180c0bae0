// Presenting a story: when the step presented changes (the store's `presenting`), its view is
// applied. Filters, lanes, selection and map change at once; the time window jumps on entering the
// presentation and glides between steps (STEP_MOVE_MS, eased), or jumps under
// prefers-reduced-motion. The address names the step presented (`step=N`) and the story
// (`story=`), so that each step is a permalink, and Back and Forward follow it.
import type { AppStore } from './store.ts';
import { dataExtentOf, urlViewOf } from './store.ts';
import { urlFor } from './urlSync.ts';
import { initialWindow, type TimeWindow } from './window.ts';
import { stepViewOf } from './stepView.ts';
import { windowDuringMove } from './windowTween.ts';
import { parseStepParam, searchWithParams, stepIndexIn } from '../story/stepParam.ts';
import { encodeStoryParam } from '../story/storyCodec.ts';
import type { Story } from '../story/story.ts';
import { uiLocaleOf } from '../i18n/locale.ts';

export interface PresentationOptions {
  /** Whether the address follows the step: not in an embed, whose history is the host page's Back button. */
  writeAddress: boolean;
}

export interface StoryPresentation {
  stop(): void;
  /** Says that the address's `story=` holds `story` (the link opened it): it stays there while the story is unchanged. */
  holdsStory(story: Story): void;
}

/** Typing a caption while presenting changes the story on every key: the address follows once typing pauses. */
const STORY_WRITE_MS = 400;

/** The step the address names (0-based), when the story has it. */
function stepInAddress(search: string, store: AppStore): number | null {
  const text = new URLSearchParams(search).get('step');
  if (text === null) return null;
  const parsed = parseStepParam(text);
  if ('problem' in parsed) return null;
  const found = stepIndexIn(parsed.step, store.getState().story);
  return 'index' in found ? found.index : null;
}

export function startStoryPresentation(store: AppStore, win: Window, options: PresentationOptions): StoryPresentation {
  let frame: number | null = null;
  let storyWrite: ReturnType<typeof setTimeout> | null = null;
  /** The story the address's `story=` stands for; null: it names none, or one no longer shown. */
  let addressStory: Story | null = null;
  const storyParams = new WeakMap<Story, string | null>();
  const storyParamOf = (story: Story) => {
    if (!storyParams.has(story)) storyParams.set(story, encodeStoryParam(story));
    return storyParams.get(story)!;
  };
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
  const writeAddress = (index: number | null, previous: number | null) => {
    const { story } = store.getState();
    const changes: Record<string, string | null> = { step: index === null ? null : String(index + 1) };
    if (story !== addressStory) {
      // A story written here, edited, or another one opened: while presenting, the address holds the
      // story as it is now (when it fits in a link); otherwise none, so that a reload cannot bring
      // back an older version over the one kept in this browser.
      const param = index === null ? null : storyParamOf(story);
      changes.story = param;
      addressStory = param === null ? null : story;
    }
    const current = new URLSearchParams(win.location.search);
    if (Object.entries(changes).every(([key, value]) => current.get(key) === value)) return;
    const entering = previous === null && index !== null;
    let search = win.location.search;
    if (entering) {
      // The entry Back returns to holds the view on screen before presenting. The address may not
      // have it yet (a view change reaches it once the view settles, as a zoom's does), and what
      // reaches it after this push would land in the presentation's entry instead.
      search = urlFor(urlViewOf(store.getState()), search);
      win.history.replaceState(null, '', `${win.location.pathname}${search}${win.location.hash}`);
    }
    const url = `${win.location.pathname}${searchWithParams(search, changes)}${win.location.hash}`;
    if (entering) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  const unsubscribeStep = store.subscribe(
    (s) => s.presenting,
    (index, previous) => {
      if (followingAddress) return;
      if (options.writeAddress) writeAddress(index, previous);
      if (index === null) stopMove();
      else show(index, previous !== null);
    },
  );
  const unsubscribeStory = store.subscribe(
    (s) => s.story,
    () => {
      if (!options.writeAddress) return;
      if (storyWrite !== null) clearTimeout(storyWrite);
      storyWrite = setTimeout(() => {
        storyWrite = null;
        const { presenting } = store.getState();
        writeAddress(presenting, presenting);
      }, STORY_WRITE_MS);
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

  return {
    stop() {
      unsubscribeStep();
      unsubscribeStory();
      stopMove();
      if (storyWrite !== null) clearTimeout(storyWrite);
      win.removeEventListener('popstate', onPop);
    },
    holdsStory(story) {
      addressStory = story;
    },
  };
}
