// The data server as the page's data source: /api/info once, then each view's answers. A new view
// aborts the request of the last one, and an answer for a view already left is dropped (its key is
// not the current one). When the server does not answer, the store says so and the same view is
// asked again, later and later, until it answers; on 401 the store asks the user for a token.
import type { AppState, AppStore } from '../store/store.ts';
import { buildEventTable, type EventTable } from '../table/eventTable.ts';
import { apiUrl, filterParams, laneEventsUrl, overviewUrl, placesUrl, remoteViewKey, remoteViewRequest, SMALL_TABLE_LIMIT, viewUrls, type RemoteViewRequest } from './apiUrls.ts';
import { sparseLaneKeys, SPARSE_EVENTS_LIMIT, withCarriedMarks } from './sparseLanes.ts';
import { OTHER_ACTOR_KEY } from '../layout/lanes.ts';
import type { ConflictEvent } from '../model/schema.ts';
import { initialWindow } from '../store/window.ts';
import { readBins, readCounts, readEvent, readEvents, readInfo, readPlaces, type Checked } from './apiAnswers.ts';
import type { RemoteAnswer } from '../store/remoteView.ts';
import { followRemoteMap, type RemoteMapRequest } from './remoteMap.ts';

/** Why an API request gave no answer: the server wants a token, is down (retry), or refused this request (do not). */
export type ApiFailure = { kind: 'token' } | { kind: 'down'; detail: string } | { kind: 'refused'; detail: string };
export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiFailure);

class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.kind);
  }
}

/** Waits between attempts while the server does not answer: 1 s, 2 s, 4 s, then every 8 s. */
export const retryDelayMs = (attempt: number) => Math.min(8000, 1000 * 2 ** Math.max(0, attempt));

/** One GET of the API, its answer checked by `read`. The token goes in a header, never in the URL. */
export async function getApi<T>(url: string, read: (body: unknown) => Checked<T>, token: string | null, signal: AbortSignal, fetcher: typeof fetch = fetch): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(url, { signal, credentials: 'omit', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError({ kind: 'down', detail: String((error as Error)?.message ?? error) });
  }
  if (response.status === 401) throw new ApiError({ kind: 'token' });
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError({ kind: 'down', detail: `${response.status}: not JSON` });
  }
  const message = typeof body === 'object' && body !== null && 'error' in body ? String((body as { error: unknown }).error) : '';
  if (response.status >= 500) throw new ApiError({ kind: 'down', detail: `${response.status} ${message}`.trim() });
  if (!response.ok) throw new ApiError({ kind: 'refused', detail: `${response.status} ${message}`.trim() });
  const checked = read(body);
  if (!checked.ok) throw new ApiError({ kind: 'refused', detail: checked.problem });
  return checked.value;
}

/** The answers of one view: bins and counts, and the window's events when they are few. */
async function fetchView(base: URL, view: RemoteViewRequest, actors: EventTable['actors'], empty: EventTable, token: string | null, signal: AbortSignal, fetcher: typeof fetch): Promise<RemoteAnswer> {
  const urls = viewUrls(base, view);
  const [laneBins, counts] = await Promise.all([getApi(urls.bins, readBins, token, signal, fetcher), getApi(urls.counts, readCounts, token, signal, fetcher)]);
  let table = empty;
  const complete = counts.visible <= SMALL_TABLE_LIMIT;
  if (complete && counts.visible > 0) {
    const { events } = await getApi(urls.events, readEvents, token, signal, fetcher);
    table = buildEventTable({ events, actors: [...actors] });
  }
  return { key: remoteViewKey(view), window: view.window, lanes: view.lanes, laneBins, table, complete, sparseLanes: [], counts };
}

