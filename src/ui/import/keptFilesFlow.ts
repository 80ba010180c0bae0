// Keeps the files a user opens in this browser (IndexedDB), forgets them on request, and tells
// the store what is kept. A failure to keep never stops the data from showing: it is a notice.
import { openKeptFiles, type KeptFiles } from '../../storage/keptFiles.ts';
import type { ImportJob } from '../../io/workerProtocol.ts';
import type { AppStore, LoadMode } from '../../store/store.ts';
import type { ImportSession } from './importSession.ts';
import { formatBytes } from '../../io/formatBytes.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';

const wordsOf = (store: AppStore) => uiLocaleOf(store.getState().lang).t;

/** The kept files, opened once per app; null where the browser offers no IndexedDB. */
export function keptFiles(session: ImportSession): KeptFiles | null {
  if (session.keptFiles === undefined) session.keptFiles = openKeptFiles();
  return session.keptFiles;
}

/** Keeps a file just opened; `onLink`: the data link it was added to, if any. */
export async function keepOpenedFile(session: ImportSession, job: ImportJob, mode: LoadMode, addedToKeptData: boolean, onLink?: string): Promise<void> {
  const { store } = session;
  const kept = keptFiles(session);
  if (!kept) return;
  try {
    const list = await kept.keep(
      {
        name: job.fileName,
        size: job.file.size,
        mode,
        file: job.file,
        ...(job.format ? { format: job.format } : {}),
        ...(job.mapping ? { mapping: job.mapping } : {}),
        ...(onLink ? { onLink } : {}),
      },
      addedToKeptData,
    );
    store.getState().setKeptFiles(list);
  } catch (error) {
    const t = wordsOf(store);
    const reason = error instanceof DOMException && error.name === 'QuotaExceededError' ? t.keptStorageFull : (error as Error)?.message || t.keptRefused;
    store.getState().addNotice(t.keptFailed(job.fileName, formatBytes(job.file.size), reason));
  }
}

export async function forgetKeptFile(session: ImportSession, id: number): Promise<void> {
  const { store } = session;
  const kept = keptFiles(session);
  if (!kept) return;
  const name = store.getState().keptFiles.find((f) => f.id === id)?.name ?? 'The file';
  store.getState().setKeptFiles(await kept.forget(id));
  store.getState().addNotice(wordsOf(store).keptForgotten(name));
}

export async function forgetAllKeptFiles(session: ImportSession): Promise<void> {
  const { store } = session;
  const kept = keptFiles(session);
  if (!kept) return;
  await kept.forgetAll();
  store.getState().setKeptFiles([]);
  store.getState().addNotice(wordsOf(store).keptAllForgotten);
}

/** Shows what is kept without opening it (when a link opened its own data). */
export async function listKeptFiles(session: ImportSession): Promise<void> {
  try {
    session.store.getState().setKeptFiles((await keptFiles(session)?.list()) ?? []);
  } catch {
    // Unreadable storage shows as nothing kept; opening a file says why it cannot be kept.
  }
}
