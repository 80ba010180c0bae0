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
