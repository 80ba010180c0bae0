import { useId, useRef, useState } from 'react';
import { useModalDialog } from '../useModalDialog.ts';
import { useAppState, usePageOptions, useUiLocale } from '../StoreContext.tsx';
import { embedUrlFor, iframeSnippet } from '../../share/links.ts';
import { checkDataUrl } from '../../io/fetchDataset.ts';
import type { ThemeName } from '../../store/pageOptions.ts';
import { currentPermalink, linkedData } from './permalink.ts';
import { CopyButton } from './CopyButton.tsx';
import { StoryShare } from './StoryShare.tsx';

/** "Share": the permalink, an iframe snippet for a chosen size, and a live preview of the embed. */
export function ShareDialog() {
  const page = usePageOptions();
  const { t } = useUiLocale();
  const linkRef = useRef<HTMLInputElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const dialogRef = useModalDialog(open);
  const [width, setWidth] = useState<number | null>(null);
  const [height, setHeight] = useState(480);
  const [title, setTitle] = useState('');
  const [controls, setControls] = useState(true);
  const [theme, setTheme] = useState<ThemeName>(page.theme);
  const [published, setPublished] = useState('');
  const dataSource = useAppState((s) => s.dataSource);
  const datasetTitle = useAppState((s) => s.dataset?.title ?? '');
  // Recomputed while open, so the link follows the view.
  const publishedCheck = published.trim() ? checkDataUrl(published.trim(), window.location.href) : null;
  const permalink = useAppState((s) => (open ? currentPermalink(s, publishedCheck?.ok ? publishedCheck.url.href : null) : ''));
  const embedSrc = permalink ? embedUrlFor(permalink, { title: title.trim() || null, height: null, controls, theme }) : '';
  const snippet = iframeSnippet(embedSrc, { width, height }, title.trim() || datasetTitle || t.product);
  const dataLink = useAppState((s) => (open ? linkedData(s, publishedCheck?.ok ? publishedCheck.url.href : null) : null));
  const remoteSource = useAppState((s) => s.remoteSource);

  return (
    <>
      <button type="button" className="share-button" onClick={() => setOpen(true)}>
        {t.share}
      </button>
      <dialog ref={dialogRef} className="share-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        {open && (
          <div className="share-body">
            <div className="share-head">
              <h2 id={`${id}-title`}>{t.shareTitle}</h2>
              <button type="button" className="close" aria-label={t.close} onClick={() => setOpen(false)}>
                ×
              </button>
            </div>
            {dataSource.kind === 'files' && (
              <div className="share-warning">
                <p dir="auto">{t.filesWarning(dataSource.names.length, dataSource.names.join(', '))}</p>
                <label className="field">
                  <span>{t.publishedAddress}</span>
                  <input type="url" value={published} placeholder="https://example.org/events.json" onChange={(e) => setPublished(e.target.value)} />
                </label>
                {publishedCheck && !publishedCheck.ok && <p className="field-error">{t.dataLinkProblem(publishedCheck.problem)}</p>}
              </div>
            )}
            <section aria-labelledby={`${id}-link`}>
              <h3 id={`${id}-link`}>{t.linkToView}</h3>
              <div className="copy-row">
                <input ref={linkRef} readOnly value={permalink} aria-label={t.linkToView} dir="ltr" onFocus={(e) => e.target.select()} />
                <CopyButton text={permalink} field={linkRef} label={t.copyLink} />
              </div>
            </section>
            <section aria-labelledby={`${id}-embed`}>
              <h3 id={`${id}-embed`}>{t.embedInPage}</h3>
              <div className="embed-options">
                <label className="field">
                  <span>{t.widthPx}</span>
                  <input type="number" min={280} max={2000} value={width ?? ''} placeholder={t.fullWidth} disabled={width === null} onChange={(e) => setWidth(Math.max(280, Number(e.target.value) || 280))} />
                </label>
                <label className="check">
                  <input type="checkbox" checked={width === null} onChange={(e) => setWidth(e.target.checked ? null : 720)} />
                  {t.fullWidth}
                </label>
                <label className="field">
                  <span>{t.heightPx}</span>
                  <input type="number" min={240} max={2000} value={height} onChange={(e) => setHeight(Math.min(2000, Math.max(240, Number(e.target.value) || 240)))} />
                </label>
                <label className="field wide">
                  <span>{t.title}</span>
                  <input type="text" value={title} placeholder={datasetTitle} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                </label>
                <label className="check">
                  <input type="checkbox" checked={controls} onChange={(e) => setControls(e.target.checked)} />
                  {t.zoomButtons}
                </label>
                <label className="field">
                  <span>{t.theme}</span>
                  <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeName)}>
                    <option value="light">{t.themeLight}</option>
                    <option value="dark">{t.themeDark}</option>
                  </select>
                </label>
              </div>
              <div className="copy-row">
                <textarea ref={snippetRef} readOnly value={snippet} rows={4} aria-label={t.embedCode} dir="ltr" onFocus={(e) => e.target.select()} />
                <CopyButton text={snippet} field={snippetRef} label={t.copyEmbedCode} />
              </div>
              <StoryShare
                data={dataLink}
                source={remoteSource}
                settings={{ title: title.trim() || null, height: null, controls, theme }}
                size={{ width, height }}
                frameTitle={title.trim() || datasetTitle || t.product}
              />
              <h3>{t.preview}</h3>
              <div className="embed-preview">
                <iframe src={embedSrc} title={t.previewTitle} width={width ?? '100%'} height={height} style={{ border: 0, maxWidth: '100%' }} />
              </div>
            </section>
          </div>
        )}
      </dialog>
    </>
  );
}
