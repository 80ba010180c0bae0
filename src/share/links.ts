// Links to a view: the permalink, the embed URL, the embed's link back to the full view, and the
// iframe snippet. Pure: the page's address and the view come in as arguments.
import { encodeUrl, type UrlView } from '../store/url.ts';
import type { ThemeName } from '../store/pageOptions.ts';
import { escapeXml } from '../export/svgMarkup.ts';

/** What the full view keeps of an embed's page parameters; the embed-only ones (title, height, controls) go. */
const FULL_VIEW_PAGE_PARAMS = ['data', 'source', 'lang', 'theme'];

function join(base: URL, ...queries: string[]): string {
  const query = queries.filter(Boolean).join('&');
  return `${base.origin}${base.pathname}${query ? `?${query}` : ''}`;
}

/** The full view at `href`'s address: the view, the data link or data server, and the language; nothing else. */
export function permalinkFor(href: string, view: UrlView, data: string | null, source: string | null = null): string {
  const base = new URL(href);
  const page = new URLSearchParams();
  if (source) page.set('source', source);
  else if (data) page.set('data', data);
  const lang = base.searchParams.get('lang');
  if (lang) page.set('lang', lang);
  return join(base, page.toString(), encodeUrl(view));
}

export interface EmbedSettings {
  title: string | null;
  /** The timeline's height in px; null for the default. */
  height: number | null;
  controls: boolean;
  theme: ThemeName;
}

/** The embed of the view a permalink describes. */
export function embedUrlFor(permalink: string, settings: EmbedSettings): string {
  const url = new URL(permalink);
  const page = new URLSearchParams({ embed: '1' });
  if (settings.title) page.set('title', settings.title);
  if (settings.height !== null) page.set('height', String(settings.height));
  if (!settings.controls) page.set('controls', '0');
  if (settings.theme !== 'light') page.set('theme', settings.theme);
  return join(url, page.toString(), url.search.slice(1));
}

/** From inside an embed: the same view in the full app, keeping the data, language and theme. */
export function fullViewUrlFor(embedHref: string, view: UrlView): string {
  const base = new URL(embedHref);
  const page = new URLSearchParams(base.search);
  for (const key of [...page.keys()]) if (!FULL_VIEW_PAGE_PARAMS.includes(key)) page.delete(key);
  return join(base, page.toString(), encodeUrl(view));
}

export interface IframeSize {
  /** Pixels, or null for the full width of the host's column. */
  width: number | null;
  height: number;
}

/** The HTML a host pastes into its page. The title is the dataset's, so it is escaped. */
export function iframeSnippet(src: string, size: IframeSize, title: string): string {
  const width = size.width === null ? '100%' : String(size.width);
  return (
    `<iframe src="${escapeXml(src)}" width="${width}" height="${size.height}" ` +
    `title="${escapeXml(title)}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
