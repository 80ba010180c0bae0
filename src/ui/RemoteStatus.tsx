import { useState } from 'react';
import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';
import { useModalDialog } from './useModalDialog.ts';

/**
 * The data server's state, quietly: "Loading…" while a view's answer is on its way, a notice while
 * the server does not answer (what is shown stays), nothing otherwise. One live region, whose text
 * changes only when the state does.
 */
export function RemoteStatus() {
  const { t } = useUiLocale();
  const source = useAppState((s) => s.remoteSource);
  const status = useAppState((s) => s.remoteStatus);
  if (source === null) return null;
  return (
    <div className="remote-status" role="status" aria-live="polite">
      {status === 'loading' && <span className="remote-loading">{t.remoteLoading}</span>}
      {status === 'failing' && <div className="notice">{t.remoteNotAnswering(source)}</div>}
    </div>
  );
}

/** Asks for the data server's token on a 401; the token stays in the store's memory. */
export function TokenDialog() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const source = useAppState((s) => s.remoteSource);
  const open = useAppState((s) => s.remoteStatus === 'needs-token');
  const dialogRef = useModalDialog(open);
  const [token, setToken] = useState('');
  if (source === null) return null;
  return (
    <dialog ref={dialogRef} className="token-dialog" aria-labelledby="token-title" onCancel={(e) => e.preventDefault()}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!token.trim()) return;
          store.getState().setRemoteStatus('loading');
          store.getState().setRemoteToken(token.trim());
          setToken('');
        }}
      >
        <h2 id="token-title">{t.tokenTitle}</h2>
        <p dir="auto">{t.tokenExplain(source)}</p>
        <label>
          {t.tokenLabel} <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <button type="submit">{t.tokenSubmit}</button>
      </form>
    </dialog>
  );
}
