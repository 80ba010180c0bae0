// What an image export of the current view holds, from the store's state. Pure once given a way to
// measure text; the same layout code as the screen places the marks.
import type { AppState } from '../store/store.ts';
import { visibleRows } from '../store/derived.ts';
import { EVENT_TYPES, EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { layoutAxis } from '../layout/ticks.ts';
import { ROW_HEIGHT } from '../layout/marks.ts';
import { lanesForView, layoutView, maxActorLanes } from '../render/viewLayout.ts';
import type { TimelineTheme } from '../render/theme.ts';
import { filtersInWords } from '../i18n/describeFilters.ts';
import { describeWindow } from '../i18n/describeWindow.ts';
import type { LegendEntry, ViewSvgInput } from './viewSvg.ts';
import type { MeasureText } from './textFit.ts';
import type { UiLocale } from '../i18n/locale.ts';
import type { MapSvgInput } from './mapSvg.ts';

const MIN_PLOT_HEIGHT = 60;
/** A lane drawn as a density needs room for its caption and bars. */
const MIN_DENSITY_LANE = 64;

export interface ViewExportOptions {
  /** The UI language: the image's words, dates and numbers follow it. */
  ui: UiLocale;
  theme: TimelineTheme;
  measure: MeasureText;
  now: Date;
  permalink: string | null;
  /** Used when the screen has not laid out the timeline (e.g. it is hidden). */
  fallbackSize?: { width: number; height: number };
  /** The map as shown (see mapSvgInput); absent or null when the map is hidden. */
  map?: MapSvgInput | null;
}

/** With a data server, its answer and count (what is drawn, and the N and M of the summary). */
export type ViewExportState = Pick<AppState, 'dataset' | 'table' | 'filters' | 'window' | 'lanes' | 'selectedId' | 'plotSize'> & Partial<Pick<AppState, 'remoteAnswer' | 'remoteInfo'>>;

export function viewSvgInput(state: ViewExportState, options: ViewExportOptions): ViewSvgInput {
  const { theme, measure } = options;
  const { lang, locale, t } = options.ui;
  const size = state.plotSize && state.plotSize.width > 0 ? state.plotSize : options.fallbackSize ?? { width: 900, height: 420 };
  const lanes = lanesForView(state, lang, maxActorLanes(size.height));
  const measureLabel = (text: string) => measure(text, 12, 400);
  let layout = layoutView(state, lanes, size, lang, measureLabel);
  // An image has no reason to keep the screen's empty rows: lanes shrink to the rows they use.
  const rowsUsed = layout.marks.reduce((most, m) => Math.max(most, m.laneRow + 1), 1);
  const laneHeight = Math.max(rowsUsed * ROW_HEIGHT + 8, layout.densities.length ? MIN_DENSITY_LANE : 0);
  const compactHeight = Math.max(MIN_PLOT_HEIGHT, lanes.lanes.length * laneHeight);
  if (compactHeight < size.height) layout = layoutView(state, lanes, { width: size.width, height: compactHeight }, lang, measureLabel);
  const remoteCounts = state.remoteInfo ? state.remoteAnswer?.counts ?? null : undefined;
  const shown = remoteCounts !== undefined ? remoteCounts?.visible ?? 0 : visibleRows(state).length;
  const total = state.remoteInfo?.count ?? state.table.size;
  const n = new Intl.NumberFormat(locale);
  const present = new Set<number>(remoteCounts ? EVENT_TYPES.flatMap((t, i) => ((remoteCounts.types[t] ?? 0) > 0 ? [i] : [])) : state.table.type);
  const shownTypes = state.filters.types;
  const legend: LegendEntry[] = EVENT_TYPES.filter((t, i) => present.has(i) && (!shownTypes.length || shownTypes.includes(t))).map((t) => ({
    label: EVENT_TYPE_INFO[t].label[lang],
    colour: EVENT_TYPE_INFO[t].colour,
    shape: EVENT_TYPE_INFO[t].shape,
  }));
  const mapMarks = options.map?.layout.marks ?? [];
  if (layout.marks.some((m) => m.kind === 'cluster') || mapMarks.some((m) => m.kind === 'cluster')) legend.push({ label: t.legendClusterExport, colour: theme.cluster, shape: 'circle' });
  if (mapMarks.some((m) => m.kind === 'area')) legend.push({ label: t.mapLegendArea, colour: theme.cluster, shape: 'circle' });
  if (mapMarks.some((m) => m.kind !== 'area' && m.spread > 0)) legend.push({ label: t.mapLegendNear, colour: theme.cluster, shape: 'circle' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(options.now);
  const selectedRow = state.selectedId === null ? null : state.table.rowOfId.get(state.selectedId) ?? null;
  return {
    title: state.dataset?.title ?? t.product,
    summary: t.exportSummary(describeWindow(state.window, locale, t), n.format(shown), n.format(total), total),
    filters: filtersInWords(state.filters, state.table, lang, locale, t),
    axis: layoutAxis(state.window.from, state.window.to, size.width, locale),
    layout,
    selectedRow,
    legend,
    attribution: state.dataset?.attribution ?? t.exportNotStated,
    exported: t.exported(date),
    permalink: options.permalink,
    theme,
    measure,
    words: t,
    locale,
    dir: options.ui.dir,
    map: options.map ?? null,
  };
}

/** "armenia-azerbaijan-border-clashes-2022-09-13-to-2022-09-16.svg" */
export function exportFileName(title: string, window: { from: number; to: number }, extension: string): string {
  const slug = fileSlug(title);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `${slug}-${day(window.from)}-to-${day(window.to)}.${extension}`;
}

/** A title as a file name's words: "armenia-azerbaijan-border-clashes" (Latin letters and digits; else "conflict-timeline"). */
export function fileSlug(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'conflict-timeline';
}
