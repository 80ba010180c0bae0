import { describe, expect, it } from 'vitest';
import { sourcesOf } from './StepEditor.tsx';
import { STORY_LIMITS } from '../../story/story.ts';

describe('a step’s sources as typed, one per line', () => {
  it('drops blank lines and trims each source', () => {
    expect(sourcesOf('  https://example.org/a \n\n\tTASS, 13 Sep 2022\n  \n')).toEqual(['https://example.org/a', 'TASS, 13 Sep 2022']);
    expect(sourcesOf('')).toEqual([]);
  });
  it('keeps no more sources, and no longer ones, than a story file may hold', () => {
    const many = Array.from({ length: 30 }, (_, i) => `source ${i}`).join('\n');
    expect(sourcesOf(many)).toHaveLength(STORY_LIMITS.sources);
    expect(sourcesOf('x'.repeat(900))[0]).toHaveLength(STORY_LIMITS.source);
  });
});
