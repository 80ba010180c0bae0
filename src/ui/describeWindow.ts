import type { TimeWindow } from '../store/window.ts';

/** "13 Sep 2022 to 16 Sep 2022": the window in words, at day precision (UTC). */
export function describeWindow(w: TimeWindow, locale: string): string {
  const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${fmt.format(w.from)} to ${fmt.format(w.to)}`;
}
