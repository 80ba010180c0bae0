// Keeps the URL a serialisation of the store: discrete actions push a history entry, zooming
// replaces the current one, and Back/Forward put the store back in the view the URL describes.
import type { AppStore } from './store.ts';
import { urlViewOf } from './store.ts';
import { decodeUrl, encodeUrl, type UrlKnowledge, type UrlView } from './url.ts';
import { uiLocaleOf } from '../i18n/locale.ts';
import { readableQuery } from '../model/links.ts';

/**
 * Parameters that belong to the page rather than to the view (embed, lang…), kept as they are. A
 * story (`story=`) and the step presented (`step=`) are the page's too: the view follows the step.
 */
const PAGE_PARAMS = ['embed', 'title', 'height', 'controls', 'theme', 'lang', 'data', 'source', 'story', 'step'];

export function knowledgeOf(store: AppStore): UrlKnowledge {
  return {
    resolveActor: (value) => {
      const { table, resolver } = store.getState();
      return table.actorRow.has(value) ? value : resolver.resolve(value);
    },
    // A data server's events are not all in the page: it says later whether the id is one.
    hasEvent: (id) => store.getState().remoteSource !== null || store.getState().table.rowOfId.has(id),
  };
}

export function readUrlIntoStore(store: AppStore, search: string): string[] {
  const { view, ignored } = decodeUrl(search, knowledgeOf(store));
  store.getState().applyUrlView(view);
  return ignored;
}

function pageParams(search: string): URLSearchParams {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const value = current.get(key);
    if (value !== null) kept.set(key, value);
  }
  return kept;
}

/** The same address with another UI language: a page parameter, so the view's history is untouched. */
export function withLang(search: string, lang: string): string {
  const params = new URLSearchParams(search);
  params.set('lang', lang);
  const keep = pageParams(params.toString()).toString();
  const view = new URLSearchParams(search);
  for (const key of PAGE_PARAMS) view.delete(key);
  const rest = readableQuery(view.toString());
  return `?${[keep, rest].filter(Boolean).join('&')}`;
}

export function urlFor(view: UrlView, search: string): string {
  const query = [pageParams(search).toString(), encodeUrl(view)].filter(Boolean).join('&');
  return query ? `?${query}` : '';
}

/** Chrome throttles history calls past a few hundred in ten seconds; zooming writes at most this often. */
const ZOOM_WRITE_MS = 250;

export function startUrlSync(store: AppStore, win: Window = window): () => void {
  let pendingZoom: ReturnType<typeof setTimeout> | null = null;
  const write = (view: UrlView, how: 'push' | 'replace') => {
    const next = urlFor(view, win.location.search);
    if (next === win.location.search) return;
    const url = `${win.location.pathname}${next}${win.location.hash}`;
    if (how === 'replace') win.history.replaceState(null, '', url);
    else win.history.pushState(null, '', url);
  };
  const flushZoom = () => {
    if (pendingZoom === null) return;
    clearTimeout(pendingZoom);
    pendingZoom = null;
    return true;
  };
  const unsubscribe = store.subscribe(
    (s) => [s.window, s.filters, s.lanes, s.selectedId, s.mapView] as const,
    (_current, previous) => {
      const state = store.getState();
      const kind = state.lastChange;
      if (kind === 'url' || kind === 'init') {
        flushZoom();
        return;
      }
      if (kind === 'replace') {
        pendingZoom ??= setTimeout(() => {
          pendingZoom = null;
          write(urlViewOf(store.getState()), 'replace');
        }, ZOOM_WRITE_MS);
        return;
      }
      // A discrete action right after zooming: first settle the zoomed view in the current entry,
      // so that Back returns to it, then push the new view.
      if (flushZoom()) {
        const [window, filters, lanes, event, map] = previous;
        write({ window, filters, lanes, event, map }, 'replace');
      }
      write(urlViewOf(state), 'push');
    },
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );
  // A view changed before the address followed it (while the files kept in this browser were
  // looked up, say): the address takes it now, as the change would have written it.
  const early = store.getState().lastChange;
  if (early === 'push' || early === 'replace') write(urlViewOf(store.getState()), early);
  // Switching the language replaces the current entry: Back still goes to the previous view.
  const unsubscribeLang = store.subscribe(
    (s) => s.lang,
    (lang) => {
      const next = withLang(win.location.search, lang);
      if (next !== win.location.search) win.history.replaceState(null, '', `${win.location.pathname}${next}${win.location.hash}`);
    },
  );
  const onPop = () => {
    flushZoom();
    const ignored = readUrlIntoStore(store, win.location.search);
    if (ignored.length) store.getState().addNotice(uiLocaleOf(store.getState().lang).t.ignoredFromLink(ignored.join('; ')));
  };
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    unsubscribeLang();
    win.removeEventListener('popstate', onPop);
    flushZoom();
  };
}
