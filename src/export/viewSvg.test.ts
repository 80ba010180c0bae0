import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from '../store/store.ts';
import { LIGHT_THEME } from '../render/theme.ts';
import { ARABIC, ENGLISH } from '../i18n/locale.ts';
import { buildViewSvg } from './viewSvg.ts';
import { exportFileName, viewSvgInput } from './viewExport.ts';
import { escapeXml, serializeSvg, el } from './svgMarkup.ts';
import { fitText, wrapText } from './textFit.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const measure = (text: string, size: number) => text.length * size * 0.55;
const options = { ui: ENGLISH, theme: LIGHT_THEME, measure, now: new Date(Date.UTC(2026, 10, 25)), permalink: 'http://localhost:4173/?from=2022-09-13&to=2022-09-16' };

function septemberStore(data: Dataset = dataset) {
  const store = createAppStore({ dataset: data });
  store.getState().setWindow({ from: Date.UTC(2022, 8, 12, 12), to: Date.UTC(2022, 8, 16) });
  store.getState().setPlotSize({ width: 900, height: 420 });
  return store;
}

const texts = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]!);

describe('the SVG export of a view', () => {
  it('holds the title, the window, the filters in words, the legend, the source and the export date', () => {
    const store = septemberStore();
    store.getState().setFilters({ types: ['clash', 'ceasefire'], q: 'border' });
    const svg = buildViewSvg(viewSvgInput(store.getState(), options)).svg;
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(texts(svg, 'title')).toEqual(['Armenia–Azerbaijan border clashes, September 2022']);
    expect(texts(svg, 'summary')[0]).toMatch(/^12 Sept 2022 to 16 Sept 2022 · showing \d+ of 16 events$/);
    expect(texts(svg, 'filters').join(' ')).toBe('Filters: Type: Clash or Ceasefire · Text: “border”');
    expect(svg).toContain('>Ceasefire</text>');
    // Filtered-out types leave no empty lanes and no legend entries.
    expect(svg).not.toContain('>Protest</text>');
    expect(texts(svg, 'footer')).toContain('Exported 25 Nov 2026 from Conflict Timeline');
    expect(texts(svg, 'footer')[0]).toMatch(/^Source: Al Jazeera Arabic/);
    expect(svg).toMatch(/font-family="'Noto Sans', 'Noto Sans Arabic', system-ui,[^"]*sans-serif"/);
  });

  it('draws the event labels as text, and says when nothing is filtered', () => {
    const svg = buildViewSvg(viewSvgInput(septemberStore().getState(), options)).svg;
    expect(texts(svg, 'filters')).toEqual(['Filters: none (all events)']);
    const labels = texts(svg, 'event-label');
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.some((l) => l.startsWith('Negotiated ceasefire'))).toBe(true);
  });

  it('writes Arabic text right to left, anchored at its right edge', () => {
    const arabic: Dataset = { ...dataset, title: 'اشتباكات حدودية بين أرمينيا وأذربيجان' };
    const svg = buildViewSvg(viewSvgInput(septemberStore(arabic).getState(), options)).svg;
    expect(svg).toMatch(/<text x="([\d.]+)" y="[\d.]+" font-size="18" font-weight="600" fill="[^"]+" direction="rtl" class="title">اشتباكات/);
    const x = Number(/<text x="([\d.]+)"[^>]*direction="rtl" class="title"/.exec(svg)![1]);
    expect(x).toBeGreaterThan(16 + 100);
  });

  it('speaks the UI language: an Arabic export has Arabic words, dates and labels, mixed with English data', () => {
    const store = septemberStore();
    store.getState().setFilters({ types: ['ceasefire'] });
    const svg = buildViewSvg(viewSvgInput(store.getState(), { ...options, ui: ARABIC })).svg;
    expect(texts(svg, 'summary')[0]).toMatch(/^من .*سبتمبر.* · الأحداث المعروضة: \d+ من 16$/);
    expect(texts(svg, 'filters').join(' ')).toBe('التصفية: النوع: وقف إطلاق النار');
    expect(texts(svg, 'footer')[0]).toMatch(/^المصدر: Al Jazeera Arabic/);
    expect(svg).toContain('>وقف إطلاق النار</text>');
    // Arabic lines are written right to left, so that the English inside them sits where it belongs.
    expect(svg).toMatch(/direction="rtl" class="footer">المصدر: Al Jazeera Arabic/);
    expect(texts(svg, 'event-label').some((l) => /[\u0600-\u06FF]/.test(l))).toBe(true);
    // Mirrored as the screen is: lines end at the right margin, lane names right of the plot.
    const width = Number(/<svg [^>]*width="([\d.]+)"/.exec(svg)![1]);
    expect(svg).toMatch(new RegExp(`<text x="${width - 16}" [^>]*direction="rtl" class="summary">`));
    expect(svg).toMatch(new RegExp(`<text x="${width - 16}" [^>]*text-anchor="end" class="title">Armenia`));
    const laneLabelX = Number(/<g class="lane-label">(?:<rect[^>]*\/>)?<text x="([\d.]+)"/.exec(svg)![1]);
    expect(laneLabelX).toBeGreaterThan(width - 150);
  });

  it('keeps hostile text as text', () => {
    const hostile: Dataset = { ...dataset, title: '<script>alert(1)</script> & "x"', attribution: ']]><svg onload=alert(1)>\u0000' };
    const svg = buildViewSvg(viewSvgInput(septemberStore(hostile).getState(), options)).svg;
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<svg onload');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(svg).toContain('Source: ]]&gt;&lt;svg onload=alert(1)&gt;\uFFFD');
  });

  it('marks the selected event with a ring', () => {
    const store = septemberStore();
    const ceasefire = dataset.events.find((e) => e.type === 'ceasefire' && e.start.at.startsWith('2022-09-14'))!;
    store.getState().select(ceasefire.id);
    expect(buildViewSvg(viewSvgInput(store.getState(), options)).svg).toMatch(/<circle [^>]*fill="none" stroke="#0a3069" stroke-width="3"\/>/);
  });

  it('names the file after the title and the window', () => {
    expect(exportFileName('Armenia–Azerbaijan border clashes, September 2022', { from: Date.UTC(2022, 8, 13), to: Date.UTC(2022, 8, 16) }, 'svg')).toBe(
      'armenia-azerbaijan-border-clashes-september-2022-2022-09-13-to-2022-09-16.svg',
    );
    expect(exportFileName('حرب', { from: 0, to: 86_400_000 }, 'png')).toBe('conflict-timeline-1970-01-01-to-1970-01-02.png');
  });
});

describe('text for the exported image', () => {
  it('escapes markup and characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\u0007')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\uFFFD');
    expect(serializeSvg(el('text', { x: 1.234, title: '"/><script>' }, '<b>'))).toBe('<text x="1.23" title="&quot;/&gt;&lt;script&gt;">&lt;b&gt;</text>');
  });

  it('wraps at spaces, breaks long words, and ends a cut text with an ellipsis', () => {
    const m = (t: string) => t.length;
    expect(wrapText('one two three four', 9, 1, 400, m)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('https://example.org/a/very/long/path', 10, 1, 400, m)).toEqual(['https://ex', 'ample.org/', 'a/very/lon', 'g/path']);
    expect(wrapText('one two three four', 9, 1, 400, m, 2)).toEqual(['one two', 'three fo…']);
    expect(fitText('Government of Armenia', 10, 1, 400, m)).toBe('Governmen…');
    expect(fitText('ab', 1, 1, 400, m)).toBeNull();
  });
});
