// Runs an import from a file, a drop or the `data` URL parameter, and tells the store how it
// goes: progress, then the data and its report, or a message while the loaded data stays.
import { startImport } from '../../io/importClient.ts';
import type { ImportJob } from '../../io/workerProtocol.ts';
import type { DataSource, LoadMode } from '../../store/store.ts';
import { keepOpenedFile } from './keptFilesFlow.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';
import { awaitSearchIndex } from '../../store/derived.ts';
import type { ImportSession } from './importSession.ts';
import { previewTable } from '../../table/previewTable.ts';

/** 'superseded': another import started before this one was done, and took its place. */
export type ImportOutcome = 'loaded' | 'refused' | 'cancelled' | 'superseded' | 'mapping';

/** Why a data link's download stopped when another import took its place (see loadDataParam). */
export const SUPERSEDED = 'superseded';

/**
 * Opens a file in the import worker and loads what it gives. `source` says where the data came
 * from; by default, a file the user opened. A refusal, cancellation or failure is told through
 * `notify` (by default a notice of its own).
 */
export async function runImport(
  session: ImportSession,
  job: ImportJob,
  mode: LoadMode,
  source?: DataSource,
  notify: (text: string) => void = (text) => session.store.getState().addNotice(text),
): Promise<ImportOutcome> {
  const { store } = session;
  // A file opened while a data link downloads takes its place.
  session.download?.abort(SUPERSEDED);
  session.running?.cancel();
  session.indexing?.cancel();
  session.indexing = null;
  const state = store.getState();
  // The preview of an import this one cancelled gives way to the data before it.
  state.endPreview();
  state.showImportReport(null);
  state.setImporting({ fileName: job.fileName, phase: 'reading', fraction: 0 });
  let indexProgress = (_fraction: number) => {};
  const current = startImport(
    job,
    (phase, fraction) => store.getState().setImporting({ fileName: job.fileName, phase, fraction }),
    (fraction) => indexProgress(fraction),
    (preview) => {
      // A preview stands in for the data it would replace: not for data added to, nor a data server's.
      const now = store.getState();
      if (mode === 'replace' && session.running === current && now.remoteSource === null) now.showPreview(job.fileName, preview.title, previewTable(preview));
    },
  );
  session.running = current;
  const result = await current.result;
  if (session.running !== current) return 'superseded';
  session.running = null;
  const s = store.getState();
  s.setImporting(null);
  if (result.kind !== 'packed' || result.columns.order.length === 0) s.endPreview();
  const { t } = uiLocaleOf(s.lang);
  const kept = s.dataset ? t.dataStays : '';
  switch (result.kind) {
    case 'packed':
      if (result.columns.order.length === 0) {
        notify(`${t.noEventImported(job.fileName)}${kept}`);
        s.showImportReport(result.report);
        return 'refused';
      }
      const addedToKeptData = mode === 'add' && s.dataSource.kind === 'files';
      const onLink = mode === 'add' && s.dataSource.kind === 'link' ? s.dataSource.url : undefined;
      s.loadPacked(result.packed, result.columns, { mode, source: source ?? { kind: 'files', names: [job.fileName] } });
      s.showImportReport(result.report);
      // The worker's search index fits the file's own table; data added to other data makes another.
      if (mode === 'replace') {
        const coming = awaitSearchIndex(store.getState().table);
        indexProgress = coming.progress;
        session.indexing = current;
        const stopListening = whileUserActs(current.pageBusy);
        void current.searchIndex.then((index) => {
          stopListening();
          if (session.indexing === current) session.indexing = null;
          coming.arrived(index);
        });
      } else current.cancel();
      // A file the user opened is kept in this browser; data from a link, or a kept file opened again, is not kept anew.
      if (!source) void keepOpenedFile(session, job, mode, addedToKeptData, onLink);
      return 'loaded';
    case 'needs-mapping':
      s.requestMapping({ file: job.file, fileName: job.fileName, columns: result.columns, sample: result.sample, guess: result.guess, mode });
      return 'mapping';
    case 'not-a-dataset':
      notify(`${result.message}${kept}`);
      return 'refused';
    case 'cancelled':
      notify(`${t.openingCancelled(job.fileName)}${kept}`);
      return 'cancelled';
    case 'failed':
      notify(`${t.couldNotRead(job.fileName, result.message)}${kept}`);
      return 'refused';
  }
}

/**
 * Calls `tell` (at most every 100 ms) while the user clicks, turns the wheel or presses keys, until
 * the returned function is called. Keys in "Search events" do not count: a search waits for the
 * index, so the index should not wait for it. (Keys in the actor and place finders do.)
 */
function whileUserActs(tell: () => void): () => void {
  let last = -Infinity;
  const listener = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('[data-waits-for-index]')) return;
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    tell();
  };
  const kinds = ['pointerdown', 'click', 'wheel', 'keydown'] as const;
  for (const kind of kinds) window.addEventListener(kind, listener, { capture: true, passive: true });
  return () => {
    for (const kind of kinds) window.removeEventListener(kind, listener, { capture: true });
  };
}

export function cancelImport(session: ImportSession): void {
  session.download?.abort();
  session.running?.cancel();
}

/** A file opened from disk cannot travel in a link: the link stops naming the data it replaced. */
export function dropDataParam(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('data')) return;
  url.searchParams.delete('data');
  window.history.replaceState(null, '', url);
}

export async function openFile(session: ImportSession, file: File): Promise<ImportOutcome> {
  const { format, mode } = session.store.getState().importOptions;
  const outcome = await runImport(session, { file, fileName: file.name, ...(format !== 'auto' ? { format } : {}) }, mode);
  if (outcome === 'loaded') dropDataParam();
  return outcome;
}
