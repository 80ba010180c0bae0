// Opens the dataset named by the `data` URL parameter.
import { checkDataUrl, fetchDataset } from '../../io/fetchDataset.ts';
import { runImport } from './importFlow.ts';
import type { ImportSession } from './importSession.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';

/**
 * Resolves null when the link's data loaded; otherwise with why not (empty when there is nothing
 * to say), for the caller to tell in one notice with what it shows instead.
 */
export async function loadDataParam(session: ImportSession, value: string, base: string): Promise<string | null> {
  const { store } = session;
  const { t } = uiLocaleOf(store.getState().lang);
  const checked = checkDataUrl(value, base);
  if (!checked.ok) return t.dataLinkProblem(checked.problem);
  store.getState().setImporting({ fileName: checked.url.href, phase: 'reading', fraction: 0 });
  const fetched = await fetchDataset(checked.url);
  store.getState().setImporting(null);
  if (!fetched.ok) return t.dataLinkProblem(fetched.problem);
  let problem = '';
  const outcome = await runImport(session, { file: fetched.blob, fileName: fetched.fileName }, 'replace', { kind: 'link', url: value }, (text) => {
    problem = text;
  });
  return outcome === 'loaded' ? null : problem;
}
