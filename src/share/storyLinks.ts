// Links to a story: to one of its steps (a permalink the presenter opens at that step), and from a
// story's embed back to the full app at the step the reader is on. Pure: the page's address, the
// story and where the data lives come in as arguments.
import { DEFAULT_URL_VIEW, type UrlView } from '../store/url.ts';
import { encodeStoryParam } from '../story/storyCodec.ts';
import type { Story } from '../story/story.ts';
import { fullViewUrlFor, permalinkFor } from './links.ts';
import { readableQuery } from '../model/links.ts';

export interface StoryLinkOptions {
  /** The step the link presents, counted from 1; null: the link opens the story without presenting it. */
  step: number | null;
  /** The data link the story's views are of (null: the bundled data). */
  data: string | null;
  /** The data server, instead of a data link. */
  source?: string | null;
  /** The http(s) address where the story's file is published: the link names it instead of holding the story. */
  storyUrl?: string | null;
}

/**
 * A link, or why there is none: `too-long` when the story does not fit in a link (save it as a file,
 * publish it and give its address as `storyUrl`), `no-steps` when there is nothing to present.
 */
export type StoryLink = { ok: true; url: string; inline: boolean } | { ok: false; problem: 'too-long' | 'no-steps' };

/** The story at `href`'s address, presenting `step`: `?data=…&lang=…&story=z1.…&step=2`. */
export function storyLinkFor(href: string, story: Story, options: StoryLinkOptions): StoryLink {
  if (story.steps.length === 0) return { ok: false, problem: 'no-steps' };
  const published = options.storyUrl?.trim() || null;
  const param = published ?? encodeStoryParam(story);
  if (param === null) return { ok: false, problem: 'too-long' };
  // No view in the link: the presenter shows the step's own view, so the link stays as short as it can.
  const url = new URL(permalinkFor(href, DEFAULT_URL_VIEW, options.data, options.source ?? null));
  url.searchParams.set('story', param);
  if (options.step !== null) url.searchParams.set('step', String(Math.max(1, Math.min(story.steps.length, Math.round(options.step)))));
  return { ok: true, url: url.href, inline: published === null };
}

/**
 * From inside a story's embed: the full app presenting the step the reader is on (`index`, 0-based;
 * null: not presenting), with the story the embed was given, else the plain full view.
 */
export function storyFullViewUrlFor(embedHref: string, view: UrlView, index: number | null): string {
  const full = fullViewUrlFor(embedHref, view);
  const story = new URL(embedHref).searchParams.get('story');
  if (!story) return full;
  const url = new URL(full);
  url.searchParams.set('story', story);
  if (index !== null) url.searchParams.set('step', String(index + 1));
  return readableQuery(url.href);
}
