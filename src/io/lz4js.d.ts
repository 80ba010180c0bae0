// lz4js ships no types: the one function the Arrow reader uses.
declare module 'lz4js' {
  /** An LZ4 frame (with its header, as Arrow's IPC writes it) decompressed whole. */
  export function decompress(frame: Uint8Array): Uint8Array;
}
