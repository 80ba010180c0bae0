// The current view as a standalone SVG document: title, what is shown, the active filters in words,
// the time axis, the lanes and their marks, the legend, the source and the export date. Pure: the
// layouts and a text-measuring function come in; a string comes out. Text stays text.
import { EVENT_TYPES, EVENT_TYPE_INFO, type MarkShape } from '../model/taxonomy.ts';
import { BAR_HEIGHT, ROW_HEIGHT, type TimelineLayout, type TimelineMark } from '../layout/marks.ts';
import type { AxisLayout } from '../layout/ticks.ts';
import { shapePathData } from '../render/shapes.ts';
import { FONT_STACK, textColourOn, type TimelineTheme } from '../render/theme.ts';
import { textDirection } from '../i18n/bidi.ts';
import { el, serializeSvg, type SvgAttributes, type SvgChild, type SvgElement } from './svgMarkup.ts';
import { wrapText, fitText, type MeasureText } from './textFit.ts';
import { densityBars, densityCaption, DENSITY_CAPTION_Y } from '../layout/densityBars.ts';
import type { Messages } from '../i18n/messages.en.ts';
import { mapClipPath, mapSvgGroup, type MapSvgInput } from './mapSvg.ts';
import { legendFlow } from '../layout/legendFlow.ts';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: MarkShape;
}

export interface ViewSvgInput {
  title: string;
  /** What the view shows, e.g. "13 Sept 2022 to 16 Sept 2022 · 8 of 16 events". */
  summary: string;
  /** The active filters in words; empty when nothing is filtered. */
  filters: string[];
  axis: AxisLayout;
  layout: TimelineLayout;
  selectedRow: number | null;
  legend: LegendEntry[];
  attribution: string;
  /** "Exported 25 Nov 2026 from Conflict Timeline". */
  exported: string;
  permalink: string | null;
  theme: TimelineTheme;
  measure: MeasureText;
  /** The image's own words in the UI language ("Filters:", "Source:", the density caption). */
  words: Pick<Messages, 'exportFilters' | 'exportNoFilters' | 'exportSource' | 'liveView' | 'densityCaption'>;
  locale: string;
  /**
   * The UI's direction. In Arabic the image is mirrored as the screen is: text lines aligned right,
   * lane names right of the plot, the legend from the right. Time runs left to right either way.
   */
  dir: 'ltr' | 'rtl';
  /** The map, when it is shown: drawn under the timeline, before the legend. */
  map?: MapSvgInput | null;
}

const PAD = 16;
const LABEL_COLUMN = 150;
const AXIS = 44;
const LINE = 18;

interface TextStyle {
  size: number;
  weight?: number;
  fill: string;
}

/** A line of text whose left edge is at x; right-to-left text is anchored at its right edge so it reads correctly. */
function textLine(text: string, x: number, y: number, style: TextStyle, measure: MeasureText, extra: SvgAttributes = {}): SvgElement {
  const rtl = textDirection(text) === 'rtl';
  const width = rtl ? measure(text, style.size, style.weight ?? 400) : 0;
  return el(
    'text',
    {
      x: rtl ? x + width : x,
      y,
      'font-size': style.size,
      'font-weight': style.weight && style.weight !== 400 ? style.weight : null,
      fill: style.fill,
      direction: rtl ? 'rtl' : null,
      ...extra,
    },
    text,
  );
}

/** A line of text whose right edge is at xRight, in its own direction. */
function rightAlignedLine(text: string, xRight: number, y: number, style: TextStyle, extra: SvgAttributes = {}): SvgElement {
  const rtl = textDirection(text) === 'rtl';
  return el(
    'text',
    {
      x: xRight,
      y,
      'font-size': style.size,
      'font-weight': style.weight && style.weight !== 400 ? style.weight : null,
      fill: style.fill,
      direction: rtl ? 'rtl' : null,
      'text-anchor': rtl ? null : 'end',
      ...extra,
    },
    text,
  );
}

function markShape(mark: TimelineMark, theme: TimelineTheme): SvgChild[] {
  const info = EVENT_TYPE_INFO[EVENT_TYPES[mark.typeIndex] ?? 'other'];
  if (mark.kind === 'bar') {
    return [
      el('rect', { x: mark.x, y: mark.y - BAR_HEIGHT / 2, width: Math.max(1, mark.x2 - mark.x), height: BAR_HEIGHT, rx: 3, fill: info.colour, 'fill-opacity': 0.3, stroke: theme.markStroke }),
      el('path', { d: shapePathData(info.shape, Math.max(mark.x, 0) + 0.5, mark.y, 4), fill: info.colour }),
    ];
  }
  if (mark.kind === 'cluster') {
    return [
      el('circle', { cx: mark.x, cy: mark.y, r: mark.radius, fill: mark.mixedTypes ? theme.cluster : info.colour, stroke: theme.markStroke }),
      el('text', { x: mark.x, y: mark.y + 3.5, 'font-size': 10, 'font-weight': 700, 'text-anchor': 'middle', fill: textColourOn(mark.mixedTypes ? theme.cluster : info.colour) }, mark.rows.length > 99 ? '99+' : String(mark.rows.length)),
    ];
  }
  return [el('path', { d: shapePathData(info.shape, mark.x, mark.y, mark.radius), fill: info.colour, stroke: theme.markStroke })];
}

