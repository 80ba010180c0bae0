import { describe, expect, it } from 'vitest';
import { addStep, EMPTY_STORY } from './story.ts';
import { parseStepParam, searchWithParams, stepIndexIn } from './stepParam.ts';

const threeSteps = addStep(addStep(addStep(EMPTY_STORY, 'from=2022-09-12&to=2022-09-16'), 'types=clash'), 'lanes=actor');

describe('the step parameter', () => {
  it('reads a step counted from 1', () => {
    expect(parseStepParam('1')).toEqual({ step: 1 });
    expect(parseStepParam(' 3 ')).toEqual({ step: 3 });
  });

  it('refuses what is not a step number, saying why', () => {
    expect(parseStepParam('0')).toEqual({ problem: 'step "0" is not a step number (steps count from 1)' });
    expect(parseStepParam('abc')).toEqual({ problem: 'step "abc" is not a step number (1, 2, 3…)' });
    expect(parseStepParam('2e3')).toEqual({ problem: 'step "2e3" is not a step number (1, 2, 3…)' });
    expect(parseStepParam('9999999')).toEqual({ problem: 'step "9999999" is not a step number (1, 2, 3…)' });
    expect(parseStepParam('<script>'.repeat(10))).toEqual({ problem: `step "${'<script>'.repeat(5)}…" is not a step number (1, 2, 3…)` });
  });

  it('finds the step in the story, or says it is past the last one', () => {
    expect(stepIndexIn(1, threeSteps)).toEqual({ index: 0 });
    expect(stepIndexIn(3, threeSteps)).toEqual({ index: 2 });
    expect(stepIndexIn(99, threeSteps)).toEqual({ problem: "step 99 is past the story's last step (it has 3 steps)" });
    expect(stepIndexIn(2, EMPTY_STORY)).toEqual({ problem: 'step 2 was not shown: the story has no steps' });
    expect(stepIndexIn(2, null)).toEqual({ problem: 'step 2 was not shown: the link has no story that could be opened' });
  });

  it('writes the step presented and the story into the address, and takes them out', () => {
    expect(searchWithParams('?story=z1.abc&from=2022-09-12&to=2022-09-16', { step: '2' })).toBe('?story=z1.abc&from=2022-09-12&to=2022-09-16&step=2');
    expect(searchWithParams('?story=z1.abc&step=2&types=clash,protest', { step: '3' })).toBe('?story=z1.abc&step=3&types=clash,protest');
    expect(searchWithParams('?story=z1.abc&step=3', { step: null })).toBe('?story=z1.abc');
    expect(searchWithParams('?from=2022-09-12&to=2022-09-16', { story: 'z1.new', step: '1' })).toBe('?from=2022-09-12&to=2022-09-16&story=z1.new&step=1');
    expect(searchWithParams('?story=z1.abc&step=3', { story: null, step: null })).toBe('');
  });
});
