// Counts per pixel-column bin: the overview strip (and, later, zoomed-out lanes) draw these.

/** Counts of rows (passing `mask`) whose time falls in each of `bins` equal bins of [from, to). */
export function densityBins(starts: Float64Array, mask: Uint8Array | null, from: number, to: number, bins: number): Uint32Array {
  const counts = new Uint32Array(Math.max(0, bins));
  const span = to - from;
  if (bins <= 0 || span <= 0) return counts;
  for (let i = 0; i < starts.length; i++) {
    if (mask && mask[i] !== 1) continue;
    const bin = Math.floor(((starts[i]! - from) / span) * bins);
    if (bin >= 0 && bin < bins) counts[bin]!++;
  }
  return counts;
}

/** A density lane has one bin per this many pixels. */
export const DENSITY_BIN_PX = 3;

/** The bins of a density lane `width` px wide (the data server is asked for as many). */
export const densityBinCount = (width: number) => Math.max(1, Math.ceil(width / DENSITY_BIN_PX));

/** Above this many events in the window, a lane shows its density instead of a mark per event (a data server's lanes too). */
export const markLimit = (width: number) => Math.max(60, Math.floor(width / 8));

/**
 * Counts of equal bins over [from, to) moved onto `bins` equal bins over [nextFrom, nextTo): each
 * old bin's count goes to the new bin holding its middle. While a new answer is on its way, the
 * last one is drawn this way at the new window, so zooming never shows an empty lane.
 */
export function resampleBins(counts: ArrayLike<number>, from: number, to: number, nextFrom: number, nextTo: number, bins: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, bins));
  const span = to - from;
  const nextSpan = nextTo - nextFrom;
  if (!counts.length || span <= 0 || nextSpan <= 0 || bins <= 0) return out;
  for (let i = 0; i < counts.length; i++) {
    if (!counts[i]) continue;
    const middle = from + ((i + 0.5) / counts.length) * span;
    const bin = Math.floor(((middle - nextFrom) / nextSpan) * bins);
    if (bin >= 0 && bin < bins) out[bin]! += counts[i]!;
  }
  return out;
}
