import { useMemo } from 'react';
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

/** After every import: rows read, imported, fixed and rejected, and exactly which and why. */
export function ImportReportPanel() {
  const store = useAppStore();
  const report = useAppState((s) => s.importReport);
  const { locale, t } = useUiLocale();
  if (!report) return null;
  const number = new Intl.NumberFormat(locale);
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <div className="report-head">
        <h2 id="import-report-title" dir="auto">
          {t.importReport(report.fileName)}
        </h2>
        <div className="report-actions">
          <button type="button" onClick={() => downloadCsv(report)}>
            {t.downloadReport}
          </button>
          <button type="button" onClick={() => store.getState().showImportReport(null)}>
            {t.closeReport}
          </button>
        </div>
      </div>
      <p className="report-summary">
        {t.readAs(report.format)} {t.reportInEnglish} <span lang="en" dir="auto">{summariseReport(report)}</span>
      </p>
      <dl className="report-counts">
        <div>
          <dt>{t.rowsRead}</dt>
          <dd>{number.format(report.rowsRead)}</dd>
        </div>
        <div>
          <dt>{t.imported}</dt>
          <dd>{number.format(report.imported)}</dd>
        </div>
        <div>
          <dt>{t.fixed}</dt>
          <dd>{number.format(report.fixedRows)}</dd>
        </div>
        <div className={report.rejectedRows ? 'has-rejects' : ''}>
          <dt>{t.rejected}</dt>
          <dd>{number.format(report.rejectedRows)}</dd>
        </div>
      </dl>
      <IssueList title={t.rejectedRows} issues={report.rejections} className="rejected" />
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
    </section>
  );
}
