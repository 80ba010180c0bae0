import { describe, expect, it } from 'vitest';
import { decodeText } from './textEncoding.ts';

const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const [high, low] = [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff];
    bytes.set(order === 'le' ? [low, high] : [high, low], 2 + i * 2);
  }
  return bytes;
};

describe('decodeText', () => {
  const text = 'date,title\n2022-09-13,اشتباكات على الحدود\n';

  it('reads UTF-8, with or without its byte-order mark, and UTF-16 with its mark (Excel’s "Unicode Text")', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8, 'a.csv')).toEqual({ text, note: null });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'a.csv')).toEqual({ text, note: null });
    expect(decodeText(utf16(text, 'le'), 'a.txt')).toEqual({ text, note: null });
    expect(decodeText(utf16(text, 'be'), 'a.txt')).toEqual({ text, note: null });
  });

  it('reads bytes that are not UTF-8 as "\uFFFD", and says how many lines hold them and which comes first', () => {
    // windows-1256, as Excel's plain CSV writes Arabic: "حدود" on lines 3 and 5 (twice on 5).
    const arabic = [0xcd, 0xcf, 0xe6, 0xcf];
    const bytes = Uint8Array.from([...new TextEncoder().encode('date,title\n2022-09-13,ok\n2022-09-14,'), ...arabic, ...new TextEncoder().encode('\n2022-09-15,ok\n2022-09-16,'), ...arabic, 0x20, ...arabic, 0x0a]);
    const { text: read, note } = decodeText(bytes, 'excel.csv');
    expect(read.split('\n')[2]).toBe('2022-09-14,\uFFFD\uFFFD\uFFFD\uFFFD');
    expect(note).toBe('excel.csv is not UTF-8 text: 2 lines (the first, line 3) hold bytes that could not be read, shown as "\uFFFD". A file saved in a Windows code page does this: save it as "CSV UTF-8" (or as "Unicode Text") and open it again');
  });
});
