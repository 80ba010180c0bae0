import { useEffect, useRef, useState } from 'react';
import { useAppState, useAppStore, usePageOptions, useUiLocale } from '../StoreContext.tsx';
import { videoMimeType, VIDEO_CAP_MS } from '../../export/videoSupport.ts';
import { downloadBlob } from '../../export/browserExport.ts';
import { dataExtentOf } from '../../store/store.ts';
import { beginRun, runDuration } from '../../store/playback.ts';
import { formatDuration } from '../../i18n/formatDuration.ts';

/**
 * The Export menu's "Export video": records one pass of the playback (see videoExport.ts), with its
 * progress and a Cancel button meanwhile, and says beforehand how long the video will be.
 */
export function VideoExport({ open }: { open: boolean }) {
  const store = useAppStore();
  const { theme } = usePageOptions();
  const { locale, t } = useUiLocale();
  const [percent, setPercent] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const [supported] = useState(() => videoMimeType() !== null);
  // Whole seconds: the panel re-renders when the length it states changes, not on every frame of play.
  const passSeconds = useAppState((s) => {
    const extent = open ? dataExtentOf(s) : null;
    return extent ? Math.ceil(runDuration(beginRun(s.playbackMode, s.playbackSpeed, s.window, extent)) / 1000) : 0;
  });
  const recording = percent !== null;

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    if (recording) cancelRef.current?.focus();
  }, [recording]);

  const start = async () => {
    const controller = new AbortController();
    abortRef.current = controller;
    setSaved(null);
    setPercent(0);
    let wasCancelled = true;
    try {
      // The recorder and its frame drawing load on first use.
      const { recordVideo } = await import('../../export/videoExport.ts');
      const video = await recordVideo(store, { theme, signal: controller.signal, onProgress: (f) => setPercent(Math.round(f * 100)) });
      if (video) {
        wasCancelled = false;
        downloadBlob(video.blob, video.fileName);
        setSaved(video.fileName);
      }
    } catch (error) {
      store.getState().addNotice(t.failed(t.exportVideo, error instanceof Error ? error.message : String(error)));
    } finally {
      abortRef.current = null;
      setPercent(null);
      if (wasCancelled || document.activeElement === document.body) requestAnimationFrame(() => startRef.current?.focus());
    }
  };

  const note = !supported
    ? t.videoUnsupported
    : recording
      ? t.videoRecording
      : saved
        ? t.videoDone(saved)
        : passSeconds * 1000 > VIDEO_CAP_MS
          ? t.videoCapped(formatDuration(passSeconds * 1000, locale), formatDuration(VIDEO_CAP_MS, locale))
          : t.videoPlan(formatDuration(passSeconds * 1000, locale));

  return (
    <div className="video-export">
      <p className="export-heading">{t.exportVideoHeading}</p>
      <div className="export-buttons">
        <button type="button" ref={startRef} disabled={!supported || recording || passSeconds === 0} onClick={() => void start()}>
          {t.exportVideo}
        </button>
        {recording && (
          <>
            <progress className="video-progress" max={100} value={percent} aria-label={t.videoProgress} />
            <span className="video-percent" aria-hidden="true">
              {new Intl.NumberFormat(locale, { style: 'percent' }).format(percent / 100)}
            </span>
            <button type="button" ref={cancelRef} aria-label={t.videoCancelLabel} onClick={() => abortRef.current?.abort()}>
              {t.videoCancel}
            </button>
          </>
        )}
      </div>
      <p className="export-note" role="status">
        {note}
      </p>
    </div>
  );
}
