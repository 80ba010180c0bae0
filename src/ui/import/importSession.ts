// What one app's imports share from call to call: the import under way, the last one while its
// worker still builds the search index, and the files kept in this browser once opened. Made once
// per app (main.tsx) and handed to the import flows, so that no module holds it.
import type { RunningImport } from '../../io/importClient.ts';
import type { KeptFiles } from '../../storage/keptFiles.ts';
import type { AppStore } from '../../store/store.ts';

export interface ImportSession {
  readonly store: AppStore;
  /** The import under way: a new one cancels it. */
  running: RunningImport | null;
  /** Stops the data link's download under way (see loadDataParam): Cancel, or another import, calls it. */
  download: AbortController | null;
  /** The last import, while its worker builds the search index of the data it loaded. */
  indexing: RunningImport | null;
  /** The kept files, opened on first use; null where the browser offers no IndexedDB. */
  keptFiles: KeptFiles | null | undefined;
}

export const createImportSession = (store: AppStore): ImportSession => ({ store, running: null, download: null, indexing: null, keptFiles: undefined });
