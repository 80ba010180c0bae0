import { en, type Messages } from './messages.en.ts';

const THREE_DAYS = 3 * 86_400_000;

/**
 * The window in words: "13 Sept 2022 to 16 Sept 2022", or with hours when it spans less than
 * three days ("14 Sept 2022, 12:00 to 15 Sept 2022, 00:00 UTC"), since the day alone would hide it.
 * `words` gives the UI language's connectives (Arabic: "من … إلى …").
 */
export function describeWindow(w: { from: number; to: number }, locale: string, words: Pick<Messages, 'windowRange' | 'windowRangeUtc'> = en): string {
  if (w.to - w.from < THREE_DAYS) {
    const fmt = formatter(locale, true);
    return words.windowRangeUtc(fmt.format(w.from), fmt.format(w.to));
  }
  const fmt = formatter(locale, false);
  return words.windowRange(fmt.format(w.from), fmt.format(w.to));
}

/**
 * The date format of a locale, with or without hours, made once: the timeline's label describes
 * the window on every zoom frame, and making a format took longer than using it.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, hours: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${hours}`;
  let fmt = formats.get(key);
  if (!fmt) {
    const day = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
    fmt = new Intl.DateTimeFormat(locale, hours ? { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : day);
    formats.set(key, fmt);
  }
  return fmt;
}
