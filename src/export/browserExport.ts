// Export actions for the UI: measure text with the page's fonts, build the file, download it.
import type { AppState } from '../store/store.ts';
import { maskOf, visibleRows } from '../store/derived.ts';
import { rowsInWindow } from '../table/eventTable.ts';
import { FONT_STACK, THEMES } from '../render/theme.ts';
import type { ThemeName } from '../store/pageOptions.ts';
import { describeFilters } from '../table/describeFilters.ts';
import { describeWindow } from '../i18n/describeWindow.ts';
import { buildViewSvg, type ViewImage } from './viewSvg.ts';
import { exportFileName, viewSvgInput } from './viewExport.ts';
import { svgToPng } from './png.ts';
import { eventsToCsv } from './eventsCsv.ts';
import { datasetToJson, eventsToDataset } from './eventsJson.ts';
import type { MeasureText } from './textFit.ts';
import { uiLocaleOf } from '../i18n/locale.ts';

export type EventScope = 'filtered' | 'window';

function canvasMeasure(): MeasureText {
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

export function viewImage(state: AppState, theme: ThemeName, permalink: string): ViewImage {
  return buildViewSvg(viewSvgInput(state, { ui: uiLocaleOf(state.lang), theme: THEMES[theme], measure: canvasMeasure(), now: new Date(), permalink }));
}

const title = (state: AppState) => state.dataset?.title ?? 'conflict-timeline';

export async function exportSvg(state: AppState, theme: ThemeName, permalink: string): Promise<void> {
  await document.fonts?.ready;
  const image = viewImage(state, theme, permalink);
  downloadBlob(new Blob([image.svg], { type: 'image/svg+xml' }), exportFileName(title(state), state.window, 'svg'));
}

export async function exportPng(state: AppState, theme: ThemeName, permalink: string): Promise<void> {
  await document.fonts?.ready;
  const image = viewImage(state, theme, permalink);
  const png = await svgToPng(image.svg, image.width, image.height, 2);
  downloadBlob(png, exportFileName(title(state), state.window, 'png'));
}

/** The events a data export holds: all that pass the filters, or those in the visible window too. */
export function exportedRows(state: AppState, scope: EventScope): Uint32Array {
  return scope === 'window' ? visibleRows(state) : rowsInWindow(state.table, maskOf(state.table, state.filters), -Infinity, Infinity);
}

function scopeInWords(state: AppState, scope: EventScope): string {
  const filters = describeFilters(state.filters, state.table, 'en', 'en-GB').map((f) => f.label);
  const which = filters.length ? `the events passing the filters (${filters.join('; ')})` : 'all events';
  return scope === 'window' ? `${which} between ${describeWindow(state.window, 'en-GB')}` : which;
}

export function exportCsv(state: AppState, scope: EventScope): void {
  const events = Array.from(exportedRows(state, scope), (row) => state.table.eventAt(row));
  const csv = eventsToCsv(events, state.dataset?.actors ?? [], 'en');
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), exportFileName(title(state), state.window, 'csv'));
}

export function exportJson(state: AppState, scope: EventScope): void {
  if (!state.dataset) return;
  const events = Array.from(exportedRows(state, scope), (row) => state.table.eventAt(row));
  const date = new Date().toISOString().slice(0, 10);
  const { dataset } = eventsToDataset(state.dataset, events, {
    description: `Exported ${date} from Conflict Timeline: ${scopeInWords(state, scope)}. ${state.dataset.description ?? ''}`.trim(),
  });
  downloadBlob(new Blob([datasetToJson(dataset)], { type: 'application/json' }), exportFileName(title(state), state.window, 'json'));
}