/** The events of the view's lanes `keys` (its sparse lanes), a page at a time, up to the budget. */
async function fetchSparseLanes(base: URL, view: RemoteViewRequest, answer: RemoteAnswer, keys: readonly string[], actors: EventTable['actors'], token: string | null, signal: AbortSignal, fetcher: typeof fetch): Promise<EventTable> {
  const laneActors = answer.laneBins.map((lane) => lane.key).filter((key) => key !== OTHER_ACTOR_KEY);
  const page = (offset: number) => getApi(laneEventsUrl(base, view, keys, laneActors, offset, SMALL_TABLE_LIMIT), readEvents, token, signal, fetcher);
  const first = await page(0);
  // More than a page: the rest at once, up to the budget (long events reaching in can add a few past it).
  const offsets: number[] = [];
  for (let offset = SMALL_TABLE_LIMIT; offset < Math.min(first.total, SPARSE_EVENTS_LIMIT + SMALL_TABLE_LIMIT); offset += SMALL_TABLE_LIMIT) offsets.push(offset);
  const rest = await Promise.all(offsets.map(page));
  const events: ConflictEvent[] = [...first.events, ...rest.flatMap((p) => p.events)];
  return buildEventTable({ events, actors: [...actors] });
}

export interface RemoteSourceOptions {
  fetcher?: typeof fetch;
  /** Lanes by actor: how many fit a plot this high (maxActorLanes). */
  maxLanesFor: (height: number) => number;
  /** Says what the server refused (a 4xx other than 401), in a notice. */
  onRefused: (detail: string) => void;
  /** Whether the page shows the place filter (an embed does not): its counts are asked for only then. */
  countPlaces?: boolean;
  /**
   * The map's request for the store's state (remoteMapRequest of its map view and the map's size),
   * or null while the map is hidden: the map's points or cells are then asked of the server
   * (followRemoteMap) and kept in the store's remoteMap. Absent: the map is never asked for.
   */
  mapRequest?: (state: AppState) => RemoteMapRequest | null;
}

/**
 * Connects the store to the data server at `base`: resolves once /api/info has answered and the
 * store shows its dataset (asking again while the server is down, or for a token). Then call the
 * returned start() to follow the store's view.
 */
export async function connectRemoteSource(store: AppStore, base: URL, source: string, options: RemoteSourceOptions): Promise<{ start(): () => void }> {
  const fetcher = options.fetcher ?? fetch;
  store.getState().beginRemote(source);
  const info = await untilAnswered(store, (token, signal) => getApi(apiUrl(base, 'info'), readInfo, token, signal, fetcher), options.onRefused);
  if (!info) return { start: () => () => {} };
  store.getState().showRemoteData(source, info.dataset, { count: info.count, extent: info.extent });
  store.getState().setRemoteStatus('idle');
  return { start: () => followView(store, base, fetcher, options) };
}

/** Asks until answered: again after a wait while down, again when a token is given. Null when refused. */
function untilAnswered<T>(store: AppStore, ask: (token: string | null, signal: AbortSignal) => Promise<T>, onRefused: (detail: string) => void): Promise<T | null> {
  return new Promise((resolve) => {
    let attempt = 0;
    const tryOnce = () => {
      ask(store.getState().remoteToken, new AbortController().signal).then(resolve, (error: unknown) => {
        const failure = error instanceof ApiError ? error.failure : { kind: 'down' as const, detail: String(error) };
        if (failure.kind === 'down') {
          store.getState().setRemoteStatus('failing');
          setTimeout(tryOnce, retryDelayMs(attempt++));
        } else if (failure.kind === 'token') {
          store.getState().setRemoteStatus('needs-token');
          const stop = store.subscribe(
            (s) => s.remoteToken,
            () => {
              stop();
              tryOnce();
            },
          );
        } else {
          store.getState().setRemoteStatus('idle');
          onRefused(failure.detail);
          resolve(null);
        }
      });
    };
    tryOnce();
  });
}

/** Waits this long after the last change of view before asking: a wheel zoom asks once it rests a moment. */
const ASK_AFTER_MS = 60;
/** While the view keeps moving, it is asked for at least this often (when no answer is on its way). */
const ASK_WHILE_MOVING_MS = 250;

