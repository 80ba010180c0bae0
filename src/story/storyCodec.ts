// A story as a file (JSON) and as a link (`story=` holding the story itself, compressed). Reading
// either checks every field; a bad step is left out and named, and the good steps still load.
import { z } from 'zod';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { STORY_LIMITS, type Story, type StoryStep } from './story.ts';

export const STORY_FORMAT = 'conflict-timeline-story';
export const STORY_VERSION = 1;

/** A story inline in a link starts with this, so that `story=` can also be an http(s) address. */
const INLINE_PREFIX = 'z1.';
/** Longest `story=` value the app writes into a link; a longer story is shared as a file. */
export const STORY_PARAM_MAX = 2000;
/** Longest story JSON a link or file may expand to (bytes): a compressed bomb stops here. */
const MAX_STORY_JSON = 2_000_000;

const stepSchema = z.object({
  view: z.string().max(STORY_LIMITS.view),
  caption: z.string().max(STORY_LIMITS.caption).default(''),
  sources: z.array(z.string().max(STORY_LIMITS.source)).max(STORY_LIMITS.sources).default([]),
});

const fileSchema = z.object({
  format: z.literal(STORY_FORMAT),
  version: z.literal(STORY_VERSION),
  title: z.string().max(STORY_LIMITS.title).default(''),
  steps: z.array(z.unknown()).max(STORY_LIMITS.steps),
});

export interface StoryFile {
  format: typeof STORY_FORMAT;
  version: typeof STORY_VERSION;
  title: string;
  steps: Array<Omit<StoryStep, 'id'>>;
}

export type DecodedStory = { ok: true; story: Story; problems: string[] } | { ok: false; problems: string[] };

export function storyFile(story: Story): StoryFile {
  return { format: STORY_FORMAT, version: STORY_VERSION, title: story.title, steps: story.steps.map(({ view, caption, sources }) => ({ view, caption, sources })) };
}

export function storyToJson(story: Story): string {
  return `${JSON.stringify(storyFile(story), null, 2)}\n`;
}

const pathOf = (path: PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** Checks a parsed story file; `name` is the file or link, for the messages. */
export function decodeStoryValue(value: unknown, name: string): DecodedStory {
  const file = fileSchema.safeParse(value);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    const where = pathOf(issue.path);
    const reason = where === 'format' || where === '' ? 'is not a Conflict Timeline story' : `${where}: ${issue.message}`;
    return { ok: false, problems: [`${name} ${reason}`] };
  }
  const problems: string[] = [];
  const steps: StoryStep[] = [];
  file.data.steps.forEach((raw, index) => {
    const step = stepSchema.safeParse(raw);
    if (!step.success) {
      const issue = step.error.issues[0]!;
      problems.push(`${name}: step ${index + 1} was left out (${pathOf(issue.path) || 'step'}: ${issue.message})`);
      return;
    }
    steps.push({ id: `s${steps.length + 1}`, ...step.data });
  });
  return { ok: true, story: { title: file.data.title, steps }, problems };
}

export function storyFromJson(text: string, name: string): DecodedStory {
  if (text.length > MAX_STORY_JSON) return { ok: false, problems: [`${name} is larger than a story can be (2 MB)`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${name} is not JSON (${(error as Error).message})`] };
  }
  return decodeStoryValue(value, name);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The story as a `story=` value, or null when it is too long for a link (then it goes as a file). */
export function encodeStoryParam(story: Story): string | null {
  const packed = `${INLINE_PREFIX}${toBase64Url(deflateSync(strToU8(JSON.stringify(storyFile(story))), { level: 9 }))}`;
  return packed.length <= STORY_PARAM_MAX ? packed : null;
}

/** Whether a `story=` value holds the story itself (else it should be an http(s) address of a story file). */
export const isInlineStory = (value: string) => value.startsWith(INLINE_PREFIX);

export function decodeStoryParam(value: string): DecodedStory {
  const name = 'The story in the link';
  const bytes = fromBase64Url(value.slice(INLINE_PREFIX.length));
  if (!isInlineStory(value) || !bytes) return { ok: false, problems: [`${name} is damaged (it is not in the form the app writes)`] };
  let json: Uint8Array;
  try {
    json = inflateSync(bytes, { out: new Uint8Array(MAX_STORY_JSON + 1) });
  } catch {
    return { ok: false, problems: [`${name} is damaged (it does not decompress)`] };
  }
  // Output that fills the buffer given to inflate was cut there: the story is too large.
  if (json.length > MAX_STORY_JSON) return { ok: false, problems: [`${name} is larger than a story can be (2 MB)`] };
  return storyFromJson(strFromU8(json), name);
}
