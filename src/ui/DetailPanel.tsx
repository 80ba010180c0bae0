import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { formatCalendarDay, formatTime } from '../model/time.ts';
import { pickText } from '../model/text.ts';
import { actorName } from '../model/actors.ts';
import { safeHttpUrl } from '../model/links.ts';
import type { Actor, ConflictEvent, TimeValue } from '../model/schema.ts';
import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';
import type { Messages } from '../i18n/messages.en.ts';
import { ShapeIcon } from './ShapeIcon.tsx';

/** Loaded with the first event that has coordinates (it brings d3-geo). */
const PlaceLocator = lazy(() => import('./PlaceLocator.tsx'));

function TimeRow({ label, time, locale, t }: { label: string; time: TimeValue; locale: string; t: Messages }) {
  const f = formatTime(time, locale);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <div>
          <span className="time-local">{f.local}</span> <span className="muted">{t.localTime(f.zone)}</span>
        </div>
        {f.utc && <div className="time-utc">{f.utc}</div>}
        <div className="muted">{t.precision(t.precisionNames[f.precision])}{time.dayPart ? t.dayPartOnly : ''}</div>
      </dd>
    </>
  );
}

const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

export function DetailPanel() {
  const store = useAppStore();
  const { lang, locale, t } = useUiLocale();
  const languageName = (code: string) => t.languageNames[code] ?? code;
  const selectedId = useAppState((s) => s.selectedId);
  const mapShown = useAppState((s) => s.mapView !== null);
  const table = useAppState((s) => s.table);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const row = selectedId === null ? undefined : table.rowOfId.get(selectedId);
  // The table may build the event anew on each call: one per selection, so that focus moves once.
  // With a data server, an event outside the page's events comes on its own (remoteEvent).
  const remoteEvent = useAppState((s) => (s.remoteEvent && s.remoteEvent.id === selectedId ? s.remoteEvent : null));
  const event = useMemo(() => (row === undefined ? remoteEvent : table.eventAt(row)), [table, row, remoteEvent]);

  // Only while this page has the keyboard: an embed (in an article, or the Share dialog's preview)
  // opening on an event would otherwise pull the focus out of its host page into the iframe.
  useEffect(() => {
    if (event && document.hasFocus()) headingRef.current?.focus();
  }, [event]);

  // The details take the focus when they open; the arrow keys still walk the timeline from the
  // open event, so the keyboard need not press Escape first.
  const onHeadingKeyDown = (e: React.KeyboardEvent) => {
    const timeline = document.getElementById('timeline');
    if (!ARROW_KEYS.has(e.key) || e.ctrlKey || e.metaKey || e.altKey || !timeline) return;
    e.preventDefault();
    timeline.focus();
    timeline.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, shiftKey: e.shiftKey, bubbles: true }));
  };

  if (!event) return null;
  const actorsById = new Map<string, Actor>(table.actors.map((a) => [a.id, a]));
  const nameOf = (id: string) => {
    const actor = actorsById.get(id);
    return actor ? actorName(actor, lang) : id;
  };
  const title = pickText(event.title, lang, event.originalLanguage);
  const original = event.title[event.originalLanguage];
  const description = event.description ? pickText(event.description, lang, event.originalLanguage) : null;
  const place = event.place ? pickText(event.place.name, lang, event.originalLanguage).text : null;
  const number = new Intl.NumberFormat(locale);
  // Claim and publication dates are calendar days (YYYY, YYYY-MM or YYYY-MM-DD), shown in the UI's locale.
  const day = (iso: string | undefined) => (iso ? formatCalendarDay(iso, locale) : undefined);
  const eventTitle = (e: ConflictEvent) => pickText(e.title, lang, e.originalLanguage).text;

  return (
    <aside className="detail-panel" aria-label={t.details}>
      <div className="detail-head">
        <p className="detail-type">
          <ShapeIcon type={event.type} /> {EVENT_TYPE_INFO[event.type].label[lang]}
        </p>
        <button type="button" className="close" aria-label={t.closeDetails} onClick={() => store.getState().select(null)}>
          ×
        </button>
      </div>
      <h2 id="detail-title" ref={headingRef} tabIndex={-1} lang={title.lang} dir="auto" onKeyDown={onHeadingKeyDown}>
        {title.text}
      </h2>
      {original && !title.isOriginal && (
        <p className="original" lang={event.originalLanguage} dir="auto">
          <span className="muted">{t.originalIn(languageName(event.originalLanguage))}</span>
          {original}
        </p>
      )}
      {title.isOriginal && title.lang !== lang && <p className="muted">{t.shownInOriginal(languageName(title.lang))}</p>}
      {description && (
        <p className="description" lang={description.lang} dir="auto">
          {description.text}
        </p>
      )}
      <dl className="facts">
        <TimeRow label={event.end ? t.from : t.when} time={event.start} locale={locale} t={t} />
        {event.end && <TimeRow label={t.until} time={event.end} locale={locale} t={t} />}
        {place && event.place && (
          <>
            <dt>{t.place}</dt>
            <dd dir="auto">
              {[place, ...(event.place.admin ?? []).filter((a) => a !== place)].join(', ')} ({event.place.country})
              {event.place.lat !== undefined && event.place.lon !== undefined && (
                <span className="muted"> · {event.place.lat.toFixed(3)}, {event.place.lon.toFixed(3)}</span>
              )}
              {event.place.precision && <div className="muted">{t.geoPrecisionNames[event.place.precision]}</div>}
              {/* The map, when shown, already marks the selected event; else a small locator does. */}
              {!mapShown && event.place.lat !== undefined && event.place.lon !== undefined && (
                <Suspense fallback={null}>
                  <PlaceLocator lon={event.place.lon} lat={event.place.lat} precision={event.place.precision} type={event.type} place={place} />
                </Suspense>
              )}
            </dd>
          </>
        )}
      </dl>
      {event.actors.length > 0 && (
        <section aria-labelledby="detail-actors">
          <h3 id="detail-actors">{t.actors}</h3>
          <ul className="actors-list">
            {event.actors.map((ref, i) => (
              <li key={`${ref.actor}-${i}`}>
                <span dir="auto">{nameOf(ref.actor)}</span> <span className="role">{t.roleNames[ref.role]}</span>
                {ref.side !== undefined && <span className="muted">{t.side(ref.side)}</span>}
                {ref.name && ref.name !== nameOf(ref.actor) && (
                  <div className="muted" dir="auto">
                    {t.as(ref.name)}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {event.counts.length > 0 && (
        <section aria-labelledby="detail-counts">
          <h3 id="detail-counts">{t.counts}</h3>
          <table className="counts-table">
            <thead>
              <tr>
                <th scope="col">{t.number}</th>
                <th scope="col">{t.claimedBy}</th>
                <th scope="col">{t.on}</th>
              </tr>
            </thead>
            <tbody>
              {event.counts.map((c, i) => (
                <tr key={i}>
                  <td>
                    {t.qualifierNames[c.qualifier]}
                    {number.format(c.value)} {t.countNames[c.kind]}
                    {c.low !== undefined && c.high !== undefined && (
                      <span className="muted">
                        {' '}
                        {t.range(number.format(c.low), number.format(c.high))}
                      </span>
                    )}
                    {c.of && <span className="muted"> ({nameOf(c.of)})</span>}
                  </td>
                  <td dir="auto">{nameOf(c.claimant)}</td>
                  <td>{day(c.claimedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {event.claims.length > 0 && (
        <section aria-labelledby="detail-claims">
          <h3 id="detail-claims">{t.claims}</h3>
          <ul className="claims-list">
            {event.claims.map((claim, i) => {
              const text = pickText(claim.text, lang, event.originalLanguage);
              return (
                <li key={i}>
                  <span className={`status status-${claim.status}`}>{t.claimStatus[claim.status]}</span>{' '}
                  <strong dir="auto">{nameOf(claim.claimant)}:</strong>{' '}
                  <span lang={text.lang} dir="auto">{text.text}</span>
                  {claim.disputedBy && claim.disputedBy.length > 0 && (
                    <span className="muted">{t.disputedBy(claim.disputedBy.map(nameOf).join(lang === 'ar' ? '، ' : ', '))}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="detail-sources">
        <h3 id="detail-sources">{t.sources}</h3>
        <ul className="sources-list">
          {event.sources.map((source, i) => {
            const href = safeHttpUrl(source.url);
            const quote = source.quote ? pickText(source.quote, lang, source.language) : null;
            const quoteOriginal = source.quote?.[source.language];
            return (
              <li key={i}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
                    {source.title ?? source.publisher}
                  </a>
                ) : (
                  <span dir="auto">{source.title ?? source.publisher}</span>
                )}
                <span className="muted">
                  {' '}
                  {[source.title ? source.publisher : null, day(source.date), languageName(source.language)].filter(Boolean).map((part) => ` · ${part}`).join('')}
                </span>
                {!href && source.url && <div className="muted" dir="auto">{t.notAWebLink(source.url)}</div>}
                {quote && (
                  <blockquote lang={quote.lang} dir="auto">
                    {quote.text}
                  </blockquote>
                )}
                {quote && quoteOriginal && quote.lang !== source.language && (
                  <blockquote className="original" lang={source.language} dir="auto">
                    {quoteOriginal}
                  </blockquote>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {event.relations.length > 0 && (
        <section aria-labelledby="detail-related">
          <h3 id="detail-related">{t.related}</h3>
          <ul>
            {event.relations.map((rel, i) => {
              const otherRow = table.rowOfId.get(rel.event);
              const other = otherRow === undefined ? null : table.eventAt(otherRow);
              return (
                <li key={i}>
                  <span className="muted">{t.relationNames[rel.kind]}: </span>
                  {other ? (
                    <button type="button" className="link-button" dir="auto" onClick={() => store.getState().select(other.id)}>
                      {eventTitle(other)}
                    </button>
                  ) : (
                    rel.event
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </aside>
  );
}
