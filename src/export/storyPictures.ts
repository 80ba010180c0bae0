// Each step's picture: the SVG that "Export SVG" writes, for the step's view instead of the one on
// screen. The store is only read: each view is laid out from a state of its own.
import type { AppState } from '../store/store.ts';
import type { UrlView } from '../store/url.ts';
import { buildViewSvg } from './viewSvg.ts';
import { viewSvgInput, type ViewExportOptions, type ViewExportState } from './viewExport.ts';
import type { MapSvgInput } from './mapSvg.ts';
import type { StepView } from './storyData.ts';

/** The state an image export reads, showing `view` of the loaded data. */
export function stateShowing(state: Pick<AppState, 'dataset' | 'table' | 'plotSize'>, view: StepView['view']): ViewExportState & Pick<AppState, 'mapView'> {
  return {
    dataset: state.dataset,
    table: state.table,
    plotSize: state.plotSize,
    filters: view.filters,
    window: view.window,
    lanes: view.lanes,
    selectedId: view.event,
    mapView: view.map ?? null,
  };
}

export interface StoryPictureOptions extends Omit<ViewExportOptions, 'permalink' | 'map'> {
  /** The permalink of a step's view (the image's "Live view" line); null: none. */
  permalinkOf(view: UrlView): string | null;
  /** The map drawn for a step whose view shows it; absent: pictures without maps. */
  mapOf?(state: ReturnType<typeof stateShowing>): MapSvgInput | null;
}

/** One SVG document per step, in order. */
export function storyPictures(state: Pick<AppState, 'dataset' | 'table' | 'plotSize'>, views: readonly StepView[], options: StoryPictureOptions): string[] {
  return views.map(({ view }) => {
    const shown = stateShowing(state, view);
    const map = shown.mapView && options.mapOf ? options.mapOf(shown) : null;
    return buildViewSvg(viewSvgInput(shown, { ...options, permalink: options.permalinkOf(view), map })).svg;
  });
}
