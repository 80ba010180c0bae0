// Where a legend's entries go in an exported image or a video frame: one after another along the
// line, wrapping, from the right in Arabic. Pure: entries, label widths and the line's width in;
// each entry's shape position out (the label sits 10 px beyond its shape, on its reading side).

export interface LegendFlowOptions {
  /** The image's width and side margin (px). */
  width: number;
  pad: number;
  /** The first line's top, and the height of a line. */
  top: number;
  line: number;
  rtl: boolean;
}

export interface LegendPlace<T> {
  entry: T;
  /** The shape's centre. */
  x: number;
  y: number;
}

/** Places the entries; `labelWidth` measures a label. Gives the places and the legend's height. */
export function legendFlow<T>(entries: readonly T[], labelWidth: (entry: T) => number, o: LegendFlowOptions): { places: LegendPlace<T>[]; height: number } {
  const places: LegendPlace<T>[] = [];
  // `used`: how far along the line the entries reach, from the left (or, mirrored, from the right).
  let used = 0;
  let y = o.top + 8;
  for (const entry of entries) {
    const w = 16 + labelWidth(entry) + 18;
    if (used > 0 && o.pad + used + w > o.width - o.pad) {
      used = 0;
      y += o.line + 2;
    }
    places.push({ entry, x: o.rtl ? o.width - o.pad - used - 6 : o.pad + used + 6, y });
    used += w;
  }
  return { places, height: y - o.top + 12 };
}
