// The story survives a reload: at start-up the story kept in this browser comes back, and every
// edit after that is kept a moment later (edits in a row are kept once). Where the browser cannot
// keep it, the panel says so quietly, once, and the story still works for the visit.
import type { AppStore } from '../../store/store.ts';
import type { KeptStory } from '../../storage/keptStory.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';

/** How long after an edit the story is kept: a burst of edits is written once. */
export const KEEP_AFTER_MS = 300;
/**
 * How long edits may wait at most, however closely they follow each other: a long burst (typing a
 * title, a run of moves) is kept as it goes, not only after it, so that a reload loses little.
 */
const KEEP_WITHIN_BURSTS = 4;

const wordsOf = (store: AppStore) => uiLocaleOf(store.getState().lang).t;
const reasonOf = (error: unknown) => (error instanceof DOMException && error.name === 'QuotaExceededError' ? 'the storage is full' : (error as Error)?.message || String(error));

/**
 * Keeps every change of the story from now on. The first failure is a notice; later ones are
 * quiet (the panel still says the story is not kept). Gives a function that stops keeping, after
 * writing what is pending.
 */
export function keepStoryEdits(store: AppStore, kept: KeptStory, delay = KEEP_AFTER_MS, win: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = globalThis.window ?? null): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // When the first edit not yet kept came (performance.now()), or null when all are kept.
  let pendingSince: number | null = null;
  let told = false;
  const write = () => {
    timer = null;
    pendingSince = null;
    const story = store.getState().story;
    kept.save(story).then(
      () => store.getState().setStoryKept('kept'),
      (error: unknown) => {
        // Storage already known not to keep (the panel says so) fails quietly.
        const quiet = told || store.getState().storyKept === 'unavailable';
        store.getState().setStoryKept('unavailable');
        if (quiet) return;
        told = true;
        store.getState().addNotice(wordsOf(store).storyKeepFailed(reasonOf(error)));
      },
    );
  };
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    write();
  };
  const unsubscribe = store.subscribe(
    (s) => s.story,
    () => {
      if (timer !== null) clearTimeout(timer);
      const now = performance.now();
      pendingSince ??= now;
      timer = setTimeout(write, Math.max(0, Math.min(delay, pendingSince + KEEP_WITHIN_BURSTS * delay - now)));
    },
  );
  // Leaving the page (a reload) writes what is pending at once.
  win?.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    win?.removeEventListener('pagehide', flush);
    flush();
  };
}

/**
 * Brings back the story kept in this browser (unless the user has begun another meanwhile), then
 * keeps every edit. `kept`: null where this browser offers no IndexedDB. Gives the function that
 * stops keeping, or null when nothing is kept.
 */
export async function restoreKeptStory(store: AppStore, kept: KeptStory | null, delay = KEEP_AFTER_MS): Promise<(() => void) | null> {
  if (!kept) {
    store.getState().setStoryKept('unavailable');
    return null;
  }
  try {
    const decoded = await kept.load();
    const { story, storyPast } = store.getState();
    const untouched = story.steps.length === 0 && !story.title && storyPast.length === 0;
    if (decoded?.ok && untouched) store.getState().restoreStory(decoded.story);
    for (const problem of decoded?.problems ?? []) store.getState().addNotice(wordsOf(store).storyFileProblem(problem));
    store.getState().setStoryKept('kept');
  } catch {
    // Storage that cannot be read (private mode, another tab upgrading): the panel says the story is not kept.
    store.getState().setStoryKept('unavailable');
  }
  return keepStoryEdits(store, kept, delay);
}
