// Export actions for the UI: measure text with the page's fonts, build the file, download it.
import type { AppState } from '../store/store.ts';
import { maskOf, visibleRows } from '../store/derived.ts';
import { rowsInWindow } from '../table/eventTable.ts';
import { FONT_STACK, THEMES } from '../render/theme.ts';
import type { ThemeName } from '../store/pageOptions.ts';
import { filtersInWords } from '../i18n/describeFilters.ts';
import { describeWindow } from '../i18n/describeWindow.ts';
import { buildViewSvg, type ViewImage } from './viewSvg.ts';
import { exportFileName, viewSvgInput } from './viewExport.ts';
import { svgToPng } from './png.ts';
import { createEventsCsv } from './eventsCsv.ts';
import { createEventsGeoJson } from './eventsGeoJson.ts';
import { collectExported, createEventsJson, withoutDanglingRelations, type DroppedRelation } from './eventsJson.ts';
import type { ConflictEvent } from '../model/schema.ts';
import type { MeasureText } from './textFit.ts';
import { uiLocaleOf } from '../i18n/locale.ts';
import { checkSourceUrl } from '../remote/apiUrls.ts';
import { remoteEventBatches, type EventBatches } from '../remote/remoteExport.ts';
import type { MapSvgInput } from './mapSvg.ts';
import { MAP_THEMES } from '../render/mapTheme.ts';

export type EventScope = 'filtered' | 'window';

export function canvasMeasure(): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, size, weight) => {
    if (!ctx) return text.length * size * 0.6;
    ctx.font = `${weight} ${size}px ${FONT_STACK}`;
    return ctx.measureText(text).width;
  };
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The map as shown on screen, for an image export; null when it is hidden. Waits for its basemap. */
async function mapForExport(state: AppState, theme: ThemeName, measure: MeasureText): Promise<MapSvgInput | null> {
  if (!state.mapView) return null;
  const rect = document.querySelector('.map-plot')?.getBoundingClientRect();
  const size = rect && rect.width > 0 ? { width: Math.round(rect.width), height: Math.round(rect.height) } : { width: 480, height: 360 };
  // The map's code and basemap load only now, as for the screen: not with the first screen.
  const [{ mapSvgInput }, { atlasFor, loadBasemap }] = await Promise.all([import('./mapExport.ts'), import('../render/basemap.ts')]);
  const basemap = await loadBasemap(atlasFor(state.mapView.zoom)).catch(() => null);
  return mapSvgInput(state, basemap, size, uiLocaleOf(state.lang), MAP_THEMES[theme], measure);
}

export function viewImage(state: AppState, theme: ThemeName, permalink: string, map: MapSvgInput | null = null): ViewImage {
  return buildViewSvg(viewSvgInput(state, { ui: uiLocaleOf(state.lang), theme: THEMES[theme], measure: canvasMeasure(), now: new Date(), permalink, map }));
}

const title = (state: AppState) => state.dataset?.title ?? 'conflict-timeline';

export async function exportSvg(state: AppState, theme: ThemeName, permalink: string): Promise<void> {
  await document.fonts?.ready;
  const image = viewImage(state, theme, permalink, await mapForExport(state, theme, canvasMeasure()));
  downloadBlob(new Blob([image.svg], { type: 'image/svg+xml' }), exportFileName(title(state), state.window, 'svg'));
}

export async function exportPng(state: AppState, theme: ThemeName, permalink: string): Promise<void> {
  await document.fonts?.ready;
  const image = viewImage(state, theme, permalink, await mapForExport(state, theme, canvasMeasure()));
  const png = await svgToPng(image.svg, image.width, image.height, 2);
  downloadBlob(png, exportFileName(title(state), state.window, 'png'));
}

/** The events a data export holds: all that pass the filters, or those in the visible window too. */
export function exportedRows(state: AppState, scope: EventScope): Uint32Array {
  return scope === 'window' ? visibleRows(state) : rowsInWindow(state.table, maskOf(state.table, state.filters), -Infinity, Infinity);
}

function scopeInWords(state: AppState, scope: EventScope): string {
  const filters = filtersInWords(state.filters, state.table, 'en', 'en-GB');
  const which = filters.length ? `the events passing the filters (${filters.join('; ')})` : 'all events';
  return scope === 'window' ? `${which}, from ${describeWindow(state.window, 'en-GB')}` : which;
}

/** Events built from the table per batch of this many rows: a million at once would fill the page's heap. */
const EXPORT_BATCH = 10_000;

const nextTask = () => new Promise<void>((resume) => setTimeout(resume, 0));

/**
 * Calls `use` with the exported events, a batch at a time in row order, letting the page draw and
 * take input between batches; `onProgress` hears how far (0 to 1).
 */
