// What a story export holds of the data: each step's view read against the loaded data, and the
// events the file carries (all of them up to a cap; beyond it, those the steps can show).
import type { AppStore } from '../store/store.ts';
import { dataExtentOf } from '../store/store.ts';
import { stepViewOf } from '../store/stepView.ts';
import { encodeUrl, type UrlView } from '../store/url.ts';
import { initialWindow, type TimeWindow } from '../store/window.ts';
import { maskOf } from '../store/derived.ts';
import { rowsInWindow, type EventTable } from '../table/eventTable.ts';
import type { Story } from '../story/story.ts';
import type { Dataset } from '../model/schema.ts';
import { eventsToDataset } from './eventsJson.ts';

/** Up to this many events loaded, a story export carries them all; above, only those the steps show. */
export const STORY_DATA_CAP = 20_000;

/** A step's view as the loaded data reads it, its window made explicit. */
export interface StepView {
  view: UrlView & { window: TimeWindow };
  /** What the view named that the data does not have (actors, an event). */
  ignored: string[];
}

/** Each step's view; a step without a window shows what a link without one shows: the window on all the data. */
export function storyStepViews(store: AppStore, story: Story): StepView[] {
  const allData = initialWindow(dataExtentOf(store.getState()));
  return story.steps.map((step) => {
    const { view, ignored } = stepViewOf(store, step.view);
    return { view: { ...view, window: view.window ?? allData }, ignored };
  });
}

/**
 * The story as the file's viewer reads it: a step without a window gets the one it showed here,
 * since the file may hold fewer events than were loaded (and so another extent).
 */
export function storyWithWindows(story: Story, views: readonly StepView[]): Story {
  return {
    ...story,
    steps: story.steps.map((step, i) => {
      const view = views[i];
      if (!view || new URLSearchParams(step.view).has('from')) return step;
      return { ...step, view: encodeUrl(view.view) };
    }),
  };
}

export type StoryDataScope = 'all' | 'steps';

/**
 * The table rows the file carries, in time order: every row when the table has at most `cap`;
 * else the union over the steps of the rows that pass the step's filters in its window, and the
 * step's selected event.
 */
export function storyRows(table: EventTable, views: readonly StepView[], cap = STORY_DATA_CAP): { rows: Uint32Array; scope: StoryDataScope } {
  if (table.size <= cap) return { rows: Uint32Array.from({ length: table.size }, (_, i) => i), scope: 'all' };
  const wanted = new Uint8Array(table.size);
  for (const { view } of views) {
    for (const row of rowsInWindow(table, maskOf(table, view.filters), view.window.from, view.window.to)) wanted[row] = 1;
    const selected = view.event === null ? undefined : table.rowOfId.get(view.event);
    if (selected !== undefined) wanted[selected] = 1;
  }
  const rows: number[] = [];
  for (let row = 0; row < wanted.length; row++) if (wanted[row] === 1) rows.push(row);
  return { rows: Uint32Array.from(rows), scope: 'steps' };
}

/** The file's dataset: the loaded dataset's fields with the chosen events and the actors they need. */
export function storyDataset(store: AppStore, rows: Uint32Array, note: string): Dataset | null {
  const { dataset, table } = store.getState();
  if (!dataset) return null;
  return eventsToDataset(dataset, Array.from(rows, (row) => table.eventAt(row)), { description: note }).dataset;
}
