import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { addStep, EMPTY_STORY, renameStory, type Story } from './story.ts';
import { decodeStoryParam, encodeStoryParam, isInlineStory, STORY_PARAM_MAX, storyFromJson, storyToJson } from './storyCodec.ts';

const story = (): Story =>
  renameStory(
    addStep(addStep(EMPTY_STORY, 'from=2022-09-12&to=2022-09-14', { caption: 'Clashes at **Goris** and *Jermuk*', sources: ['https://example.org/a'] }), 'types=ceasefire', { caption: 'وقف إطلاق النار' }),
    'September 2022',
  );

describe('story file', () => {
  it('round-trips a story', () => {
    const decoded = storyFromJson(storyToJson(story()), 'story.json');
    expect(decoded).toEqual({ ok: true, story: story(), problems: [] });
  });

  it('refuses what is not a story, naming the file', () => {
    expect(storyFromJson('{"events": []}', 'events.json')).toEqual({ ok: false, problems: ['events.json is not a Conflict Timeline story'] });
    expect(storyFromJson('{', 'x.json')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^x\.json is not JSON/)] });
  });

  it('leaves a bad step out, names it, and keeps the good ones', () => {
    const file = JSON.parse(storyToJson(story()));
    file.steps.splice(1, 0, { view: 42 }, { view: 'q=x', caption: 'y'.repeat(5000) });
    const decoded = storyFromJson(JSON.stringify(file), 'story.json');
    expect(decoded.ok && decoded.story.steps.map((s) => s.view)).toEqual(['from=2022-09-12&to=2022-09-14', 'types=ceasefire']);
    expect(decoded.problems).toEqual([
      expect.stringMatching(/^story\.json: step 2 was left out \(view: /),
      expect.stringMatching(/^story\.json: step 3 was left out \(caption: /),
    ]);
  });
});

describe('story in a link', () => {
  it('round-trips a short story, compressed into URL-safe characters', () => {
    const param = encodeStoryParam(story())!;
    expect(isInlineStory(param)).toBe(true);
    expect(param).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(param.length).toBeLessThanOrEqual(STORY_PARAM_MAX);
    expect(decodeStoryParam(param)).toEqual({ ok: true, story: story(), problems: [] });
  });

  it('gives null for a story too long for a link', () => {
    let long = EMPTY_STORY;
    for (let i = 0; i < 40; i++) long = addStep(long, `q=${i}`, { caption: Array.from({ length: 80 }, (_, j) => `word${(i * 997 + j * 31) % 10007}`).join(' ') });
    expect(encodeStoryParam(long)).toBeNull();
  });

  it('says a damaged or oversized link story is damaged, and never throws', () => {
    expect(decodeStoryParam('z1.!!!')).toMatchObject({ ok: false, problems: [expect.stringContaining('damaged')] });
    expect(decodeStoryParam('z1.AAAA')).toMatchObject({ ok: false });
    const bomb = deflateSync(new Uint8Array(3_000_000).fill(32));
    let binary = '';
    bomb.forEach((b) => (binary += String.fromCharCode(b)));
    const param = `z1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(decodeStoryParam(param)).toEqual({ ok: false, problems: ['The story in the link is larger than a story can be (2 MB)'] });
  });
});
