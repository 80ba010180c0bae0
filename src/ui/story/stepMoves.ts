// Where a step goes when it is moved by the keyboard or dragged: pure answers, as indices that
// moveStep (story/story.ts) takes. The panel does the moving, the focus and the announcement.

export interface MoveKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Alt+ArrowUp and Alt+ArrowDown move a step one place (the arrow keys alone stay the page's);
 * the index it goes to, or null when the key is not a move or the step is already at that end.
 */
export function keyboardMoveTarget(key: MoveKey, index: number, count: number): number | null {
  if (!key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return null;
  const target = key.key === 'ArrowUp' ? index - 1 : key.key === 'ArrowDown' ? index + 1 : null;
  if (target === null || target < 0 || target >= count || index < 0 || index >= count) return null;
  return target;
}

/**
 * The index a dragged step lands on: as many places as the other steps whose middle is above the
 * pointer. `middles`: each step's vertical middle on screen, in order (the dragged one's included).
 */
export function dropTarget(from: number, pointerY: number, middles: readonly number[]): number {
  let above = 0;
  middles.forEach((middle, i) => {
    if (i !== from && middle < pointerY) above++;
  });
  return above;
}

/** Where the drop line shows while dragging: before or after the step now at `target`. */
export function dropMarker(from: number, target: number): { index: number; side: 'before' | 'after' } | null {
  if (target === from) return null;
  return target > from ? { index: target, side: 'after' } : { index: target, side: 'before' };
}
