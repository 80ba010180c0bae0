import { useEffect, useId, useRef, useState } from 'react';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { PLAYBACK_MODES, PLAYBACK_SPEEDS, type PlaybackMode, type PlaybackSpeed } from '../../store/playback.ts';

/** Keys that a control under the keyboard uses itself: Space there is that control's, not the playback's. */
const ownsSpace = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, button, a[href], summary, [role="button"], dialog') !== null);

/**
 * The toolbar's Play control: Play/Pause, the speed (data per second), sliding or cumulative, and
 * Loop. It only writes the store's playback state; playbackDriver.ts moves the window.
 */
export function PlaybackControls() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const id = useId();
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.playbackSpeed);
  const mode = useAppState((s) => s.playbackMode);
  const loop = useAppState((s) => s.playbackLoop);
  const recording = useAppState((s) => s.recordingVideo);
  const hasData = useAppState((s) => (s.remoteInfo ? true : s.table.extent !== null));
  // On a phone the speed, mode and loop fold behind one button, so that Play fits beside Share.
  const [optionsOpen, setOptionsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!optionsOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOptionsOpen(false);
    const onPointer = (e: PointerEvent) => !rootRef.current?.contains(e.target as Node) && setOptionsOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [optionsOpen]);

  // Space pauses while playing (outside text fields and controls, whose Space is their own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey || !store.getState().playing || ownsSpace(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      store.getState().pause();
    };
    // Capturing: before the timeline's own Space (which selects the focused event).
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [store]);

  return (
    <div ref={rootRef} className={`playback-controls${optionsOpen ? ' options-open' : ''}`} role="group" aria-label={t.playbackGroup}>
      <button
        type="button"
        className="play-button"
        title={t.playTitle}
        disabled={!hasData || recording}
        onClick={() => (playing ? store.getState().pause() : store.getState().play())}
      >
        <span aria-hidden="true" className="play-icon">
          {playing ? '❚❚' : '▶'}
        </span>{' '}
        <span className="play-label">{playing ? t.pause : t.play}</span>
      </button>
      <button type="button" className="playback-options-toggle" aria-expanded={optionsOpen} aria-controls={`${id}-options`} aria-label={t.playbackOptions} title={t.playbackOptions} onClick={() => setOptionsOpen(!optionsOpen)}>
        <span aria-hidden="true">⋯</span>
      </button>
      <div id={`${id}-options`} className="playback-options">
      <select aria-label={t.playbackSpeedLabel} title={t.playbackSpeedLabel} value={speed} disabled={recording} onChange={(e) => store.getState().setPlaybackSpeed(e.target.value as PlaybackSpeed)}>
        {PLAYBACK_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {t.playbackSpeeds[s]}
          </option>
        ))}
      </select>
      <select aria-label={t.playbackModeLabel} title={t.playbackModeTitle} value={mode} disabled={recording} onChange={(e) => store.getState().setPlaybackMode(e.target.value as PlaybackMode)}>
        {PLAYBACK_MODES.map((m) => (
          <option key={m} value={m}>
            {t.playbackModes[m]}
          </option>
        ))}
      </select>
      <label className="playback-loop" htmlFor={`${id}-loop`}>
        <input id={`${id}-loop`} type="checkbox" checked={loop} disabled={recording} onChange={(e) => store.getState().setPlaybackLoop(e.target.checked)} />
        {t.playbackLoop}
      </label>
      </div>
    </div>
  );
}
