import { describe, expect, it } from 'vitest';
import { embedUrlFor, fullViewUrlFor, iframeSnippet, permalinkFor } from './links.ts';
import { DEFAULT_URL_VIEW, type UrlView } from '../store/url.ts';
import { NO_FILTERS } from '../table/filter.ts';

const view: UrlView = {
  ...DEFAULT_URL_VIEW,
  window: { from: Date.UTC(2022, 8, 13), to: Date.UTC(2022, 8, 16) },
  filters: { ...NO_FILTERS, types: ['ceasefire'] },
  event: 'ev-ceasefire',
};

describe('links to a view', () => {
  it('the permalink holds the view, the data link and the language, and drops everything else', () => {
    const href = 'https://ct.example/app/?embed=1&theme=dark&lang=en&foo=1&from=1990';
    expect(permalinkFor(href, view, 'https://data.example/a.csv')).toBe(
      'https://ct.example/app/?data=https%3A%2F%2Fdata.example%2Fa.csv&lang=en&from=2022-09-13&to=2022-09-16&types=ceasefire&event=ev-ceasefire',
    );
    expect(permalinkFor('http://localhost:4173/', DEFAULT_URL_VIEW, null)).toBe('http://localhost:4173/');
  });

  it('a data server (source) stays in the permalink, the embed and the embed’s full view, instead of a data link', () => {
    const permalink = permalinkFor('https://ct.example/?source=http://127.0.0.1:8787/', view, 'https://data.example/a.csv', 'http://127.0.0.1:8787/');
    expect(new URL(permalink).searchParams.get('source')).toBe('http://127.0.0.1:8787/');
    expect(new URL(permalink).searchParams.has('data')).toBe(false);
    const embed = embedUrlFor(permalink, { title: null, height: null, controls: true, theme: 'light' });
    expect(new URL(embed).searchParams.get('source')).toBe('http://127.0.0.1:8787/');
    expect(new URL(fullViewUrlFor(embed, view)).searchParams.get('source')).toBe('http://127.0.0.1:8787/');
  });

  it('the embed URL adds embed=1 and only the settings that differ from the defaults', () => {
    const permalink = permalinkFor('https://ct.example/', view, null);
    expect(embedUrlFor(permalink, { title: null, height: null, controls: true, theme: 'light' })).toBe(
      'https://ct.example/?embed=1&from=2022-09-13&to=2022-09-16&types=ceasefire&event=ev-ceasefire',
    );
    expect(embedUrlFor(permalink, { title: 'Clashes & a ceasefire', height: 300, controls: false, theme: 'dark' })).toBe(
      'https://ct.example/?embed=1&title=Clashes+%26+a+ceasefire&height=300&controls=0&theme=dark&from=2022-09-13&to=2022-09-16&types=ceasefire&event=ev-ceasefire',
    );
  });

  it('the embed links to the same view in full, without the embed settings', () => {
    const embed = 'https://ct.example/?embed=1&title=T&height=300&controls=0&theme=dark&data=https%3A%2F%2Fd.example%2Fx.json&from=2000&to=2001';
    expect(fullViewUrlFor(embed, view)).toBe(
      'https://ct.example/?theme=dark&data=https%3A%2F%2Fd.example%2Fx.json&from=2022-09-13&to=2022-09-16&types=ceasefire&event=ev-ceasefire',
    );
  });

  it('the iframe snippet escapes the title and the address', () => {
    const snippet = iframeSnippet('https://ct.example/?embed=1&title=a"b', { width: null, height: 480 }, '"><script>alert(1)</script>');
    expect(snippet).toBe(
      '<iframe src="https://ct.example/?embed=1&amp;title=a&quot;b" width="100%" height="480" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
    expect(iframeSnippet('https://x.example/', { width: 640, height: 400 }, 'T')).toContain('width="640" height="400"');
  });
});
