// One step in the Story panel: its number, its view in words, its caption (never HTML) and
// sources, and the buttons that show, edit, move, duplicate and delete it. A drag handle moves it
// with a pointer; the buttons and Alt+ArrowUp/Down move it with the keyboard (see StepList).
import { memo, useMemo, useState } from 'react';
import type { StoryStep } from '../../story/story.ts';
import { stepViewOf } from '../../store/stepView.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { Caption } from './Caption.tsx';
import { StepSources } from './StepSources.tsx';
import { describeStep } from './describeStep.ts';
import { StepEditor, type StepEdit } from './StepEditor.tsx';

export interface StepActions {
  show(index: number): void;
  edit(index: number, edit: StepEdit): void;
  /** Moves the step; `focusKey` names the control to give the focus back to afterwards. */
  move(from: number, to: number, focusKey: string | null): void;
  duplicate(index: number): void;
  remove(index: number): void;
  startDrag(index: number, e: React.PointerEvent<HTMLElement>): void;
  /** Gives the focus to a control of a step (by its data-focus-key) once the panel has rendered. */
  refocus(index: number, focusKey: string): void;
}

interface StepItemProps {
  step: StoryStep;
  index: number;
  count: number;
  active: boolean;
  dragging: boolean;
  dropSide: 'before' | 'after' | null;
  actions: StepActions;
  onKeyDown(e: React.KeyboardEvent<HTMLLIElement>, index: number): void;
}

/** Clicks on these do their own thing, not "show this step". */
const INTERACTIVE = 'a, button, input, textarea, select, label, .step-handle';


export const StepItem = memo(function StepItem({ step, index, count, active, dragging, dropSide, actions, onKeyDown }: StepItemProps) {
  const store = useAppStore();
  const ui = useUiLocale();
  const { t } = ui;
  const table = useAppState((s) => s.table);
  const [editing, setEditing] = useState(false);
  const number = new Intl.NumberFormat(ui.locale).format(index + 1);
  // The table is a dependency: the view's actors and event resolve against the data loaded.
  const description = useMemo(() => describeStep(stepViewOf(store, step.view).view, table, ui), [store, step.view, table, ui]);
  const first = index === 0;
  const last = index === count - 1;
  const classes = ['story-step', active ? 'active' : '', dragging ? 'dragging' : '', dropSide ? `drop-${dropSide}` : ''].filter(Boolean).join(' ');
  return (
    <li
      className={classes}
      data-step-id={step.id}
      tabIndex={-1}
      aria-current={active ? 'step' : undefined}
      aria-labelledby={`step-${step.id}-number`}
      onKeyDown={(e) => onKeyDown(e, index)}
      onClick={(e) => {
        if (editing || (e.target as Element).closest(INTERACTIVE)) return;
        actions.show(index);
      }}
    >
      <div className="step-head">
        <span className="step-handle" aria-hidden="true" title={t.storyDragHandle} onPointerDown={(e) => actions.startDrag(index, e)}>
          ⠿
        </span>
        <span className="step-number" id={`step-${step.id}-number`}>
          <span className="visually-hidden">{t.storyStepNumber(number)}</span>
          <span aria-hidden="true">{number}</span>
        </span>
        <p className="step-view" dir="auto" title={description.join(' · ')}>
          {description.join(' · ')}
        </p>
      </div>
      {editing ? (
        <StepEditor
          step={step}
          number={number}
          onDone={(edit) => {
            setEditing(false);
            actions.edit(index, edit);
          }}
          onCancel={() => {
            setEditing(false);
            actions.refocus(index, 'edit');
          }}
        />
      ) : (
        <>
          {step.caption.trim() ? <Caption source={step.caption} className="step-caption" /> : <p className="step-caption empty-caption">{t.storyNoCaption}</p>}
          <StepSources sources={step.sources} />
        </>
      )}
      <div className="step-actions">
        <button type="button" data-focus-key="show" aria-label={t.storyShowLabel(number)} onClick={() => actions.show(index)}>
          {t.storyShow}
        </button>
        {!editing && (
          <button type="button" data-focus-key="edit" aria-label={t.storyEditLabel(number)} onClick={() => setEditing(true)}>
            {t.storyEdit}
          </button>
        )}
        <button
          type="button"
          data-focus-key="up"
          aria-label={t.storyMoveUpLabel(number)}
          title={t.storyMoveUp}
          aria-disabled={first}
          onClick={() => !first && actions.move(index, index - 1, 'up')}
        >
          ↑
        </button>
        <button
          type="button"
          data-focus-key="down"
          aria-label={t.storyMoveDownLabel(number)}
          title={t.storyMoveDown}
          aria-disabled={last}
          onClick={() => !last && actions.move(index, index + 1, 'down')}
        >
          ↓
        </button>
        <button type="button" data-focus-key="duplicate" aria-label={t.storyDuplicateLabel(number)} onClick={() => actions.duplicate(index)}>
          {t.storyDuplicate}
        </button>
        <button type="button" data-focus-key="delete" className="danger" aria-label={t.storyDeleteLabel(number)} onClick={() => actions.remove(index)}>
          {t.storyDelete}
        </button>
      </div>
    </li>
  );
});
