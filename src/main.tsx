import './model/zodWithoutEval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import seed from '../data/seed.json';
import { validateDataset } from './model/validate.ts';
import { createAppStore } from './store/store.ts';
import { readUrlIntoStore, startUrlSync } from './store/urlSync.ts';
import { PageContext, StoreContext } from './ui/StoreContext.tsx';
import { EmbedApp } from './ui/embed/EmbedApp.tsx';
import { decodePageOptions } from './store/pageOptions.ts';
import { chooseUiLang, uiLocaleOf } from './i18n/locale.ts';
import { App } from './ui/App.tsx';
import { loadDataParam } from './ui/import/loadDataParam.ts';
import { restoreKeptFiles } from './ui/import/restoreKeptFiles.ts';
import { listKeptFiles } from './ui/import/keptFilesFlow.ts';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import './ui/app.css';

const page = decodePageOptions(window.location.search);
const store = createAppStore({ lang: chooseUiLang(page.options.lang, navigator.languages ?? [navigator.language]) });
document.documentElement.dataset.theme = page.options.theme;
// The page's language and direction follow the store: Arabic mirrors the layout.
const applyLanguage = () => {
  const ui = uiLocaleOf(store.getState().lang);
  document.documentElement.lang = ui.lang;
  document.documentElement.dir = ui.dir;
  document.title = ui.t.product;
};
applyLanguage();
store.subscribe((s) => s.lang, applyLanguage);
if (page.options.embed) document.documentElement.classList.add('embed');

function loadSeed() {
  const result = validateDataset(seed);
  if (result.ok) {
    store.getState().loadDataset(result.dataset);
  } else {
    const first = result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ');
    store.getState().addNotice(`The bundled dataset data/seed.json is not valid (${result.problems.length} problems): ${first}`);
  }
}

/**
 * The view in the link applies once its data is in, so that its actors and event ids resolve. An
 * embed never writes its address: inside an iframe, history entries would land in the host's Back.
 */
function applyLinkAndSync() {
  const ignored = [...page.ignored, ...readUrlIntoStore(store, window.location.search)];
  if (ignored.length) store.getState().addNotice(uiLocaleOf(store.getState().lang).t.ignoredFromLink(ignored.join('; ')));
  if (!page.options.embed) startUrlSync(store);
}

/**
 * The data shown without a link: the files kept in this browser, else the bundled dataset. An
 * embed shows only what its link names, never what a reader keeps.
 */
async function loadLocalData(): Promise<'kept' | 'bundled'> {
  loadSeed();
  if (page.options.embed) return 'bundled';
  const restored = await restoreKeptFiles(store);
  store.getState().showImportReport(null);
  return restored ? 'kept' : 'bundled';
}

const dataParam = new URLSearchParams(window.location.search).get('data');
if (dataParam) {
  void loadDataParam(store, dataParam, window.location.href).then(async (loaded) => {
    if (!loaded) {
      const shown = await loadLocalData();
      const { t } = uiLocaleOf(store.getState().lang);
      store.getState().addNotice(shown === 'kept' ? t.keptInstead : t.bundledInstead);
    } else if (!page.options.embed) {
      await listKeptFiles(store);
    }
    applyLinkAndSync();
  });
} else {
  void loadLocalData().then(applyLinkAndSync);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <PageContext.Provider value={page.options}>{page.options.embed ? <EmbedApp /> : <App />}</PageContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
