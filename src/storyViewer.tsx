// The viewer inlined in a story's HTML file (a second entry of the build: dist/story-viewer/).
// It reads the story and its events from the file's JSON blocks and shows them with the app's
// own timeline. No import worker, no Parquet or Arrow readers, no data server client, no fonts
// of its own (system fonts): the file stays small and opens offline.
import './model/zodWithoutEval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/store.ts';
import { isUiLang } from './i18n/locale.ts';
import { DEFAULT_PAGE_OPTIONS } from './store/pageOptions.ts';
import { PageContext, StoreContext } from './ui/StoreContext.tsx';
import { StoryViewer } from './ui/story/StoryViewer.tsx';
import { readStoryViewerData } from './ui/story/storyViewerData.ts';
import { STORY_DATASET_ID, STORY_JSON_ID, STORY_VIEWER_ID } from './story/storyFileIds.ts';
import './ui/app.css';

const holder = document.getElementById(STORY_VIEWER_ID);
if (holder) {
  const lang = document.documentElement.lang;
  const store = createAppStore({ lang: isUiLang(lang) ? lang : 'en' });
  const text = (id: string) => document.getElementById(id)?.textContent ?? null;
  const data = readStoryViewerData(text(STORY_JSON_ID), text(STORY_DATASET_ID), document.getElementById(STORY_DATASET_ID)?.dataset.encoding);
  if (data.dataset) {
    store.getState().loadDataset(data.dataset);
    if (data.story) store.getState().openStory(data.story);
    store.getState().present(0);
  }
  holder.hidden = false;
  // As an embed: the wheel zooms only with Ctrl, so that the page (the steps below) scrolls.
  createRoot(holder).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <PageContext.Provider value={{ ...DEFAULT_PAGE_OPTIONS, embed: true }}>
          <StoryViewer problems={data.problems} />
        </PageContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  );
}
