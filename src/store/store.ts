// The one store, in slices: data · view · filters · selection · ui. Actions live in the store.
// createAppStore() is a factory so that each test builds a fresh one; the canvas renderer reads
// it through subscribe(), outside React.
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ConflictEvent, Dataset, DatasetInfo } from '../model/schema.ts';
import { createActorResolver, type ActorResolver } from '../model/actors.ts';
import { arrayEvents, assembleEventTable, buildEventTable, type EventTable, type TableColumns } from '../table/eventTable.ts';
import { packedEvents, type PackedEvents } from '../table/packedEvents.ts';
import { NO_FILTERS, type Filters } from '../table/filter.ts';
import type { GeoBox } from '../model/geo.ts';
import { formatBbox, roundBox } from '../model/bbox.ts';
import type { LaneMode } from '../layout/lanes.ts';
import { clampWindow, initialWindow, panWindow, zoomWindow, type TimeWindow } from './window.ts';
import type { UrlView } from './url.ts';
import { mergeInto } from '../io/merge.ts';
import { appendEvents } from '../table/appendEvents.ts';
import { releasePreviewTable } from '../table/previewTable.ts';
import type { ImportReport } from '../io/report.ts';
import type { ColumnMapping } from '../io/columnMapping.ts';
import type { ImportFormat } from '../io/formats.ts';
import type { ImportPhase } from '../io/workerProtocol.ts';
import type { KeptFileInfo } from '../storage/keptFiles.ts';
import { uiLocaleOf, type UiLang } from '../i18n/locale.ts';
import type { EventFocus } from '../layout/keyboardFocus.ts';
import type { RemoteAnswer, RemoteInfo, RemoteMapAnswer, RemoteOverview, RemotePlaces } from './remoteView.ts';
import { clampMapView, type MapView } from '../layout/mapView.ts';
import { defaultMapView } from '../layout/mapFit.ts';
import { EMPTY_STORY, type Story } from '../story/story.ts';
import { recordEdit, undoEdit } from '../story/storyHistory.ts';
import type { PlaybackMode, PlaybackSpeed } from './playback.ts';

export type LoadMode = 'replace' | 'add';

export interface ImportProgress {
  fileName: string;
  /** The worker's phases, or a data link's download whose size the server gave. */
  phase: ImportPhase | 'downloading';
  /** 0–1 while downloading, parsing or reading again; reading has no fraction. */
  fraction: number;
}

/** A plain CSV waiting for the user to say which column is which. */
export interface MappingRequest {
  file: Blob;
  fileName: string;
  columns: string[];
  sample: string[][];
  guess: ColumnMapping;
  mode: LoadMode;
}

/** How the last change came about: discrete actions push a history entry, continuous ones (zooming, typing) replace it. */
export type ChangeKind = 'init' | 'push' | 'replace' | 'url';

export interface Notice {
  id: number;
  text: string;
}

/** Where the loaded data came from, which decides whether a link can carry it. */
export type DataSource = { kind: 'bundled' } | { kind: 'link'; url: string } | { kind: 'files'; names: string[] } | { kind: 'server'; url: string };

interface DataSlice {
  /** What the loaded data says about itself; its events are in `table`. */
  dataset: DatasetInfo | null;
  dataSource: DataSource;
  table: EventTable;
  resolver: ActorResolver;
  /**
   * Shows a dataset. `replace` starts afresh (window on the data, no filters); `add` merges it into
   * the loaded one and keeps the filters. Either way the window shows all the data.
   */
  /** `columns`: the table's columns computed with the dataset (by the import worker); ignored when adding. */
  loadDataset(dataset: Dataset, options?: { mode?: LoadMode; source?: DataSource; columns?: TableColumns }): void;
  /**
   * As loadDataset, for what the import worker sends: the events packed, with the table's columns.
   * The table keeps them packed and builds an event only when it is shown or exported.
   */
  loadPacked(packed: PackedEvents, columns: TableColumns, options?: { mode?: LoadMode; source?: DataSource }): void;
  /** While a large file is read: its when and what (see previewTable), shown inert; null otherwise. */
  previewing: Previewing | null;
  /** Shows a file's preview in place of the loaded data, keeping that to put back (see endPreview); the URL is left alone. */
  showPreview(fileName: string, title: string | null, table: EventTable): void;
  /** The file could not be read after all: the data and view from before its preview come back. */
  endPreview(): void;
}

