import { describe, expect, it } from 'vitest';
import { addStep, deleteStep, duplicateStep, EMPTY_STORY, moveStep, updateStep, type Story } from './story.ts';
import { recordEdit, undoEdit } from './storyHistory.ts';

const three = (): Story => {
  let story = EMPTY_STORY;
  for (const view of ['from=2022-09-12&to=2022-09-14', 'types=ceasefire', 'q=Yerevan']) story = addStep(story, view);
  return story;
};
const views = (story: Story) => story.steps.map((s) => s.view);

describe('story edits', () => {
  it('adds steps at the end, or after a given step', () => {
    const story = addStep(three(), 'lanes=actor', { after: 0, caption: 'Who' });
    expect(views(story)).toEqual(['from=2022-09-12&to=2022-09-14', 'lanes=actor', 'types=ceasefire', 'q=Yerevan']);
    expect(story.steps[1]!.caption).toBe('Who');
    expect(new Set(story.steps.map((s) => s.id)).size).toBe(4);
  });

  it('moves a step up and down, and leaves the story alone for a move that goes nowhere', () => {
    const story = three();
    expect(views(moveStep(story, 2, 0))).toEqual(['q=Yerevan', 'from=2022-09-12&to=2022-09-14', 'types=ceasefire']);
    expect(views(moveStep(story, 0, 1))).toEqual(['types=ceasefire', 'from=2022-09-12&to=2022-09-14', 'q=Yerevan']);
    expect(moveStep(story, 0, -1)).toBe(story);
    expect(moveStep(story, 2, 9)).toBe(story);
  });

  it('duplicates a step right after it, with a new id', () => {
    const story = duplicateStep(three(), 1);
    expect(views(story)).toEqual(['from=2022-09-12&to=2022-09-14', 'types=ceasefire', 'types=ceasefire', 'q=Yerevan']);
    expect(story.steps[2]!.id).not.toBe(story.steps[1]!.id);
  });

  it('deletes, edits, and never changes the story it was given', () => {
    const story = three();
    const before = JSON.stringify(story);
    expect(views(deleteStep(story, 1))).toEqual(['from=2022-09-12&to=2022-09-14', 'q=Yerevan']);
    expect(updateStep(story, 0, { caption: 'First' }).steps[0]!.caption).toBe('First');
    expect(updateStep(story, 0, { caption: '' })).toBe(story);
    expect(JSON.stringify(story)).toBe(before);
  });

  it('undo takes edits back one at a time', () => {
    let history = { story: three(), past: [] as Story[] };
    history = recordEdit(history, deleteStep(history.story, 0));
    history = recordEdit(history, updateStep(history.story, 0, { caption: 'x' }));
    history = recordEdit(history, history.story);
    expect(history.past).toHaveLength(2);
    history = undoEdit(history);
    expect(history.story.steps[0]!.caption).toBe('');
    history = undoEdit(history);
    expect(views(history.story)).toEqual(views(three()));
    expect(undoEdit(history)).toBe(history);
  });
});
