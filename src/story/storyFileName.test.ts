import { describe, expect, it } from 'vitest';
import { storyFileName } from './storyFileName.ts';

describe('a saved story’s file name', () => {
  it('is the title in lower case, words joined by hyphens, ending .story.json', () => {
    expect(storyFileName('September 2022')).toBe('september-2022.story.json');
    expect(storyFileName('  Armenia–Azerbaijan: the September 2022 clashes!  ')).toBe('armenia-azerbaijan-the-september-2022-clashes.story.json');
  });
  it('keeps Arabic letters and drops characters a file system refuses', () => {
    expect(storyFileName('اشتباكات أيلول 2022')).toBe('اشتباكات-أيلول-2022.story.json');
    expect(storyFileName('a/b\\c:d*e?"f<g>h|i')).toBe('a-b-c-d-e-f-g-h-i.story.json');
    expect(storyFileName('\u202Eevil\u202C txt')).toBe('evil-txt.story.json');
  });
  it('is "story" when the title has no letters or digits', () => {
    expect(storyFileName('')).toBe('story.story.json');
    expect(storyFileName(' — ')).toBe('story.story.json');
  });
  it('stays short for a long title, without a trailing hyphen', () => {
    const name = storyFileName(`${'word '.repeat(40)}end`);
    expect(name.length).toBeLessThanOrEqual(80 + '.story.json'.length);
    expect(name).toMatch(/^word(-word)*\.story\.json$/);
  });
});
