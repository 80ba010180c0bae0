import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { addStep, renameStory, type Story } from '../../story/story.ts';
import { decodeStoryValue, storyFile, type DecodedStory } from '../../story/storyCodec.ts';
import type { KeptStory } from '../../storage/keptStory.ts';
import { keepStoryEdits, restoreKeptStory } from './keepStory.ts';

/** An in-memory KeptStory: what IndexedDB would hold, as the file form, checked on the way back. */
function memoryKept(initial: unknown = null, failing: Error | null = null) {
  let held: unknown = initial;
  const saves: Story[] = [];
  const kept: KeptStory = {
    load: async (): Promise<DecodedStory | null> => (held === null ? null : decodeStoryValue(held, 'The story kept in this browser')),
    save: async (story) => {
      if (failing) throw failing;
      saves.push(story);
      held = storyFile(story);
    },
  };
  return { kept, saves, held: () => held };
}

const twoSteps: Story = { title: 'September 2022', steps: [{ id: 's1', view: 'types=clash', caption: '**Clashes**', sources: [] }, { id: 's2', view: 'q=Yerevan', caption: '', sources: ['https://example.org/a'] }] };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('keeping the story in this browser', () => {
  it('brings back the kept story at start-up, not as an edit that Undo would take away', async () => {
    const store = createAppStore();
    const { kept } = memoryKept(storyFile(twoSteps));
    await restoreKeptStory(store, kept, 100);
    expect(store.getState().story.title).toBe('September 2022');
    expect(store.getState().story.steps.map((s) => s.caption)).toEqual(['**Clashes**', '']);
    expect(store.getState().storyPast).toEqual([]);
    expect(store.getState().storyKept).toBe('kept');
  });

  it('keeps a burst of edits once, a moment after the last', async () => {
    const store = createAppStore();
    const memory = memoryKept();
    await restoreKeptStory(store, memory.kept, 100);
    store.getState().editStory((s) => addStep(s, 'types=clash'));
    store.getState().editStory((s) => addStep(s, 'types=ceasefire'));
    vi.advanceTimersByTime(50);
    store.getState().editStory((s) => renameStory(s, 'Title'));
    expect(memory.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(memory.saves).toHaveLength(1);
    expect(memory.held()).toMatchObject({ format: 'conflict-timeline-story', title: 'Title', steps: [{ view: 'types=clash' }, { view: 'types=ceasefire' }] });
  });

  it('keeps a long burst as it goes: edits a moment apart wait four moments at most', async () => {
    const store = createAppStore();
    const memory = memoryKept();
    await restoreKeptStory(store, memory.kept, 100);
    for (let k = 0; k < 10; k++) {
      store.getState().editStory((s) => addStep(s, `types=clash&k=${k}`));
      await vi.advanceTimersByTimeAsync(60);
    }
    // 600 ms of edits 60 ms apart: kept at 400 ms, then again once they stop.
    expect(memory.saves.map((story) => story.steps.length)).toEqual([7]);
    await vi.advanceTimersByTimeAsync(100);
    expect(memory.saves.map((story) => story.steps.length)).toEqual([7, 10]);
  });

  it('writes what is pending when it stops (the page is left)', async () => {
    const store = createAppStore();
    const memory = memoryKept();
    const stop = keepStoryEdits(store, memory.kept, 10_000, null);
    store.getState().editStory((s) => addStep(s, 'types=clash'));
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(memory.saves).toHaveLength(1);
  });

  it('does not replace a story the user began before the kept one was read', async () => {
    const store = createAppStore();
    store.getState().editStory((s) => addStep(s, 'types=protest'));
    await restoreKeptStory(store, memoryKept(storyFile(twoSteps)).kept, 100);
    expect(store.getState().story.steps.map((s) => s.view)).toEqual(['types=protest']);
  });

  it('says which kept steps were bad, and brings back the good ones', async () => {
    const store = createAppStore();
    const file = { ...storyFile(twoSteps), steps: [{ view: 'types=clash' }, { caption: 'no view' }] };
    await restoreKeptStory(store, memoryKept(file).kept, 100);
    expect(store.getState().story.steps).toHaveLength(1);
    expect(store.getState().notices.map((n) => n.text)).toEqual([expect.stringMatching(/^The story kept in this browser: step 2 was left out/)]);
  });

  it('where the browser cannot keep it, says so in the panel (no notice) and the story still works', async () => {
    const store = createAppStore();
    await restoreKeptStory(store, null);
    expect(store.getState().storyKept).toBe('unavailable');
    store.getState().editStory((s) => addStep(s, 'types=clash'));
    expect(store.getState().story.steps).toHaveLength(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('tells once when keeping fails, then fails quietly', async () => {
    const store = createAppStore();
    const memory = memoryKept(null, new Error('the disk is full'));
    await restoreKeptStory(store, memory.kept, 10);
    store.getState().editStory((s) => addStep(s, 'types=clash'));
    await vi.advanceTimersByTimeAsync(20);
    store.getState().editStory((s) => addStep(s, 'types=protest'));
    await vi.advanceTimersByTimeAsync(20);
    expect(store.getState().storyKept).toBe('unavailable');
    expect(store.getState().notices.map((n) => n.text)).toEqual(['The story could not be kept in this browser (the disk is full): save it as a file to keep it.']);
  });
});
