import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import seed from '../data/seed.json';
import { validateDataset } from './model/validate.ts';
import { createAppStore } from './store/store.ts';
import { readUrlIntoStore, startUrlSync } from './store/urlSync.ts';
import { StoreContext } from './ui/StoreContext.tsx';
import { App } from './ui/App.tsx';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import './ui/app.css';

const store = createAppStore();
const result = validateDataset(seed);
if (result.ok) {
  store.getState().loadDataset(result.dataset);
} else {
  const first = result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ');
  store.getState().addNotice(`The bundled dataset data/seed.json is not valid (${result.problems.length} problems): ${first}`);
}
const ignored = readUrlIntoStore(store, window.location.search);
if (ignored.length) store.getState().addNotice(`Ignored from the link: ${ignored.join('; ')}.`);
startUrlSync(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
