import { describe, expect, it } from 'vitest';
import { describeWindow } from './describeWindow.ts';
import { ar } from './messages.ar.ts';
import { en } from './messages.en.ts';

const day = 86_400_000;
const from = Date.UTC(2022, 8, 13);

describe('the window in words', () => {
  it('gives days for three days or more, and hours in UTC below that, in the language asked for each time', () => {
    // Asked in turn, so that a format made for one language or span is not used for the other.
    for (let round = 0; round < 2; round++) {
      expect(describeWindow({ from, to: from + 3 * day }, 'en-GB', en)).toBe('13 Sept 2022 to 16 Sept 2022');
      expect(describeWindow({ from: from + 36 * 3_600_000, to: from + 48 * 3_600_000 }, 'en-GB', en)).toBe('14 Sept 2022, 12:00 to 15 Sept 2022, 00:00 UTC');
      const arabic = describeWindow({ from, to: from + 3 * day }, 'ar', ar);
      expect(arabic.startsWith('من ')).toBe(true);
      expect(arabic).toContain(new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(from));
      expect(arabic).not.toMatch(/\d\d:\d\d|[٠-٩]{2}:[٠-٩]{2}/);
    }
  });
});
