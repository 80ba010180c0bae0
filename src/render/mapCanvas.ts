// Paints the basemap and a MapLayout onto a canvas. Takes (ctx, layout, theme, highlight) and never
// touches the store: what to draw was decided in layout/.
import { EVENT_TYPES, EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import type { MapCell, MapLayout, MapMark } from '../layout/mapMarks.ts';
import type { MapFrame } from '../layout/mapView.ts';
import { countryLabel, REFERENCE_PX, type Basemap, type BasemapPaths } from './basemap.ts';
import type { MapTheme } from './mapTheme.ts';
import { drawCountedCircle, traceShape } from './shapes.ts';
import { textColourOn, type TimelineTheme } from './theme.ts';

export interface MapHighlight {
  hoveredRow: number | null;
  selectedRow: number | null;
}

const infoOf = (typeIndex: number) => EVENT_TYPE_INFO[EVENT_TYPES[typeIndex] ?? 'other'];

/** Water, land, borders, coasts, and country names where they fit. `dpr`: device pixels per CSS px. */
export function drawBasemap(ctx: CanvasRenderingContext2D, basemap: { map: Basemap; paths: BasemapPaths } | null, frame: MapFrame, theme: MapTheme, dpr: number, font: string, names: Intl.DisplayNames | null, measure: (text: string) => number, marks: readonly MapMark[]): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.water;
  ctx.fillRect(0, 0, frame.width, frame.height);
  if (!basemap) return;
  const k = frame.worldPx / REFERENCE_PX;
  ctx.setTransform(dpr * k, 0, 0, dpr * k, -dpr * frame.left, -dpr * frame.top);
  ctx.fillStyle = theme.land;
  ctx.fill(basemap.paths.countries);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 0.8 / k;
  ctx.strokeStyle = theme.border;
  ctx.stroke(basemap.paths.borders);
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = theme.coast;
  ctx.stroke(basemap.paths.coasts);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawCountryNames(ctx, basemap.map, frame, theme, font, names, measure, marks);
}

export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
}

/** Country names where they fit inside their country, clear of each other and of the event marks (screen and export alike). */
export function placeCountryLabels(basemap: Basemap, frame: MapFrame, measure: (text: string) => number, names: Intl.DisplayNames | null, marks: readonly MapMark[] = []): PlacedLabel[] {
  const k = frame.worldPx / REFERENCE_PX;
  const placed: [number, number, number, number][] = [];
  const labels: PlacedLabel[] = [];
  for (const country of basemap.labels) {
    const [[x0, y0], [x1, y1]] = country.bounds;
    const width = (x1 - x0) * k;
    if (width < 40 || (y1 - y0) * k < 14) continue;
    const x = country.centroid[0] * k - frame.left;
    const y = country.centroid[1] * k - frame.top;
    if (x < 0 || x > frame.width || y < 0 || y > frame.height) continue;
    const text = countryLabel(country, names);
    const w = measure(text);
    // Inside its country, and whole on the map (not cut at its edge).
    if (w > width * 0.8 || x - w / 2 < 2 || x + w / 2 > frame.width - 2 || y < 10 || y > frame.height - 10) continue;
    // At the centre, else a line above or below it: a name never hides an event.
    for (const dy of [0, -16, 16, -28, 28]) {
      const box: [number, number, number, number] = [x - w / 2 - 4, y + dy - 8, x + w / 2 + 4, y + dy + 8];
      const hits = (b: readonly number[]) => b[0]! < box[2] && box[0] < b[2]! && b[1]! < box[3] && box[1] < b[3]!;
      if (placed.some(hits) || marks.some((m) => m.kind !== 'area' && hits([m.x - m.radius - 2, m.y - m.radius - 2, m.x + m.radius + 2, m.y + m.radius + 2]))) continue;
      placed.push(box);
      labels.push({ text, x, y: y + dy });
      break;
    }
  }
  return labels;
}

