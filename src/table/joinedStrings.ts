// A text column held as one string: the form the packed events, the id lookup and the table share.
/** Strings one after another: entry i is text.slice(start[i], start[i + 1]), or absent when `present` says so. */
export interface JoinedStrings {
  text: string;
  start: Uint32Array;
  /** 1 where row i has a string; omitted when every row has one. */
  present?: Uint8Array;
  /**
   * On the page, for a column posted as UTF-8: entry i, decoded alone while `text` has not been
   * read (which decodes the whole column).
   */
  entryAt?(i: number): string;
}

/** A column's text as UTF-8, as the import worker posts it (see packedPost.ts). */
export interface Utf8Text {
  bytes: Uint8Array;
  /** Where each entry's bytes start, when that is not at `start` (the text goes beyond ASCII). */
  start?: Uint32Array;
}
