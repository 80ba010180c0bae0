import { describe, expect, it } from 'vitest';
import { cleanText } from './cells.ts';
import { createReportBuilder } from './report.ts';

describe('cleanText', () => {
  it('trims every space a spreadsheet leaves, at either end, and reports it', () => {
    // Every character that the trimming expression treats as a space, including those the quick
    // look at the cell's ends must not miss.
    const spaces = [...Array(0x10000).keys()].map((c) => String.fromCharCode(c)).filter((ch) => /[\s\u00a0\u200b\ufeff]/.test(ch));
    expect(spaces.length).toBeGreaterThan(20);
    for (const space of spaces) {
      for (const raw of [`${space}Berd`, `Berd${space}`]) {
        const report = createReportBuilder('f.csv', 'CSV');
        const row = report.row(2);
        expect(cleanText(raw, 'location', row)).toBe('Berd');
        expect(report.finish().fixes).toEqual([{ line: 2, field: 'location', value: raw, message: 'had spaces around it, which were trimmed' }]);
      }
    }
  });

  it('keeps a cell without edge spaces as it is, with nothing reported', () => {
    const report = createReportBuilder('f.csv', 'CSV');
    const row = report.row(2);
    expect(cleanText('Berd (Tavush)', 'location', row)).toBe('Berd (Tavush)');
    expect(cleanText('', 'location', row)).toBe('');
    expect(cleanText(undefined, 'location', row)).toBe('');
    expect(report.finish().fixes).toEqual([]);
  });
});
