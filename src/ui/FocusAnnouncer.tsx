import type { LaneAssignment } from '../layout/lanes.ts';
import { describeFocusedEvent } from '../i18n/describeFocus.ts';
import { useAppState, useUiLocale } from './StoreContext.tsx';

/**
 * The aria-live region of the timeline: when the keyboard lands on an event, screen readers hear
 * its date, type, title and lane. Visually hidden; sighted users see the focus ring.
 */
export function FocusAnnouncer({ id, navigation }: { id: string; navigation: () => { lanes: LaneAssignment } | null }) {
  const ui = useUiLocale();
  const focus = useAppState((s) => s.focus);
  const table = useAppState((s) => s.table);
  const lane = focus ? navigation()?.lanes.lanes[focus.lane]?.label ?? '' : '';
  const text = focus && focus.row < table.size ? describeFocusedEvent(table, focus.row, lane, ui) : '';
  return (
    <div id={id} className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
