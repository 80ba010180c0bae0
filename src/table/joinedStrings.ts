// A text column held as one string: the form the packed events, the id lookup and the table share.
/** Strings one after another: entry i is text.slice(start[i], start[i + 1]), or absent when `present` says so. */
export interface JoinedStrings {
  text: string;
  start: Uint32Array;
  /** 1 where row i has a string; omitted when every row has one. */
  present?: Uint8Array;
}
