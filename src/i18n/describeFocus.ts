// What the aria-live region says when the keyboard lands on an event: its date, type and title (in
// the UI language, or the original marked as such) and its lane.
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { formatShortDate } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import type { EventTable } from '../table/eventTable.ts';
import type { UiLocale } from './locale.ts';

export function describeFocusedEvent(table: EventTable, row: number, laneLabel: string, ui: UiLocale): string {
  const { lang, locale, t } = ui;
  const event = table.eventAt(row);
  const title = pickText(event.title, lang, event.originalLanguage);
  const when = formatShortDate(event.start, locale) + (event.end ? ` – ${formatShortDate(event.end, locale)}` : '');
  const original = title.lang !== lang ? t.announceOriginal(t.languageNames[title.lang] ?? title.lang) : '';
  return t.announceEvent(when, EVENT_TYPE_INFO[event.type].label[lang], title.text + original, laneLabel);
}
