// The hover tooltip's content, built as DOM text nodes: data never becomes markup.
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { formatShortDate } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import type { AppState } from '../store/store.ts';
import type { UiLocale } from '../i18n/locale.ts';

function line(className: string, text: string, lang?: string): HTMLElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  div.dir = 'auto';
  if (lang) div.lang = lang;
  return div;
}

export function describeEventForTooltip(state: AppState, rows: readonly number[], ui: UiLocale): HTMLElement[] {
  const { lang, locale, t } = ui;
  const n = new Intl.NumberFormat(locale);
  if (rows.length > 1) {
    const shown = rows.slice(0, 5).map((row) => {
      const e = state.table.eventAt(row);
      const title = pickText(e.title, lang, e.originalLanguage);
      return line('tooltip-item', `${formatShortDate(e.start, locale)} · ${title.text}`, title.lang);
    });
    const more = rows.length > 5 ? [line('tooltip-meta', t.tooltipMore(n.format(rows.length - 5)))] : [];
    return [line('tooltip-title', t.tooltipEvents(n.format(rows.length))), ...shown, ...more];
  }
  const e = state.table.eventAt(rows[0]!);
  const title = pickText(e.title, lang, e.originalLanguage);
  const when = formatShortDate(e.start, locale) + (e.end ? ` – ${formatShortDate(e.end, locale)}` : '');
  const place = e.place ? pickText(e.place.name, lang, e.originalLanguage).text : null;
  const original = title.lang !== lang ? [line('tooltip-meta', t.originalMarker(t.languageNames[title.lang] ?? title.lang))] : [];
  return [
    line('tooltip-title', title.text, title.lang),
    ...original,
    line('tooltip-meta', [EVENT_TYPE_INFO[e.type].label[lang], when, place].filter(Boolean).join(' · ')),
  ];
}

/** A density bin: how many events, over which span, and what a click does. */
export function describeDensityForTooltip(count: number, from: number, to: number, laneLabel: string, ui: UiLocale): HTMLElement[] {
  const { locale, t } = ui;
  const span = to - from;
  const fmt = new Intl.DateTimeFormat(locale, {
    day: 'numeric', month: 'short', year: 'numeric',
    ...(span < 3 * 86_400_000 ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    timeZone: 'UTC',
  });
  const range = span < 3 * 86_400_000 ? t.windowRangeUtc(fmt.format(from), fmt.format(to)) : t.windowRange(fmt.format(from), fmt.format(to));
  return [
    line('tooltip-title', t.tooltipDensity(new Intl.NumberFormat(locale).format(count), count, laneLabel)),
    line('tooltip-meta', range),
    line('tooltip-item', t.tooltipDensityClick),
  ];
}
