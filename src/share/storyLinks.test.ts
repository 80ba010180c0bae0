import { describe, expect, it } from 'vitest';
import { addStep, EMPTY_STORY, renameStory, type Story } from '../story/story.ts';
import { decodeStoryParam, isInlineStory, STORY_PARAM_MAX } from '../story/storyCodec.ts';
import { DEFAULT_URL_VIEW } from '../store/url.ts';
import { embedUrlFor } from './links.ts';
import { storyFullViewUrlFor, storyLinkFor } from './storyLinks.ts';

const story: Story = renameStory(
  addStep(addStep(addStep(EMPTY_STORY, 'from=2022-09-12&to=2022-09-16', { caption: 'The **clashes**' }), 'types=ceasefire', { caption: 'Ceasefires' }), 'lanes=actor', {
    caption: 'Who',
    sources: ['https://example.org/report'],
  }),
  'September 2022',
);

/** A story whose captions are random enough not to compress into a link. */
function longStory(): Story {
  let s = EMPTY_STORY;
  let seed = 7;
  const word = () => {
    seed = (seed * 48271) % 2147483647;
    return seed.toString(36);
  };
  for (let i = 0; i < 40; i++) s = addStep(s, `from=2022-09-${10 + (i % 9)}&to=2022-09-20`, { caption: Array.from({ length: 30 }, word).join(' ') });
  return s;
}

describe('links to a story', () => {
  it('a short story goes in the link itself, with the step it opens on and the data and language of the page', () => {
    const link = storyLinkFor('https://ct.example/app/?lang=ar&from=1990&to=2000&embed=1', story, { step: 2, data: 'https://data.example/a.csv' });
    expect(link.ok && link.inline).toBe(true);
    const url = new URL(link.ok ? link.url : '');
    expect(url.origin + url.pathname).toBe('https://ct.example/app/');
    expect([...url.searchParams.keys()]).toEqual(['data', 'lang', 'story', 'step']);
    expect(url.searchParams.get('data')).toBe('https://data.example/a.csv');
    expect(url.searchParams.get('step')).toBe('2');
    const param = url.searchParams.get('story')!;
    expect(isInlineStory(param)).toBe(true);
    const decoded = decodeStoryParam(param);
    expect(decoded.ok && decoded.story.title).toBe('September 2022');
    expect(decoded.ok && decoded.story.steps.map((s) => s.caption)).toEqual(['The **clashes**', 'Ceasefires', 'Who']);
  });

  it('without a step, the link opens the story without presenting it; a step past the end is the last', () => {
    const open = storyLinkFor('https://ct.example/', story, { step: null, data: null });
    expect(open.ok && new URL(open.url).searchParams.has('step')).toBe(false);
    const past = storyLinkFor('https://ct.example/', story, { step: 9, data: null });
    expect(past.ok && new URL(past.url).searchParams.get('step')).toBe('3');
  });

  it('a story too long for a link says so, and names its published file instead when given one', () => {
    const long = longStory();
    expect(storyLinkFor('https://ct.example/', long, { step: 1, data: null })).toEqual({ ok: false, problem: 'too-long' });
    const published = storyLinkFor('https://ct.example/', long, { step: 1, data: null, storyUrl: ' https://files.example/story.json ' });
    expect(published).toEqual({ ok: true, inline: false, url: 'https://ct.example/?story=https%3A%2F%2Ffiles.example%2Fstory.json&step=1' });
    expect(published.ok && published.url.length).toBeLessThan(STORY_PARAM_MAX);
  });

  it('a story with no steps has no link', () => {
    expect(storyLinkFor('https://ct.example/', EMPTY_STORY, { step: 1, data: null })).toEqual({ ok: false, problem: 'no-steps' });
  });

  it('the embed of a story is the story link with embed=1: the story and its first step', () => {
    const link = storyLinkFor('https://ct.example/', story, { step: 1, data: null, source: 'http://127.0.0.1:8787/' });
    const embed = new URL(embedUrlFor(link.ok ? link.url : '', { title: null, height: null, controls: true, theme: 'light' }));
    expect(embed.searchParams.get('embed')).toBe('1');
    expect(embed.searchParams.get('source')).toBe('http://127.0.0.1:8787/');
    expect(embed.searchParams.get('step')).toBe('1');
    expect(decodeStoryParam(embed.searchParams.get('story')!).ok).toBe(true);
  });

  it('from a story’s embed, the full view presents the step the reader is on', () => {
    const embed = 'https://ct.example/?embed=1&title=T&lang=ar&story=z1.abc&step=1';
    const full = new URL(storyFullViewUrlFor(embed, DEFAULT_URL_VIEW, 2));
    expect(full.searchParams.get('story')).toBe('z1.abc');
    expect(full.searchParams.get('step')).toBe('3');
    expect(full.searchParams.get('lang')).toBe('ar');
    expect(full.searchParams.has('embed')).toBe(false);
    expect(new URL(storyFullViewUrlFor('https://ct.example/?embed=1&from=2022-01-01&to=2022-02-01', DEFAULT_URL_VIEW, null)).search).toBe('');
  });
});
