// One frame of an exported video, painted on a canvas: the title, the dates on screen, the counts
// and filters, the time axis, the lanes and their marks (drawn by the screen's own drawer), the map
// as shown, the legend and the source. Where things go is worked out once (videoGeometry); each
// frame then only paints. Text is painted as text: nothing here is HTML.
import type { AxisLayout } from '../layout/ticks.ts';
import { ROW_HEIGHT, type TimelineLayout } from '../layout/marks.ts';
import { drawTimeline } from '../render/canvas.ts';
import { traceShape } from '../render/shapes.ts';
import { FONT_STACK, type TimelineTheme } from '../render/theme.ts';
import { textDirection } from '../i18n/bidi.ts';
import { fitText, wrapText, type MeasureText } from './textFit.ts';
import type { LegendEntry } from './viewSvg.ts';
import { legendFlow } from '../layout/legendFlow.ts';

/** What stays the same through the video. */
export interface VideoStill {
  title: string;
  /** "Filters: …" or "Filters: none (all events)". */
  filters: string;
  legend: LegendEntry[];
  /** "Source: …", and the map's "Borders: Natural Earth" when the map is shown. */
  footer: string[];
  theme: TimelineTheme;
  dir: 'ltr' | 'rtl';
  densityCaption(total: number): string;
}

