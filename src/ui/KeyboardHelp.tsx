import { useModalDialog } from './useModalDialog.ts';
import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';

/** The "?" button in the toolbar, for those who do not know the key yet. */
export function KeyboardHelpButton() {
  const store = useAppStore();
  const { t } = useUiLocale();
  return (
    <button type="button" className="help-button" aria-label={t.keyboardHelp} title={t.keyboardHelpButton} onClick={() => store.getState().setKeyboardHelpOpen(true)}>
      ?
    </button>
  );
}

/** The keyboard shortcuts, in a modal dialog opened with "?" (Escape closes it, as any dialog). */
export function KeyboardHelp() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const open = useAppState((s) => s.keyboardHelpOpen);
  const dialogRef = useModalDialog(open);
  return (
    <dialog ref={dialogRef} className="keyboard-help" aria-labelledby="keyboard-help-title" onClose={() => store.getState().setKeyboardHelpOpen(false)}>
      <div className="share-head">
        <h2 id="keyboard-help-title">{t.keyboardHelp}</h2>
        <button type="button" className="close" aria-label={t.close} onClick={() => store.getState().setKeyboardHelpOpen(false)}>
          ×
        </button>
      </div>
      <p>{t.keyboardHelpIntro}</p>
      <table className="keys-table">
        <thead>
          <tr>
            <th scope="col">{t.keysTableKey}</th>
            <th scope="col">{t.keysTableAction}</th>
          </tr>
        </thead>
        <tbody>
          {t.keys.map(([keys, action]) => (
            <tr key={keys.join()}>
              <td dir="ltr">
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t.keyboardNote}</p>
    </dialog>
  );
}