/** The preview shown, and what it stands in front of. */
export interface Previewing {
  fileName: string;
  /** Rows in the file (the preview may hold fewer: those with a readable start). */
  rows: number;
  before: Pick<AppState, 'dataset' | 'table' | 'resolver' | 'window' | 'settledWindow' | 'filters' | 'settledFilters' | 'selectedId'>;
}

/** How the data server is doing: answering, a view on its way, not answering (retrying), or asking for a token. */
export type RemoteStatus = 'idle' | 'loading' | 'failing' | 'needs-token';

interface RemoteSlice {
  /** The data server the `source` parameter names (as given); null: data in the page. */
  remoteSource: string | null;
  /** Starts reading from a data server: what the page shows until /api/info answers. */
  beginRemote(url: string): void;
  /** The data server's count and extent (the `source` parameter); null: data in the page. */
  remoteInfo: RemoteInfo | null;
  /** Its answer for the view last answered (maybe not the current view: it is drawn until the next arrives). */
  remoteAnswer: RemoteAnswer | null;
  remoteStatus: RemoteStatus;
  /** The bearer token the user gave; in memory only, never in a URL. */
  remoteToken: string | null;
  /** Shows the data server's dataset: no events in the page until its first answer, the window on all its data. */
  showRemoteData(url: string, dataset: DatasetInfo, info: RemoteInfo): void;
  receiveRemoteAnswer(answer: RemoteAnswer): void;
  setRemoteStatus(status: RemoteStatus): void;
  setRemoteToken(token: string | null): void;
  /** The selected event as the server gave it, when it is not among the events in the page. */
  remoteEvent: ConflictEvent | null;
  setRemoteEvent(event: ConflictEvent | null): void;
  remoteOverview: RemoteOverview | null;
  setRemoteOverview(overview: RemoteOverview): void;
  /** The place filter's counts from the server, for the settled window and filters (maybe the last ones, until the next come). */
  remotePlaces: RemotePlaces | null;
  setRemotePlaces(places: RemotePlaces): void;
  // --- server-map: the map's answer from the data server ---
  /** The server's points or cells for the map's view last answered (drawn until the next arrives); null: none yet, or data in the page. */
  remoteMap: RemoteMapAnswer | null;
  receiveRemoteMap(answer: RemoteMapAnswer): void;
  // --- end server-map ---
}

interface ViewSlice {
  window: TimeWindow;
  /**
   * The window once zooming pauses: the Events table and the filter counts follow this one, so
   * that a continuous zoom does not list every visible event on every frame.
   */
  settledWindow: TimeWindow;
  /** The size of the timeline's lanes on screen (set by the renderer), which exports reproduce. */
  plotSize: { width: number; height: number } | null;
  setPlotSize(size: { width: number; height: number }): void;
  lanes: LaneMode;
  /** Sets the window. `replace` (zooming) replaces the history entry; `push` adds one. */
  setWindow(window: TimeWindow, how?: 'replace' | 'push'): void;
  zoomBy(factor: number, anchor?: number, how?: 'replace' | 'push'): void;
  panBy(fraction: number, how?: 'replace' | 'push'): void;
  showAll(): void;
  setLanes(lanes: LaneMode): void;
}

interface FilterSlice {
  filters: Filters;
  /**
   * The filters a moment after they change: the timeline and the status line answer at once, and
   * the Events table and the counts beside the filters follow just after (see useCountsView).
   */
  settledFilters: Filters;
  /** Changes filters; typing in the search box passes `replace` so that each key is not a history entry. */
  setFilters(patch: Partial<Filters>, how?: 'replace' | 'push'): void;
  /** Keeps only the events in the box (null: anywhere); a history entry. Edges rounded as the URL writes them. */
  setArea(box: GeoBox | null): void;
  clearFilters(): void;
}

