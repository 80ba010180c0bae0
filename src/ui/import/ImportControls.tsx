import { useEffect, useId, useRef } from 'react';
import { warmImportWorkers } from '../../io/importClient.ts';
import { FORMATS, type ImportFormat } from '../../io/formats.ts';
import { useAppState, useAppStore, useImportSession, useUiLocale } from '../StoreContext.tsx';
import { openFile } from './importFlow.ts';

/** How long after the controls appear the import workers start (see warmImportWorkers). */
const WARM_WORKERS_AFTER_MS = 250;

/** "Open data file", the format (detected unless chosen) and whether the file replaces or adds to the data. */
export function ImportControls() {
  const store = useAppStore();
  const session = useImportSession();
  const { t } = useUiLocale();
  const options = useAppState((s) => s.importOptions);
  const busy = useAppState((s) => s.importing !== null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  // The import workers start once the page has settled, so that a file opens without waiting for them.
  useEffect(() => {
    const timer = setTimeout(warmImportWorkers, WARM_WORKERS_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="import-controls" role="group" aria-label={t.openData}>
      <input
        ref={input}
        id={`${id}-file`}
        className="visually-hidden"
        type="file"
        accept=".csv,.json,.jsonl,.ndjson,.txt,.tsv,.parquet,.arrow,.arrows,.feather,.ipc,text/csv,application/json,application/x-ndjson,application/vnd.apache.parquet,application/vnd.apache.arrow.file,application/vnd.apache.arrow.stream"
        aria-label={t.openDataFile}
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void openFile(session, file);
        }}
      />
      <label htmlFor={`${id}-file`} className={`button primary${busy ? ' disabled' : ''}`}>
        {t.openDataFileButton}
      </label>
      <label className="import-format">
        <span className="visually-hidden">{t.format}</span>
        <select
          value={options.format}
          aria-label={t.format}
          onChange={(e) => store.getState().setImportOptions({ format: e.currentTarget.value as ImportFormat | 'auto' })}
        >
          <option value="auto">{t.detectFormat}</option>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {t.formatNames[f]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="import-mode">
        <legend className="visually-hidden">{t.whenOpening}</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={options.mode === 'replace'} onChange={() => store.getState().setImportOptions({ mode: 'replace' })} />
          {t.replace}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={options.mode === 'add'} onChange={() => store.getState().setImportOptions({ mode: 'add' })} />
          {t.addToData}
        </label>
      </fieldset>
    </div>
  );
}
