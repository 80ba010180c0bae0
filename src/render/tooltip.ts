// The hover tooltip's content, built as DOM text nodes: data never becomes markup.
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { formatShortDate } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import type { AppState } from '../store/store.ts';

function line(className: string, text: string, lang?: string): HTMLElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  div.dir = 'auto';
  if (lang) div.lang = lang;
  return div;
}

export function describeEventForTooltip(state: AppState, rows: readonly number[], options: { lang: string; locale: string }): HTMLElement[] {
  const lang = options.lang === 'ar' ? 'ar' : 'en';
  if (rows.length > 1) {
    const shown = rows.slice(0, 5).map((row) => {
      const e = state.table.events[row]!;
      const title = pickText(e.title, options.lang, e.originalLanguage);
      return line('tooltip-item', `${formatShortDate(e.start, options.locale)} · ${title.text}`, title.lang);
    });
    const more = rows.length > 5 ? [line('tooltip-meta', `and ${rows.length - 5} more`)] : [];
    return [line('tooltip-title', `${rows.length} events — click to zoom in`), ...shown, ...more];
  }
  const e = state.table.events[rows[0]!]!;
  const title = pickText(e.title, options.lang, e.originalLanguage);
  const when = formatShortDate(e.start, options.locale) + (e.end ? ` – ${formatShortDate(e.end, options.locale)}` : '');
  const place = e.place ? pickText(e.place.name, options.lang, e.originalLanguage).text : null;
  return [
    line('tooltip-title', title.text, title.lang),
    line('tooltip-meta', [EVENT_TYPE_INFO[e.type].label[lang], when, place].filter(Boolean).join(' · ')),
  ];
}

/** A density bin: how many events, over which span, and what a click does. */
export function describeDensityForTooltip(count: number, from: number, to: number, laneLabel: string, locale: string): HTMLElement[] {
  const span = to - from;
  const fmt = new Intl.DateTimeFormat(locale, {
    day: 'numeric', month: 'short', year: 'numeric',
    ...(span < 3 * 86_400_000 ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    timeZone: 'UTC',
  });
  return [
    line('tooltip-title', `${new Intl.NumberFormat(locale).format(count)} event${count === 1 ? '' : 's'} · ${laneLabel}`),
    line('tooltip-meta', `${fmt.format(from)} – ${fmt.format(to)}${span < 3 * 86_400_000 ? ' UTC' : ''}`),
    line('tooltip-item', 'Click to zoom in here'),
  ];
}
