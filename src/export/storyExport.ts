// "Export story" and "Print story" in the browser: the viewer's bundle fetched from the app's own
// origin (dist/story-viewer/, built with the app), text measured with the page's fonts, the maps
// of the steps that show one, and the file downloaded.
import type { AppStore } from '../store/store.ts';
import type { UrlView } from '../store/url.ts';
import { uiLocaleOf } from '../i18n/locale.ts';
import { MAP_THEMES } from '../render/mapTheme.ts';
import { canvasMeasure, downloadBlob } from './browserExport.ts';
import { stepPictures, writeStoryFile } from './storyFile.ts';
import { storyStepViews, type StepView } from './storyData.ts';
import type { stateShowing } from './storyPictures.ts';
import type { MapSvgInput } from './mapSvg.ts';
import type { MeasureText } from './textFit.ts';

/** The viewer's two files, or null when this build has none (the dev server; see scripts/storyViewerBuild.ts). */
async function fetchStoryViewer(): Promise<{ js: string; css: string } | null> {
  const read = async (name: string) => {
    const response = await fetch(new URL(`story-viewer/${name}`, document.baseURI));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.text();
  };
  try {
    const [js, css] = await Promise.all([read('viewer.js'), read('viewer.css')]);
    return { js, css };
  } catch {
    return null;
  }
}

/**
 * Draws the map of the steps whose view shows one, at the map's size on screen (or 480×360): the
 * map's code and the basemaps they need load only now, as for "Export SVG".
 */
async function stepMaps(store: AppStore, views: readonly StepView[], measure: MeasureText): Promise<((state: ReturnType<typeof stateShowing>) => MapSvgInput | null) | undefined> {
  const zooms = views.flatMap(({ view }) => (view.map ? [view.map.zoom] : []));
  if (!zooms.length) return undefined;
  const [{ mapSvgInput }, { atlasFor, loadBasemap }] = await Promise.all([import('./mapExport.ts'), import('../render/basemap.ts')]);
  const scales = [...new Set(zooms.map(atlasFor))];
  const basemaps = new Map(await Promise.all(scales.map(async (scale) => [scale, await loadBasemap(scale).catch(() => null)] as const)));
  const rect = document.querySelector('.map-plot')?.getBoundingClientRect();
  const size = rect && rect.width > 0 ? { width: Math.round(rect.width), height: Math.round(rect.height) } : { width: 480, height: 360 };
  const ui = uiLocaleOf(store.getState().lang);
  return (state) => (state.mapView ? mapSvgInput(state, basemaps.get(atlasFor(state.mapView.zoom)) ?? null, size, ui, MAP_THEMES.light, measure) : null);
}

/** Writes and downloads the story's HTML file; says whether its interactive part is in it. */
export async function exportStory(store: AppStore, permalinkOf: (view: UrlView) => string | null): Promise<{ withViewer: boolean }> {
  await document.fonts?.ready;
  const measure = canvasMeasure();
  const state = store.getState();
  const [viewer, mapOf] = await Promise.all([fetchStoryViewer(), stepMaps(store, storyStepViews(store, state.story), measure)]);
  const file = await writeStoryFile(store, { ui: uiLocaleOf(state.lang), measure, now: new Date(), viewer, permalinkOf, mapOf });
  downloadBlob(new Blob([file.html], { type: 'text/html;charset=utf-8' }), file.fileName);
  return { withViewer: viewer !== null };
}

/** Each step's picture for the print layout, as in the file. */
export async function storyPrintPictures(store: AppStore, permalinkOf: (view: UrlView) => string | null): Promise<string[]> {
  await document.fonts?.ready;
  const measure = canvasMeasure();
  const state = store.getState();
  const views = storyStepViews(store, state.story);
  const mapOf = await stepMaps(store, views, measure);
  return stepPictures(store, views, { ui: uiLocaleOf(state.lang), measure, now: new Date(), permalinkOf, mapOf });
}
