// The permalink of what the store shows, at this page's address.
import { urlViewOf, type AppState } from '../../store/store.ts';
import { permalinkFor } from '../../share/links.ts';

/** The data link: the one the data came from, or one the user gives after publishing a file. */
export function linkedData(state: AppState, published: string | null = null): string | null {
  if (published) return published;
  return state.dataSource.kind === 'link' ? state.dataSource.url : null;
}

export function currentPermalink(state: AppState, published: string | null = null): string {
  return permalinkFor(window.location.href, urlViewOf(state), linkedData(state, published), state.remoteSource);
}