function markLabel(mark: TimelineMark, theme: TimelineTheme, measure: MeasureText): SvgChild[] {
  if (!mark.label) return [];
  const halo = mark.labelInside ? {} : { stroke: theme.halo, 'stroke-width': 3, 'paint-order': 'stroke', 'stroke-linejoin': 'round' };
  return [textLine(mark.label, mark.labelX, mark.y + 4, { size: 12, fill: theme.text }, measure, { class: 'event-label', ...halo })];
}

function selectionRing(mark: TimelineMark, theme: TimelineTheme): SvgElement {
  const ring = { fill: 'none', stroke: theme.selection, 'stroke-width': 3 };
  if (mark.kind === 'bar') return el('rect', { x: mark.x - 3, y: mark.y - BAR_HEIGHT / 2 - 3, width: mark.x2 - mark.x + 6, height: BAR_HEIGHT + 6, rx: 5, ...ring });
  return el('circle', { cx: mark.x, cy: mark.y, r: mark.radius + 4, ...ring });
}

function axisGroup(axis: AxisLayout, width: number, theme: TimelineTheme, measure: MeasureText, dir: 'ltr' | 'rtl'): SvgElement {
  const ticks = axis.ticks
    .filter((t) => t.x >= 18 && t.x <= width - 18)
    .map((t) =>
      el('g', { transform: `translate(${t.x.toFixed(1)},0)` },
        el('line', { y1: AXIS - 8, y2: AXIS, stroke: theme.mutedText }),
        el('text', { y: AXIS - 12, 'text-anchor': 'middle', 'font-size': 11.5, fill: theme.text }, t.label),
      ),
    );
  return el('g', { class: 'axis' },
    ...(axis.context
      ? [dir === 'rtl' ? rightAlignedLine(axis.context, width - 4, 13, { size: 11.5, weight: 600, fill: theme.mutedText }) : textLine(axis.context, 4, 13, { size: 11.5, weight: 600, fill: theme.mutedText }, measure)]
      : []),
    ...ticks,
    el('line', { x1: 0, x2: width, y1: AXIS - 0.5, y2: AXIS - 0.5, stroke: theme.laneRule }),
  );
}

function lanesGroup(input: ViewSvgInput, plotX: number, top: number): SvgElement {
  const { layout, theme, measure } = input;
  const labelStyle = { size: 12.5, weight: 600, fill: theme.text };
  const labels = layout.lanes.map((lane) => {
    const centre = top + lane.y + 2 + ROW_HEIGHT / 2; // the lane's first row of marks
    const text = fitText(lane.label, LABEL_COLUMN - 34, 12.5, 600, measure);
    if (input.dir === 'rtl') {
      // Mirrored: the label column is right of the plot, swatch at its right edge.
      const right = plotX + layout.width + LABEL_COLUMN - 4;
      return el('g', { class: 'lane-label' },
        ...(lane.colour ? [el('rect', { x: right - 10, y: centre - 5, width: 10, height: 10, rx: 2, fill: lane.colour, stroke: theme.markStroke })] : []),
        ...(text ? [rightAlignedLine(text, right - (lane.colour ? 16 : 0), centre + 4, labelStyle)] : []),
      );
    }
    return el('g', { class: 'lane-label' },
      ...(lane.colour ? [el('rect', { x: PAD + 4, y: centre - 5, width: 10, height: 10, rx: 2, fill: lane.colour, stroke: theme.markStroke })] : []),
      ...(text ? [textLine(text, PAD + (lane.colour ? 20 : 4), centre + 4, labelStyle, measure)] : []),
    );
  });
  const stripes = layout.lanes.flatMap((lane, i) => [
    ...(i % 2 === 1 ? [el('rect', { x: 0, y: lane.y, width: layout.width, height: lane.height, fill: theme.laneStripe })] : []),
    el('rect', { x: 0, y: lane.y + lane.height - 1, width: layout.width, height: 1, fill: theme.laneRule }),
  ]);
  const densities = layout.densities.map((density) => {
    const lane = layout.lanes[density.lane]!;
    const d = densityBars(density, lane).map((b) => `M${b.x.toFixed(1)},${b.y.toFixed(1)}h${b.width.toFixed(1)}v${b.height.toFixed(1)}h${(-b.width).toFixed(1)}Z`).join('');
    return el('g', { class: 'density' },
      el('path', { d, fill: lane.colour ?? theme.cluster, 'fill-opacity': 0.8 }),
      textLine(densityCaption(density, input.locale, input.words.densityCaption), 6, lane.y + DENSITY_CAPTION_Y + 4, { size: 12, fill: theme.mutedText }, measure, { stroke: theme.halo, 'stroke-width': 3, 'paint-order': 'stroke' }),
    );
  });
  const selected = input.selectedRow === null ? [] : layout.marks.filter((m) => m.rows.includes(input.selectedRow!));
  return el('g', { class: 'lanes' },
    ...labels,
    el('g', { transform: `translate(${plotX},${top})`, 'clip-path': 'url(#plot)' },
      ...stripes,
      ...densities,
      el('g', { class: 'marks' }, ...layout.marks.flatMap((m) => markShape(m, theme))),
      el('g', { class: 'labels' }, ...layout.marks.flatMap((m) => markLabel(m, theme, measure))),
      ...selected.map((m) => selectionRing(m, theme)),
    ),
  );
}

