import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { storyToJson } from '../../story/storyCodec.ts';
import type { Story } from '../../story/story.ts';
import { isStoryFile, looksLikeStory, openStoryFile } from './storyFileFlow.ts';

const story: Story = { title: 'September 2022', steps: [{ id: 's1', view: 'types=clash', caption: 'Clashes', sources: [] }] };

describe('telling a story file from a data file', () => {
  it('takes a .story.json by its name, and a .json whose start says it is a story', () => {
    expect(looksLikeStory('September.story.json', '')).toBe(true);
    expect(looksLikeStory('export.json', storyToJson(story).slice(0, 100))).toBe(true);
    expect(looksLikeStory('export.json', '{"format":"conflict-timeline-story","version":1}')).toBe(true);
  });
  it('leaves datasets and other files to the importer', () => {
    expect(looksLikeStory('seed.json', '{"title":"Armenia","events":[{"id":"a"}]}')).toBe(false);
    expect(looksLikeStory('events.csv', '"format":"conflict-timeline-story"')).toBe(false);
  });
  it('reads only the start of a file', async () => {
    const big = new File([storyToJson(story), ' '.repeat(100_000)], 'mine.json');
    expect(await isStoryFile(big)).toBe(true);
    expect(await isStoryFile(new File(['{"events":[]}'], 'data.json'))).toBe(false);
  });
});

describe('opening a story file', () => {
  it('replaces the story (Undo brings the old one back) and opens the panel', async () => {
    const store = createAppStore();
    store.getState().editStory(() => ({ title: 'Mine', steps: [] }));
    expect(await openStoryFile(store, new File([storyToJson(story)], 'september-2022.story.json'))).toBe(true);
    expect(store.getState().story.title).toBe('September 2022');
    expect(store.getState().storyPanelOpen).toBe(true);
    expect(store.getState().notices.at(-1)?.text).toBe('Opened the story september-2022.story.json (1 step). Undo brings back the story before it.');
    store.getState().undoStory();
    expect(store.getState().story.title).toBe('Mine');
  });
  it('names the file and the reason when it is not a story, and keeps the story being written', async () => {
    const store = createAppStore();
    store.getState().editStory(() => ({ title: 'Mine', steps: [] }));
    expect(await openStoryFile(store, new File(['{"format":"something-else"}'], 'odd.story.json'))).toBe(false);
    expect(await openStoryFile(store, new File(['{not json'], 'broken.story.json'))).toBe(false);
    expect(store.getState().story.title).toBe('Mine');
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'odd.story.json is not a Conflict Timeline story',
      expect.stringMatching(/^broken\.story\.json is not JSON \(/),
    ]);
  });
});
