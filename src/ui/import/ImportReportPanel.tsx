import { useId, useMemo, useState } from 'react';
import { describeIssue, reportToCsv, summariseReport, type ImportReport, type RowIssue } from '../../io/report.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';

const SHOWN = 50;

function downloadCsv(report: ImportReport) {
  const blob = new Blob([reportToCsv(report)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${report.fileName.replace(/\.[^.]+$/, '')}-import-report.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** How many issues each field had: "event_date (4,960)". */
function byField(issues: readonly RowIssue[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(issue.field, (counts.get(issue.field) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function IssueList({ title, issues, className }: { title: string; issues: readonly RowIssue[]; className: string }) {
  const { locale, t } = useUiLocale();
  const number = new Intl.NumberFormat(locale);
  const fields = useMemo(() => byField(issues), [issues]);
  if (issues.length === 0) return null;
  return (
    <section className={`report-list ${className}`} aria-label={title}>
      <h3>
        {title} <span className="muted">({number.format(issues.length)})</span>
      </h3>
      {fields.length > 1 && (
        <p className="muted">{t.byField(fields.map(([f, n]) => `${f} (${number.format(n)})`).join(', '))}</p>
      )}
      <ul>
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i} dir="auto" lang="en">
            {describeIssue(issue)}
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && (
        <p className="muted">{t.moreInReport(number.format(issues.length - SHOWN))}</p>
      )}
    </section>
  );
}

/** The whole report, on demand: the counts, the fixes, the values read as missing and the notes. */
function ReportDetails({ report, id, hidden }: { report: ImportReport; id: string; hidden: boolean }) {
  const { locale, t } = useUiLocale();
  const number = new Intl.NumberFormat(locale);
  // A report kept in the browser before these fields existed lacks them.
  const merged = report.mergedRows ?? 0;
  const missing = report.missingTokens ?? [];
  const counts: [string, number, string?][] = [
    [t.rowsRead, report.rowsRead],
    [t.imported, report.imported],
    ...(merged ? [[t.merged, merged] as [string, number]] : []),
    [t.fixed, report.fixedRows],
    [t.rejected, report.rejectedRows, report.rejectedRows ? 'has-rejects' : ''],
  ];
  return (
    <div id={id} className="report-details" hidden={hidden}>
      <p className="report-summary">
        {t.readAs(report.format)} {t.reportInEnglish} <span lang="en" dir="auto">{summariseReport(report)}</span>
      </p>
      <dl className="report-counts">
        {counts.map(([label, n, className]) => (
          <div key={label} className={className || undefined}>
            <dt>{label}</dt>
            <dd>{number.format(n)}</dd>
          </div>
        ))}
      </dl>
      {missing.length > 0 && (
        <section className="report-list" aria-label={t.readAsMissing}>
          <h3>{t.readAsMissing}</h3>
          <p lang="en" dir="ltr">
            {missing.map((m) => t.missingCells(m.token, m.cells, number.format(m.cells))).join(', ')}
          </p>
        </section>
      )}
      <IssueList title={t.fixes} issues={report.fixes} className="fixed" />
      {report.notes.length > 0 && (
        <section className="report-list" aria-label={t.notes}>
          <h3>{t.notes}</h3>
          <ul>
            {report.notes.map((n, i) => (
              <li key={i} dir="auto" lang="en">
                {n}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * After every import: one quiet line (file, layout, events imported) with Details for the rest.
 * Rejected rows are always listed, in a short scrolling list, so the new data's timeline stays in
 * the first screen.
 */
export function ImportReportPanel() {
  const store = useAppStore();
  const report = useAppState((s) => s.importReport);
  const { locale, t } = useUiLocale();
  const detailsId = useId();
  // Details open for one report; a new report starts closed.
  const [openFor, setOpenFor] = useState<ImportReport | null>(null);
  if (!report) return null;
  const open = openFor === report;
  const number = new Intl.NumberFormat(locale);
  const merged = report.mergedRows ?? 0; // see ReportDetails
  const gist = [
    t.reportEventsImported(report.imported, number.format(report.imported)),
    ...(merged ? [t.reportRowsMerged(merged, number.format(merged))] : []),
    ...(report.rejectedRows ? [t.reportRowsRejected(report.rejectedRows, number.format(report.rejectedRows))] : []),
  ];
  return (
    <section className={`import-report${report.rejectedRows ? ' has-rejects' : ''}`} aria-labelledby="import-report-title">
      <div className="report-head">
        <h2 id="import-report-title" dir="auto">
          {t.importReport(report.fileName)}
        </h2>
        <p className="report-gist">
          <span lang="en" dir="ltr">
            {report.format}
          </span>
          {gist.map((part) => (
            <span key={part}> · {part}</span>
          ))}
        </p>
        <div className="report-actions">
          <button type="button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpenFor(open ? null : report)}>
            {open ? t.reportHideDetails : t.reportDetails}
          </button>
          {(open || report.rejectedRows > 0) && (
            <button type="button" onClick={() => downloadCsv(report)}>
              {t.downloadReport}
            </button>
          )}
          <button type="button" onClick={() => store.getState().showImportReport(null)}>
            {t.closeReport}
          </button>
        </div>
      </div>
      <IssueList title={t.rejectedRows} issues={report.rejections} className="rejected" />
      <ReportDetails report={report} id={detailsId} hidden={!open} />
    </section>
  );
}
