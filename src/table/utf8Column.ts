// A joined column kept as its UTF-8 and decoded where it is read: what the import worker encoded
// and moved here as bytes (see packedPost.ts). An entry is decoded alone when it is read (a page
// shows a few events at a time); the whole column once its text is read whole, or once so many
// entries have been read alone that one decode of the whole is faster.
import type { JoinedStrings, Utf8Text } from './joinedStrings.ts';

/** A joined column as bytes, to be moved between threads (see utf8Column). */
export interface MovedText {
  utf8: Utf8Text;
  start: Uint32Array;
  present?: Uint8Array;
}

/** Entries of a column decoded alone before the whole column is (see utf8Column). */
export const ENTRIES_DECODED_ALONE = 20_000;

/** The worker encodes only text that decodes back the same (no lone surrogate: see utf8Of). */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The column of `moved`, its text decoded from the bytes when first read; the bytes are let go
 * then, as the text holds the column (at a million events, the ids', titles' and descriptions'
 * bytes are about a quarter of a gigabyte). It compares equal to the column as text: its `entryAt`
 * is not enumerable.
 */
export function utf8Column({ utf8, start, present }: MovedText): JoinedStrings {
  let encoded: Utf8Text | undefined = utf8;
  let text: string | undefined;
  let decodedAlone = 0;
  const whole = (): string => {
    if (text === undefined) {
      text = decoder.decode(encoded!.bytes);
      encoded = undefined;
    }
    return text;
  };
  const column: JoinedStrings = {
    get text() {
      return whole();
    },
    start,
    ...(present ? { present } : {}),
  };
  const entryAt = (i: number): string => {
    if (encoded && ++decodedAlone <= ENTRIES_DECODED_ALONE) {
      const { bytes, start: byteStart = start } = encoded;
      return decoder.decode(bytes.subarray(byteStart[i], byteStart[i + 1]));
    }
    return whole().slice(start[i], start[i + 1]);
  };
  Object.defineProperty(column, 'entryAt', { value: entryAt });
  return column;
}
