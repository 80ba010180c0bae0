// The timeline layout of the store's current view, for the screen and for exports alike: which
// lanes, which rows, their labels in the UI language and the spans of imprecise dates.
import type { AppState } from '../store/store.ts';
import { maskOf, maskWithout, typeRowsIndexOf } from '../store/derived.ts';
import type { Filters } from '../table/filter.ts';
import { actorLanes, lanesOfKeys, placeLanes, typeLanes, type LaneAssignment, type PlaceLaneWords } from '../layout/lanes.ts';
import { layoutTimeline, ROW_HEIGHT, type LaneDensity, type TimelineLayout } from '../layout/marks.ts';
import { buildLaneIndex, typeLaneIndex, laneCountInWindow, laneDensity, laneRowsInWindow, type LaneIndex } from '../layout/laneIndex.ts';
import type { EventTable } from '../table/eventTable.ts';
import { densityBinCount, markLimit, resampleBins } from '../layout/density.ts';
import type { RemoteAnswer } from '../store/remoteView.ts';
import { uncertaintySpan } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import type { LocalizedText } from '../model/schema.ts';
import { uiLocaleOf, type UiLang } from '../i18n/locale.ts';

/** With a data server, its last answer (`remoteAnswer`) gives the lanes, and the densities when the window holds many events. */
export type ViewState = Pick<AppState, 'table' | 'filters' | 'window' | 'lanes'> & { remoteAnswer?: RemoteAnswer | null };

/**
 * A mark's label: its title in the UI's language, or else in the language it has, marked with
 * that language's code first ("[AR] …"), as the tooltip and the table say "original, Arabic". First,
 * so that shortening a long label with "…" never cuts the marker off.
 */
export function timelineLabel(title: LocalizedText, lang: UiLang, originalLanguage: string): string {
  const picked = pickText(title, lang, originalLanguage);
  return picked.lang === lang ? picked.text : `${uiLocaleOf(lang).t.originalLabelMarker(picked.lang)} ${picked.text}`;
}

/** Actor lanes get at least two rows each, so that a long bar does not block a whole lane. */
export const maxActorLanes = (plotHeight: number) => Math.max(1, Math.floor(plotHeight / (2 * ROW_HEIGHT + 4)));

const placeWordsOf = (lang: UiLang): PlaceLaneWords => {
  const { locale, t } = uiLocaleOf(lang);
  return { locale, otherPlaces: t.otherPlaces, noPlace: t.noPlace };
};

export function lanesForView(state: ViewState, lang: UiLang, maxLanes: number): LaneAssignment {
  const remote = state.remoteAnswer;
  if (remote) return lanesOfKeys(remote.lanes, remote.laneBins.map((l) => l.key), state.table, lang, uiLocaleOf(lang).t.otherActors, placeWordsOf(lang));
  if (state.lanes === 'type') return typeLanes(state.table, lang, state.filters.types);
  if (state.lanes === 'place') return placeLanes(state.table, maskOf(state.table, state.filters), maxLanes, placeWordsOf(lang));
  return actorLanes(state.table, maskOf(state.table, state.filters), lang, maxLanes, uiLocaleOf(lang).t.otherActors);
}

export interface ViewSize {
  width: number;
  /** The height of the lanes, without the axis. */
  height: number;
}

export { markLimit };

const laneIndexes = new WeakMap<LaneAssignment, { table: EventTable; mask: Uint8Array | null; index: LaneIndex }>();

/**
 * The lane index of the view. Lanes by type read rows per type under every filter but the type
 * filter, which only chooses the lanes: ticking a type reuses the index instead of rebuilding it.
 */
function laneIndexOf(table: EventTable, filters: Filters, lanes: LaneAssignment): LaneIndex {
  if (lanes.laneOfType) {
    return typeLaneIndex(typeRowsIndexOf(table, maskWithout(table, filters, 'types')), lanes.laneOfType, lanes.lanes.length);
  }
  const mask = maskOf(table, filters);
  const hit = laneIndexes.get(lanes);
  if (hit && hit.table === table && hit.mask === mask) return hit.index;
  const index = buildLaneIndex(table, mask, lanes);
  laneIndexes.set(lanes, { table, mask, index });
  return index;
}

/** The lane index of the view: per lane, the rows that pass the filters (for keyboard navigation too). */
export function laneIndexForView(state: ViewState, lanes: LaneAssignment): LaneIndex {
  return laneIndexOf(state.table, state.filters, lanes);
}

/** Rows of several lanes, merged in time order without repeats (an event can sit in two actor lanes). */
function mergeRows(parts: Uint32Array[]): Uint32Array {
  const nonEmpty = parts.filter((p) => p.length);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const all = Uint32Array.from(new Set(nonEmpty.flatMap((p) => Array.from(p))));
  // Rows are numbered in time order, so sorting rows sorts by time.
  return all.sort();
}

/** Mark labels per table and language, kept once made: every zoom frame asks for them again. */
const labelCaches = new WeakMap<EventTable, Map<UiLang, Map<number, string>>>();
function labelCacheOf(table: EventTable, lang: UiLang): Map<number, string> {
  let byLang = labelCaches.get(table);
  if (!byLang) labelCaches.set(table, (byLang = new Map()));
  let labels = byLang.get(lang);
  if (!labels) byLang.set(lang, (labels = new Map()));
  return labels;
}

