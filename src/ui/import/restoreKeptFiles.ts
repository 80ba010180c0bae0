// After a reload without a `data` link, the files kept in this browser are opened again, in the
// order and the way (replace or add, format, column mapping) they were first opened. Files added
// to a link's data come back on that data: the link is opened first.
import type { ImportSession } from './importSession.ts';
import { keptFiles } from './keptFilesFlow.ts';
import { runImport } from './importFlow.ts';
import { loadDataParam } from './loadDataParam.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';

/** Resolves true when at least one kept file loaded. */
export async function restoreKeptFiles(session: ImportSession): Promise<boolean> {
  const { store } = session;
  const kept = keptFiles(session);
  if (!kept) return false;
  let files;
  try {
    files = await kept.files();
  } catch (error) {
    store.getState().addNotice(uiLocaleOf(store.getState().lang).t.keptUnreadable(String((error as Error)?.message ?? error)));
    return false;
  }
  store.getState().setKeptFiles(files.map(({ file: _file, ...info }) => info));
  const link = files[0]?.onLink;
  if (link) {
    const outcome = await loadDataParam(session, link, window.location.href);
    // A file opened during the download stops the rest, as it does below.
    if (outcome.kind === 'superseded') return false;
    if (outcome.kind === 'not-loaded') {
      const { t } = uiLocaleOf(store.getState().lang);
      store.getState().addNotice(`${outcome.problem ? `${outcome.problem} ` : ''}${t.keptAddedToBundled}`);
    }
  }
  let loaded = false;
  for (const kept of files) {
    const job = { file: kept.file, fileName: kept.name, ...(kept.format ? { format: kept.format } : {}), ...(kept.mapping ? { mapping: kept.mapping } : {}) };
    const outcome = await runImport(session, job, kept.mode, { kind: 'files', names: [kept.name] });
    // Cancel, or opening another file meanwhile, stops the rest: they would pile onto the new data.
    if (outcome === 'cancelled' || outcome === 'superseded') break;
    loaded ||= outcome === 'loaded';
  }
  return loaded;
}
