// Opens the dataset named by the `data` URL parameter. Resolves true when it loaded.
import { checkDataUrl, fetchDataset } from '../../io/fetchDataset.ts';
import type { AppStore } from '../../store/store.ts';
import { runImport } from './importFlow.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';

export async function loadDataParam(store: AppStore, value: string, base: string): Promise<boolean> {
  const checked = checkDataUrl(value, base);
  if (!checked.ok) {
    store.getState().addNotice(uiLocaleOf(store.getState().lang).t.dataLinkProblem(checked.problem));
    return false;
  }
  store.getState().setImporting({ fileName: checked.url.href, phase: 'reading', fraction: 0 });
  const fetched = await fetchDataset(checked.url);
  store.getState().setImporting(null);
  if (!fetched.ok) {
    store.getState().addNotice(uiLocaleOf(store.getState().lang).t.dataLinkProblem(fetched.problem));
    return false;
  }
  const outcome = await runImport(store, { file: fetched.blob, fileName: fetched.fileName }, 'replace', { kind: 'link', url: value });
  return outcome === 'loaded';
}