/**
 * The layout of the view. Lanes with few enough events in the window get a mark per event (points,
 * bars, clusters, labels); busier lanes get their density per few pixels. Either way the work
 * depends on what is drawn, not on how many events are loaded.
 */
export function layoutView(state: ViewState, lanes: LaneAssignment, size: ViewSize, lang: UiLang, measure: (text: string) => number): TimelineLayout {
  // A data server's answer for a window of many events: its sparse lanes' events are in the table, the rest are bins.
  const partial = state.remoteAnswer && !state.remoteAnswer.complete ? state.remoteAnswer : null;
  if (partial && partial.sparseLanes.length === 0) return layoutRemoteDensities(partial, state.window, lanes, size, measure);
  const { table } = state;
  const { from, to } = state.window;
  const index = laneIndexOf(table, state.filters, lanes);
  const labels = labelCacheOf(table, lang);
  const limit = markLimit(size.width);
  const totals = lanes.lanes.map((_, lane) => laneCountInWindow(index, lane, from, to));
  const sparseKeys = new Set(partial?.sparseLanes);
  const dense = partial ? lanes.lanes.map((lane) => !sparseKeys.has(serverKeyOf(lane.key))) : totals.map((total) => total > limit);
  const rows = mergeRows(
    lanes.lanes.map((_, lane) => (dense[lane] ? new Uint32Array(0) : laneRowsInWindow(table, index, lane, from, to))),
  );
  const sparse: LaneAssignment = dense.some(Boolean) ? { lanes: lanes.lanes, lanesOf: (row) => lanes.lanesOf(row).filter((lane) => !dense[lane]) } : lanes;
  const layout = layoutTimeline({
    table,
    rows,
    lanes: sparse,
    from,
    to,
    width: size.width,
    height: size.height,
    clusterLabelOf: (count) => uiLocaleOf(lang).t.clusterLabel(new Intl.NumberFormat(uiLocaleOf(lang).locale).format(count)),
    labelOf: (row) => {
      let label = labels.get(row);
      if (label === undefined) {
        // The title alone: not the whole event, nor its description.
        const e = table.titleAt(row);
        labels.set(row, (label = timelineLabel(e.title, lang, e.originalLanguage)));
      }
      return label;
    },
    measure,
    uncertaintyOf: (row) => {
      const e = table.eventAt(row);
      if (e.end || e.start.precision === 'minute' || e.start.precision === 'hour') return null;
      const span = uncertaintySpan(e.start);
      return [span.from, span.to];
    },
  });
  const bins = densityBinCount(size.width);
  const densities: LaneDensity[] = [];
  dense.forEach((isDense, lane) => {
    if (!isDense) return;
    if (partial) {
      const density = remoteDensity(partial, partial.laneBins.find((l) => l.key === serverKeyOf(lanes.lanes[lane]!.key)), lane, state.window, size);
      if (density) densities.push(density);
    } else densities.push({ lane, total: totals[lane]!, counts: laneDensity(index, lane, from, to, bins), binWidth: size.width / bins, from, binSpan: (to - from) / bins });
  });
  layout.densities = densities;
  return layout;
}

/** A lane's key as the data server gives it: "type:clash" → "clash", "actor:*" → "*", "place:ARM|Syunik" → "ARM|Syunik". */
const serverKeyOf = (laneKey: string) => laneKey.replace(/^(type|actor|place):/, '');

/**
 * A lane's density from the server's bins, null when it has none in the window. Bins of an answer
 * for another window (the next is on its way) are moved onto this one, so zooming draws what it has.
 */
function remoteDensity(answer: RemoteAnswer, laneBins: RemoteAnswer['laneBins'][number] | undefined, lane: number, window: AppState['window'], size: ViewSize): LaneDensity | null {
  if (!laneBins) return null;
  const { from, to } = window;
  const bins = densityBinCount(size.width);
  const same = answer.window.from === from && answer.window.to === to && laneBins.counts.length === bins;
  const counts = same ? Uint32Array.from(laneBins.counts) : resampleBins(laneBins.counts, answer.window.from, answer.window.to, from, to, bins);
  let total = 0;
  for (const c of counts) total += c;
  return total > 0 ? { lane, total, counts, binWidth: size.width / bins, from, binSpan: (to - from) / bins } : null;
}

/** The view from the data server's bins: every lane as a density. */
function layoutRemoteDensities(answer: RemoteAnswer, window: AppState['window'], lanes: LaneAssignment, size: ViewSize, measure: (text: string) => number): TimelineLayout {
  const { from, to } = window;
  const layout = layoutTimeline({ table: answer.table, rows: new Uint32Array(0), lanes, from, to, width: size.width, height: size.height, clusterLabelOf: String, labelOf: () => '', measure, uncertaintyOf: () => null });
  const densities: LaneDensity[] = [];
  answer.laneBins.forEach((laneBins, i) => {
    if (i >= lanes.lanes.length) return;
    const density = remoteDensity(answer, laneBins, i, window, size);
    if (density) densities.push(density);
  });
  layout.densities = densities;
  return layout;
}