function tableBatches(state: AppState, rows: Uint32Array): EventBatches {
  return async (use, onProgress) => {
    for (let from = 0; from < rows.length; from += EXPORT_BATCH) {
      use(Array.from(rows.subarray(from, from + EXPORT_BATCH), (row) => state.table.eventAt(row)));
      onProgress?.(Math.min(rows.length, from + EXPORT_BATCH) / rows.length);
      if (from + EXPORT_BATCH < rows.length) await nextTask();
    }
  };
}

/** The exported events: from the table, or from the data server, whose events the page does not hold. */
function exportedBatches(state: AppState, scope: EventScope): EventBatches {
  const checked = state.remoteSource === null ? null : checkSourceUrl(state.remoteSource);
  if (checked?.ok) return remoteEventBatches(checked.base, state.filters, scope === 'window' ? state.window : null, state.remoteToken);
  return tableBatches(state, exportedRows(state, scope));
}

// Both files grow as a Blob, a batch at a time: at a million events the text is longer than a
// string can be ("Invalid string length"), and held whole in the page it filled the heap.
export async function exportCsv(state: AppState, scope: EventScope, onProgress?: (fraction: number) => void): Promise<void> {
  const type = 'text/csv;charset=utf-8';
  const writer = createEventsCsv(state.dataset?.actors ?? [], state.lang);
  let blob = new Blob([writer.header], { type });
  await exportedBatches(state, scope)((events) => (blob = new Blob([blob, writer.rows(events)], { type })), onProgress);
  downloadBlob(blob, exportFileName(title(state), state.window, 'csv'));
}

/** The same events as a GeoJSON FeatureCollection; those without coordinates have a null geometry. */
export async function exportGeoJson(state: AppState, scope: EventScope, onProgress?: (fraction: number) => void): Promise<void> {
  const type = 'application/geo+json';
  const writer = createEventsGeoJson(state.lang);
  let blob = new Blob([writer.head], { type });
  await exportedBatches(state, scope)((events) => (blob = new Blob([blob, writer.features(events)], { type })), onProgress);
  downloadBlob(new Blob([blob, writer.tail()], { type }), exportFileName(title(state), state.window, 'geojson'));
}

/** What an exported dataset says it is: "Exported 2026-01-05 from Conflict Timeline: all events. …" */
function exportNote(state: AppState, scope: EventScope, description: string | undefined): { description: string } {
  const date = new Date().toISOString().slice(0, 10);
  return { description: `Exported ${date} from Conflict Timeline: ${scopeInWords(state, scope)}. ${description ?? ''}`.trim() };
}

export async function exportJson(state: AppState, scope: EventScope, onProgress?: (fraction: number) => void): Promise<void> {
  const info = state.dataset;
  if (!info) return;
  const type = 'application/json';
  const note = exportNote(state, scope, info.description);
  const batches = exportedBatches(state, scope);
  // Twice through the events: their ids and actors first (the actors come first in the file).
  const exported = collectExported(info);
  await batches((events) => events.forEach((event) => exported.add(event)), onProgress && ((f) => onProgress(f / 2)));
  const writer = createEventsJson(info, note, exported);
  let blob = new Blob([writer.head], { type });
  await batches((events) => (blob = new Blob([blob, writer.events(events)], { type })), onProgress && ((f) => onProgress(0.5 + f / 2)));
  downloadBlob(new Blob([blob, writer.tail()], { type }), exportFileName(title(state), state.window, 'json'));
}

/**
 * The same events and dataset as exportJson, as the app's Parquet (see appParquetColumns.ts). The
 * writer is loaded when first used, so that hyparquet-writer is not in the first screen's bundle.
 */
export async function exportParquet(state: AppState, scope: EventScope, onProgress?: (fraction: number) => void): Promise<void> {
  const info = state.dataset;
  if (!info) return;
  const batches = exportedBatches(state, scope);
  // Twice through the events, as for JSON: the ids (for relations) and actors (for the metadata) first.
  const exported = collectExported(info);
  await batches((events) => events.forEach((event) => exported.add(event)), onProgress && ((f) => onProgress(f / 2)));
  const { createAppParquetWriter } = await import('../io/appParquetWrite.ts');
  const writer = createAppParquetWriter({ ...info, ...exportNote(state, scope, info.description), actors: exported.actors() }, { createdBy: 'Conflict Timeline (export)' });
  const dropped: DroppedRelation[] = [];
  const write = (events: ConflictEvent[]) => writer.write(events.map((event) => withoutDanglingRelations(event, exported.ids, dropped)));
  await batches(write, onProgress && ((f) => onProgress(0.5 + f / 2)));
  downloadBlob(new Blob([writer.finish()], { type: 'application/vnd.apache.parquet' }), exportFileName(title(state), state.window, 'parquet'));
}
