// The `step` URL parameter: which step of the story a link presents, counted from 1 as readers
// count. Reading it has two parts: the text alone (at once), and the step against the story (once
// the story is in, which may come from a file elsewhere). Each refusal says why, for the notice.
import type { Story } from './story.ts';
import { readableQuery } from '../model/links.ts';

/** Longest step number worth reading: a story has at most a hundred steps. */
const STEP_DIGITS = /^\d{1,6}$/;

const quote = (v: string) => `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;

/** Reads `step=N` (1-based); a reason when it is not a step number. */
export function parseStepParam(text: string): { step: number } | { problem: string } {
  const trimmed = text.trim();
  if (!STEP_DIGITS.test(trimmed)) return { problem: `step ${quote(text)} is not a step number (1, 2, 3…)` };
  const step = Number(trimmed);
  if (step < 1) return { problem: `step ${quote(text)} is not a step number (steps count from 1)` };
  return { step };
}

/** The step's index in the story (0-based), or why the link's step cannot be shown. */
export function stepIndexIn(step: number, story: Story | null): { index: number } | { problem: string } {
  if (!story) return { problem: `step ${step} was not shown: the link has no story that could be opened` };
  if (story.steps.length === 0) return { problem: `step ${step} was not shown: the story has no steps` };
  if (step > story.steps.length) {
    const n = story.steps.length;
    return { problem: `step ${step} is past the story's last step (it has ${n} step${n === 1 ? '' : 's'})` };
  }
  return { index: step - 1 };
}

/**
 * The address with page parameters set (a value) or taken out (null), the others as they were:
 * `step=` of the step presented, `story=` of the story the address holds.
 */
export function searchWithParams(search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = readableQuery(params.toString());
  return query ? `?${query}` : '';
}