function drawCountryNames(ctx: CanvasRenderingContext2D, basemap: Basemap, frame: MapFrame, theme: MapTheme, font: string, names: Intl.DisplayNames | null, measure: (text: string) => number, marks: readonly MapMark[]) {
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = theme.label;
  for (const label of placeCountryLabels(basemap, frame, measure, names, marks)) ctx.fillText(label.text, label.x, label.y);
  ctx.textAlign = 'start';
}

/** An area: a translucent disc of the type's colour with a dashed edge, and the type's shape small and hollow at its centre. */
function drawArea(ctx: CanvasRenderingContext2D, mark: MapMark, theme: TimelineTheme) {
  const info = infoOf(mark.typeIndex);
  ctx.beginPath();
  ctx.arc(mark.x, mark.y, mark.spread, 0, Math.PI * 2);
  ctx.globalAlpha = 0.16;
  ctx.fillStyle = info.colour;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = info.colour;
  ctx.stroke();
  ctx.setLineDash([]);
  traceShape(ctx, info.shape, mark.x, mark.y, 4.5);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.markStroke;
  ctx.stroke();
}

function drawPin(ctx: CanvasRenderingContext2D, mark: MapMark, theme: TimelineTheme) {
  const info = infoOf(mark.typeIndex);
  if (mark.spread > mark.radius + 2) {
    // "Near": a soft ring about as wide as the uncertainty.
    ctx.beginPath();
    ctx.arc(mark.x, mark.y, mark.spread, 0, Math.PI * 2);
    ctx.globalAlpha = 0.1;
    ctx.fillStyle = info.colour;
    ctx.fill();
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = 1;
    ctx.strokeStyle = info.colour;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.markStroke;
  if (mark.kind === 'cluster') {
    const fill = mark.mixedTypes ? theme.cluster : info.colour;
    drawCountedCircle(ctx, mark.x, mark.y, mark.radius, mark.rows.length, fill, textColourOn(fill), theme.font);
    return;
  }
  traceShape(ctx, info.shape, mark.x, mark.y, mark.radius);
  ctx.fillStyle = info.colour;
  ctx.fill();
  ctx.stroke();
}

/** Cells shaded by count (square root, so a few busy cells do not wash out the rest), in the colour of their commonest type. */
function drawCells(ctx: CanvasRenderingContext2D, cells: MapCell[], max: number, theme: TimelineTheme) {
  for (const cell of cells) {
    ctx.globalAlpha = 0.25 + 0.65 * Math.sqrt(cell.count / max);
    ctx.fillStyle = infoOf(cell.typeIndex).colour;
    ctx.fillRect(cell.x + 0.5, cell.y + 0.5, cell.size - 1, cell.size - 1);
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.markStroke;
}

function ring(ctx: CanvasRenderingContext2D, mark: MapMark, colour: string, width: number) {
  ctx.beginPath();
  ctx.arc(mark.x, mark.y, (mark.kind === 'area' ? 6 : mark.radius) + 4, 0, Math.PI * 2);
  ctx.lineWidth = width;
  ctx.strokeStyle = colour;
  ctx.stroke();
}

export function drawMapLayout(ctx: CanvasRenderingContext2D, layout: MapLayout, theme: TimelineTheme, highlight: MapHighlight): void {
  drawCells(ctx, layout.cells, layout.maxCellCount, theme);
  for (const mark of layout.marks) {
    if (mark.kind === 'area') drawArea(ctx, mark, theme);
    else drawPin(ctx, mark, theme);
  }
  for (const mark of layout.marks) {
    const has = (row: number | null) => row !== null && mark.rows.includes(row);
    if (has(highlight.hoveredRow)) ring(ctx, mark, theme.hover, 2);
    if (has(highlight.selectedRow)) {
      ring(ctx, mark, theme.background, 6);
      ring(ctx, mark, theme.selection, 3);
    }
  }
}
