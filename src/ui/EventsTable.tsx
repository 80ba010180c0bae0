import { useEffect, useRef, useState } from 'react';
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { formatShortDate } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import { actorName } from '../model/actors.ts';
import { actorRowsOf } from '../table/eventTable.ts';
import { visibleRows, settledView } from '../store/derived.ts';
import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';

const ROW_HEIGHT = 36;
const OVERSCAN = 8;

/** The accessible alternative to the timeline: the events in view, by date, virtualised when long. */
export function EventsTable() {
  const store = useAppStore();
  const { lang, locale, t } = useUiLocale();
  const rows = useAppState((s) => visibleRows(settledView(s)));
  const table = useAppState((s) => s.table);
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
    const index = row === undefined ? -1 : rows.indexOf(row);
    const el = scrollerRef.current;
    if (index < 0 || !el) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight - ROW_HEIGHT) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
  }, [selectedId, rows, table]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const shown = Array.from(rows.subarray(first, last));

  return (
    <section className="events-section" aria-labelledby="events-heading">
      <h2 id="events-heading">{t.eventsHeading}</h2>
      <div ref={scrollerRef} className="events-scroller" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table className="events-table" aria-labelledby="events-heading" aria-rowcount={rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t.colDate}</th>
              <th scope="col">{t.colType}</th>
              <th scope="col">{t.colTitle}</th>
              <th scope="col">{t.colActors}</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
            {shown.map((row, i) => {
              const event = table.events[row]!;
              const title = pickText(event.title, lang, event.originalLanguage);
              const actors = Array.from(actorRowsOf(table, row), (a) => actorName(table.actors[a]!, lang)).join(', ');
              const selected = event.id === selectedId;
              return (
                <tr key={event.id} aria-rowindex={first + i + 2} aria-selected={selected} className={selected ? 'selected' : undefined} style={{ height: ROW_HEIGHT }} onClick={() => store.getState().select(event.id)}>
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
            {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} />}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">{t.noEventsInWindow}</p>}
      </div>
    </section>
  );
}
