// The timeline's keyboard map, as store actions. Which event a key leads to is decided by the pure
// functions of layout/keyboardFocus.ts; this module only reads the key and moves the window so that
// the focused event is in view.
import type { AppStore } from '../store/store.ts';
import type { LaneAssignment } from '../layout/lanes.ts';
import type { LaneIndex } from '../layout/laneIndex.ts';
import { edgeEvent, settleFocus, stepInTime, stepLane, type EventFocus } from '../layout/keyboardFocus.ts';

export interface TimelineNavigation {
  lanes: LaneAssignment;
  index: LaneIndex;
}

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Keeps the window's span and brings the focused event into view, a margin from the edges. */
function reveal(store: AppStore, row: number) {
  const { window, table } = store.getState();
  const t = table.start[row]!;
  const span = window.to - window.from;
  const margin = span * 0.05;
  if (t >= window.from + margin && t <= window.to - margin) return;
  store.getState().setWindow({ from: t - span / 2, to: t + span / 2 }, 'replace');
}

/** Handles a key pressed on the timeline; true when it was one of the timeline's keys. */
export function handleTimelineKey(press: KeyPress, store: AppStore, nav: TimelineNavigation | null): boolean {
  const s = store.getState();
  if (press.ctrlKey || press.metaKey || press.altKey) return false;
  const current = nav ? settleFocus(nav.index, s.table, s.focus, s.window) : null;
  const moveTo = (next: EventFocus | null) => {
    if (!next) return;
    s.setFocus(next);
    reveal(store, next.row);
  };
  // Zoom around the focused event when it is in view, so that it stays under the eye.
  const anchor = () => {
    if (!current) return 0.5;
    const t = s.table.start[current.row]!;
    const f = (t - s.window.from) / (s.window.to - s.window.from);
    return f > 0 && f < 1 ? f : 0.5;
  };
  switch (press.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      if (press.shiftKey) {
        s.panBy(press.key === 'ArrowLeft' ? -0.5 : 0.5, 'replace');
        return true;
      }
      if (!nav || !current) return true;
      if (current !== s.focus) moveTo(current);
      else moveTo(stepInTime(nav.index, s.table, current, press.key === 'ArrowLeft' ? -1 : 1));
      return true;
    }
    case 'ArrowUp':
    case 'ArrowDown':
      if (!nav || !current) return true;
      if (current !== s.focus) moveTo(current);
      else moveTo(stepLane(nav.index, s.table, current, press.key === 'ArrowUp' ? -1 : 1));
      return true;
    case 'Home':
    case 'End': {
      if (!nav) return true;
      const edge = edgeEvent(nav.index, press.key === 'Home' ? 'first' : 'last');
      if (!edge) return true;
      s.setFocus(edge);
      const t = s.table.start[edge.row]!;
      const span = s.window.to - s.window.from;
      s.setWindow(press.key === 'Home' ? { from: t - span * 0.05, to: t + span * 0.95 } : { from: t - span * 0.95, to: t + span * 0.05 }, 'push');
      return true;
    }
    case 'Enter':
    case ' ':
      if (current) {
        s.setFocus(current);
        s.select(s.table.eventAt(current.row).id);
      }
      return true;
    case '+':
    case '=':
      s.zoomBy(2, anchor(), 'replace');
      return true;
    case '-':
    case '_':
    case '−':
      s.zoomBy(0.5, anchor(), 'replace');
      return true;
    // While a story is presented, Page Up and Page Down move between its steps (ui/globalKeys.ts).
    case 'PageUp':
      if (s.presenting !== null) return false;
      s.panBy(-0.5, 'replace');
      return true;
    case 'PageDown':
      if (s.presenting !== null) return false;
      s.panBy(0.5, 'replace');
      return true;
    default:
      return false;
  }
}
