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
