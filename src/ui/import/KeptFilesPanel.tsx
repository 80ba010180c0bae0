import { useId } from 'react';
import { useAppState, useImportSession, useUiLocale } from '../StoreContext.tsx';
import { formatBytes } from '../../io/formatBytes.ts';
import { forgetAllKeptFiles, forgetKeptFile } from './keptFilesFlow.ts';
import { restoreKeptFiles } from './restoreKeptFiles.ts';
import { dropDataParam } from './importFlow.ts';

/** "Kept in this browser": the files that come back after a reload, each with Forget. */
export function KeptFilesPanel() {
  const session = useImportSession();
  const files = useAppState((s) => s.keptFiles);
  const onScreen = useAppState((s) => s.dataSource.kind === 'files');
  const busy = useAppState((s) => s.importing !== null);
  const id = useId();
  const { locale, t } = useUiLocale();
  if (files.length === 0) return null;
  const when = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <section className="kept-files" aria-labelledby={`${id}-title`}>
      <div className="kept-head">
        <h2 id={`${id}-title`}>{t.keptTitle}</h2>
        <p className="muted">
          {onScreen ? t.keptOnScreen : t.keptNotOnScreen}
        </p>
        <div className="kept-actions">
          {!onScreen && (
            <button type="button" disabled={busy} onClick={() => void restoreKeptFiles(session).then((loaded) => loaded && dropDataParam())}>
              {t.keptOpenAgain}
            </button>
          )}
          {files.length > 1 && (
            <button type="button" onClick={() => void forgetAllKeptFiles(session)}>
              {t.keptForgetAll}
            </button>
          )}
        </div>
      </div>
      <ul>
        {files.map((file, i) => (
          <li key={file.id}>
            <span className="kept-name" dir="auto">
              {file.name}
            </span>
            <span className="muted">
              {formatBytes(file.size)} ·{' '}
              {file.onLink ? t.keptAddedToLink(when.format(file.keptAt), file.onLink) : (i > 0 || file.mode === 'add' ? t.keptAdded : t.keptOpened)(when.format(file.keptAt))}
            </span>
            <button type="button" aria-label={t.keptForgetFile(file.name)} onClick={() => void forgetKeptFile(session, file.id)}>
              {t.keptForget}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
