import { useEffect, useMemo, useRef, useState } from 'react';
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { formatShortDate } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import { actorName } from '../model/actors.ts';
import { actorRowsOf } from '../table/eventTable.ts';
import { visibleSlice } from '../store/derived.ts';
import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';
import { useRemoteEventsPage } from './useRemoteEventsPage.ts';
import type { EventTable } from '../table/eventTable.ts';

const ROW_HEIGHT = 36;
const OVERSCAN = 8;

/** The accessible alternative to the timeline: the events in view, by date, virtualised when long. */
export function EventsTable() {
  const store = useAppStore();
  const { lang, locale, t } = useUiLocale();
  const table = useAppState((s) => s.table);
  const filters = useAppState((s) => s.settledFilters);
  const window = useAppState((s) => s.settledWindow);
  // How many rows are in view, and where a row is among them, without listing them all: at a
  // million events in view, listing them on every settled zoom would hold up frames.
  const inView = useMemo(() => visibleSlice({ table, filters, window }, 0, 0), [table, filters, window]);
  const selectedId = useAppState((s) => s.selectedId);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);

  useEffect(() => {
    const el = scrollerRef.current!;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Bring the selected event's row into view when it is selected elsewhere.
  useEffect(() => {
    if (selectedId === null) return;
    const row = table.rowOfId.get(selectedId);
    const index = row === undefined ? -1 : inView.indexOf(row);
    const el = scrollerRef.current;
    if (index < 0 || !el) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight - ROW_HEIGHT) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
  }, [selectedId, inView, table]);

  // A data server's window with more events than the page holds: counted there, listed a page at a time.
  const remoteTotal = useAppState((s) => (s.remoteAnswer && !s.remoteAnswer.complete ? s.remoteAnswer.counts.visible : null));
  const total = remoteTotal ?? inView.total;
  // Nothing loaded yet, and a file or a data link on its way: no window or filter hides anything.
  const waiting = useAppState((s) => s.importing !== null && s.table.size === 0 && s.remoteSource === null);
  const first = Math.min(total, Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN));
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const page = useRemoteEventsPage(remoteTotal !== null, first, last);
  const shownRows = useMemo(() => (remoteTotal === null ? visibleSlice({ table, filters, window }, first, last).rows : null), [remoteTotal, table, filters, window, first, last]);
  /** The rows on screen, each in the table that has it: the page's own, or the server's page. */
  const shown: { table: EventTable; row: number }[] = shownRows
    ? Array.from(shownRows, (row) => ({ table, row }))
    : page
      ? Array.from({ length: Math.max(0, Math.min(last, page.offset + page.table.size) - Math.max(first, page.offset)) }, (_, i) => ({ table: page.table, row: Math.max(first, page.offset) - page.offset + i }))
      : [];
  const shownFirst = shownRows || !page ? first : Math.max(first, page.offset);
  const shownLast = shownFirst + shown.length;

  return (
    <section className="events-section" aria-labelledby="events-heading">
      <h2 id="events-heading">{t.eventsHeading}</h2>
      <div ref={scrollerRef} className="events-scroller" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table className="events-table" aria-labelledby="events-heading" aria-rowcount={total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t.colDate}</th>
              <th scope="col">{t.colType}</th>
              <th scope="col">{t.colTitle}</th>
              <th scope="col">{t.colActors}</th>
            </tr>
          </thead>
          <tbody>
            {shownFirst > 0 && <tr aria-hidden="true" style={{ height: shownFirst * ROW_HEIGHT }} />}
            {shown.map(({ table, row }, i) => {
              const event = table.eventAt(row);
              const title = pickText(event.title, lang, event.originalLanguage);
              const actors = Array.from(actorRowsOf(table, row), (a) => actorName(table.actors[a]!, lang)).join(', ');
              const selected = event.id === selectedId;
              return (
                <tr key={event.id} aria-rowindex={shownFirst + i + 2} aria-selected={selected} className={selected ? 'selected' : undefined} style={{ height: ROW_HEIGHT }} onClick={() => store.getState().select(event.id)}>
                  <td className="date">{formatShortDate(event.start, locale)}</td>
                  <td className="type">{EVENT_TYPE_INFO[event.type].label[lang]}</td>
                  <td className="title">
                    <div className="title-cell">
                      <button type="button" className="link-button" lang={title.lang} dir="auto" onClick={(e) => { e.stopPropagation(); store.getState().select(event.id); }}>
                        {title.text}
                      </button>
                      {title.lang !== lang && <span className="original-marker"> ({t.originalMarker(t.languageNames[title.lang] ?? title.lang)})</span>}
                    </div>
                  </td>
                  <td className="actors" title={actors} dir="auto">{actors}</td>
                </tr>
              );
            })}
            {shownLast < total && <tr aria-hidden="true" style={{ height: (total - shownLast) * ROW_HEIGHT }} />}
          </tbody>
        </table>
        {total === 0 && <p className="empty">{waiting ? t.eventsComing : t.noEventsInWindow}</p>}
      </div>
    </section>
  );
}
