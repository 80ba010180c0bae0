import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from '../store/store.ts';
import { ARABIC, ENGLISH } from '../i18n/locale.ts';
import { hostileDataset, XSS_PAYLOADS } from '../testing/hostileText.ts';
import { hostileStory, septemberStory } from '../testing/storyFixture.ts';
import { cspHash, escapeHtml, inlineScriptText, inlineStyleText, jsonScriptText } from './htmlText.ts';
import { captionHtml, sourceHtml } from './captionHtml.ts';
import { inlineSvg, storyHtml, type StoryHtmlInput } from './storyHtml.ts';
import { writeStoryFile } from './storyFile.ts';
import { storyStepViews } from './storyData.ts';
import { readStoryViewerData } from '../ui/story/storyViewerData.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const measure = (text: string, size: number) => text.length * size * 0.55;
const now = new Date(Date.UTC(2026, 10, 25));
const VIEWER = { js: 'document.title = "</script><script>alert(1)</script>"; const re = /<!--x/u; window.viewerRan = re.test("<!--x");', css: '.a::after { content: "</style><script>"; }' };

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Style elements are raw text: what they hold is no tag. */
const withoutStyles = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');

/** Each element of `html` outside its script blocks: name and attributes (text is escaped, so every `<` there is a tag). */
function tags(html: string): { name: string; attrs: Record<string, string> }[] {
  const body = withoutStyles(html).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  return [...body.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attrs: Object.fromEntries([...m[2]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2] ?? ''])),
  }));
}

const scriptBlocks = (html: string) => [...withoutStyles(html).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, text: m[2]! }));
const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';

function input(patch: Partial<StoryHtmlInput> = {}): StoryHtmlInput {
  const story = septemberStory();
  return {
    title: story.title,
    lang: 'en',
    dir: 'ltr',
    locale: 'en-GB',
    story,
    steps: story.steps.map((s) => ({ caption: s.caption, sources: s.sources, svg: '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="plot"><rect/></clipPath></defs><g clip-path="url(#plot)"/></svg>\n' })),
    dataset,
    dataNote: 'This file holds all 16 events loaded when it was exported.',
    exported: 'Exported 25 Nov 2026 from Conflict Timeline',
    viewer: VIEWER,
    words: ENGLISH.t,
    ...patch,
  };
}

