import { describe, expect, it } from 'vitest';
import { decodePageOptions, DEFAULT_PAGE_OPTIONS } from './pageOptions.ts';

describe('page options from the URL', () => {
  it('are the full app in the light theme by default', () => {
    expect(decodePageOptions('?from=2022-09-13&to=2022-09-15')).toEqual({ options: DEFAULT_PAGE_OPTIONS, ignored: [] });
  });

  it('read embed, title, height, controls, theme and lang', () => {
    const { options, ignored } = decodePageOptions('?embed=1&title=Border+clashes,+Sept+2022&height=400&controls=0&theme=dark&lang=ar');
    expect(ignored).toEqual([]);
    expect(options).toEqual({ ...DEFAULT_PAGE_OPTIONS, embed: true, title: 'Border clashes, Sept 2022', height: 400, controls: false, theme: 'dark', lang: 'ar' });
  });

  it('ignore hostile or broken values, saying why, and keep the defaults', () => {
    const { options, ignored } = decodePageOptions(
      `?embed=yes&height=100px&controls=2&theme=<script>&title=${'x'.repeat(201)}&lang=fr`,
    );
    expect(options).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(ignored).toEqual([
      'embed "yes" must be 0 or 1',
      'controls "2" must be 0 or 1',
      'title is longer than 200 characters',
      'height "100px" is not a whole number of pixels',
      'theme "<script>" must be "light" or "dark"',
      'lang "fr" must be "en" or "ar"',
    ]);
  });

  it('clamps a height outside the allowed range, and says so', () => {
    expect(decodePageOptions('?height=99999')).toMatchObject({ options: { height: 2000 }, ignored: ['height 99999 is outside 160–2000 px and was set to 2000'] });
    expect(decodePageOptions('?height=10').options.height).toBe(160);
  });

  it('keeps a title as text, whitespace collapsed', () => {
    expect(decodePageOptions('?title=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E%0A%0Aok').options.title).toBe('<img src=x onerror=alert(1)> ok');
  });

  it('read the story a link opens and the step it presents, counted from 1', () => {
    expect(decodePageOptions('?story=z1.abc&step=2')).toEqual({ options: { ...DEFAULT_PAGE_OPTIONS, story: 'z1.abc', step: 2 }, ignored: [] });
    expect(decodePageOptions('?story=https://example.org/story.json').options).toMatchObject({ story: 'https://example.org/story.json', step: null });
  });

  it('name a step that is not a step number, or one without a story, and present none', () => {
    for (const [value, reason] of [
      ['0', 'step "0" is not a step number (steps count from 1)'],
      ['abc', 'step "abc" is not a step number (1, 2, 3…)'],
      ['-1', 'step "-1" is not a step number (1, 2, 3…)'],
      ['1.5', 'step "1.5" is not a step number (1, 2, 3…)'],
      ['', 'step "" is not a step number (1, 2, 3…)'],
    ]) {
      expect(decodePageOptions(`?story=z1.abc&step=${value}`)).toEqual({ options: { ...DEFAULT_PAGE_OPTIONS, story: 'z1.abc' }, ignored: [reason] });
    }
    expect(decodePageOptions('?step=2')).toEqual({ options: DEFAULT_PAGE_OPTIONS, ignored: ['step 2 was not shown: the link has no story (story=)'] });
  });
});
