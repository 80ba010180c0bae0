// A step's view in a few words, for the step list: the window, the filters (as their chips say
// them), the selected event, the lanes when not by type, and whether the map is shown.
import type { UrlView } from '../../store/url.ts';
import type { EventTable } from '../../table/eventTable.ts';
import type { UiLocale } from '../../i18n/locale.ts';
import { describeWindow } from '../../i18n/describeWindow.ts';
import { filtersInWords } from '../../i18n/describeFilters.ts';
import { pickText } from '../../model/text.ts';

/** The parts of the description, in reading order ("13 Sept 2022 to 16 Sept 2022", "Type: Ceasefire", …). */
export function describeStep(view: UrlView, table: EventTable, ui: UiLocale): string[] {
  const { lang, locale, t } = ui;
  const parts = [view.window ? describeWindow(view.window, locale, t) : t.storyWholeData];
  parts.push(...filtersInWords(view.filters, table, lang, locale, t));
  if (view.event) {
    const row = table.rowOfId.get(view.event);
    const event = row === undefined ? null : table.eventAt(row);
    parts.push(t.storyStepEvent(event ? pickText(event.title, lang, event.originalLanguage).text : view.event));
  }
  if (view.lanes !== 'type') parts.push(t.storyStepLanes[view.lanes]);
  if (view.map) parts.push(t.storyStepMap);
  return parts;
}
