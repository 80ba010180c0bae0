// A story as one self-contained HTML file: the steps as static HTML (number, caption, sources and
// the step's picture as inline SVG), readable without JavaScript and printed one page per step;
// the story and its data as JSON blocks; and the viewer's script and style inlined, allowed by a
// Content-Security-Policy that names their sha256 hashes and lets nothing load from anywhere.
// Pure: strings in, a string out. Captions become HTML only through captionHtml (escaped text).
import type { Dataset } from '../model/schema.ts';
import type { Story } from '../story/story.ts';
import { storyFile } from '../story/storyCodec.ts';
import { STORY_DATASET_ID, STORY_JSON_ID, STORY_VIEWER_ID } from '../story/storyFileIds.ts';
import type { Messages } from '../i18n/messages.en.ts';
import { captionHtml, sourceHtml } from './captionHtml.ts';
import { PACKED_JSON_ENCODING, packJson } from '../story/packedJson.ts';
import { cspHash, escapeHtml, inlineScriptText, inlineStyleText, jsonScriptText } from './htmlText.ts';


export interface StoryHtmlStep {
  caption: string;
  sources: readonly string[];
  /** The step's view as the "Export SVG" action writes it (an XML document); null: no picture. */
  svg: string | null;
}

export interface StoryHtmlInput {
  /** The story's title (already defaulted when the story has none). */
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The story as the viewer reads it (the story file's JSON). */
  story: Story;
  /** Its steps' static parts, in order. */
  steps: readonly StoryHtmlStep[];
  /** The data the viewer shows; null: none (the file is then only its static part). */
  dataset: Dataset | null;
  /** Which events the file holds, in words (storyDataAll or storyDataSteps). */
  dataNote: string;
  /** "Exported 25 Nov 2026 from Conflict Timeline". */
  exported: string;
  /** The viewer's bundle (dist/story-viewer/viewer.js and .css); null: no interactive part. */
  viewer: { js: string; css: string } | null;
  words: Pick<Messages, 'storyStepOf' | 'storySources' | 'storyAllSteps' | 'storyNoScript'>;
  /** Digits in the UI language's numerals ("Step ٢ of ٥" in Arabic). */
  locale: string;
}

/**
 * The static part's own style: the steps as a readable page, and on paper one step per page with
 * its picture fitted to the sheet. The viewer's style comes with its bundle.
 */
export const STORY_STATIC_CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f8fa; color: #1f2328; font: 15px/1.5 'Noto Sans', 'Noto Sans Arabic', system-ui, -apple-system, 'Segoe UI', sans-serif; }
.story-export { max-width: 1180px; margin: 0 auto; padding: 16px; }
.story-head h1 { font-size: 24px; margin: 8px 0 4px; }
.story-note { margin: 0; color: #59636e; font-size: 13px; }
.story-steps > h2 { font-size: 18px; margin: 28px 0 8px; }
.step { background: #fff; border: 1px solid #d1d9e0; border-radius: 8px; padding: 12px 16px; margin: 0 0 16px; }
.step h3 { font-size: 16px; margin: 0 0 6px; }
.step-of { color: #59636e; font-weight: 400; }
.step .caption p { margin: 0 0 8px; }
.step-picture { margin: 8px 0; overflow-x: auto; }
/* As in the SVG file on its own: each text says its own direction, whatever the page's. */
.step-picture svg { display: block; max-width: 100%; height: auto; direction: ltr; }
.step-sources h4 { font-size: 13px; margin: 8px 0 2px; }
.step-sources ul { margin: 0; padding-inline-start: 20px; font-size: 13px; overflow-wrap: anywhere; }
a { color: #0b5cad; }
.story-noscript { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
@media print {
  @page { size: landscape; margin: 10mm; }
  body { background: #fff; }
  .story-export { max-width: none; padding: 0; }
  .story-head, .story-steps > h2, .story-noscript, #${STORY_VIEWER_ID} { display: none !important; }
  .step { border: 0; border-radius: 0; padding: 0; margin: 0; break-after: page; break-inside: avoid; }
  .step:last-child { break-after: auto; }
  .step-picture svg { width: 100%; max-height: 150mm; }
}
`;

/**
 * The picture for inline use: without its XML declaration, and with its ids (clip paths) made
 * unique to the step, since every step's SVG shares the one document. The serialiser escapes `"`
 * in all text and values (svgMarkup.ts), so `id="` and `url(#` here are always its own.
 */
export function inlineSvg(svg: string, idPrefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/ id="([^"]+)"/g, ` id="${idPrefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}$1)`)
    .trim();
}

function stepHtml(step: StoryHtmlStep, index: number, input: StoryHtmlInput): string {
  const n = new Intl.NumberFormat(input.locale);
  const number = index + 1;
  const heading = input.words.storyStepOf(n.format(number), n.format(input.steps.length));
  const sources = step.sources.filter((s) => s.trim() !== '');
  return [
    `<article class="step" id="step-${number}" aria-labelledby="step-${number}-heading">`,
    `<h3 id="step-${number}-heading">${escapeHtml(heading)} <span class="step-of" dir="auto">· ${escapeHtml(input.title)}</span></h3>`,
    `<div class="caption">${captionHtml(step.caption)}</div>`,
    step.svg ? `<figure class="step-picture">${inlineSvg(step.svg, `step${number}-`)}</figure>` : '',
    sources.length
      ? `<div class="step-sources"><h4>${escapeHtml(input.words.storySources)}</h4><ul>${sources.map((s) => `<li>${sourceHtml(s)}</li>`).join('')}</ul></div>`
      : '',
    '</article>',
  ].join('\n');
}

/** Data blocks larger than this are deflated (see story/packedJson.ts): a story stays small enough to mail. */
const PACK_ABOVE_CHARS = 256 * 1024;

/** The events as a JSON block, deflated in base64 when large. */
function datasetBlock(dataset: Dataset): string {
  const json = JSON.stringify(dataset);
  if (json.length <= PACK_ABOVE_CHARS) return `<script type="application/json" id="${STORY_DATASET_ID}">${jsonScriptText(dataset)}</script>`;
  return `<script type="application/octet-stream" id="${STORY_DATASET_ID}" data-encoding="${PACKED_JSON_ENCODING}">${packJson(json)}</script>`;
}

/** The policy: nothing from anywhere; only these exact inline scripts and styles; pictures from data: and blob:. */
export function storyCsp(scriptHashes: readonly string[], styleHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.length ? scriptHashes.join(' ') : "'none'"}`,
    `style-src ${styleHashes.join(' ')}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export async function storyHtml(input: StoryHtmlInput): Promise<string> {
  const staticCss = inlineStyleText(STORY_STATIC_CSS);
  const viewerCss = input.viewer ? inlineStyleText(input.viewer.css) : null;
  const viewerJs = input.viewer && input.dataset ? inlineScriptText(input.viewer.js) : null;
  const styles = viewerCss === null ? [staticCss] : [staticCss, viewerCss];
  const csp = storyCsp(viewerJs === null ? [] : [await cspHash(viewerJs)], await Promise.all(styles.map(cspHash)));
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(input.lang)}" dir="${input.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Conflict Timeline">',
    `<title>${escapeHtml(input.title)}</title>`,
    ...styles.map((css) => `<style>${css}</style>`),
    '</head>',
    '<body>',
    '<main class="story-export">',
    `<header class="story-head"><h1 dir="auto">${escapeHtml(input.title)}</h1>`,
    `<p class="story-note">${escapeHtml(input.dataNote)} ${escapeHtml(input.exported)}</p></header>`,
    viewerJs === null ? '' : `<div id="${STORY_VIEWER_ID}" hidden></div>\n<noscript><p class="story-noscript">${escapeHtml(input.words.storyNoScript)}</p></noscript>`,
    '<section class="story-steps" aria-labelledby="story-steps-heading">',
    `<h2 id="story-steps-heading">${escapeHtml(input.words.storyAllSteps)}</h2>`,
    ...input.steps.map((step, i) => stepHtml(step, i, input)),
    '</section>',
    '</main>',
    `<script type="application/json" id="${STORY_JSON_ID}">${jsonScriptText(storyFile(input.story))}</script>`,
    input.dataset ? datasetBlock(input.dataset) : '',
    viewerJs === null ? '' : `<script type="module">${viewerJs}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
