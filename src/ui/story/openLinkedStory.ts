// Once the data is shown: opens the story a link named and presents the link's step.
import type { AppStore } from '../../store/store.ts';
import type { StoryPresentation } from '../../store/storyPresentation.ts';
import { stepIndexIn } from '../../story/stepParam.ts';
import type { StoryFromLink } from './loadStoryParam.ts';

/**
 * Opens the link's story, and presents its step `step` (counted from 1; an embed shows its first
 * step when the link names none, or one the story does not have). Says why a story file could not
 * be fetched in a notice of its own; gives the rest of what it ignored, for the link's notice.
 */
export function openLinkedStory(store: AppStore, presentation: StoryPresentation, fromLink: StoryFromLink, step: number | null, embed: boolean): string[] {
  const ignored = [...fromLink.ignored];
  if (fromLink.problem) store.getState().addNotice(fromLink.problem);
  const story = fromLink.story;
  if (!story) {
    if (step !== null) {
      const found = stepIndexIn(step, null);
      if ('problem' in found) ignored.push(found.problem);
    }
    return ignored;
  }
  presentation.holdsStory(story);
  store.getState().openStory(story);
  let index: number | null = embed ? 0 : null;
  if (step !== null) {
    const found = stepIndexIn(step, story);
    if ('index' in found) index = found.index;
    else ignored.push(found.problem);
  }
  if (index !== null && story.steps.length > 0) store.getState().present(index);
  return ignored;
}
