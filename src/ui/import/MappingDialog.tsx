import { useEffect, useRef, useState } from 'react';
import { MAPPED_FIELDS, type ColumnMapping } from '../../io/columnMapping.ts';
import { useAppState, useAppStore, useImportSession, useUiLocale } from '../StoreContext.tsx';
import { runImport } from './importFlow.ts';

const ZONES: readonly string[] = (() => {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  } catch {
    return ['UTC'];
  }
})();

/** For a CSV that is neither ACLED nor UCDP: which column is the date, the title, the actors… */
export function MappingDialog() {
  const store = useAppStore();
  const session = useImportSession();
  const { t } = useUiLocale();
  const request = useAppState((s) => s.mappingRequest);
  const dialog = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);

  useEffect(() => {
    setMapping(request?.guess ?? null);
    if (request && dialog.current && !dialog.current.open) dialog.current.showModal();
    if (!request && dialog.current?.open) dialog.current.close();
  }, [request]);

  if (!request || !mapping) return <dialog ref={dialog} className="mapping-dialog" aria-label={t.mapColumns} />;
  const ready = Boolean(mapping.date && mapping.title);
  const close = () => store.getState().requestMapping(null);
  const submit = () => {
    close();
    void runImport(session, { file: request.file, fileName: request.fileName, format: 'csv', mapping }, request.mode);
  };
  return (
    <dialog ref={dialog} className="mapping-dialog" aria-labelledby="mapping-title" onCancel={close}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) submit();
        }}
      >
        <h2 id="mapping-title" dir="auto">
          {t.mapColumnsOf(request.fileName)}
        </h2>
        <p className="muted">{t.mapColumnsIntro}</p>
        <div className="mapping-grid">
          {MAPPED_FIELDS.map((field) => (
            <label key={field}>
              <span>{t.mappedFieldNames[field]}</span>
              <select value={mapping[field]} onChange={(e) => setMapping({ ...mapping, [field]: e.currentTarget.value })}>
                <option value="">{t.noColumn}</option>
                {request.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            <span>{t.timeZoneOfDates}</span>
            <select value={mapping.timeZone} onChange={(e) => setMapping({ ...mapping, timeZone: e.currentTarget.value })}>
              {ZONES.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.languageOfText}</span>
            <input value={mapping.language} pattern="[a-z]{2,3}" onChange={(e) => setMapping({ ...mapping, language: e.currentTarget.value.trim() })} />
          </label>
        </div>
        {request.sample.length > 0 && (
          <div className="mapping-sample">
            <table aria-label={t.firstRows}>
              <thead>
                <tr>
                  {request.columns.map((c) => (
                    <th key={c} dir="auto">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {request.sample.map((row, i) => (
                  <tr key={i}>
                    {request.columns.map((c, j) => (
                      <td key={c} dir="auto">
                        {row[j] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {t.importButton}
          </button>
        </div>
      </form>
    </dialog>
  );
}
