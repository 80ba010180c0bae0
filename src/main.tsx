import './model/zodWithoutEval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import seed from '../data/seed.json';
import { validateDataset } from './model/validate.ts';
import { createAppStore } from './store/store.ts';
import { readUrlIntoStore, startUrlSync } from './store/urlSync.ts';
import { ImportSessionContext, PageContext, StoreContext } from './ui/StoreContext.tsx';
import { createImportSession } from './ui/import/importSession.ts';
import { EmbedApp } from './ui/embed/EmbedApp.tsx';
import { decodePageOptions } from './store/pageOptions.ts';
import { chooseUiLang, uiLocaleOf } from './i18n/locale.ts';
import { App } from './ui/App.tsx';
import { loadDataParam } from './ui/import/loadDataParam.ts';
import { restoreKeptFiles } from './ui/import/restoreKeptFiles.ts';
import { listKeptFiles } from './ui/import/keptFilesFlow.ts';
import { checkSourceUrl } from './remote/apiUrls.ts';
import { connectRemoteSource } from './remote/remoteClient.ts';
import { remoteMapRequest } from './remote/remoteMap.ts';
import { maxActorLanes } from './render/viewLayout.ts';
import { restoreKeptStory } from './ui/story/keepStory.ts';
import { openKeptStory } from './storage/keptStory.ts';
import { startStoryPresentation } from './store/storyPresentation.ts';
import { loadStoryParam, NO_STORY_FROM_LINK } from './ui/story/loadStoryParam.ts';
import { openLinkedStory } from './ui/story/openLinkedStory.ts';
import { searchWithParams } from './story/stepParam.ts';
import { startPlaybackDriver } from './store/playbackDriver.ts';
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
// Play moves the window from outside React, as the renderers draw it.
startPlaybackDriver(store);
const imports = createImportSession(store);

function loadSeed() {
  const result = validateDataset(seed);
  if (result.ok) {
    store.getState().loadDataset(result.dataset);
  } else {
    const first = result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ');
    store.getState().addNotice(`The bundled dataset data/seed.json is not valid (${result.problems.length} problems): ${first}`);
  }
}

// A story's steps apply their views as the presentation moves; an embed's address stays as it is.
const presentation = startStoryPresentation(store, window, { writeAddress: !page.options.embed });
// The link's story is read while the data loads (a story file is fetched meanwhile), and opened once the data is shown.
const storyFromLink = page.options.story === null ? Promise.resolve(NO_STORY_FROM_LINK) : loadStoryParam(page.options.story, window.location.href, uiLocaleOf(store.getState().lang).t);

/** The view in the link, applied to the data in the store; gives what it had to ignore. */
const readLink = () => readUrlIntoStore(store, window.location.search);

// Back and Forward before the address follows the view (kept files, or a data server, still
// answering): the view follows the address at once, instead of waiting and missing the move.
const earlyPopState = () => void readLink();
window.addEventListener('popstate', earlyPopState);

/**
 * Keeps the address in step with the view, opens the link's story (presenting its step), then says
 * what the link held that could not apply. An embed never writes its address: inside an iframe,
 * history entries would land in the host's Back. A story file from elsewhere is waited for here,
 * so that what it held that was ignored is in the same notice; it was fetched while the data loaded.
 */
function reportAndSync(ignoredFromLink: string[]) {
  void storyFromLink.then((fromStory) => {
    window.removeEventListener('popstate', earlyPopState);
    if (!page.options.embed) startUrlSync(store);
    const ignoredFromStory = openLinkedStory(store, presentation, fromStory, page.options.step, page.options.embed);
    // A step the link named but that is not presented leaves the address: it would be ignored again on every reload.
    if (!page.options.embed && store.getState().presenting === null && new URLSearchParams(window.location.search).has('step')) {
      window.history.replaceState(null, '', `${window.location.pathname}${searchWithParams(window.location.search, { step: null })}${window.location.hash}`);
    }
    const ignored = [...page.ignored, ...ignoredFromLink, ...ignoredFromStory];
    if (ignored.length) store.getState().addNotice(uiLocaleOf(store.getState().lang).t.ignoredFromLink(ignored.join('; ')));
  });
}

/**
 * The data shown without a `data` link: the bundled dataset at once, with the link's view, so
 * that the first screen already shows that view; then the files kept in this browser, if any,
 * with the link's view again (its actors and event ids may exist only in them). An embed shows
 * only what its link names, never what a reader keeps. `onShown` hears whether kept files were
 * shown, before the link's notices.
 */
async function loadLocalData(onShown: (kept: boolean) => void = () => {}): Promise<void> {
  loadSeed();
  const ignoredOnSeed = readLink();
  if (page.options.embed) {
    onShown(false);
    reportAndSync(ignoredOnSeed);
    return;
  }
  const restored = await restoreKeptFiles(imports);
  store.getState().showImportReport(null);
  onShown(restored);
  reportAndSync(restored ? readLink() : ignoredOnSeed);
}

/**
 * The `source` link: a data server answers every view, and nothing is loaded in the page (neither
 * the bundled data nor kept files). The link's view applies once the server has said what it holds.
 */
async function readFromServer(base: URL, source: string): Promise<void> {
  const connection = await connectRemoteSource(store, base, source, {
    maxLanesFor: maxActorLanes,
    countPlaces: !page.options.embed,
    mapRequest: (state) => remoteMapRequest(state, state.mapView, state.mapSize),
    onRefused: (detail) => store.getState().addNotice(uiLocaleOf(store.getState().lang).t.remoteRefused(detail)),
  });
  reportAndSync(readLink());
  connection.start();
}

const linkParams = new URLSearchParams(window.location.search);
// The story being written comes back from this browser, and is kept as it changes. Not in an
// embed (a reader's page), and not when the link brings a story of its own (`story=`).
if (!page.options.embed && !linkParams.has('story')) void restoreKeptStory(store, openKeptStory());
const sourceParam = linkParams.get('source');
const dataParam = linkParams.get('data');
const sourceChecked = sourceParam === null ? null : checkSourceUrl(sourceParam);
if (sourceChecked?.ok) {
  void readFromServer(sourceChecked.base, sourceParam!);
} else if (sourceChecked) {
  const { t } = uiLocaleOf(store.getState().lang);
  void loadLocalData((kept) => store.getState().addNotice(`${t.sourceLinkProblem(sourceChecked.value)} ${kept ? t.keptInstead : t.bundledInstead}`));
} else if (dataParam) {
  void loadDataParam(imports, dataParam, window.location.href).then(async (outcome) => {
    if (outcome.kind === 'not-loaded') {
      // One notice: why the link's data is not shown, and what is shown instead.
      const { problem } = outcome;
      await loadLocalData((kept) => {
        const { t } = uiLocaleOf(store.getState().lang);
        const instead = kept ? t.keptInstead : t.bundledInstead;
        store.getState().addNotice(problem ? `${problem} ${instead}` : instead);
      });
      return;
    }
    if (!page.options.embed) await listKeptFiles(imports);
    // The view in the link applies once its data is in, so that its actors and event ids resolve;
    // not to a file the reader opened instead while the link's data downloaded.
    reportAndSync(outcome.kind === 'loaded' ? readLink() : []);
  });
} else {
  void loadLocalData();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <ImportSessionContext.Provider value={imports}>
        <PageContext.Provider value={page.options}>{page.options.embed ? <EmbedApp /> : <App />}</PageContext.Provider>
      </ImportSessionContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
