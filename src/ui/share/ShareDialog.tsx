import { useEffect, useId, useRef, useState } from 'react';
import { useAppState, useAppStore, usePageOptions } from '../StoreContext.tsx';
import { embedUrlFor, iframeSnippet } from '../../share/links.ts';
import { checkDataUrl } from '../../io/fetchDataset.ts';
import type { ThemeName } from '../../store/pageOptions.ts';
import { currentPermalink } from './permalink.ts';

async function copyText(text: string, fallbackField: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without clipboard permission (e.g. inside an iframe), select the text for Ctrl+C.
    fallbackField?.select();
    return false;
  }
}

function CopyButton({ text, field, label }: { text: string; field: React.RefObject<HTMLInputElement | HTMLTextAreaElement | null>; label: string }) {
  const [said, setSaid] = useState('');
  return (
    <>
      <button type="button" onClick={async () => setSaid((await copyText(text, field.current)) ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.')}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {said}
      </span>
    </>
  );
}

/** "Share": the permalink, an iframe snippet for a chosen size, and a live preview of the embed. */
export function ShareDialog() {
  const store = useAppStore();
  const page = usePageOptions();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
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
  const snippet = iframeSnippet(embedSrc, { width, height }, title.trim() || datasetTitle || 'Conflict Timeline');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button type="button" className="share-button" onClick={() => setOpen(true)}>
        Share
      </button>
      <dialog ref={dialogRef} className="share-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        {open && (
          <div className="share-body">
            <div className="share-head">
              <h2 id={`${id}-title`}>Share this view</h2>
              <button type="button" className="close" aria-label="Close" onClick={() => setOpen(false)}>
                ×
              </button>
            </div>
            {dataSource.kind === 'files' && (
              <div className="share-warning">
                <p>
                  This view shows data opened from {dataSource.names.length === 1 ? 'a file' : 'files'} (<span dir="auto">{dataSource.names.join(', ')}</span>). A
                  link cannot carry a file: without a data address, the link and the embed show the bundled data. Publish the file at an http(s) address and give it here.
                </p>
                <label className="field">
                  <span>Address of the published data</span>
                  <input type="url" value={published} placeholder="https://example.org/events.json" onChange={(e) => setPublished(e.target.value)} />
                </label>
                {publishedCheck && !publishedCheck.ok && <p className="field-error">{publishedCheck.message}</p>}
              </div>
            )}
            <section aria-labelledby={`${id}-link`}>
              <h3 id={`${id}-link`}>Link to this view</h3>
              <div className="copy-row">
                <input ref={linkRef} readOnly value={permalink} aria-label="Link to this view" onFocus={(e) => e.target.select()} />
                <CopyButton text={permalink} field={linkRef} label="Copy link" />
              </div>
            </section>
            <section aria-labelledby={`${id}-embed`}>
              <h3 id={`${id}-embed`}>Embed in a web page</h3>
              <div className="embed-options">
                <label className="field">
                  <span>Width (px)</span>
                  <input type="number" min={280} max={2000} value={width ?? ''} placeholder="full width" disabled={width === null} onChange={(e) => setWidth(Math.max(280, Number(e.target.value) || 280))} />
                </label>
                <label className="check">
                  <input type="checkbox" checked={width === null} onChange={(e) => setWidth(e.target.checked ? null : 720)} />
                  Full width
                </label>
                <label className="field">
                  <span>Height (px)</span>
                  <input type="number" min={240} max={2000} value={height} onChange={(e) => setHeight(Math.min(2000, Math.max(240, Number(e.target.value) || 240)))} />
                </label>
                <label className="field wide">
                  <span>Title</span>
                  <input type="text" value={title} placeholder={datasetTitle} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                </label>
                <label className="check">
                  <input type="checkbox" checked={controls} onChange={(e) => setControls(e.target.checked)} />
                  Zoom buttons
                </label>
                <label className="field">
                  <span>Theme</span>
                  <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeName)}>
                    <option value="light">Light</option>
                    <option value="dark">Dark</option>
                  </select>
                </label>
              </div>
              <div className="copy-row">
                <textarea ref={snippetRef} readOnly value={snippet} rows={4} aria-label="Embed code" onFocus={(e) => e.target.select()} />
                <CopyButton text={snippet} field={snippetRef} label="Copy embed code" />
              </div>
              <h3>Preview</h3>
              <div className="embed-preview">
                <iframe src={embedSrc} title="Preview of the embed" width={width ?? '100%'} height={height} style={{ border: 0, maxWidth: '100%' }} />
              </div>
            </section>
          </div>
        )}
      </dialog>
    </>
  );
}
