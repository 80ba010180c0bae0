// The timeline layout of the store's current view, for the screen and for exports alike: which
// lanes, which rows, their labels in the UI language and the spans of imprecise dates.
import type { AppState } from '../store/store.ts';
import { maskOf, visibleRows } from '../store/derived.ts';
import { actorLanes, typeLanes, type LaneAssignment } from '../layout/lanes.ts';
import { layoutTimeline, ROW_HEIGHT, type TimelineLayout } from '../layout/marks.ts';
import { uncertaintySpan } from '../model/time.ts';
import { pickText } from '../model/text.ts';

export type ViewState = Pick<AppState, 'table' | 'filters' | 'window' | 'lanes'>;

/** Actor lanes get at least two rows each, so that a long bar does not block a whole lane. */
export const maxActorLanes = (plotHeight: number) => Math.max(1, Math.floor(plotHeight / (2 * ROW_HEIGHT + 4)));

export function lanesForView(state: ViewState, lang: string, maxLanes: number): LaneAssignment {
  if (state.lanes === 'type') return typeLanes(state.table, lang, state.filters.types);
  return actorLanes(state.table, maskOf(state.table, state.filters), lang, maxLanes, lang === 'ar' ? 'جهات أخرى' : 'Other actors');
}

export interface ViewSize {
  width: number;
  /** The height of the lanes, without the axis. */
  height: number;
}

export function layoutView(state: ViewState, lanes: LaneAssignment, size: ViewSize, lang: string, measure: (text: string) => number): TimelineLayout {
  const events = state.table.events;
  return layoutTimeline({
    table: state.table,
    rows: visibleRows(state),
    lanes,
    from: state.window.from,
    to: state.window.to,
    width: size.width,
    height: size.height,
    labelOf: (row) => {
      const e = events[row]!;
      return pickText(e.title, lang, e.originalLanguage).text;
    },
    measure,
    uncertaintyOf: (row) => {
      const e = events[row]!;
      if (e.end || e.start.precision === 'minute' || e.start.precision === 'hour') return null;
      const span = uncertaintySpan(e.start);
      return [span.from, span.to];
    },
  });
}