interface SelectionSlice {
  selectedId: string | null;
  hoveredRow: number | null;
  /** The event the keyboard is on (drawn with a ring while the timeline has focus, and announced). */
  focus: EventFocus | null;
  select(id: string | null): void;
  hover(row: number | null): void;
  setFocus(focus: EventFocus | null): void;
}

interface UiSlice {
  /** The UI language (the `lang` parameter, else the browser's); it also sets the page's direction. */
  lang: UiLang;
  setLang(lang: UiLang): void;
  /** Whether the keyboard-shortcut list is open. */
  keyboardHelpOpen: boolean;
  setKeyboardHelpOpen(open: boolean): void;
  notices: Notice[];
  lastChange: ChangeKind;
  importing: ImportProgress | null;
  /** The choices next to "Open data file", used for the picker and for dropped files alike. */
  importOptions: { format: ImportFormat | 'auto'; mode: LoadMode };
  setImportOptions(patch: Partial<{ format: ImportFormat | 'auto'; mode: LoadMode }>): void;
  importReport: ImportReport | null;
  mappingRequest: MappingRequest | null;
  setImporting(progress: ImportProgress | null): void;
  showImportReport(report: ImportReport | null): void;
  requestMapping(request: MappingRequest | null): void;
  /** The files kept in this browser (IndexedDB), which come back after a reload. */
  keptFiles: KeptFileInfo[];
  setKeptFiles(files: KeptFileInfo[]): void;
  addNotice(text: string): void;
  dismissNotice(id: number): void;
  /**
   * Puts the store in the view a URL describes (on load and on Back/Forward); `push` when it is a new
   * view (a story's step); `replace` when it takes the place of the current entry (a presenter's next step).
   */
  applyUrlView(view: UrlView, change?: 'url' | 'push' | 'replace'): void;
}

/** The map panel (issue #24). */
interface MapSlice {
  /** The map's view; null: the map is hidden (the `map` parameter is absent). */
  mapView: MapView | null;
  /** Shows the map at `view`, or where the events with coordinates are. Adds a history entry. */
  showMap(view?: MapView): void;
  hideMap(): void;
  /** Moves the map. `replace` (panning, zooming) replaces the history entry; `push` adds one. */
  setMapView(view: MapView, how?: 'replace' | 'push'): void;
  /** The map's size on screen (set by its renderer): a data server is asked for what it shows. */
  mapSize: { width: number; height: number } | null;
  setMapSize(size: { width: number; height: number } | null): void;
}

/** The story being written or presented (issue #25). */
interface StorySlice {
  /** The story; one with no steps when none is being written. */
  story: Story;
  /** Earlier versions of the story, newest last, for Undo. */
  storyPast: Story[];
  /** Changes the story through a pure edit (see story/story.ts); an edit that changes something can be undone. */
  editStory(edit: (story: Story) => Story): void;
  undoStory(): void;
  /** Puts a story in place of the one being written (opened from a file, a link or this browser); Undo brings the old one back. */
  openStory(story: Story): void;
  /** The step being presented (0-based); null: not presenting. */
  presenting: number | null;
  /** Starts or moves the presentation (the step's view is applied by the presenter), or ends it with null. */
  present(step: number | null): void;
  /** Whether the Story panel is open. */
  storyPanelOpen: boolean;
  setStoryPanelOpen(open: boolean): void;
}

// --- story: write ---
/** Keeping the story being written in this browser (IndexedDB), so that it survives a reload. */
interface StoryKeepSlice {
  /** 'unknown' until start-up asked; 'unavailable' where this browser cannot keep it (no IndexedDB, full, refused). */
  storyKept: 'unknown' | 'kept' | 'unavailable';
  setStoryKept(kept: 'kept' | 'unavailable'): void;
  /** Puts back the story kept in this browser: not an edit, so Undo does not take it away. */
  restoreStory(story: Story): void;
}
// --- end story: write ---

