// Shows a story step's view: its query string read as a permalink is, against the data loaded.
import type { AppStore } from './store.ts';
import { decodeUrl, encodeUrl, type UrlView } from './url.ts';
import { knowledgeOf } from './urlSync.ts';
import { urlViewOf } from './store.ts';

/** The view a step describes, with what could not apply to the data loaded (for a notice). */
export function stepViewOf(store: AppStore, view: string): { view: UrlView; ignored: string[] } {
  return decodeUrl(view, knowledgeOf(store));
}

/** The current view as a step's `view`: what a permalink writes, without the page's own parameters. */
export function currentStepView(store: AppStore): string {
  return encodeUrl(urlViewOf(store.getState()));
}

/**
 * Puts the store in a step's view at once, as one history entry (Back returns to the view before).
 * Gives what was ignored. A presenter that animates the window applies the rest itself.
 */
export function showStepView(store: AppStore, view: string): string[] {
  const decoded = stepViewOf(store, view);
  store.getState().applyUrlView(decoded.view, 'push');
  return decoded.ignored;
}
