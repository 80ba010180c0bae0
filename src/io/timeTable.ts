// Values found by a time's epoch ms and its offset (an index into a compact file's strings), in a
// table of typed arrays: in Node 20, a Map keyed by the ms (a number too large for a small integer)
// took a third of packing's time at a million events; in the helper worker, a Map of the ms to a
// list took a quarter of a second at a million.

export class TimeTable<T> {
  private ms = new Float64Array(1024);
  private offset = new Float64Array(1024);
  /** Per slot: index into `values` + 1, or 0 when empty. */
  private slot = new Int32Array(1024);
  private readonly values: T[] = [];
  /** The epoch ms and offset of each of `values`. */
  private readonly keys: [number, number][] = [];

  get(ms: number, offset: number): T | undefined {
    const mask = this.slot.length - 1;
    for (let s = slotOf(ms, offset) & mask; ; s = (s + 1) & mask) {
      const at = this.slot[s]!;
      if (at === 0) return undefined;
      if (this.ms[s] === ms && this.offset[s] === offset) return this.values[at - 1];
    }
  }

  /** A time not in the table yet (a time whose ms or offset is NaN is never found). */
  add(ms: number, offset: number, value: T): void {
    // At most half full.
    if ((this.values.length + 1) * 2 > this.slot.length) this.grow();
    this.keys.push([ms, offset]);
    this.put(ms, offset, this.values.push(value));
  }

  private put(ms: number, offset: number, at: number): void {
    const mask = this.slot.length - 1;
    let s = slotOf(ms, offset) & mask;
    while (this.slot[s] !== 0) s = (s + 1) & mask;
    this.ms[s] = ms;
    this.offset[s] = offset;
    this.slot[s] = at;
  }

  private grow(): void {
    const size = this.slot.length * 2;
    this.ms = new Float64Array(size);
    this.offset = new Float64Array(size);
    this.slot = new Int32Array(size);
    this.keys.forEach(([ms, offset], k) => this.put(ms, offset, k + 1));
  }
}

/** A time's slot before probing: its ms (in seconds, any 32 bits of them) and offset mixed. */
function slotOf(ms: number, offset: number): number {
  const seconds = (ms / 1000) | 0;
  return Math.imul(seconds ^ (seconds >>> 15) ^ Math.imul(offset | 0, 0x9e3779b1), 0x85ebca6b) >>> 11;
}