/** What changes from frame to frame. */
export interface VideoFrameInput {
  /** The window on screen, as the timeline's label says it ("13 Sept 2022 to 16 Sept 2022"). */
  dates: string;
  /** "showing 8 of 16 events". */
  counts: string;
  axis: AxisLayout;
  layout: TimelineLayout;
  selectedRow: number | null;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PlacedText {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: number;
  colour: string;
  align: CanvasTextAlign;
}

export interface VideoGeometry {
  /** The frame's size in px (even numbers: video encoders work on pairs of pixels). */
  width: number;
  height: number;
  plot: Box;
  axisTop: number;
  map: Box | null;
  /** Where the dates and counts lines stand (their baselines). */
  datesY: number;
  countsY: number;
  /** Text that is the same on every frame: the title, the filters, the legend's words and the footer. */
  fixedText: PlacedText[];
  legendShapes: { entry: LegendEntry; x: number; y: number }[];
}

const PAD = 16;
const LABEL_COLUMN = 150;
export const VIDEO_AXIS = 44;
const LINE = 18;
/** The widest frame that puts the map beside the timeline (a wider screen's map goes under it). */
const MAX_WIDTH_BESIDE = 1920;

const font = (size: number, weight: number) => `${weight} ${size}px ${FONT_STACK}`;
const even = (n: number) => Math.ceil(n / 2) * 2;

/** Lays the frame out for a plot (the timeline's lanes) and a map of the sizes on screen. */
export function videoGeometry(still: VideoStill, plotSize: { width: number; height: number }, mapSize: { width: number; height: number } | null, measure: MeasureText): VideoGeometry {
  const { theme } = still;
  const rtl = still.dir === 'rtl';
  // The map beside the timeline, as on a wide screen, when the frame stays a sensible width; else under it.
  const beside = mapSize !== null && PAD + LABEL_COLUMN + plotSize.width + PAD + mapSize.width + PAD <= MAX_WIDTH_BESIDE;
  const timelineWidth = PAD + LABEL_COLUMN + plotSize.width + PAD;
  const width = even(beside ? timelineWidth + mapSize.width + PAD : Math.max(timelineWidth, mapSize ? mapSize.width + 2 * PAD : 0));
  const textWidth = width - 2 * PAD;
  const fixedText: PlacedText[] = [];
  const line = (text: string, y: number, size: number, weight: number, colour: string) =>
    fixedText.push({ text, x: rtl ? width - PAD : PAD, y, size, weight, colour, align: rtl ? 'right' : 'left' });
  let y = PAD;
  for (const titleLine of wrapText(still.title, textWidth, 18, 600, measure, 2)) {
    y += 22;
    line(titleLine, y, 18, 600, theme.text);
  }
  y += 26;
  const datesY = y;
  y += LINE + 2;
  const countsY = y;
  for (const filterLine of wrapText(still.filters, textWidth, 12.5, 400, measure, 2)) {
    y += LINE;
    line(filterLine, y, 12.5, 400, theme.mutedText);
  }
  y += 12;
  const axisTop = y;
  y += VIDEO_AXIS;
  // Mirrored in Arabic as the page is: lane names right of the plot, a map beside it on the left.
  const plot = { x: rtl ? (beside ? PAD + mapSize.width + PAD : PAD) : PAD + LABEL_COLUMN, y, width: plotSize.width, height: plotSize.height };
  y += plot.height + 14;
  let map: Box | null = null;
  if (mapSize && beside) {
    map = { x: rtl ? PAD : timelineWidth, y: axisTop, width: mapSize.width, height: mapSize.height };
    y = Math.max(y, axisTop + mapSize.height + 14);
  } else if (mapSize) {
    map = { x: rtl ? width - PAD - mapSize.width : PAD, y, width: mapSize.width, height: mapSize.height };
    y += mapSize.height + 14;
  }
  // The legend flows along the line and wraps, from the right in Arabic.
  const legend = legendFlow(still.legend, (entry) => measure(entry.label, 12.5, 400), { width, pad: PAD, top: y, line: LINE, rtl });
  const legendShapes: VideoGeometry['legendShapes'] = legend.places;
  for (const { entry, x: shapeX, y: entryY } of legend.places) {
    fixedText.push({ text: entry.label, x: rtl ? shapeX - 10 : shapeX + 10, y: entryY + 4.5, size: 12.5, weight: 400, colour: theme.text, align: rtl ? 'right' : 'left' });
  }
  y += legend.height + 6;
  for (const footerLine of still.footer.flatMap((text) => wrapText(text, textWidth, 12, 400, measure, 2))) {
    y += 16;
    line(footerLine, y, 12, 400, theme.mutedText);
  }
  return { width, height: even(y + PAD), plot, axisTop, map, datesY, countsY, fixedText, legendShapes };
}

function paintText(ctx: CanvasRenderingContext2D, t: PlacedText): void {
  ctx.font = font(t.size, t.weight);
  ctx.fillStyle = t.colour;
  ctx.textAlign = t.align;
  // Arabic is shaped and ordered right to left; the alignment above stays where the line is anchored.
  ctx.direction = textDirection(t.text) === 'rtl' ? 'rtl' : 'ltr';
  ctx.fillText(t.text, t.x, t.y);
}

function paintAxis(ctx: CanvasRenderingContext2D, axis: AxisLayout, plot: Box, top: number, still: VideoStill): void {
  const { theme } = still;
  ctx.save();
  ctx.translate(plot.x, top);
  ctx.strokeStyle = theme.mutedText;
  ctx.lineWidth = 1;
  for (const tick of axis.ticks) {
    // A label cut by the plot's edge reads as another value: left out, as on screen.
    if (tick.x < 18 || tick.x > plot.width - 18) continue;
    ctx.beginPath();
    ctx.moveTo(Math.round(tick.x) + 0.5, VIDEO_AXIS - 8);
    ctx.lineTo(Math.round(tick.x) + 0.5, VIDEO_AXIS);
    ctx.stroke();
    paintText(ctx, { text: tick.label, x: tick.x, y: VIDEO_AXIS - 12, size: 11.5, weight: 400, colour: theme.text, align: 'center' });
  }
  if (axis.context) {
    const rtl = still.dir === 'rtl';
    paintText(ctx, { text: axis.context, x: rtl ? plot.width - 4 : 4, y: 13, size: 11.5, weight: 600, colour: theme.mutedText, align: rtl ? 'right' : 'left' });
  }
  ctx.fillStyle = theme.laneRule;
  ctx.fillRect(0, VIDEO_AXIS - 1, plot.width, 1);
  ctx.restore();
}

function paintLaneLabels(ctx: CanvasRenderingContext2D, layout: TimelineLayout, geometry: VideoGeometry, still: VideoStill, measure: MeasureText): void {
  const { theme } = still;
  const rtl = still.dir === 'rtl';
  for (const lane of layout.lanes) {
    const centre = geometry.plot.y + lane.y + 2 + ROW_HEIGHT / 2; // the lane's first row of marks, as in the SVG
    const text = fitText(lane.label, LABEL_COLUMN - 34, 12.5, 600, measure);
    const swatchX = rtl ? geometry.plot.x + geometry.plot.width + LABEL_COLUMN - 14 : PAD + 4;
    if (lane.colour) {
      ctx.fillStyle = lane.colour;
      ctx.fillRect(swatchX, centre - 5, 10, 10);
      ctx.strokeStyle = theme.markStroke;
      ctx.strokeRect(swatchX + 0.5, centre - 4.5, 9, 9);
    }
    if (!text) continue;
    const gap = lane.colour ? 16 : 0;
    paintText(ctx, { text, x: rtl ? swatchX + 10 - gap : PAD + 4 + gap, y: centre + 4, size: 12.5, weight: 600, colour: theme.text, align: rtl ? 'right' : 'left' });
  }
}

/** Paints one frame. `mapImage`: the map's canvas as on screen (drawn at the map's box), or null. */
export function drawVideoFrame(ctx: CanvasRenderingContext2D, geometry: VideoGeometry, still: VideoStill, frame: VideoFrameInput, mapImage: CanvasImageSource | null, measure: MeasureText): void {
  const { theme } = still;
  const rtl = still.dir === 'rtl';
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, geometry.width, geometry.height);
  const lineX = rtl ? geometry.width - PAD : PAD;
  const align = rtl ? 'right' : 'left';
  paintText(ctx, { text: frame.dates, x: lineX, y: geometry.datesY, size: 17, weight: 600, colour: theme.selection, align });
  paintText(ctx, { text: frame.counts, x: lineX, y: geometry.countsY, size: 12.5, weight: 400, colour: theme.text, align });
  for (const text of geometry.fixedText) paintText(ctx, text);
  for (const { entry, x, y } of geometry.legendShapes) {
    ctx.fillStyle = entry.colour;
    ctx.strokeStyle = theme.markStroke;
    ctx.lineWidth = 1;
    ctx.beginPath();
    traceShape(ctx, entry.shape, x, y, 5.4);
    ctx.fill();
    ctx.stroke();
  }
  paintAxis(ctx, frame.axis, geometry.plot, geometry.axisTop, still);
  paintLaneLabels(ctx, frame.layout, geometry, still, measure);
  const { plot } = geometry;
  ctx.save();
  ctx.translate(plot.x, plot.y);
  ctx.beginPath();
  ctx.rect(0, 0, plot.width, plot.height);
  ctx.clip();
  drawTimeline(ctx, frame.layout, theme, { selectedRow: frame.selectedRow, hoveredRow: null, focusedRow: null }, still.densityCaption);
  ctx.restore();
  ctx.strokeStyle = theme.laneRule;
  ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.width - 1, plot.height - 1);
  if (geometry.map && mapImage) {
    const { map } = geometry;
    ctx.drawImage(mapImage, map.x, map.y, map.width, map.height);
    ctx.strokeRect(map.x + 0.5, map.y + 0.5, map.width - 1, map.height - 1);
  }
}
