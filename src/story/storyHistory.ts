// The story's undo history: earlier stories, newest last. Pure, like the story's edits.
import type { Story } from './story.ts';

export interface StoryHistory {
  story: Story;
  /** Earlier versions, newest last. */
  past: Story[];
}

/** How many edits Undo can take back. */
export const UNDO_DEPTH = 100;

/** Records an edit; an edit that changed nothing leaves the history as it was. */
export function recordEdit(history: StoryHistory, next: Story): StoryHistory {
  if (next === history.story) return history;
  return { story: next, past: [...history.past, history.story].slice(-UNDO_DEPTH) };
}

export function undoEdit(history: StoryHistory): StoryHistory {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { story: previous, past: history.past.slice(0, -1) };
}
