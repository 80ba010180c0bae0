// The map in an exported image, as SVG (text stays text): the same basemap, marks, areas and
// density grid as the screen, with its scale bar and attribution. Pure and light: what to draw
// comes in ready (see mapExport.ts, loaded only when the map is exported).
import { EVENT_TYPES, EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import type { MapLayout, MapMark } from '../layout/mapMarks.ts';
import type { PlacedLabel } from '../render/mapCanvas.ts';
import type { MapTheme } from '../render/mapTheme.ts';
import { shapePathData } from '../render/shapes.ts';
import { textColourOn, type TimelineTheme } from '../render/theme.ts';
import { el, type SvgChild, type SvgElement } from './svgMarkup.ts';

export interface MapSvgInput {
  width: number;
  height: number;
  /** Path data of the countries, their borders and coastlines, clipped to the map. */
  land: string;
  borders: string;
  coasts: string;
  labels: PlacedLabel[];
  layout: MapLayout;
  selectedRow: number | null;
  /** The area filter's box on the map, if any. */
  area: { x: number; y: number; width: number; height: number } | null;
  scale: { px: number; text: string };
  attribution: string;
  colours: MapTheme;
}

const colourOf = (typeIndex: number) => EVENT_TYPE_INFO[EVENT_TYPES[typeIndex] ?? 'other'];

function markElements(mark: MapMark, theme: TimelineTheme): SvgChild[] {
  const info = colourOf(mark.typeIndex);
  if (mark.kind === 'area') {
    return [
      el('circle', { cx: mark.x, cy: mark.y, r: mark.spread, fill: info.colour, 'fill-opacity': 0.16, stroke: info.colour, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }),
      el('path', { d: shapePathData(info.shape, mark.x, mark.y, 4.5), fill: 'none', stroke: theme.markStroke, 'stroke-width': 1.5 }),
    ];
  }
  const ring = mark.spread > mark.radius + 2 ? [el('circle', { cx: mark.x, cy: mark.y, r: mark.spread, fill: info.colour, 'fill-opacity': 0.1, stroke: info.colour, 'stroke-opacity': 0.5 })] : [];
  if (mark.kind === 'cluster') {
    const fill = mark.mixedTypes ? theme.cluster : info.colour;
    return [
      ...ring,
      el('circle', { cx: mark.x, cy: mark.y, r: mark.radius, fill, stroke: theme.markStroke }),
      el('text', { x: mark.x, y: mark.y + 3.5, 'font-size': 10, 'font-weight': 700, 'text-anchor': 'middle', fill: textColourOn(fill) }, mark.rows.length > 99 ? '99+' : String(mark.rows.length)),
    ];
  }
  return [...ring, el('path', { d: shapePathData(info.shape, mark.x, mark.y, mark.radius), fill: info.colour, stroke: theme.markStroke })];
}

/** The map at (x, y), its attribution under it; returns the group and the height it takes. */
export function mapSvgGroup(input: MapSvgInput, x: number, y: number, theme: TimelineTheme): { group: SvgElement; height: number } {
  const { layout, colours } = input;
  const cells = layout.cells.map((c) =>
    el('rect', { x: c.x + 0.5, y: c.y + 0.5, width: c.size - 1, height: c.size - 1, fill: colourOf(c.typeIndex).colour, 'fill-opacity': 0.25 + 0.65 * Math.sqrt(c.count / layout.maxCellCount) }),
  );
  const selected = input.selectedRow === null ? [] : layout.marks.filter((m) => m.rows.includes(input.selectedRow!));
  const group = el('g', { class: 'map', transform: `translate(${x},${y})` },
    el('g', { 'clip-path': 'url(#map-clip)' },
      el('rect', { x: 0, y: 0, width: input.width, height: input.height, fill: colours.water }),
      el('path', { d: input.land, fill: colours.land }),
      el('path', { d: input.borders, fill: 'none', stroke: colours.border, 'stroke-width': 0.8 }),
      el('path', { d: input.coasts, fill: 'none', stroke: colours.coast, 'stroke-width': 1 }),
      el('g', { class: 'country-names', 'font-size': 12, fill: colours.label, 'text-anchor': 'middle' }, ...input.labels.map((l) => el('text', { x: l.x, y: l.y + 4 }, l.text))),
      el('g', { class: 'cells' }, ...cells),
      el('g', { class: 'map-marks' }, ...layout.marks.flatMap((m) => markElements(m, theme))),
      ...selected.map((m) => el('circle', { cx: m.x, cy: m.y, r: (m.kind === 'area' ? 6 : m.radius) + 4, fill: 'none', stroke: theme.selection, 'stroke-width': 3 })),
      ...(input.area ? [el('rect', { ...input.area, fill: 'rgba(9,105,218,0.08)', stroke: colours.area, 'stroke-width': 2 })] : []),
    ),
    el('rect', { x: 0, y: 0, width: input.width, height: input.height, fill: 'none', stroke: theme.laneRule }),
    el('g', { class: 'scale-bar', transform: `translate(8,${input.height - 10})` },
      el('path', { d: `M0,-5V0H${input.scale.px.toFixed(1)}V-5`, fill: 'none', stroke: '#1f2328', 'stroke-width': 1.5 }),
      el('text', { x: 0, y: -8, 'font-size': 11, fill: '#1f2328', stroke: 'rgba(255,255,255,0.85)', 'stroke-width': 3, 'paint-order': 'stroke' }, input.scale.text),
    ),
    el('text', { class: 'map-attribution', x: input.width - 6, y: input.height - 6, 'font-size': 11, 'text-anchor': 'end', fill: '#1f2328', stroke: 'rgba(255,255,255,0.85)', 'stroke-width': 3, 'paint-order': 'stroke' }, input.attribution),
  );
  return { group, height: input.height };
}

/** The clip path the map group refers to. */
export const mapClipPath = (input: MapSvgInput): SvgElement => el('clipPath', { id: 'map-clip' }, el('rect', { x: 0, y: 0, width: input.width, height: input.height }));
