import { useAppState, useUiLocale } from '../StoreContext.tsx';
import { cancelImport } from './importFlow.ts';

/** While a file is read: what, how far, and a way out. The page stays usable meanwhile. */
export function ImportProgress() {
  const importing = useAppState((s) => s.importing);
  const { t } = useUiLocale();
  if (!importing) return null;
  const percent = Math.round(importing.fraction * 100);
  const what = importing.phase === 'reading' ? t.reading : t.importing;
  return (
    <div className="import-progress" role="region" aria-label={t.importProgress}>
      <span dir="auto" className="import-file">
        {what} {importing.fileName}…
      </span>
      <progress
        aria-label={`${what} ${importing.fileName}`}
        max={100}
        {...(importing.phase === 'parsing' ? { value: percent } : {})}
      />
      <span className="import-percent" aria-hidden="true">
        {importing.phase === 'parsing' ? `${percent}%` : ''}
      </span>
      <button type="button" onClick={cancelImport}>
        {t.cancel}
      </button>
    </div>
  );
}
