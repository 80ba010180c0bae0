// The page-level URL parameters: embed mode and its look. They describe how the page is shown,
// not which view it shows (that is url.ts), so links to the full view drop most of them.

import { isUiLang, type UiLang } from '../i18n/locale.ts';
import { parseStepParam } from '../story/stepParam.ts';

export type ThemeName = 'light' | 'dark';

export interface PageOptions {
  embed: boolean;
  /** The heading of an embed; null: the dataset's title. */
  title: string | null;
  /** The height of the embed's timeline in CSS px; null: the default. */
  height: number | null;
  /** Whether an embed shows its zoom buttons. */
  controls: boolean;
  theme: ThemeName;
  /** The UI language the link asks for; null: the browser's. */
  lang: UiLang | null;
  /** The story the link opens (`story=`): the story itself (`z1.…`) or the http(s) address of its file. */
  story: string | null;
  /** The step the link presents, counted from 1 (`step=`); checked against the story once it is in. */
  step: number | null;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = { embed: false, title: null, height: null, controls: true, theme: 'light', lang: null, story: null, step: null };

export const EMBED_HEIGHT = { min: 160, max: 2000, default: 320 } as const;
const MAX_TITLE = 200;

export function decodePageOptions(search: string): { options: PageOptions; ignored: string[] } {
  const p = new URLSearchParams(search);
  const ignored: string[] = [];
  const options: PageOptions = { ...DEFAULT_PAGE_OPTIONS };
  const quote = (v: string) => `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  const flag = (name: string, value: string | null, fallback: boolean): boolean => {
    if (value === null) return fallback;
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    ignored.push(`${name} ${quote(value)} must be 0 or 1`);
    return fallback;
  };

  options.embed = flag('embed', p.get('embed'), false);
  options.controls = flag('controls', p.get('controls'), true);

  const title = p.get('title');
  if (title !== null) {
    const clean = title.replace(/\s+/g, ' ').trim();
    if (clean.length > MAX_TITLE) ignored.push(`title is longer than ${MAX_TITLE} characters`);
    else if (clean) options.title = clean;
  }

  const height = p.get('height');
  if (height !== null) {
    const n = /^\d{1,5}$/.test(height.trim()) ? Number(height) : NaN;
    if (Number.isNaN(n)) ignored.push(`height ${quote(height)} is not a whole number of pixels`);
    else if (n < EMBED_HEIGHT.min || n > EMBED_HEIGHT.max) {
      options.height = Math.min(EMBED_HEIGHT.max, Math.max(EMBED_HEIGHT.min, n));
      ignored.push(`height ${n} is outside ${EMBED_HEIGHT.min}–${EMBED_HEIGHT.max} px and was set to ${options.height}`);
    } else options.height = n;
  }

  const theme = p.get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark') options.theme = theme;
    else ignored.push(`theme ${quote(theme)} must be "light" or "dark"`);
  }

  const lang = p.get('lang');
  if (lang !== null) {
    if (isUiLang(lang)) options.lang = lang;
    else ignored.push(`lang ${quote(lang)} must be "en" or "ar"`);
  }

  const story = p.get('story');
  if (story !== null && story.trim()) options.story = story.trim();
  const step = p.get('step');
  if (step !== null) {
    const parsed = parseStepParam(step);
    if ('step' in parsed) {
      if (options.story) options.step = parsed.step;
      else ignored.push(`step ${parsed.step} was not shown: the link has no story (story=)`);
    } else ignored.push(parsed.problem);
  }
  return { options, ignored };
}