// --- playback ---
/** Playback through time (issue #25): the state the Play control shows; playbackDriver.ts moves the window. */
interface PlaybackSlice {
  /** Whether the window is moving through time. */
  playing: boolean;
  playbackSpeed: PlaybackSpeed;
  playbackMode: PlaybackMode;
  /** At the end of the data, start again from its start (else stop). */
  playbackLoop: boolean;
  /** A video is being recorded of the playback: it plays once, whatever `playbackLoop` says. */
  recordingVideo: boolean;
  play(): void;
  pause(): void;
  setPlaybackSpeed(speed: PlaybackSpeed): void;
  setPlaybackMode(mode: PlaybackMode): void;
  setPlaybackLoop(loop: boolean): void;
  setRecordingVideo(recording: boolean): void;
}
// --- end playback ---

export type AppState = DataSlice & RemoteSlice & ViewSlice & FilterSlice & SelectionSlice & UiSlice & MapSlice & StorySlice & StoryKeepSlice & PlaybackSlice;
export type AppStore = ReturnType<typeof createAppStore>;

const EMPTY_TABLE = buildEventTable({ events: [], actors: [] });

/** How long zooming must pause before the table and counts catch up. */
const SETTLE_MS = 150;
/** How long after a filter change the table and counts catch up: after the timeline's next frame. */
const FILTER_SETTLE_MS = 40;

function withoutEvents({ events: _events, ...info }: Dataset): DatasetInfo {
  return info;
}

