// What one import may hold, so that a huge or hostile file is refused with a message instead of
// taking the tab down. (The file size is checked before reading: MAX_FILE_BYTES.)

/** Rows (CSV) or events (JSON) in one file. A million events is what the timeline is built and measured for. */
export const MAX_ROWS = 1_000_000;

/** The app's JSON nests 6 levels deep at most (the root, events, an event, its claims, a claim, its text); a file nested far deeper is not a dataset. */
export const JSON_MAX_DEPTH = 32;

/** Values (numbers, strings, objects…) in one JSON file; the app's JSON of generated ACLED events holds about 28 million at the size limit (MAX_FILE_BYTES). */
const JSON_MAX_VALUES = 80_000_000;

const number = (n: number) => n.toLocaleString('en-GB');

export function tooManyRows(limit: number, what: 'rows' | 'events' = 'rows'): string {
  return `has more than ${number(limit)} ${what}; up to ${number(limit)} can be opened at once in a tab. Serve it with the data server (npm run serve), or split it (by year or by country, say) and open the parts one by one`;
}

const tooDeepReason = (maxDepth: number) => `is nested more than ${maxDepth} levels deep, which no dataset is`;
const tooManyValuesReason = (maxValues: number) => `holds more than ${number(maxValues)} JSON values; up to ${number(maxValues)} can be opened at once`;

export type JsonShape = { ok: true } | { ok: false; reason: string };

/**
 * Checks a JSON text's nesting depth and number of values in one pass, before JSON.parse builds
 * it, so that neither a deeply nested nor a huge file reaches the parser. Strings are skipped
 * whole; the text is assumed to be JSON (a malformed text is left for JSON.parse to explain).
 */
export function checkJsonShape(text: string, maxDepth = JSON_MAX_DEPTH, maxValues = JSON_MAX_VALUES): JsonShape {
  let depth = 0;
  let values = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (end > 0) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return { ok: true };
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { ok: false, reason: tooDeepReason(maxDepth) };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
    // Each value but the first in a list or object follows a comma.
    if (c === 0x2c /* , */ || c === 0x7b || c === 0x5b) {
      if (++values > maxValues) return { ok: false, reason: tooManyValuesReason(maxValues) };
    }
  }
  return { ok: true };
}
