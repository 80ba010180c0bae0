// Whether this browser can record a video of the playback, and how long a video may be: what the
// Export menu shows before the recorder itself (export/videoExport.ts) is loaded, on first use.

/** The longest video: a minute is plenty for a report, and a recording runs in real time. */
export const VIDEO_CAP_MS = 60_000;

/** VP9 first (smaller files), then VP8, then whatever WebM the browser makes. */
const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** The WebM type this browser can record a canvas in; null when it cannot (no MediaRecorder or captureStream). */
export function videoMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return WEBM_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}
