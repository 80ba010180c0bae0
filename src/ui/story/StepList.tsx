// The story's steps, in order. Moving a step by pointer: press on its handle, drag, release where
// the line shows; by keyboard: Alt+ArrowUp/Down on a focused step (or its Move buttons).
import { useRef, useState } from 'react';
import type { StoryStep } from '../../story/story.ts';
import { useUiLocale } from '../StoreContext.tsx';
import { dropMarker, dropTarget, keyboardMoveTarget } from './stepMoves.ts';
import { StepItem, type StepActions } from './StepItem.tsx';

/** Whether keys go to a text field (where Alt+arrows and Ctrl+Z are the field's own). */
export const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

interface Drag {
  from: number;
  target: number;
}

export function StepList({ steps, activeId, actions }: { steps: StoryStep[]; activeId: string | null; actions: Omit<StepActions, 'startDrag'> }) {
  const { t } = useUiLocale();
  const list = useRef<HTMLOListElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);

  const middles = () => Array.from(list.current?.children ?? [], (li) => {
    const rect = li.getBoundingClientRect();
    return rect.top + rect.height / 2;
  });

  const startDrag = (index: number, e: React.PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    let current: Drag = { from: index, target: index };
    setDrag(current);
    const move = (ev: PointerEvent) => {
      const target = dropTarget(index, ev.clientY, middles());
      if (target !== current.target) setDrag((current = { from: index, target }));
    };
    const end = (ev: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      setDrag(null);
      if (ev.type === 'pointerup' && current.target !== index) actions.move(index, current.target, null);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLLIElement>, index: number) => {
    if (inTextField(e.target)) return;
    const target = keyboardMoveTarget(e, index, steps.length);
    if (target === null) return;
    e.preventDefault();
    const focusKey = e.target instanceof HTMLElement ? e.target.dataset.focusKey ?? null : null;
    actions.move(index, target, focusKey);
  };

  const marker = drag && dropMarker(drag.from, drag.target);
  const itemActions: StepActions = { ...actions, startDrag };
  return (
    <ol ref={list} className="story-steps" aria-label={t.storySteps}>
      {steps.map((step, index) => (
        <StepItem
          key={step.id}
          step={step}
          index={index}
          count={steps.length}
          active={step.id === activeId}
          dragging={drag?.from === index}
          dropSide={marker?.index === index ? marker.side : null}
          actions={itemActions}
          onKeyDown={onKeyDown}
        />
      ))}
    </ol>
  );
}
