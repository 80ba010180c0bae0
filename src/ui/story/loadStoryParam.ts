// Reads the story a link names (`story=`): the story itself, inline (`z1.…`), or the http(s)
// address of a story file, fetched as a data link is (io/fetchDataset: http(s) only, a size limit,
// a timeout, each failure explained with the address).
import { checkDataUrl, fetchDataset, shownUrl } from '../../io/fetchDataset.ts';
import { decodeStoryParam, isInlineStory, storyFromJson } from '../../story/storyCodec.ts';
import type { Story } from '../../story/story.ts';
import type { Messages } from '../../i18n/messages.en.ts';

/** A story file is a few kilobytes; this is room for a hundred long steps, and no more. */
const STORY_FILE_BYTES = 4 * 1048576;

export interface StoryFromLink {
  /** The story, with its good steps; null when none could be read. */
  story: Story | null;
  /** What could not be used (steps left out, a damaged story), for the notice of what a link held that was ignored. */
  ignored: string[];
  /** Why the story file could not be fetched, in the UI's language, for a notice of its own; null when it was. */
  problem: string | null;
}

export const NO_STORY_FROM_LINK: StoryFromLink = { story: null, ignored: [], problem: null };

export async function loadStoryParam(value: string, base: string, t: Messages, fetcher: typeof fetch = fetch): Promise<StoryFromLink> {
  if (isInlineStory(value)) {
    const decoded = decodeStoryParam(value);
    return { story: decoded.ok ? decoded.story : null, ignored: decoded.problems, problem: null };
  }
  const checked = checkDataUrl(value, base);
  if (!checked.ok) return { ...NO_STORY_FROM_LINK, problem: t.storyLinkProblem(checked.problem) };
  const fetched = await fetchDataset(checked.url, { fetcher, limit: STORY_FILE_BYTES });
  if (!fetched.ok) return { ...NO_STORY_FROM_LINK, problem: t.storyLinkProblem(fetched.problem) };
  const decoded = storyFromJson(await fetched.blob.text(), `The story at ${shownUrl(checked.url.href)}`);
  return { story: decoded.ok ? decoded.story : null, ignored: decoded.problems, problem: null };
}
