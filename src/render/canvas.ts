// Paints a TimelineLayout onto a canvas. Takes (ctx, layout, theme, highlight) and never touches
// the store: what to draw was decided in layout/.
import { EVENT_TYPES, EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { BAR_HEIGHT, type TimelineLayout, type TimelineMark } from '../layout/marks.ts';
import { drawCountedCircle, traceShape } from './shapes.ts';
import { densityBars, DENSITY_CAPTION_Y } from '../layout/densityBars.ts';
import { textColourOn, type TimelineTheme } from './theme.ts';
import { textDirection } from '../i18n/bidi.ts';

export interface Highlight {
  selectedRow: number | null;
  hoveredRow: number | null;
  /** Keyboard focus, drawn as a visible ring. */
  focusedRow: number | null;
  /** The lane of the keyboard focus: an event in two actor lanes is ringed only in the one the keyboard is in. */
  focusedLane?: number | null;
  /** Where the focused event starts (UTC ms): in a lane drawn as a density, the focus is a line there. */
  focusedStart?: number | null;
}

const infoOf = (mark: TimelineMark) => EVENT_TYPE_INFO[EVENT_TYPES[mark.typeIndex] ?? 'other'];

function drawLanes(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme) {
  layout.lanes.forEach((lane, i) => {
    if (i % 2 === 1) {
      ctx.fillStyle = theme.laneStripe;
      ctx.fillRect(0, lane.y, layout.width, lane.height);
    }
    ctx.fillStyle = theme.laneRule;
    ctx.fillRect(0, lane.y + lane.height - 1, layout.width, 1);
  });
}

/** The span an imprecise date covers, as a bracket under the mark (shown for the marks in focus). */
function drawUncertainty(ctx: CanvasRenderingContext2D, mark: TimelineMark, theme: TimelineTheme) {
  if (!mark.uncertainty) return;
  const y = mark.y + mark.radius + 3;
  const [x0, x1] = mark.uncertainty;
  ctx.strokeStyle = theme.uncertainty;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x0, y - 3);
  ctx.lineTo(x0, y);
  ctx.lineTo(x1, y);
  ctx.lineTo(x1, y - 3);
  ctx.stroke();
}

function drawMark(ctx: CanvasRenderingContext2D, mark: TimelineMark, theme: TimelineTheme) {
  const info = infoOf(mark);
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.markStroke;
  if (mark.kind === 'bar') {
    const h = BAR_HEIGHT;
    ctx.globalAlpha = 0.3;
    ctx.fillStyle = info.colour;
    ctx.beginPath();
    ctx.roundRect(mark.x, mark.y - h / 2, mark.x2 - mark.x, h, 3);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.stroke();
    traceShape(ctx, info.shape, Math.max(mark.x, 0) + 0.5, mark.y, 4);
    ctx.fillStyle = info.colour;
    ctx.fill();
    return;
  }
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

function drawLabel(ctx: CanvasRenderingContext2D, mark: TimelineMark, theme: TimelineTheme) {
  if (!mark.label) return;
  ctx.font = theme.font;
  ctx.textBaseline = 'middle';
  // The label's own direction orders mixed Arabic and English correctly; its left edge stays at
  // labelX whatever the page's direction (the time axis runs left to right in both languages).
  ctx.direction = textDirection(mark.label);
  ctx.textAlign = 'left';
  if (!mark.labelInside) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = theme.halo;
    ctx.strokeText(mark.label, mark.labelX, mark.y);
  }
  ctx.fillStyle = theme.text;
  ctx.fillText(mark.label, mark.labelX, mark.y);
}

function ring(ctx: CanvasRenderingContext2D, mark: TimelineMark, colour: string, width: number, dashed = false) {
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  if (dashed) ctx.setLineDash([3, 2]);
  ctx.beginPath();
  if (mark.kind === 'bar') ctx.roundRect(mark.x - 3, mark.y - BAR_HEIGHT / 2 - 3, mark.x2 - mark.x + 6, BAR_HEIGHT + 6, 5);
  else ctx.arc(mark.x, mark.y, mark.radius + 4, 0, Math.PI * 2);
  ctx.stroke();
  ctx.restore();
}

/**
 * The keyboard focus: a thick ring in the focus colour with a halo outside it, so that it stands out
 * on any mark colour and on the lane stripes (WCAG 2.4.7, visible focus).
 */
function focusRing(ctx: CanvasRenderingContext2D, mark: TimelineMark, theme: TimelineTheme) {
  ring(ctx, mark, theme.background, 6);
  ring(ctx, mark, theme.focus, 3);
}

/**
 * The keyboard focus in a lane drawn as a density, where the event has no mark of its own: a line
 * across the lane where it starts, in the focus colour with a halo, as the ring is.
 */
function focusLine(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme, lane: number, start: number) {
  const density = layout.densities.find((d) => d.lane === lane);
  const placed = layout.lanes[lane];
  if (!density || !placed) return;
  const x = ((start - density.from) / density.binSpan) * density.binWidth;
  for (const [colour, width] of [[theme.background, 6], [theme.focus, 3]] as const) {
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x, placed.y + 2);
    ctx.lineTo(x, placed.y + placed.height - 3);
    ctx.stroke();
    ctx.restore();
  }
}

/** Busy lanes: bars of counts per few pixels, and a caption saying how many events they hold. */
function drawDensities(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme, caption: (total: number) => string) {
  for (const density of layout.densities) {
    const lane = layout.lanes[density.lane]!;
    ctx.fillStyle = lane.colour ?? theme.cluster;
    ctx.globalAlpha = 0.8;
    for (const bar of densityBars(density, lane)) ctx.fillRect(bar.x, bar.y, bar.width, bar.height);
    ctx.globalAlpha = 1;
    ctx.font = theme.font;
    ctx.textBaseline = 'middle';
    const text = caption(density.total);
    ctx.direction = textDirection(text);
    ctx.textAlign = 'left';
    ctx.lineWidth = 3;
    ctx.strokeStyle = theme.halo;
    ctx.strokeText(text, 6, lane.y + DENSITY_CAPTION_Y);
    ctx.fillStyle = theme.mutedText;
    ctx.fillText(text, 6, lane.y + DENSITY_CAPTION_Y);
  }
}

/** `densityCaption`: the words over a busy lane, in the UI language ("8,316 events here · …"). */
export function drawTimeline(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme, highlight: Highlight, densityCaption: (total: number) => string): void {
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  drawLanes(ctx, layout, theme);
  drawDensities(ctx, layout, theme, densityCaption);
  for (const mark of layout.marks) drawMark(ctx, mark, theme);
  for (const mark of layout.marks) drawLabel(ctx, mark, theme);
  for (const mark of layout.marks) {
    const has = (row: number | null) => row !== null && mark.rows.includes(row);
    if (has(highlight.hoveredRow) || has(highlight.selectedRow) || has(highlight.focusedRow)) drawUncertainty(ctx, mark, theme);
    if (has(highlight.hoveredRow)) ring(ctx, mark, theme.hover, 2);
    if (has(highlight.selectedRow)) ring(ctx, mark, theme.selection, 3);
    if (has(highlight.focusedRow) && (highlight.focusedLane == null || highlight.focusedLane === mark.lane)) focusRing(ctx, mark, theme);
  }
  if (highlight.focusedRow !== null && highlight.focusedLane != null && highlight.focusedStart != null) focusLine(ctx, layout, theme, highlight.focusedLane, highlight.focusedStart);
}
