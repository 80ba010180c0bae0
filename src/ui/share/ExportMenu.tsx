import { useEffect, useId, useRef, useState } from 'react';
import { useAppState, useAppStore, usePageOptions } from '../StoreContext.tsx';
import { exportCsv, exportJson, exportPng, exportSvg, type EventScope } from '../../export/browserExport.ts';
import { visibleCount } from '../../store/derived.ts';

const ALL_TIME = { from: -Infinity, to: Infinity };
import { currentPermalink } from './permalink.ts';

/** "Export": the view as SVG or PNG, and its events as CSV or JSON. */
export function ExportMenu() {
  const store = useAppStore();
  const { theme } = usePageOptions();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<EventScope>('filtered');
  const [busy, setBusy] = useState<string | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const filteredCount = useAppState((s) => (open ? visibleCount({ ...s, window: ALL_TIME }) : 0));
  const windowCount = useAppState((s) => (open ? visibleCount(s) : 0));
  const n = new Intl.NumberFormat('en-GB');

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onPointer = (e: PointerEvent) => !rootRef.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const run = async (name: string, action: () => void | Promise<void>) => {
    setBusy(name);
    try {
      await action();
    } catch (error) {
      store.getState().addNotice(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  };
  const state = () => store.getState();

  return (
    <div className="export-menu" ref={rootRef}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="export-panel" role="group" aria-label="Export" hidden={!open}>
        <p className="export-heading">The view as an image</p>
        <div className="export-buttons">
          <button type="button" disabled={busy !== null} onClick={() => run('Export SVG', () => exportSvg(state(), theme, currentPermalink(state())))}>
            Export SVG
          </button>
          <button type="button" disabled={busy !== null} onClick={() => run('Export PNG', () => exportPng(state(), theme, currentPermalink(state())))}>
            Export PNG
          </button>
        </div>
        <fieldset className="export-scope">
          <legend className="export-heading">The events as data</legend>
          <label>
            <input type="radio" name={`${panelId}-scope`} checked={scope === 'filtered'} onChange={() => setScope('filtered')} />
            All that pass the filters ({n.format(filteredCount)})
          </label>
          <label>
            <input type="radio" name={`${panelId}-scope`} checked={scope === 'window'} onChange={() => setScope('window')} />
            Only those in the visible window ({n.format(windowCount)})
          </label>
        </fieldset>
        <div className="export-buttons">
          <button type="button" disabled={busy !== null} onClick={() => run('Export CSV', () => exportCsv(state(), scope))}>
            Export CSV
          </button>
          <button type="button" disabled={busy !== null} onClick={() => run('Export JSON', () => exportJson(state(), scope))}>
            Export JSON
          </button>
        </div>
        <p className="export-note" role="status">{busy ? `${busy}…` : 'Images show the timeline as it is on screen, with the filters, the source and today’s date.'}</p>
      </div>
    </div>
  );
}
