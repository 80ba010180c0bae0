import { useAppState, useImportSession, useUiLocale } from '../StoreContext.tsx';
import { cancelImport } from './importFlow.ts';

/** While a file is read: what, how far, and a way out. The page stays usable meanwhile. */
export function ImportProgress() {
  const session = useImportSession();
  const importing = useAppState((s) => s.importing);
  const { t } = useUiLocale();
  if (!importing) return null;
  const percent = Math.round(importing.fraction * 100);
  // Reading has no fraction; parsing has one.
  const counted = importing.phase !== 'reading';
  const what = `${importing.phase === 'downloading' ? t.downloading : counted ? t.importing : t.reading} ${importing.fileName}`;
  return (
    <div className="import-progress" role="region" aria-label={t.importProgress}>
      <span dir="auto" className="import-file">
        {what}…
      </span>
      <progress aria-label={what} max={100} {...(counted ? { value: percent } : {})} />
      <span className="import-percent" aria-hidden="true">
        {counted ? `${percent}%` : ''}
      </span>
      <button type="button" onClick={() => cancelImport(session)}>
        {t.cancel}
      </button>
    </div>
  );
}
