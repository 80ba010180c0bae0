import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useAppState, useAppStore, usePageOptions, useUiLocale } from '../StoreContext.tsx';
import { exportCsv, exportGeoJson, exportJson, exportParquet, exportPng, exportSvg, type EventScope } from '../../export/browserExport.ts';
import { visibleCount } from '../../store/derived.ts';

const ALL_TIME = { from: -Infinity, to: Infinity };
import { currentPermalink, linkedData } from './permalink.ts';
import { useRemoteExportCounts } from './useRemoteExportCounts.ts';
import { permalinkFor } from '../../share/links.ts';
import type { UrlView } from '../../store/url.ts';
import type { AppState } from '../../store/store.ts';
import { VideoExport } from '../playback/VideoExport.tsx';

// Writing and printing a story (its pictures, the caption's Markdown reader) load when first used.
const StoryPrint = lazy(() => import('../story/StoryPrint.tsx').then((m) => ({ default: m.StoryPrint })));

/** A story step's permalink at this page's address (the "Live view" line of its picture). */
const stepPermalink = (state: AppState) => (view: UrlView) => permalinkFor(window.location.href, view, linkedData(state), state.remoteSource);

/** "Export": the view as SVG or PNG, its events as CSV, JSON, Parquet or GeoJSON, and the story as one HTML file or on paper. */
export function ExportMenu() {
  const store = useAppStore();
  const { theme } = usePageOptions();
  const { locale, t } = useUiLocale();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<EventScope>('filtered');
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const fromServer = useAppState((s) => s.remoteSource !== null);
  const localFiltered = useAppState((s) => (open && !fromServer ? visibleCount({ ...s, window: ALL_TIME }) : 0));
  const localWindow = useAppState((s) => (open && !fromServer ? visibleCount(s) : 0));
  // With a data server, the page holds only the window's events: the server counts them.
  const remoteCounts = useRemoteExportCounts(open);
  const n = new Intl.NumberFormat(locale);
  // --- story: export ---
  const storySteps = useAppState((s) => s.story.steps.length);
  const canExportStory = storySteps > 0 && !fromServer;
  const [printPictures, setPrintPictures] = useState<string[] | null>(null);
  const endPrint = useCallback(() => setPrintPictures(null), []);
  // --- end story: export ---
  const count = (local: number, remote: number | undefined) => (fromServer ? (remote === undefined ? '…' : n.format(remote)) : n.format(local));

  useEffect(() => {
    if (!open) return;
    // While a video records, the menu stays open: its progress and Cancel are there.
    const close = () => !store.getState().recordingVideo && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onPointer = (e: PointerEvent) => !rootRef.current?.contains(e.target as Node) && close();
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, store]);

  const run = async (name: string, action: (onProgress: (fraction: number) => void) => void | Promise<void>) => {
    setBusy(name);
    setProgress(null);
    try {
      // A large data export reports how far it is: "Export CSV… 40%".
      await action((fraction) => setProgress(Math.round(fraction * 100)));
    } catch (error) {
      store.getState().addNotice(t.failed(name, error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(null);
    }
  };
  const state = () => store.getState();

  return (
    <div className="export-menu" ref={rootRef}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => (open ? !store.getState().recordingVideo && setOpen(false) : setOpen(true))}>
        {t.export} <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="export-panel" role="group" aria-label={t.export} hidden={!open}>
        <p className="export-heading">{t.exportImage}</p>
        <div className="export-buttons">
          <button type="button" disabled={busy !== null} onClick={() => run(t.exportSvg, () => exportSvg(state(), theme, currentPermalink(state())))}>
            {t.exportSvg}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => run(t.exportPng, () => exportPng(state(), theme, currentPermalink(state())))}>
            {t.exportPng}
          </button>
        </div>
        <VideoExport open={open} />
        <fieldset className="export-scope">
          <legend className="export-heading">{t.exportData}</legend>
          <label>
            <input type="radio" name={`${panelId}-scope`} checked={scope === 'filtered'} onChange={() => setScope('filtered')} />
            {t.scopeFiltered(count(localFiltered, remoteCounts?.filtered))}
          </label>
          <label>
            <input type="radio" name={`${panelId}-scope`} checked={scope === 'window'} onChange={() => setScope('window')} />
            {t.scopeWindow(count(localWindow, remoteCounts?.window))}
          </label>
        </fieldset>
        <div className="export-buttons">
          <button type="button" disabled={busy !== null} onClick={() => run(t.exportCsv, (onProgress) => exportCsv(state(), scope, onProgress))}>
            {t.exportCsv}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => run(t.exportJson, (onProgress) => exportJson(state(), scope, onProgress))}>
            {t.exportJson}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => run(t.exportParquet, (onProgress) => exportParquet(state(), scope, onProgress))}>
            {t.exportParquet}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => run(t.exportGeoJson, (onProgress) => exportGeoJson(state(), scope, onProgress))}>
            {t.exportGeoJson}
          </button>
        </div>
        {/* --- story: export --- */}
        <p className="export-heading">{t.storyExportHeading}</p>
        <div className="export-buttons export-story-buttons">
          <button
            type="button"
            title={t.storyExportHtmlTitle}
            disabled={busy !== null || !canExportStory}
            onClick={() =>
              run(t.storyExportHtml, async () => {
                const { withViewer } = await (await import('../../export/storyExport.ts')).exportStory(store, stepPermalink(state()));
                if (!withViewer) store.getState().addNotice(t.storyExportNoViewer);
              })
            }
          >
            {t.storyExportHtml}
          </button>
          <button type="button" title={t.storyPrintTitle} disabled={busy !== null || !canExportStory} onClick={() => run(t.storyPrint, async () => setPrintPictures(await (await import('../../export/storyExport.ts')).storyPrintPictures(store, stepPermalink(state()))))}>
            {t.storyPrint}
          </button>
        </div>
        {!canExportStory && <p className="export-note">{fromServer ? t.storyExportNeedsPageData : t.storyExportNeedsSteps}</p>}
        {printPictures && (
          <Suspense fallback={null}>
            <StoryPrint pictures={printPictures} onDone={endPrint} />
          </Suspense>
        )}
        {/* --- end story: export --- */}
        <p className="export-note" role="status">{busy ? `${busy}…${progress === null ? '' : ` ${progress}%`}` : t.exportNote}</p>
      </div>
    </div>
  );
}
