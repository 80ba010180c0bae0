// "Export video": records one pass of the playback as a WebM file, in the browser. The store plays
// (the screen moves as it does on Play), and each animation frame is painted on a canvas of its own
// (videoFrame.ts) that a MediaRecorder records through captureStream. Nothing leaves the page.
import type { AppState, AppStore } from '../store/store.ts';
import { dataExtentOf } from '../store/store.ts';
import { visibleCount } from '../store/derived.ts';
import { beginRun, runDuration, type PlaybackRun } from '../store/playback.ts';
import type { TimeWindow } from '../store/window.ts';
import type { ThemeName } from '../store/pageOptions.ts';
import { layoutAxis } from '../layout/ticks.ts';
import type { LaneAssignment } from '../layout/lanes.ts';
import { lanesForView, layoutView, maxActorLanes } from '../render/viewLayout.ts';
import { FONT_STACK, THEMES } from '../render/theme.ts';
import { describeWindow } from '../i18n/describeWindow.ts';
import { uiLocaleOf } from '../i18n/locale.ts';
import { exportFileName, viewSvgInput } from './viewExport.ts';
import { drawVideoFrame, videoGeometry, type VideoFrameInput, type VideoStill } from './videoFrame.ts';
import type { MeasureText } from './textFit.ts';
import { VIDEO_CAP_MS, videoMimeType } from './videoSupport.ts';

/** The last frame stays this long, so that the end can be read before the video stops. */
const HOLD_END_MS = 1000;
const FRAMES_PER_SECOND = 30;
const BITS_PER_SECOND = 2_500_000;


export interface VideoPlan {
  run: PlaybackRun;
  /** How long the video lasts (without the last frame's hold). */
  ms: number;
  /** The pass is longer than the cap: the video stops at the cap. */
  capped: boolean;
}

/** The video that Export video would record now: one pass from where Play starts, to the end of the data or the cap. */
export function plannedVideo(state: Pick<AppState, 'playbackMode' | 'playbackSpeed' | 'window' | 'remoteInfo' | 'table'>, capMs = VIDEO_CAP_MS): VideoPlan | null {
  const extent = dataExtentOf(state);
  if (!extent) return null;
  const run = beginRun(state.playbackMode, state.playbackSpeed, state.window, extent);
  const full = runDuration(run);
  return { run, ms: Math.min(full, capMs), capped: full > capMs };
}

export interface VideoOptions {
  theme: ThemeName;
  /** Hears how far the recording is, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Aborting cancels: the recording is thrown away. */
  signal?: AbortSignal;
  capMs?: number;
}

export interface VideoRecording {
  blob: Blob;
  fileName: string;
  /** Frames painted, and the time the recording took (ms). */
  frames: number;
  ms: number;
}

