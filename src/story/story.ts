// A story: an ordered list of steps, each a view of the data (as the permalink writes it) with a
// caption and the sources it rests on. Every edit is a pure function that returns a new story and
// leaves its input as it was, so the undo history is a list of earlier values.

/** One step: the view as its query string (`from=…&to=…&types=…`, as encodeUrl writes it), with words. */
export interface StoryStep {
  /** Stable across reordering, so that React and the undo history can tell steps apart. */
  id: string;
  /** The view: time window, filters, lanes, selection and map, as the URL writes them. */
  view: string;
  /** Short formatted text (paragraphs, **bold**, *italic*, [links](https://…)); never HTML. */
  caption: string;
  /** Links or citations the step rests on. */
  sources: string[];
}

export interface Story {
  title: string;
  steps: StoryStep[];
}

export const EMPTY_STORY: Story = { title: '', steps: [] };

/** Limits that keep a story a story (and a file or link from one a bad actor wrote small enough to show). */
export const STORY_LIMITS = { steps: 100, title: 200, caption: 4000, sources: 20, source: 500, view: 4000 } as const;

/** A step id unique within `story`: `s1`, `s2`… */
export function nextStepId(story: Story): string {
  let n = story.steps.length + 1;
  const taken = new Set(story.steps.map((s) => s.id));
  while (taken.has(`s${n}`)) n++;
  return `s${n}`;
}

/** Adds a step showing `view` after `after` (an index), or at the end. */
export function addStep(story: Story, view: string, options: { caption?: string; sources?: string[]; after?: number } = {}): Story {
  if (story.steps.length >= STORY_LIMITS.steps) return story;
  const step: StoryStep = { id: nextStepId(story), view, caption: options.caption ?? '', sources: options.sources ?? [] };
  const at = options.after === undefined ? story.steps.length : Math.max(0, Math.min(story.steps.length, options.after + 1));
  return { ...story, steps: [...story.steps.slice(0, at), step, ...story.steps.slice(at)] };
}

/** Changes a step's caption, sources or view; the same story when nothing changed. */
export function updateStep(story: Story, index: number, patch: Partial<Omit<StoryStep, 'id'>>): Story {
  const step = story.steps[index];
  if (!step) return story;
  const next = { ...step, ...patch };
  const same = next.view === step.view && next.caption === step.caption && next.sources.length === step.sources.length && next.sources.every((s, i) => s === step.sources[i]);
  if (same) return story;
  return { ...story, steps: story.steps.map((s, i) => (i === index ? next : s)) };
}

/** Moves the step at `from` to `to` (indices in the story before the move); the same story when it does not move. */
export function moveStep(story: Story, from: number, to: number): Story {
  const n = story.steps.length;
  if (from < 0 || from >= n) return story;
  const target = Math.max(0, Math.min(n - 1, to));
  if (target === from) return story;
  const steps = [...story.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(target, 0, step!);
  return { ...story, steps };
}

/** A copy of the step right after it, with a new id. */
export function duplicateStep(story: Story, index: number): Story {
  const step = story.steps[index];
  if (!step || story.steps.length >= STORY_LIMITS.steps) return story;
  const copy = { ...step, id: nextStepId(story), sources: [...step.sources] };
  return { ...story, steps: [...story.steps.slice(0, index + 1), copy, ...story.steps.slice(index + 1)] };
}

export function deleteStep(story: Story, index: number): Story {
  if (!story.steps[index]) return story;
  return { ...story, steps: story.steps.filter((_, i) => i !== index) };
}

export function renameStory(story: Story, title: string): Story {
  return title === story.title ? story : { ...story, title };
}
