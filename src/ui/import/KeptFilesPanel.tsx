import { useId } from 'react';
import { useAppState, useAppStore } from '../StoreContext.tsx';
import { formatBytes } from '../../storage/formatBytes.ts';
import { forgetAllKeptFiles, forgetKeptFile } from './keptFilesFlow.ts';
import { restoreKeptFiles } from './restoreKeptFiles.ts';
import { dropDataParam } from './importFlow.ts';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Kept in this browser": the files that come back after a reload, each with Forget. */
export function KeptFilesPanel() {
  const store = useAppStore();
  const files = useAppState((s) => s.keptFiles);
  const onScreen = useAppState((s) => s.dataSource.kind === 'files');
  const busy = useAppState((s) => s.importing !== null);
  const id = useId();
  if (files.length === 0) return null;
  return (
    <section className="kept-files" aria-labelledby={`${id}-title`}>
      <div className="kept-head">
        <h2 id={`${id}-title`}>Kept in this browser</h2>
        <p className="muted">
          {onScreen
            ? 'These files come back when you reload. They stay on this computer and are sent nowhere.'
            : 'Not on screen now. They stay on this computer and are sent nowhere.'}
        </p>
        <div className="kept-actions">
          {!onScreen && (
            <button type="button" disabled={busy} onClick={() => void restoreKeptFiles(store).then((loaded) => loaded && dropDataParam())}>
              Open them again
            </button>
          )}
          {files.length > 1 && (
            <button type="button" onClick={() => void forgetAllKeptFiles(store)}>
              Forget all
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
              {formatBytes(file.size)} · {i > 0 || file.mode === 'add' ? 'added' : 'opened'} {when.format(file.keptAt)}
            </span>
            <button type="button" aria-label={`Forget ${file.name}`} onClick={() => void forgetKeptFile(store, file.id)}>
              Forget
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