function canvasMeasure(ctx: CanvasRenderingContext2D): MeasureText {
  const widths = new Map<string, number>();
  return (text, size, weight) => {
    const key = `${size} ${weight} ${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = `${weight} ${size}px ${FONT_STACK}`;
      w = ctx.measureText(text).width;
      if (widths.size > 20_000) widths.clear();
      widths.set(key, w);
    }
    return w;
  };
}

/** The map's canvas on screen and its size in CSS px, when the map is shown. */
function mapOnScreen(state: AppState): { canvas: HTMLCanvasElement; size: { width: number; height: number } } | null {
  if (!state.mapView) return null;
  const canvas = document.querySelector<HTMLCanvasElement>('.map-canvas');
  const rect = canvas?.getBoundingClientRect();
  if (!canvas || !rect || rect.width < 1 || rect.height < 1) return null;
  return { canvas, size: { width: Math.round(rect.width), height: Math.round(rect.height) } };
}

/**
 * Records the playback from where Play would start to the end of the data (at most `capMs`), and
 * gives the WebM; null when cancelled. The store plays meanwhile, once, and pauses at the end.
 */
export async function recordVideo(store: AppStore, options: VideoOptions): Promise<VideoRecording | null> {
  const mimeType = videoMimeType();
  const first = store.getState();
  const ui = uiLocaleOf(first.lang);
  const { t, locale, lang } = ui;
  if (!mimeType) throw new Error(t.videoUnsupported);
  const plan = plannedVideo(first, options.capMs);
  if (!plan) throw new Error(t.noData);
  first.pause();
  await document.fonts?.ready;

  const theme = THEMES[options.theme];
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const measure = canvasMeasure(ctx);
  const measureLabel = (text: string) => measure(text, 12, 400);
  const map = mapOnScreen(first);
  const plotSize = first.plotSize && first.plotSize.width > 0 ? first.plotSize : { width: 900, height: 420 };
  // The words that do not change: the same title, filters, legend and source as an image export.
  const image = viewSvgInput(first, { ui, theme, measure, now: new Date(), permalink: null, fallbackSize: plotSize });
  const number = new Intl.NumberFormat(locale);
  const still: VideoStill = {
    title: image.title,
    filters: image.filters.length ? t.exportFilters(image.filters.join(' · ')) : t.exportNoFilters,
    legend: image.legend,
    footer: [t.exportSource(image.attribution), ...(map ? [t.mapAttribution] : [])],
    theme,
    dir: ui.dir,
    densityCaption: (total) => t.densityCaption(number.format(total)),
  };
  const geometry = videoGeometry(still, plotSize, map?.size ?? null, measure);
  canvas.width = geometry.width;
  canvas.height = geometry.height;

  // Lanes change with the data or the filters, not with the window: worked out again only then.
  let lanes: { key: unknown[]; lanes: LaneAssignment } | null = null;
  const frameOf = (state: AppState): VideoFrameInput => {
    const key = [state.table, state.filters, state.lanes, state.remoteAnswer];
    if (!lanes || lanes.key.some((k, i) => k !== key[i])) lanes = { key, lanes: lanesForView(state, lang, maxActorLanes(plotSize.height)) };
    const shown = state.remoteInfo ? (state.remoteAnswer?.counts.visible ?? 0) : visibleCount(state);
    const total = state.remoteInfo?.count ?? state.table.size;
    return {
      dates: describeWindow(state.window, locale, t),
      counts: t.showing(number.format(shown), number.format(total), total),
      axis: layoutAxis(state.window.from, state.window.to, plotSize.width, locale),
      layout: layoutView(state, lanes.lanes, plotSize, lang, measureLabel),
      selectedRow: state.selectedId === null ? null : state.table.rowOfId.get(state.selectedId) ?? null,
    };
  };
  const paint = () => drawVideoFrame(ctx, geometry, still, frameOf(store.getState()), map?.canvas ?? null, measure);

  paint();
  const stream = canvas.captureStream(FRAMES_PER_SECOND);
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: BITS_PER_SECOND });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  const started = performance.now();
  let frames = 0;
  let lastWindow: TimeWindow = plan.run.origin;
  store.getState().setRecordingVideo(true);
  try {
    recorder.start(1000);
    store.getState().play();
    await new Promise<void>((resolve) => {
      let endedAt: number | null = null;
      const frame = (now: number) => {
        if (options.signal?.aborted) return resolve();
        const elapsed = now - started;
        if (elapsed >= plan.ms) store.getState().pause();
        // Playback stops at the end of the data, at the cap, or when the user pauses or zooms.
        if (!store.getState().playing && endedAt === null) endedAt = now;
        paint();
        frames++;
        lastWindow = store.getState().window;
        options.onProgress?.(Math.min(1, elapsed / (plan.ms + HOLD_END_MS)));
        if (endedAt !== null && now - endedAt >= HOLD_END_MS) return resolve();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  } finally {
    store.getState().pause();
    store.getState().setRecordingVideo(false);
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    stream.getTracks().forEach((track) => track.stop());
  }
  if (options.signal?.aborted) return null;
  const title = first.dataset?.title ?? 'conflict-timeline';
  return {
    blob: new Blob(chunks, { type: 'video/webm' }),
    fileName: exportFileName(title, { from: plan.run.origin.from, to: lastWindow.to }, 'webm'),
    frames,
    ms: performance.now() - started,
  };
}
