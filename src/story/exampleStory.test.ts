// The example story the app ships (public/stories/): every step applies to the bundled data whole.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import { createAppStore } from '../store/store.ts';
import { stepViewOf } from '../store/stepView.ts';
import { storyFromJson } from './storyCodec.ts';
import { visibleRows } from '../store/derived.ts';

describe('the example story of September 2022', () => {
  const text = readFileSync(new URL('../../public/stories/september-2022.story.json', import.meta.url), 'utf8');
  const decoded = storyFromJson(text, 'september-2022.story.json');
  const result = validateDataset(seed);
  if (!result.ok) throw new Error('the seed is not valid');
  const store = createAppStore({ dataset: result.dataset });

  it('is a story of five steps, read without a problem', () => {
    expect(decoded.ok && decoded.story.steps).toHaveLength(5);
    expect(decoded.problems).toEqual([]);
  });

  it('has steps whose views apply to the seed with nothing ignored, each showing events', () => {
    if (!decoded.ok) throw new Error('not read');
    for (const step of decoded.story.steps) {
      const { view, ignored } = stepViewOf(store, step.view);
      expect(ignored, step.view).toEqual([]);
      store.getState().applyUrlView(view);
      expect(visibleRows(store.getState()).length, step.view).toBeGreaterThan(0);
    }
  });
});
