import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The window as two date inputs (UTC days). The overview brush and zooming change the same window. */
export function DateFilter() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const from = useAppState((s) => isoDay(s.window.from));
  const to = useAppState((s) => isoDay(s.window.to));
  const set = (which: 'from' | 'to', value: string) => {
    const day = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(day)) return;
    const w = store.getState().window;
    const next = which === 'from' ? { from: day, to: Math.max(w.to, day + DAY) } : { from: Math.min(w.from, day), to: day + DAY };
    store.getState().setWindow(next, 'push');
  };
  return (
    <div role="group" aria-labelledby="dates-label" className="filter-block">
      <h3 id="dates-label">{t.dates}</h3>
      <div className="date-row">
        <label>
          <span>{t.dateFrom}</span>
          <input type="date" value={from} min="0001-01-01" max="9999-12-31" onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          <span>{t.dateTo}</span>
          <input type="date" value={to} min="0001-01-01" max="9999-12-31" onChange={(e) => set('to', e.target.value)} />
        </label>
      </div>
    </div>
  );
}