/** Legend entries flow left to right and wrap; returns the group and its height. */
function legendGroup(input: ViewSvgInput, top: number, width: number): { group: SvgElement; height: number } {
  const { theme, measure } = input;
  const items: SvgChild[] = [];
  const rtl = input.dir === 'rtl';
  const style = { size: 12.5, fill: theme.text };
  const { places, height } = legendFlow(input.legend, (entry) => measure(entry.label, 12.5, 400), { width, pad: PAD, top, line: LINE, rtl });
  for (const { entry, x: shapeX, y } of places) {
    items.push(
      el('g', { class: 'legend-entry' },
        el('path', { d: shapePathData(entry.shape, shapeX, y, 5.4), fill: entry.colour, stroke: theme.markStroke }),
        rtl ? rightAlignedLine(entry.label, shapeX - 10, y + 4.5, style) : textLine(entry.label, shapeX + 10, y + 4.5, style, measure),
      ),
    );
  }
  return { group: el('g', { class: 'legend' }, ...items), height };
}

export interface ViewImage {
  svg: string;
  /** The image's size in CSS px. */
  width: number;
  height: number;
}

export function buildViewSvg(input: ViewSvgInput): ViewImage {
  const { layout, theme, measure } = input;
  const width = Math.max(PAD + LABEL_COLUMN + layout.width + PAD, input.map ? input.map.width + 2 * PAD : 0);
  const textWidth = width - 2 * PAD;
  const muted = { size: 12.5, fill: theme.mutedText };
  const body: SvgChild[] = [];
  let y = PAD;
  // Lines of the page (title, summary, filters, footer): from the left, or mirrored from the right.
  const line = (text: string, at: number, style: TextStyle, extra: SvgAttributes) =>
    input.dir === 'rtl' ? rightAlignedLine(text, width - PAD, at, style, extra) : textLine(text, PAD, at, style, measure, extra);

  for (const titleLine of wrapText(input.title, textWidth, 18, 600, measure, 2)) {
    y += 22;
    body.push(line(titleLine, y, { size: 18, weight: 600, fill: theme.text }, { class: 'title' }));
  }
  y += LINE + 2;
  body.push(line(input.summary, y, muted, { class: 'summary' }));
  const filters = input.filters.length ? input.words.exportFilters(input.filters.join(' · ')) : input.words.exportNoFilters;
  for (const filterLine of wrapText(filters, textWidth, 12.5, 400, measure)) {
    y += LINE;
    body.push(line(filterLine, y, { size: 12.5, fill: theme.text }, { class: 'filters' }));
  }
  y += 12;

  const plotX = input.dir === 'rtl' ? PAD : PAD + LABEL_COLUMN;
  body.push(el('g', { transform: `translate(${plotX},${y})` }, axisGroup(input.axis, layout.width, theme, measure, input.dir)));
  y += AXIS;
  body.push(lanesGroup(input, plotX, y));
  const plotTop = y;
  y += layout.height + 14;

  if (input.map) {
    // Mirrored in Arabic as the page is: the map sits at the right margin (the map itself is not mirrored).
    const map = mapSvgGroup(input.map, input.dir === 'rtl' ? width - PAD - input.map.width : PAD, y, theme);
    body.push(map.group);
    y += map.height + 14;
  }

  const legend = legendGroup(input, y, width);
  body.push(legend.group);
  y += legend.height + 6;

  const footer: { text: string; size: number }[] = [
    ...wrapText(input.words.exportSource(input.attribution), textWidth, 12, 400, measure).map((text) => ({ text, size: 12 })),
    { text: input.exported, size: 12 },
  ];
  if (input.permalink) footer.push(...wrapText(input.words.liveView(input.permalink), textWidth, 11, 400, measure, 3).map((text) => ({ text, size: 11 })));
  for (const footerLine of footer) {
    y += 16;
    body.push(line(footerLine.text, y, { size: footerLine.size, fill: theme.mutedText }, { class: 'footer' }));
  }
  const height = Math.ceil(y + PAD);

  const svg = el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_STACK },
    el('title', {}, input.title),
    el('defs', {}, el('clipPath', { id: 'plot' }, el('rect', { x: 0, y: 0, width: layout.width, height: layout.height })), ...(input.map ? [mapClipPath(input.map)] : [])),
    el('rect', { x: 0, y: 0, width, height, fill: theme.background }),
    el('rect', { x: plotX, y: plotTop, width: layout.width, height: layout.height, fill: theme.background, stroke: theme.laneRule }),
    ...body,
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(svg)}\n`, width, height };
}