describe('escaping for the story file', () => {
  it('escapes text and attribute values, so that no text becomes markup', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });

  it('writes JSON that no text in it can close: "</script>" and "<!--" come out as \\u003c and read back the same', () => {
    const value = { title: '</script><script>window.__xss=1</script>', note: '<!-- <script>', ok: 'a > b & c' };
    const text = jsonScriptText(value);
    expect(text).not.toMatch(/<\/script|<!--|</i);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('inlines a script so that "</script" and "<!--" in its strings and regular expressions cannot end it, and it runs the same', () => {
    const text = inlineScriptText(VIEWER.js);
    expect(text).not.toMatch(/<\/script|<!--/i);
    const run = (js: string) => {
      const window: Record<string, unknown> = {};
      const document = { title: '' };
      new Function('window', 'document', js)(window, document);
      return [document.title, window.viewerRan];
    };
    expect(run(text)).toEqual(run(VIEWER.js));
    expect(run(text)).toEqual(['</script><script>alert(1)</script>', true]);
  });

  it('inlines a stylesheet so that "</style" cannot end it', () => {
    expect(inlineStyleText(VIEWER.css)).not.toMatch(/<\/style/i);
  });

  it('gives the CSP source of a text: its sha256 in base64', async () => {
    expect(await cspHash('alert(1)')).toBe(sha256('alert(1)'));
    expect(await cspHash('نص')).toBe(sha256('نص'));
  });
});

describe('captions and sources in the story file', () => {
  it('writes paragraphs, bold, italic and links, with the text escaped', () => {
    expect(captionHtml('Fighting near **Goris** & *Jermuk* <b>not bold</b>\n\n[Read](https://example.org/?a=1&b=2)')).toBe(
      '<p dir="auto">Fighting near <strong>Goris</strong> &amp; <em>Jermuk</em> &lt;b&gt;not bold&lt;/b&gt;</p>' +
        '<p dir="auto"><a href="https://example.org/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Read</a></p>',
    );
  });

  it('turns no script payload into markup: every payload is text, and links go only to http(s) or mailto', () => {
    for (const payload of [...XSS_PAYLOADS, '[x](javascript:alert(1))', '[x](data:text/html,hi)', '<a href="javascript:alert(1)">y</a>']) {
      const html = captionHtml(payload);
      for (const tag of tags(html)) {
        expect(['p', 'strong', 'em', 'br', 'a']).toContain(tag.name);
        expect(Object.keys(tag.attrs).filter((a) => !['dir', 'href', 'target', 'rel'].includes(a))).toEqual([]);
        if (tag.name === 'a') expect(tag.attrs.href).toMatch(/^(https?:|mailto:)/);
      }
    }
  });

  it('makes a source a link only when it is an http(s) or mailto address', () => {
    expect(sourceHtml('https://example.org/a?b=<c>')).toBe('<a href="https://example.org/a?b=&lt;c&gt;" target="_blank" rel="noopener noreferrer" dir="auto">https://example.org/a?b=&lt;c&gt;</a>');
    expect(sourceHtml('mailto:desk@example.org')).toMatch(/^<a href="mailto:desk@example.org"/);
    for (const hostile of ['javascript:window.__xss=1', 'data:text/html,<script>x</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
      expect(sourceHtml(hostile)).toBe(`<span dir="auto">${escapeHtml(hostile)}</span>`);
    }
  });
});

describe('the story file (storyHtml)', () => {
  it('has one section per step, with its number, caption, sources and picture, in the UI language and direction', async () => {
    const html = await storyHtml(input());
    expect(html.startsWith('<!doctype html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(html).toContain('<title>The September 2022 border clashes</title>');
    const steps = [...html.matchAll(/<article class="step" id="step-(\d+)"/g)].map((m) => m[1]);
    expect(steps).toEqual(['1', '2', '3', '4', '5']);
    expect(html).toContain('<h3 id="step-2-heading">Step 2 of 5 <span class="step-of" dir="auto">· The September 2022 border clashes</span></h3>');
    expect(html).toContain('<p dir="auto">Fighting breaks out along the border on <strong>13 September</strong>, near <em>Goris</em> and <em>Jermuk</em>.</p>');
    expect(html).toContain('<li><span dir="auto">Armenian Ministry of Defence statement, 14 September 2022</span></li>');
    expect(html.match(/<figure class="step-picture"><svg/g)).toHaveLength(5);
    expect(html).toContain('@media print');
    expect(html).toMatch(/\.step \{[^}]*break-after: page/);
  });

  it('gives each step’s picture ids of its own, so that one step’s clip path is never another’s', async () => {
    expect(inlineSvg(input().steps[0]!.svg!, 'step1-')).toBe('<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="step1-plot"><rect/></clipPath></defs><g clip-path="url(#step1-plot)"/></svg>');
    const html = await storyHtml(input());
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('allows by its CSP only the inlined script and styles, by their sha256, and nothing from anywhere', async () => {
    const html = await storyHtml(input());
    const csp = cspOf(html);
    const scripts = scriptBlocks(html);
    const code = scripts.filter((s) => !s.attrs.includes('application/json'));
    expect(code).toHaveLength(1);
    expect(code[0]!.attrs).toBe(' type="module"');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(2);
    expect(csp).toBe(
      [
        "default-src 'none'",
        `script-src ${sha256(code[0]!.text)}`,
        `style-src ${styles.map(sha256).join(' ')}`,
        'img-src data: blob:',
        'font-src data:',
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
    // The meta comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('without the viewer, allows no script at all', async () => {
    const html = await storyHtml(input({ viewer: null }));
    expect(cspOf(html)).toContain("script-src 'none'");
    expect(scriptBlocks(html).every((s) => s.attrs.includes('application/json'))).toBe(true);
    expect(html).not.toContain('id="story-viewer"');
  });

  it('carries the story and its data as JSON blocks that read back as they were, even when their text says "</script>"', async () => {
    const story = hostileStory();
    const html = await storyHtml(input({ story, steps: story.steps.map((s) => ({ ...s, svg: null })) }));
    const blocks = scriptBlocks(html).filter((s) => s.attrs.includes('application/json'));
    expect(blocks.map((b) => b.attrs)).toEqual([' type="application/json" id="story-json"', ' type="application/json" id="story-dataset"']);
    const read = readStoryViewerData(blocks[0]!.text, blocks[1]!.text);
    expect(read.problems).toEqual([]);
    expect(read.story?.steps.map((s) => s.caption)).toEqual(story.steps.map((s) => s.caption));
    expect(read.dataset?.events).toHaveLength(16);
  });

  it('deflates a large data block (base64, no character that can close the block), and the viewer reads it back', async () => {
    const story = septemberStory();
    const many = { ...dataset, events: Array.from({ length: 400 }, (_, i) => dataset.events.map((e) => ({ ...e, id: `${e.id}-${i}`, relations: [] }))).flat() };
    const html = await storyHtml(input({ story, dataset: many, steps: story.steps.map((s) => ({ ...s, svg: null })) }));
    const block = scriptBlocks(html).find((b) => b.attrs.includes('id="story-dataset"'))!;
    expect(block.attrs).toBe(' type="application/octet-stream" id="story-dataset" data-encoding="deflate-base64"');
    expect(block.text).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(block.text.length).toBeLessThan(JSON.stringify(many).length / 3);
    const read = readStoryViewerData(scriptBlocks(html)[0]!.text, block.text, 'deflate-base64');
    expect(read.problems).toEqual([]);
    expect(read.dataset?.events).toHaveLength(6400);
    expect(readStoryViewerData(scriptBlocks(html)[0]!.text, `${block.text.slice(0, 100)}AAAA`, 'deflate-base64').problems).toEqual(['the data block is damaged: it does not decompress']);
  });

  it('turns no hostile caption, source or title into markup: only its own tags and attributes, links only http(s) or mailto', async () => {
    const story = hostileStory();
    const html = await storyHtml(input({ title: story.title, story, steps: story.steps.map((s) => ({ ...s, svg: null })) }));
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'p', 'div', 'noscript', 'section', 'h2', 'article', 'h3', 'span', 'strong', 'em', 'br', 'a', 'h4', 'ul', 'li']);
    for (const tag of tags(html)) {
      expect(allowed.has(tag.name), tag.name).toBe(true);
      expect(Object.keys(tag.attrs).filter((a) => a.startsWith('on'))).toEqual([]);
      if (tag.name === 'a') expect(tag.attrs.href).toMatch(/^(https?:\/\/|mailto:)/);
    }
    expect(html).toContain(`<h1 dir="auto">${escapeHtml(story.title)}</h1>`);
  });

  it('in Arabic, is right to left with Arabic words and numerals', async () => {
    const html = await storyHtml(input({ lang: 'ar', dir: 'rtl', locale: 'ar', words: ARABIC.t }));
    expect(html.startsWith('<!doctype html>\n<html lang="ar" dir="rtl">')).toBe(true);
    const digit = new Intl.NumberFormat('ar');
    expect(html).toContain(`الخطوة ${digit.format(2)} من ${digit.format(5)}`);
    expect(html).toContain('<h2 id="story-steps-heading">كل الخطوات</h2>');
  });
});

describe('a story file from the store (writeStoryFile)', () => {
  const store = () => {
    const s = createAppStore({ dataset });
    s.getState().openStory(septemberStory());
    return s;
  };
  const options = { ui: ENGLISH, measure, now, viewer: VIEWER, permalinkOf: () => null };

  it('draws each step’s view as the SVG export does, and carries all 16 events of the seed', async () => {
    const file = await writeStoryFile(store(), options);
    expect(file.fileName).toBe('the-september-2022-border-clashes.story.html');
    expect(file).toMatchObject({ events: 16, scope: 'all' });
    const pictures = [...file.html.matchAll(/<figure class="step-picture">([\s\S]*?)<\/figure>/g)].map((m) => m[1]!);
    expect(pictures).toHaveLength(5);
    // Step 1 shows the clashes from 12 Sept 12:00 to 16 Sept, with the filter in words.
    expect(pictures[0]).toMatch(/class="summary">12 Sept 2022[^<]*showing 1 of 16 events</);
    expect(pictures[0]).toContain('>Filters: Type: Clash</text>');
    expect(pictures[1]).toContain('>Filters: Type: Ceasefire</text>');
    expect(pictures[3]).toMatch(/>Protest</);
    const data = readStoryViewerData(/id="story-json">([^<]*)</.exec(file.html)![1]!, /id="story-dataset">([^<]*)</.exec(file.html)![1]!);
    expect(data.dataset?.events).toHaveLength(16);
    expect(data.dataset?.description).toBe('This file holds all 16 events loaded when it was exported.');
    expect(data.story?.steps.map((s) => s.view)).toEqual(septemberStory().steps.map((s) => s.view));
  });

  it('above the cap, carries only the events the steps show: those passing each step’s filters in its window, and its selected event', async () => {
    const s = store();
    const file = await writeStoryFile(s, { ...options, cap: 5 });
    expect(file.scope).toBe('steps');
    const data = readStoryViewerData(/id="story-json">([^<]*)</.exec(file.html)![1]!, /id="story-dataset">([^<]*)</.exec(file.html)![1]!);
    const ids = data.dataset!.events.map((e) => e.id).sort();
    // Every event a step shows on the loaded data, and nothing else (no 1994 or 2020 event).
    const shown = new Set<string>();
    const state = s.getState();
    for (const { view } of storyStepViews(s, state.story)) {
      for (const e of dataset.events) {
        const row = state.table.rowOfId.get(e.id)!;
        const inWindow = state.table.start[row]! <= view.window.to && state.table.end[row]! >= view.window.from;
        if (inWindow && view.filters.types.includes(e.type as never)) shown.add(e.id);
      }
    }
    shown.add('2022-09-13-russian-ceasefire');
    expect(ids).toEqual([...shown].sort());
    expect(ids.some((id) => id.startsWith('1994') || id.startsWith('2020'))).toBe(false);
    expect(file.events).toBe(ids.length);
    expect(data.dataset?.description).toBe(`This file holds the ${ids.length} events the steps show (those passing each step’s filters in its window), of 16 loaded when it was exported.`);
  });

  it('writes the window a step without one showed, since the file’s data may have another extent', async () => {
    const s = store();
    s.getState().openStory({ title: '', steps: [{ id: 's1', view: 'types=clash', caption: 'All the clashes', sources: [] }] });
    const file = await writeStoryFile(s, { ...options, cap: 1 });
    const data = readStoryViewerData(/id="story-json">([^<]*)</.exec(file.html)![1]!, /id="story-dataset">([^<]*)</.exec(file.html)![1]!);
    expect(data.story?.steps[0]?.view).toMatch(/^from=\d{4}-\d\d-\d\d[^&]*&to=[^&]+&types=clash$/);
    // A story without a title takes the data's.
    expect(data.story?.title).toBe(dataset.title);
    expect(file.fileName).toBe('armenia-azerbaijan-border-clashes-september-2022.story.html');
  });
});

describe('a story file of hostile data and hostile captions', () => {
  it('holds every payload as text: in the pictures, the captions and the data block, only its own tags and no handler', async () => {
    const hostile = validateDataset(hostileDataset());
    if (!hostile.ok) throw new Error('the hostile dataset is not valid');
    const store = createAppStore({ dataset: hostile.dataset });
    store.getState().openStory(hostileStory());
    const file = await writeStoryFile(store, { ui: ENGLISH, measure, now, viewer: VIEWER, permalinkOf: () => 'https://example.org/?q=<script>' });
    const svgTags = new Set(['svg', 'title', 'defs', 'clippath', 'rect', 'g', 'text', 'line', 'path', 'circle']);
    const htmlTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'p', 'div', 'noscript', 'section', 'h2', 'article', 'h3', 'span', 'strong', 'em', 'br', 'a', 'h4', 'ul', 'li', 'figure']);
    for (const tag of tags(file.html)) {
      expect(htmlTags.has(tag.name) || svgTags.has(tag.name), tag.name).toBe(true);
      expect(Object.keys(tag.attrs).filter((a) => a.startsWith('on'))).toEqual([]);
      if (tag.name === 'a') expect(tag.attrs.href).toMatch(/^(https?:\/\/|mailto:)/);
    }
    const blocks = scriptBlocks(file.html).filter((b) => b.attrs.includes('application/json'));
    const read = readStoryViewerData(blocks[0]!.text, blocks[1]!.text);
    expect(read.problems).toEqual([]);
    expect(read.dataset?.events.map((e) => e.title.en)).toEqual(expect.arrayContaining([XSS_PAYLOADS[0], XSS_PAYLOADS[4]]));
  });
});

describe('the viewer reading its file', () => {
  it('names what it cannot read, and uses the good parts', () => {
    const story = JSON.stringify({ format: 'conflict-timeline-story', version: 1, title: 'T', steps: [{ view: 'from=2022-09-13', caption: 'ok' }, { view: 7 }] });
    const read = readStoryViewerData(story, '{"title": "x", "events": "none"}');
    expect(read.story?.steps).toHaveLength(1);
    expect(read.dataset).toBeNull();
    expect(read.problems[0]).toMatch(/^the story block: step 2 was left out \(view: /);
    expect(read.problems[1]).toMatch(/^the data block is not a valid dataset \(\d+ problems\): /);
    expect(readStoryViewerData(null, 'not json').problems).toEqual(['the story block is missing', expect.stringMatching(/^the data block is not JSON \(/)]);
  });
});
