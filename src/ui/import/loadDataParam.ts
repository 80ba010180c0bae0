// Opens the dataset named by the `data` URL parameter: downloaded with its progress shown, then
// imported as a file is. Cancel stops the download; a file opened meanwhile, during the download
// or the import, takes its place.
import { checkDataUrl, fetchDataset } from '../../io/fetchDataset.ts';
import { runImport, SUPERSEDED } from './importFlow.ts';
import type { ImportSession } from './importSession.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';

/**
 * 'loaded'; 'superseded' when a file the reader opened during the download took its place (the
 * caller then leaves the data to that import); else why the link's data is not shown (empty when
 * there is nothing to say), for the caller to tell in one notice with what it shows instead.
 */
export type LinkOutcome = { kind: 'loaded' } | { kind: 'superseded' } | { kind: 'not-loaded'; problem: string };

export async function loadDataParam(session: ImportSession, value: string, base: string): Promise<LinkOutcome> {
  const { store } = session;
  const { t } = uiLocaleOf(store.getState().lang);
  const checked = checkDataUrl(value, base);
  if (!checked.ok) return { kind: 'not-loaded', problem: t.dataLinkProblem(checked.problem) };
  const fileName = checked.url.href;
  const download = new AbortController();
  session.download = download;
  store.getState().setImporting({ fileName, phase: 'reading', fraction: 0 });
  const fetched = await fetchDataset(checked.url, {
    stop: download.signal,
    // A size the server did not give leaves the bar without a fraction.
    onProgress: (received, total) => {
      if (session.download === download && total) store.getState().setImporting({ fileName, phase: 'downloading', fraction: received / total });
    },
  });
  if (session.download === download) session.download = null;
  // The import that took its place shows its own progress.
  if (download.signal.reason === SUPERSEDED) return { kind: 'superseded' };
  store.getState().setImporting(null);
  if (!fetched.ok) return { kind: 'not-loaded', problem: t.dataLinkProblem(fetched.problem) };
  let problem = '';
  const outcome = await runImport(session, { file: fetched.blob, fileName: fetched.fileName }, 'replace', { kind: 'link', url: value }, (text) => {
    problem = text;
  });
  if (outcome === 'superseded') return { kind: 'superseded' };
  return outcome === 'loaded' ? { kind: 'loaded' } : { kind: 'not-loaded', problem };
}
