// The name a saved story gets: its title in lower case with hyphens, then `.story.json`, so that
// the file says what it is and opens as a story when dropped on the page.

/** The ending every saved story has. */
export const STORY_FILE_SUFFIX = '.story.json';

/** Longest name part, so that a long title still gives a file name every system accepts. */
const MAX_NAME = 80;

/** "September 2022: the clashes" → `september-2022-the-clashes.story.json`; no title → `story.story.json`. */
export function storyFileName(title: string): string {
  const words = title
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    // Letters (any script), digits and marks stay; everything else separates words.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = Array.from(words).slice(0, MAX_NAME).join('').replace(/-+$/, '');
  return `${cut || 'story'}${STORY_FILE_SUFFIX}`;
}
