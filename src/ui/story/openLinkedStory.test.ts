import { describe, expect, it } from 'vitest';
import seed from '../../../data/seed.json';
import { validateDataset } from '../../model/validate.ts';
import type { Dataset } from '../../model/schema.ts';
import { createAppStore } from '../../store/store.ts';
import type { StoryPresentation } from '../../store/storyPresentation.ts';
import { addStep, EMPTY_STORY, type Story } from '../../story/story.ts';
import { openLinkedStory } from './openLinkedStory.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const story = addStep(addStep(EMPTY_STORY, 'types=clash', { caption: 'One' }), 'types=protest', { caption: 'Two' });

function setUp() {
  const store = createAppStore({ dataset });
  const held: Story[] = [];
  const presentation: StoryPresentation = { stop: () => {}, holdsStory: (s) => held.push(s) };
  return { store, presentation, held };
}

describe('the story a link opens', () => {
  it('opens it, presents the link’s step, and tells the address it holds that story', () => {
    const { store, presentation, held } = setUp();
    expect(openLinkedStory(store, presentation, { story, ignored: [], problem: null }, 2, false)).toEqual([]);
    expect(store.getState().story).toBe(story);
    expect(store.getState().presenting).toBe(1);
    expect(held).toEqual([story]);
  });

  it('without a step, the app opens the story without presenting it, and an embed presents its first step', () => {
    const app = setUp();
    openLinkedStory(app.store, app.presentation, { story, ignored: [], problem: null }, null, false);
    expect(app.store.getState().presenting).toBeNull();
    const embed = setUp();
    openLinkedStory(embed.store, embed.presentation, { story, ignored: [], problem: null }, null, true);
    expect(embed.store.getState().presenting).toBe(0);
  });

  it('names a step past the end (an embed shows its first step instead), and keeps what the story itself ignored', () => {
    const { store, presentation } = setUp();
    expect(openLinkedStory(store, presentation, { story, ignored: ['step 3 was left out'], problem: null }, 5, true)).toEqual([
      'step 3 was left out',
      "step 5 is past the story's last step (it has 2 steps)",
    ]);
    expect(store.getState().presenting).toBe(0);
  });

  it('with no story, says why in a notice of its own and names the step it could not show', () => {
    const { store, presentation, held } = setUp();
    const ignored = openLinkedStory(store, presentation, { story: null, ignored: [], problem: 'The story at https://x.example/s.json could not be loaded.' }, 2, false);
    expect(ignored).toEqual(['step 2 was not shown: the link has no story that could be opened']);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['The story at https://x.example/s.json could not be loaded.']);
    expect(store.getState().story).toBe(EMPTY_STORY);
    expect(held).toEqual([]);
  });
});
