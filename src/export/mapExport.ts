// What the map in an exported image draws, from the store's state: the map as shown, laid out by
// the same code as the screen. Loaded only when an image is exported with the map shown (it brings
// d3-geo and the basemap's code).
import { geoPath } from 'd3-geo';
import type { AppState } from '../store/store.ts';
import { areaOf } from '../store/store.ts';
import { visibleRows } from '../store/derived.ts';
import { worldPoints } from '../layout/mapWorld.ts';
import { layoutMap } from '../layout/mapMarks.ts';
import { mapFrame, scaleBar, type MapSize } from '../layout/mapView.ts';
import { frameProjection } from '../layout/mapProjection.ts';
import { mercatorX, mercatorY } from '../layout/mercator.ts';
import type { Basemap } from '../render/basemap.ts';
import { placeCountryLabels } from '../render/mapCanvas.ts';
import type { MapTheme } from '../render/mapTheme.ts';
import type { UiLocale } from '../i18n/locale.ts';
import type { MapSvgInput } from './mapSvg.ts';
import type { MeasureText } from './textFit.ts';

export type MapExportState = Pick<AppState, 'table' | 'filters' | 'window' | 'mapView' | 'selectedId'>;

/** What the map export draws, for the map as shown (`size`: the map's size on screen). Null when the map is hidden. */
export function mapSvgInput(state: MapExportState, basemap: Basemap | null, size: MapSize, ui: UiLocale, colours: MapTheme, measure: MeasureText): MapSvgInput | null {
  const view = state.mapView;
  if (!view) return null;
  const frame = mapFrame(view, size);
  const { table } = state;
  const layout = layoutMap({ world: worldPoints(table.lon, table.lat), precision: table.geoPrecision, type: state.table.type, rows: visibleRows(state), frame });
  const path = geoPath(frameProjection(frame).clipExtent([[-2, -2], [size.width + 2, size.height + 2]]));
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([ui.locale], { type: 'region' });
  } catch {
    names = null;
  }
  const area = areaOf(state);
  const bar = scaleBar(view, Math.min(120, size.width / 3));
  const n = new Intl.NumberFormat(ui.locale);
  return {
    width: size.width,
    height: size.height,
    land: basemap ? path(basemap.countries) ?? '' : '',
    borders: basemap ? path(basemap.borders) ?? '' : '',
    coasts: basemap ? path(basemap.coasts) ?? '' : '',
    labels: basemap ? placeCountryLabels(basemap, frame, (text) => measure(text, 12, 400), names, layout.marks) : [],
    layout,
    selectedRow: state.selectedId === null ? null : state.table.rowOfId.get(state.selectedId) ?? null,
    area: area && {
      x: mercatorX(area.west) * frame.worldPx - frame.left,
      y: mercatorY(area.north) * frame.worldPx - frame.top,
      width: (mercatorX(area.east) - mercatorX(area.west)) * frame.worldPx,
      height: (mercatorY(area.south) - mercatorY(area.north)) * frame.worldPx,
    },
    scale: { px: bar.px, text: bar.metres >= 1000 ? ui.t.mapKilometres(n.format(bar.metres / 1000)) : ui.t.mapMetres(n.format(bar.metres)) },
    attribution: ui.t.mapAttribution,
    colours,
  };
}

