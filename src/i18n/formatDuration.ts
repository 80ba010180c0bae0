// A length of time in words of the UI's language: "42 secs", "5 mins 40 secs", "42 ث".

/** Whole seconds (rounded up, so that a short video is never "0 sec"), as minutes and seconds. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const unit = (n: number, unit: 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n);
  if (minutes === 0) return unit(seconds, 'second');
  return seconds === 0 ? unit(minutes, 'minute') : `${unit(minutes, 'minute')} ${unit(seconds, 'second')}`;
}
