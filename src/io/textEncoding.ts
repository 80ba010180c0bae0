// A text file's bytes as text. Analysts' tools save UTF-8 (with or without a byte-order mark), or
// UTF-16 with its mark, as Excel's "Unicode Text" saves a sheet (the way older Excel keeps Arabic).
// A file in a Windows code page (Excel's plain "CSV" on a Windows set up for Arabic writes
// windows-1256) is not UTF-8: its bytes that do not read as UTF-8 become "�", and the report says so
// and where, instead of loading garbled text without a word.

const UTF16_MARKS: [number, number, string][] = [
  [0xff, 0xfe, 'utf-16le'],
  [0xfe, 0xff, 'utf-16be'],
];

/** The encoding a byte-order mark names, for UTF-16; null for anything else. */
export function utf16Of(bytes: Uint8Array): string | null {
  return UTF16_MARKS.find(([a, b]) => bytes[0] === a && bytes[1] === b)?.[2] ?? null;
}

/** The text, and the report's note when some bytes were not text (null when all were). */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; note: string | null } {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), note: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, note: notUtf8Note(text, fileName) };
  }
}

/** How many lines hold characters that could not be read, and the first of them. */
function notUtf8Note(text: string, fileName: string): string {
  let lines = 0;
  let first = 0;
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; ) {
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < at; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    lines++;
    first ||= line;
    // On to the next line: a line counts once.
    const end = text.indexOf('\n', at);
    at = end < 0 ? -1 : text.indexOf('\uFFFD', end);
  }
  return `${fileName} is not UTF-8 text: ${lines.toLocaleString('en-GB')} line${lines === 1 ? '' : 's'} (the first, line ${first}) hold${lines === 1 ? 's' : ''} bytes that could not be read, shown as "\uFFFD". A file saved in a Windows code page does this: save it as "CSV UTF-8" (or as "Unicode Text") and open it again`;
}
