// A story's HTML file from the store: each step's view read against the loaded data, the events
// the file carries, each step's picture, and the writer. No DOM: the browser's export and the
// Node scripts (tests, bench) pass what differs (text measure, viewer bundle, maps, date).
import type { AppStore } from '../store/store.ts';
import type { UrlView } from '../store/url.ts';
import type { UiLocale } from '../i18n/locale.ts';
import { LIGHT_THEME } from '../render/theme.ts';
import type { MeasureText } from './textFit.ts';
import type { MapSvgInput } from './mapSvg.ts';
import { fileSlug } from './viewExport.ts';
import { storyDataset, storyRows, storyStepViews, storyWithWindows, STORY_DATA_CAP, type StepView, type StoryDataScope } from './storyData.ts';
import { storyPictures, type stateShowing } from './storyPictures.ts';
import { storyHtml } from './storyHtml.ts';

export interface StoryFileOptions {
  ui: UiLocale;
  measure: MeasureText;
  now: Date;
  /** The viewer's bundle; null: a file without its interactive part. */
  viewer: { js: string; css: string } | null;
  permalinkOf(view: UrlView): string | null;
  mapOf?(state: ReturnType<typeof stateShowing>): MapSvgInput | null;
  /** Events above which only those the steps show are carried (STORY_DATA_CAP). */
  cap?: number;
}

export interface StoryFile {
  html: string;
  fileName: string;
  /** How many events the file carries, and which. */
  events: number;
  scope: StoryDataScope;
}

/** The story's title, else the data's: a file needs a name and a heading. */
export function storyTitle(store: AppStore, ui: UiLocale): string {
  const { story, dataset } = store.getState();
  return story.title.trim() || dataset?.title || ui.t.storyUntitled;
}

/** "armenia-azerbaijan-border-clashes.story.html" */
export const storyFileName = (title: string) => `${fileSlug(title)}.story.html`;

/** Each step's picture as "Export SVG" would draw it (always light: the file and paper are white). */
export function stepPictures(store: AppStore, views: readonly StepView[], options: Pick<StoryFileOptions, 'ui' | 'measure' | 'now' | 'permalinkOf' | 'mapOf'>): string[] {
  return storyPictures(store.getState(), views, { ui: options.ui, theme: LIGHT_THEME, measure: options.measure, now: options.now, permalinkOf: options.permalinkOf, mapOf: options.mapOf });
}

export async function writeStoryFile(store: AppStore, options: StoryFileOptions): Promise<StoryFile> {
  const state = store.getState();
  const { ui } = options;
  const views = storyStepViews(store, state.story);
  const { rows, scope } = storyRows(state.table, views, options.cap ?? STORY_DATA_CAP);
  const n = new Intl.NumberFormat(ui.locale);
  const dataNote = scope === 'all' ? ui.t.storyDataAll(n.format(rows.length), rows.length) : ui.t.storyDataSteps(n.format(rows.length), n.format(state.table.size));
  const pictures = stepPictures(store, views, options);
  const title = storyTitle(store, ui);
  const date = new Intl.DateTimeFormat(ui.locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(options.now);
  const html = await storyHtml({
    title,
    lang: ui.lang,
    dir: ui.dir,
    locale: ui.locale,
    story: storyWithWindows({ ...state.story, title }, views),
    steps: state.story.steps.map((step, i) => ({ caption: step.caption, sources: step.sources, svg: pictures[i] ?? null })),
    dataset: storyDataset(store, rows, dataNote),
    dataNote,
    exported: ui.t.exported(date),
    viewer: options.viewer,
    words: ui.t,
  });
  return { html, fileName: storyFileName(title), events: rows.length, scope };
}