/** Follows the store's view: each new view's answers into the store. Returns a function that stops. */
function followView(store: AppStore, base: URL, fetcher: typeof fetch, options: RemoteSourceOptions): () => void {
  const empty = store.getState().table;
  const actors = empty.actors;
  let current: AbortController | null = null;
  let currentKey = '';
  // The key of the last view answered in full (its sparse lanes' events too), and the filters of the answer shown.
  let answeredKey = '';
  let shownFilters: AppState['filters'] | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;

  const receive = (answer: RemoteAnswer, filters: AppState['filters'], done: boolean) => {
    shownFilters = filters;
    store.getState().receiveRemoteAnswer(answer);
    if (!done) return;
    attempt = 0;
    current = null;
    answeredKey = answer.key;
    store.getState().setRemoteStatus('idle');
  };

  const ask = () => {
    timer = null;
    const state = store.getState();
    if (!state.remoteInfo) return;
    const view = remoteViewRequest(state, options.maxLanesFor);
    if (!view) return;
    const key = remoteViewKey(view);
    if (key === currentKey && current && !current.signal.aborted) return;
    if (key === answeredKey && key === state.remoteAnswer?.key && state.remoteStatus !== 'failing') {
      // Back on the view answered last: what is on its way is for a view already left.
      current?.abort();
      current = null;
      currentKey = key;
      if (state.remoteStatus === 'loading') state.setRemoteStatus('idle');
      return;
    }
    current?.abort();
    const controller = new AbortController();
    current = controller;
    currentKey = key;
    if (state.remoteStatus !== 'failing') state.setRemoteStatus('loading');
    const { remoteToken: token } = state;
    const stillAsked = (answer: RemoteAnswer) => !controller.signal.aborted && answer.key === currentKey;
    fetchView(base, view, actors, empty, token, controller.signal, fetcher)
      .then((answer) => {
        if (!stillAsked(answer)) return;
        const sparse = answer.complete ? [] : sparseLaneKeys(answer.laneBins, view.markLimit);
        if (sparse.length === 0) return receive(answer, view.filters, true);
        // The bins at once (the last marks of lanes still sparse stay meanwhile); the sparse lanes' events follow.
        receive(withCarriedMarks(answer, sparse, store.getState().remoteAnswer, shownFilters === view.filters), view.filters, false);
        return fetchSparseLanes(base, view, answer, sparse, actors, token, controller.signal, fetcher).then((table) => {
          if (stillAsked(answer)) receive({ ...answer, table, sparseLanes: sparse }, view.filters, true);
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        current = null;
        currentKey = '';
        const failure = error instanceof ApiError ? error.failure : { kind: 'down' as const, detail: String(error) };
        if (failure.kind === 'down') {
          store.getState().setRemoteStatus('failing');
          timer = setTimeout(ask, retryDelayMs(attempt++));
        } else if (failure.kind === 'token') store.getState().setRemoteStatus('needs-token');
        else {
          store.getState().setRemoteStatus('idle');
          options.onRefused(failure.detail);
        }
      });
  };
  // A view that never rests (playback through time) is still asked for, as often as the server
  // answers: when nothing is on its way and the view has moved for a while, ask without waiting.
  let movingSince: number | null = null;
  const schedule = () => {
    const now = Date.now();
    if (timer !== null) clearTimeout(timer);
    else movingSince ??= now;
    if (movingSince !== null && now - movingSince >= ASK_WHILE_MOVING_MS && (current === null || current.signal.aborted)) {
      movingSince = now;
      timer = null;
      ask();
      return;
    }
    timer = setTimeout(() => {
      movingSince = null;
      ask();
    }, ASK_AFTER_MS);
  };
  const unsubscribe = store.subscribe(
    (s: AppState) => [s.window, s.filters, s.lanes, s.plotSize, s.remoteToken] as const,
    schedule,
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );
  const stopSelection = followSelection(store, base, fetcher);
  const stopOverview = followOverview(store, base, fetcher);
  const stopPlaces = options.countPlaces === false ? () => {} : followPlaces(store, base, fetcher);
  const { mapRequest } = options;
  const stopMap = mapRequest
    ? followRemoteMap(store, base, { request: mapRequest, get: (url, read, signal) => getApi(url, read, store.getState().remoteToken, signal, fetcher) })
    : () => {};
  schedule();
  return () => {
    stopMap();
    stopSelection();
    stopOverview();
    stopPlaces();
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    current?.abort();
  };
}

/** The selected event, asked for on its own when it is not among the page's events (a link's `event`, a page of the Events table). */
function followSelection(store: AppStore, base: URL, fetcher: typeof fetch): () => void {
  let current: AbortController | null = null;
  const ask = () => {
    const { selectedId, table, remoteEvent, remoteToken } = store.getState();
    if (selectedId === null || table.rowOfId.has(selectedId) || remoteEvent?.id === selectedId) return;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    getApi(apiUrl(base, 'event', [['id', selectedId]]), readEvent, remoteToken, controller.signal, fetcher).then(
      (event) => {
        if (!controller.signal.aborted && store.getState().selectedId === event.id) store.getState().setRemoteEvent(event);
      },
      // Not found, or the server is down (the view's requests say so): no details.
      () => {},
    );
  };
  const unsubscribe = store.subscribe((s: AppState) => [s.selectedId, s.table, s.remoteToken] as const, ask, { equalityFn: (a, b) => a.every((v, i) => v === b[i]) });
  ask();
  return () => {
    unsubscribe();
    current?.abort();
  };
}

/** Events `offset` on of the view on screen (the Events table's page when the window holds more than the page's events). */
export function fetchEventsPage(base: URL, view: RemoteViewRequest, offset: number, limit: number, token: string | null, signal: AbortSignal, fetcher: typeof fetch = fetch) {
  const url = new URL(viewUrls(base, view).events);
  url.searchParams.set('offset', String(offset));
  url.searchParams.set('limit', String(limit));
  return getApi(url.href, readEvents, token, signal, fetcher);
}

/** Bins of the overview strip, whatever its width (it moves them onto its pixels). */
const OVERVIEW_BINS = 800;

/** The overview strip's counts: all the data under the filters, asked again when the filters change. */
function followOverview(store: AppStore, base: URL, fetcher: typeof fetch): () => void {
  let current: AbortController | null = null;
  const ask = () => {
    const { filters, remoteInfo, remoteToken, remoteOverview } = store.getState();
    if (!remoteInfo) return;
    const key = JSON.stringify(filterParams(filters));
    if (remoteOverview?.key === key) return;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const extent = initialWindow(remoteInfo.extent);
    getApi(overviewUrl(base, filters, extent, OVERVIEW_BINS), readBins, remoteToken, controller.signal, fetcher).then(
      (lanes) => {
        if (controller.signal.aborted) return;
        const counts = new Array<number>(OVERVIEW_BINS).fill(0);
        for (const lane of lanes) lane.counts.forEach((c, i) => (counts[i] = counts[i]! + c));
        store.getState().setRemoteOverview({ key, from: extent.from, to: extent.to, counts });
      },
      // The view's requests say when the server is down; the strip is asked again with the next filters.
      () => {},
    );
  };
  const unsubscribe = store.subscribe((s: AppState) => [s.filters, s.remoteToken] as const, ask, { equalityFn: (a, b) => a.every((v, i) => v === b[i]) });
  ask();
  return () => {
    unsubscribe();
    current?.abort();
  };
}

/**
 * The place filter's counts for the settled window and filters (as a file's are counted), asked
 * apart from the view's answers so that the lanes never wait for them. The last ones stay until
 * the next arrive.
 */
function followPlaces(store: AppStore, base: URL, fetcher: typeof fetch): () => void {
  let current: AbortController | null = null;
  let asked = '';
  const ask = () => {
    const { settledFilters, settledWindow, remoteInfo, remoteToken } = store.getState();
    if (!remoteInfo) return;
    const url = placesUrl(base, settledFilters, { from: Math.floor(settledWindow.from), to: Math.ceil(settledWindow.to) });
    if (url === asked) return;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    asked = url;
    getApi(url, readPlaces, remoteToken, controller.signal, fetcher).then(
      (places) => {
        if (!controller.signal.aborted) store.getState().setRemotePlaces({ key: url, ...places });
      },
      // The view's requests say when the server is down; asked again with the next window or filters.
      () => {
        if (asked === url) asked = '';
      },
    );
  };
  // A new answer of the view also asks again after a failure: the server is back.
  const unsubscribe = store.subscribe((s: AppState) => [s.settledFilters, s.settledWindow, s.remoteToken, s.remoteAnswer] as const, ask, { equalityFn: (a, b) => a.every((v, i) => v === b[i]) });
  ask();
  return () => {
    unsubscribe();
    current?.abort();
  };
}
