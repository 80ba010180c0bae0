import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';

/** Non-blocking notices, e.g. what a link asked for that could not be applied. */
export function Notices() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const notices = useAppState((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <span>{n.text}</span>
          <button type="button" aria-label={t.dismissNotice} onClick={() => store.getState().dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
