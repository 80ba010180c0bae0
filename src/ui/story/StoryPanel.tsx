// The Story panel (issue #25): the story's title, "Add this view as a step", its steps, Undo, and
// the story as a file. Every change goes through the store's editStory/undoStory, so one Undo
// takes back one change, whichever control made it.
import { PresentButton } from './PresentButton.tsx';
import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { addStep, deleteStep, duplicateStep, moveStep, nextStepId, renameStory, STORY_LIMITS, updateStep, type Story } from '../../story/story.ts';
import { currentStepView, showStepView } from '../../store/stepView.ts';
import { useAppState, useAppStore, useUiLocale } from '../StoreContext.tsx';
import { inTextField, StepList } from './StepList.tsx';
import type { StepActions } from './StepItem.tsx';
import { openStoryFile, saveStoryFile } from './storyFileFlow.ts';

const UNDO_KEYS = 'Ctrl+Z (⌘Z)';

/** Where the focus goes after the next render: a control of a step, else the step itself; or the Undo button. */
type PendingFocus = { id: string; key: string | null } | { undo: true } | { add: true };

/** The title: typed freely, kept in the story (one undoable change) when the field is left or Enter pressed. */
function StoryTitle() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const title = useAppState((s) => s.story.title);
  const [draft, setDraft] = useState(title);
  useEffect(() => setDraft(title), [title]);
  const commit = () => store.getState().editStory((story) => renameStory(story, draft.trim().slice(0, STORY_LIMITS.title)));
  return (
    <label className="story-title-field">
      <span className="visually-hidden">{t.storyTitleLabel}</span>
      <input
        type="text"
        dir="auto"
        value={draft}
        maxLength={STORY_LIMITS.title}
        placeholder={t.storyTitlePlaceholder}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

function StoryPanelBody() {
  const store = useAppStore();
  const { t, locale } = useUiLocale();
  const id = useId();
  const story = useAppState((s) => s.story);
  const canUndo = useAppState((s) => s.storyPast.length > 0);
  const kept = useAppState((s) => s.storyKept);
  const panel = useRef<HTMLElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Numbered, so that the same words twice ("Moved to position 2 of 3") are announced twice.
  const [announcement, setAnnounced] = useState({ text: '', n: 0 });
  const setAnnouncement = (text: string) => setAnnounced((a) => ({ text, n: a.n + 1 }));
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const full = story.steps.length >= STORY_LIMITS.steps;

  // After a move, a delete or an undo React may have moved or removed the focused control: give it back.
  useLayoutEffect(() => {
    if (!pendingFocus || !panel.current) return;
    setPendingFocus(null);
    if ('undo' in pendingFocus) {
      if (!panel.current.contains(document.activeElement)) undoButton.current?.focus();
      return;
    }
    if ('add' in pendingFocus) return void addButton.current?.focus();
    const item = panel.current.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(pendingFocus.id)}"]`);
    const control = pendingFocus.key ? item?.querySelector<HTMLElement>(`[data-focus-key="${pendingFocus.key}"]`) : null;
    (control ?? item)?.focus();
    if (!control) item?.scrollIntoView({ block: 'nearest' });
  }, [pendingFocus, story]);

  const edit = (change: (s: Story) => Story) => store.getState().editStory(change);

  const addView = () => {
    if (full) return setAnnouncement(t.storyFull(number(STORY_LIMITS.steps)));
    const current = store.getState().story;
    const activeIndex = current.steps.findIndex((s) => s.id === activeId);
    const newId = nextStepId(current);
    const view = currentStepView(store);
    edit((s) => addStep(s, view, activeIndex >= 0 ? { after: activeIndex } : {}));
    const steps = store.getState().story.steps;
    setActiveId(newId);
    setAnnouncement(t.storyAdded(number(steps.findIndex((s) => s.id === newId) + 1), number(steps.length)));
    // The new step comes into view; the focus stays on the button, ready for the next view.
    requestAnimationFrame(() => panel.current?.querySelector(`[data-step-id="${CSS.escape(newId)}"]`)?.scrollIntoView({ block: 'nearest' }));
  };

  const undo = () => {
    if (!store.getState().storyPast.length) return setAnnouncement(t.storyNothingToUndo);
    store.getState().undoStory();
    setAnnouncement(t.storyUndone);
    setPendingFocus({ undo: true });
  };

  const actions: Omit<StepActions, 'startDrag'> = {
    show(index) {
      const step = store.getState().story.steps[index];
      if (!step) return;
      setActiveId(step.id);
      const ignored = showStepView(store, step.view);
      if (ignored.length) store.getState().addNotice(t.storyStepIgnored(number(index + 1), ignored.join('; ')));
    },
    edit(index, change) {
      const step = store.getState().story.steps[index];
      if (!step) return;
      edit((s) => updateStep(s, index, change));
      setPendingFocus({ id: step.id, key: 'edit' });
    },
    move(from, to, focusKey) {
      const steps = store.getState().story.steps;
      const step = steps[from];
      if (!step || to === from) return;
      edit((s) => moveStep(s, from, to));
      setAnnouncement(t.storyMoved(number(to + 1), number(steps.length)));
      setPendingFocus({ id: step.id, key: focusKey });
    },
    duplicate(index) {
      if (full) return setAnnouncement(t.storyFull(number(STORY_LIMITS.steps)));
      edit((s) => duplicateStep(s, index));
      setAnnouncement(t.storyDuplicated(number(index + 2)));
    },
    remove(index) {
      const steps = store.getState().story.steps;
      const neighbour = steps[index + 1] ?? steps[index - 1];
      edit((s) => deleteStep(s, index));
      setAnnouncement(t.storyDeleted(number(index + 1)));
      setPendingFocus(neighbour ? { id: neighbour.id, key: null } : { add: true });
    },
    refocus(index, key) {
      const step = store.getState().story.steps[index];
      if (step) setPendingFocus({ id: step.id, key });
    },
  };

  // Ctrl+Z (⌘Z) undoes a change of the story while the focus is in the panel; in a text field it stays the field's.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' && !inTextField(e.target)) {
      e.preventDefault();
      undo();
    }
  };

  return (
    <section ref={panel} className="story-panel" aria-labelledby={`${id}-heading`} onKeyDown={onKeyDown}>
      <div className="story-head">
        <h2 id={`${id}-heading`}>{t.storyPanel}</h2>
        <button type="button" className="close" aria-label={t.storyClose} onClick={() => store.getState().setStoryPanelOpen(false)}>
          ×
        </button>
      </div>
      <StoryTitle />
      <div className="story-toolbar">
        <button ref={addButton} type="button" className="button primary" aria-disabled={full} onClick={addView}>
          {t.storyAddStep}
        </button>
        <button ref={undoButton} type="button" className="button" aria-disabled={!canUndo} title={t.storyUndoTitle(UNDO_KEYS)} onClick={undo}>
          {t.storyUndo}
        </button>
      </div>
      {story.steps.length === 0 ? (
        <p className="story-empty">{t.storyEmpty}</p>
      ) : (
        <StepList steps={story.steps} activeId={activeId} actions={actions} />
      )}
      {full && <p className="story-note">{t.storyFull(number(STORY_LIMITS.steps))}</p>}
      <div className="story-actions" role="group" aria-label={t.storyActions}>
        <button type="button" className="button" onClick={() => saveStoryFile(store)}>
          {t.storySave}
        </button>
        <input
          id={`${id}-open`}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-label={t.storyOpenLabel}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openStoryFile(store, file);
          }}
        />
        <label htmlFor={`${id}-open`} className="button">
          {t.storyOpen}
        </label>
        {/* Sharing and exporting the story are in Share and Export, beside the view's. */}
        <PresentButton />
      </div>
      {story.steps.length > 1 && (
        <p className="story-note">
          <kbd dir="ltr">Alt+↑</kbd> <kbd dir="ltr">Alt+↓</kbd> {t.storyKeysMove} <kbd dir="ltr">Ctrl+Z</kbd> {t.storyKeysUndo}
        </p>
      )}
      {kept === 'unavailable' && <p className="story-note">{t.storyNotKept}</p>}
      <div className="visually-hidden" aria-live="polite">
        <span key={announcement.n}>{announcement.text}</span>
      </div>
    </section>
  );
}

/** The panel, while the toolbar's "Story" toggle has it open. */
export const StoryPanel = memo(function StoryPanel() {
  const open = useAppState((s) => s.storyPanelOpen);
  return open ? <StoryPanelBody /> : null;
});