export function createAppStore(initial?: { dataset?: Dataset; lang?: UiLang }) {
  const dataset = initial?.dataset ?? null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let filterTimer: ReturnType<typeof setTimeout> | null = null;
  // Each store numbers its own notices (two apps on a page, or tests, never share a counter).
  let noticeId = 0;
  const table = dataset ? buildEventTable(dataset) : EMPTY_TABLE;
  return createStore<AppState>()(
    subscribeWithSelector((set, get) => {
      const settleFilters = () => {
        if (filterTimer !== null) clearTimeout(filterTimer);
        filterTimer = setTimeout(() => {
          filterTimer = null;
          set({ settledFilters: get().filters });
        }, FILTER_SETTLE_MS);
      };
      /**
       * Shows new data: `table` builds its table, `whole` gives it with all its events (built) for a
       * merge. A merge adds the new events to the loaded table without building its events.
       */
      const load = (incoming: DatasetInfo, table: () => EventTable, whole: () => Dataset, options: { mode?: LoadMode; source?: DataSource }) => {
        const { dataset: current, table: currentTable, previewing } = get();
        let next = incoming;
        let nextTable: EventTable;
        if (options.mode === 'add' && current) {
          const merged = mergeInto(current, (id) => currentTable.rowOfId.has(id), whole());
          next = merged.info;
          nextTable = appendEvents(currentTable, merged.added, merged.info.actors);
          if (merged.duplicateEvents.length) {
            const n = merged.duplicateEvents.length;
            const { t, locale } = uiLocaleOf(get().lang);
            get().addNotice(t.alreadyLoaded(n, new Intl.NumberFormat(locale).format(n), merged.duplicateEvents[0]!));
          }
        } else {
          nextTable = table();
        }
        set({
          dataset: next,
          dataSource: sourceAfter(get().dataSource, options.source ?? { kind: 'bundled' }, options.mode === 'add' && current !== null),
          table: nextTable,
          resolver: createActorResolver(next.actors),
          hoveredRow: null,
          focus: null,
          window: initialWindow(nextTable.extent),
          settledWindow: initialWindow(nextTable.extent),
          selectedId: null,
          ...(options.mode === 'add' ? {} : { filters: NO_FILTERS, settledFilters: NO_FILTERS }),
          remoteSource: null,
          remoteInfo: null,
          remoteAnswer: null,
          remoteOverview: null,
          remotePlaces: null,
          remoteMap: null,
          remoteStatus: 'idle',
          lastChange: 'push',
          previewing: null,
        });
        if (previewing) releasePreviewTable(currentTable);
      };
      return {
      dataset: dataset && withoutEvents(dataset),
      dataSource: { kind: 'bundled' },
      table,
      resolver: createActorResolver(dataset?.actors ?? []),
      loadDataset(incoming, options = {}) {
        const { events, ...info } = incoming;
        const table = () => (options.columns ? assembleEventTable(incoming.actors, arrayEvents(events), options.columns) : buildEventTable(incoming));
        load(info, table, () => incoming, options);
      },
      loadPacked(packed, columns, options = {}) {
        const source = packedEvents(packed);
        const whole = () => ({ ...packed.info, events: Array.from({ length: source.size }, (_, i) => source.eventAt(i)) });
        load(packed.info, () => assembleEventTable(packed.info.actors, source, columns), whole, options);
      },
      previewing: null,
      showPreview(fileName, title, table) {
        const s = get();
        const before = s.previewing?.before ?? { dataset: s.dataset, table: s.table, resolver: s.resolver, window: s.window, settledWindow: s.settledWindow, filters: s.filters, settledFilters: s.settledFilters, selectedId: s.selectedId };
        const window = initialWindow(table.extent);
        set({
          previewing: { fileName, rows: table.size, before },
          dataset: { title: title ?? fileName, attribution: fileName, actors: [] },
          table,
          resolver: createActorResolver([]),
          window,
          settledWindow: window,
          filters: NO_FILTERS,
          settledFilters: NO_FILTERS,
          selectedId: null,
          hoveredRow: null,
          focus: null,
          // The link keeps naming the view before it until the file is read.
          lastChange: 'init',
        });
        if (s.previewing) releasePreviewTable(s.table);
      },
      endPreview() {
        const previewing = get().previewing;
        if (!previewing) return;
        const shown = get().table;
        set({ ...previewing.before, previewing: null, hoveredRow: null, focus: null, lastChange: 'init' });
        releasePreviewTable(shown);
      },

      remoteSource: null,
      beginRemote(url) {
        set({ remoteSource: url, remoteStatus: 'loading' });
      },
      remoteInfo: null,
      remoteAnswer: null,
      remoteStatus: 'idle',
      remoteToken: null,
      showRemoteData(url, info, remote) {
        const empty = buildEventTable({ events: [], actors: info.actors });
        const window = initialWindow(remote.extent);
        set({
          dataset: info,
          dataSource: { kind: 'server', url },
          table: empty,
          resolver: createActorResolver(info.actors),
          remoteInfo: remote,
          remoteAnswer: null,
          remoteMap: null,
          hoveredRow: null,
          focus: null,
          selectedId: null,
          window,
          settledWindow: window,
          filters: NO_FILTERS,
          settledFilters: NO_FILTERS,
          lastChange: 'init',
        });
      },
      receiveRemoteAnswer(answer) {
        if (!get().remoteInfo) return;
        const tableChanged = answer.table !== get().table;
        set({ remoteAnswer: answer, table: answer.table, ...(tableChanged ? { hoveredRow: null, focus: null } : {}) });
      },
      setRemoteStatus(status) {
        if (status !== get().remoteStatus) set({ remoteStatus: status });
      },
      setRemoteToken(token) {
        set({ remoteToken: token });
      },
      remoteEvent: null,
      setRemoteEvent(event) {
        set({ remoteEvent: event });
      },
      remoteOverview: null,
      setRemoteOverview(overview) {
        if (get().remoteInfo) set({ remoteOverview: overview });
      },
      remotePlaces: null,
      setRemotePlaces(places) {
        if (get().remoteInfo) set({ remotePlaces: places });
      },
      // --- server-map ---
      remoteMap: null,
      receiveRemoteMap(answer) {
        if (get().remoteInfo) set({ remoteMap: answer });
      },
      // --- end server-map ---

      window: initialWindow(table.extent),
      settledWindow: initialWindow(table.extent),
      plotSize: null,
      setPlotSize(size) {
        const current = get().plotSize;
        if (!current || current.width !== size.width || current.height !== size.height) set({ plotSize: size });
      },
      lanes: 'type',
      setWindow(window, how = 'push') {
        const next = clampWindow(window);
        if (next.from === get().window.from && next.to === get().window.to) return;
        if (settleTimer !== null) clearTimeout(settleTimer);
        settleTimer = null;
        if (how === 'push') set({ window: next, settledWindow: next, lastChange: how, hoveredRow: null });
        else {
          set({ window: next, lastChange: how, hoveredRow: null });
          settleTimer = setTimeout(() => {
            settleTimer = null;
            set({ settledWindow: get().window });
          }, SETTLE_MS);
        }
      },
      zoomBy(factor, anchor = 0.5, how = 'push') {
        get().setWindow(zoomWindow(get().window, factor, anchor), how);
      },
      panBy(fraction, how = 'push') {
        get().setWindow(panWindow(get().window, fraction), how);
      },
      showAll() {
        get().setWindow(initialWindow(dataExtentOf(get())), 'push');
      },
      setLanes(lanes) {
        if (lanes !== get().lanes) set({ lanes, lastChange: 'push' });
      },

      filters: NO_FILTERS,
      settledFilters: NO_FILTERS,
      setFilters(patch, how = 'push') {
        set({ filters: { ...get().filters, ...patch }, lastChange: how });
        settleFilters();
      },
      setArea(box) {
        const area = box && roundBox(box);
        const current = get().filters.area;
        if (area === current || (area && current && formatBbox(area) === formatBbox(current))) return;
        get().setFilters({ area }, 'push');
      },
      clearFilters() {
        set({ filters: NO_FILTERS, lastChange: 'push' });
        settleFilters();
      },

      selectedId: null,
      hoveredRow: null,
      select(id) {
        if (id !== get().selectedId) set({ selectedId: id, lastChange: 'push' });
      },
      hover(row) {
        if (row !== get().hoveredRow) set({ hoveredRow: row });
      },
      focus: null,
      setFocus(focus) {
        const current = get().focus;
        if (focus?.row !== current?.row || focus?.lane !== current?.lane) set({ focus });
      },

      lang: initial?.lang ?? 'en',
      setLang(lang) {
        if (lang !== get().lang) set({ lang });
      },
      keyboardHelpOpen: false,
      setKeyboardHelpOpen(open) {
        set({ keyboardHelpOpen: open });
      },
      importing: null,
      importOptions: { format: 'auto', mode: 'replace' },
      setImportOptions(patch) {
        set({ importOptions: { ...get().importOptions, ...patch } });
      },
      importReport: null,
      mappingRequest: null,
      setImporting(progress) {
        set({ importing: progress });
      },
      showImportReport(report) {
        set({ importReport: report });
      },
      requestMapping(request) {
        set({ mappingRequest: request });
      },
      keptFiles: [],
      setKeptFiles(files) {
        set({ keptFiles: files });
      },
      mapView: null,
      showMap(view) {
        const { table } = get();
        const next = clampMapView(view ?? defaultMapView(table));
        set({ mapView: next, lastChange: 'push' });
      },
      hideMap() {
        if (get().mapView) set({ mapView: null, lastChange: 'push' });
      },
      setMapView(view, how = 'replace') {
        const next = clampMapView(view);
        const current = get().mapView;
        if (current && next.lon === current.lon && next.lat === current.lat && next.zoom === current.zoom) return;
        set({ mapView: next, lastChange: how });
      },
      mapSize: null,
      setMapSize(size) {
        const current = get().mapSize;
        if (size === current || (size && current && size.width === current.width && size.height === current.height)) return;
        set({ mapSize: size });
      },

      story: EMPTY_STORY,
      storyPast: [],
      editStory(edit) {
        const { story, storyPast } = get();
        const next = recordEdit({ story, past: storyPast }, edit(story));
        if (next.story !== story) set({ story: next.story, storyPast: next.past, presenting: clampStep(get().presenting, next.story) });
      },
      undoStory() {
        const { story, storyPast } = get();
        const previous = undoEdit({ story, past: storyPast });
        if (previous.story !== story) set({ story: previous.story, storyPast: previous.past, presenting: clampStep(get().presenting, previous.story) });
      },
      openStory(story) {
        const next = recordEdit({ story: get().story, past: get().storyPast }, story);
        set({ story: next.story, storyPast: next.past, presenting: null });
      },
      presenting: null,
      present(step) {
        const next = step === null ? null : clampStep(step, get().story);
        if (next !== get().presenting) set({ presenting: next });
      },
      storyPanelOpen: false,
      setStoryPanelOpen(open) {
        if (open !== get().storyPanelOpen) set({ storyPanelOpen: open });
      },
      // --- story: write ---
      storyKept: 'unknown',
      setStoryKept(kept) {
        if (kept !== get().storyKept) set({ storyKept: kept });
      },
      restoreStory(story) {
        set({ story, storyPast: [], presenting: null });
      },
      // --- end story: write ---

      // --- playback ---
      playing: false,
      playbackSpeed: 'day',
      playbackMode: 'sliding',
      playbackLoop: false,
      recordingVideo: false,
      play() {
        if (!get().playing && dataExtentOf(get())) set({ playing: true });
      },
      pause() {
        if (get().playing) set({ playing: false });
      },
      setPlaybackSpeed(speed) {
        if (speed !== get().playbackSpeed) set({ playbackSpeed: speed });
      },
      setPlaybackMode(mode) {
        if (mode !== get().playbackMode) set({ playbackMode: mode });
      },
      setPlaybackLoop(loop) {
        if (loop !== get().playbackLoop) set({ playbackLoop: loop });
      },
      setRecordingVideo(recording) {
        if (recording !== get().recordingVideo) set({ recordingVideo: recording });
      },
      // --- end playback ---

      notices: [],
      lastChange: 'init',
      addNotice(text) {
        set({ notices: [...get().notices, { id: ++noticeId, text }] });
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
      applyUrlView(view, change = 'url') {
        const window = view.window ?? initialWindow(dataExtentOf(get()));
        set({
          window,
          settledWindow: window,
          lanes: view.lanes,
          filters: view.filters,
          settledFilters: view.filters,
          selectedId: view.event,
          hoveredRow: null,
          mapView: view.map ?? null,
          lastChange: change,
        });
      },
    };
    }),
  );
}

/** A step that still exists after an edit (the last one when it went); null when there are none. */
function clampStep(step: number | null, story: Story): number | null {
  if (step === null || story.steps.length === 0) return null;
  return Math.max(0, Math.min(story.steps.length - 1, step));
}

/** Adding a file to linked or bundled data makes data that no link can carry. */
function sourceAfter(current: DataSource, incoming: DataSource, adding: boolean): DataSource {
  if (!adding) return incoming;
  const names = [...(current.kind === 'files' ? current.names : []), ...(incoming.kind === 'files' ? incoming.names : [])];
  if (current.kind === 'files' || incoming.kind === 'files') return { kind: 'files', names };
  return incoming;
}

/** The extent of all the data: the data server's, or the table's. */
export function dataExtentOf(state: Pick<AppState, 'remoteInfo' | 'table'>): TimeWindow | null {
  return state.remoteInfo ? state.remoteInfo.extent : state.table.extent;
}

/** The part of the state the URL serialises. */
export function urlViewOf(state: AppState): UrlView {
  return { window: state.window, event: state.selectedId, lanes: state.lanes, filters: state.filters, map: state.mapView };
}

/** The area filter's box, which the map outlines. */
export const areaOf = (state: Pick<AppState, 'filters'>): GeoBox | null => state.filters.area;
