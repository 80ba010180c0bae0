import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages.en.ts';
import { addStep, EMPTY_STORY, renameStory } from '../../story/story.ts';
import { encodeStoryParam, storyToJson } from '../../story/storyCodec.ts';
import { loadStoryParam } from './loadStoryParam.ts';

const story = renameStory(addStep(addStep(EMPTY_STORY, 'from=2022-09-12&to=2022-09-16', { caption: 'One' }), 'types=clash', { caption: 'Two' }), 'Clashes');
const BASE = 'https://ct.example/';

/** A fetch that answers every address with `body` (and the status), remembering what it was asked. */
function answering(body: string, status = 200) {
  const asked: { url: string; init?: RequestInit }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    return new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' });
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('the story a link names', () => {
  it('inline: the story itself, without asking any server', async () => {
    const { fetcher, asked } = answering('');
    const read = await loadStoryParam(encodeStoryParam(story)!, BASE, en, fetcher);
    expect(read.story?.title).toBe('Clashes');
    expect(read.story?.steps.map((s) => s.caption)).toEqual(['One', 'Two']);
    expect(read).toMatchObject({ ignored: [], problem: null });
    expect(asked).toEqual([]);
  });

  it('inline but damaged: no story, and the reason for the notice', async () => {
    const read = await loadStoryParam('z1.!!!', BASE, en);
    expect(read).toEqual({ story: null, ignored: ['The story in the link is damaged (it is not in the form the app writes)'], problem: null });
  });

  it('an http(s) address: the story file fetched without credentials, its bad steps named and left out', async () => {
    const file = JSON.parse(storyToJson(story));
    file.steps.push({ caption: 'no view' });
    const { fetcher, asked } = answering(JSON.stringify(file));
    const read = await loadStoryParam('https://files.example/story.json', BASE, en, fetcher);
    expect(read.story?.steps).toHaveLength(2);
    expect(read.ignored).toEqual(['The story at https://files.example/story.json: step 3 was left out (view: Invalid input: expected string, received undefined)']);
    expect(asked[0]!.url).toBe('https://files.example/story.json');
    expect(asked[0]!.init?.credentials).toBe('omit');
  });

  it('refuses other schemes without fetching, and explains a failed fetch with the address', async () => {
    const { fetcher, asked } = answering('');
    expect(await loadStoryParam('javascript:alert(1)', BASE, en, fetcher)).toEqual({
      story: null,
      ignored: [],
      problem: 'The story link "javascript:alert(1)" is not an http(s) URL, so it was not opened.',
    });
    expect((await loadStoryParam('file:///etc/passwd', BASE, en, fetcher)).problem).toMatch(/is not an http\(s\) URL/);
    expect(asked).toEqual([]);
    const missing = await loadStoryParam('https://files.example/gone.json', BASE, en, answering('nope', 404).fetcher);
    expect(missing.problem).toBe('The story at https://files.example/gone.json could not be loaded: the server answered 404 Not Found.');
    const notStory = await loadStoryParam('https://files.example/data.json', BASE, en, answering('{"events": []}').fetcher);
    expect(notStory).toEqual({ story: null, ignored: ['The story at https://files.example/data.json is not a Conflict Timeline story'], problem: null });
  });
});
