// Random damage to a valid file, for fuzz tests of the importers. Seeded by the caller.
const NOISE = ['"', ',', '\n', '\r\n', ';', '؟', '\u0000', '#', '=', ' ', 'é', '}', '{', '[', ']', '9', '-', ':', '\\', '\ufeff', '<script>', 'null', '1e999', '"events":'];

/** Up to 8 random edits: deletions, noise, stray characters, repeated and swapped stretches, a cut end. */
export function corrupt(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 8);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * out.length);
    const roll = random();
    if (roll < 0.25) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20));
    else if (roll < 0.5) out = out.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + out.slice(at);
    else if (roll < 0.65) out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + out.slice(at + 1);
    else if (roll < 0.8) {
      // Repeat a stretch: duplicated rows, keys and ids.
      const length = 1 + Math.floor(random() * 200);
      out = out.slice(0, at) + out.slice(at, at + length) + out.slice(at);
    } else if (roll < 0.9) {
      // Swap two stretches: cells and values move to the wrong place.
      const other = Math.floor(random() * out.length);
      const [a, b] = at < other ? [at, other] : [other, at];
      const length = Math.min(1 + Math.floor(random() * 30), b - a);
      out = out.slice(0, a) + out.slice(b, b + length) + out.slice(a + length, b) + out.slice(a, a + length) + out.slice(b + length);
    } else out = out.slice(0, at);
  }
  return out;
}

/**
 * Up to 8 random edits to a binary file (Parquet, Arrow): flipped bytes, a stretch of noise, a
 * repeated or deleted stretch, and (one case in three) a cut end, which a Parquet reader sees
 * first, as its footer is at the end. Edits other than the cut fall at `from` or after.
 */
export function corruptBytes(bytes: Uint8Array, random: () => number, from = 0): Uint8Array<ArrayBuffer> {
  let out = Uint8Array.from(bytes);
  const edits = 1 + Math.floor(random() * 8);
  for (let k = 0; k < edits; k++) {
    const start = Math.min(from, out.length);
    const at = start + Math.floor(random() * (out.length - start));
    const roll = random();
    if (roll < 0.4) out[at] = Math.floor(random() * 256);
    else if (roll < 0.6) for (let i = at; i < Math.min(out.length, at + 1 + Math.floor(random() * 64)); i++) out[i] = Math.floor(random() * 256);
    else if (roll < 0.75) {
      const length = 1 + Math.floor(random() * 100);
      out = Uint8Array.from([...out.subarray(0, at + length), ...out.subarray(at)]);
    } else if (roll < 0.9) out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1 + Math.floor(random() * 40))]);
    else if (random() < 0.33) out = out.slice(0, Math.floor(random() * out.length));
  }
  return out;
}
