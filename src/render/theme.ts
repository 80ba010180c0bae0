import type { ThemeName } from '../store/pageOptions.ts';

export interface TimelineTheme {
  background: string;
  laneStripe: string;
  laneRule: string;
  text: string;
  mutedText: string;
  markStroke: string;
  halo: string;
  selection: string;
  hover: string;
  /** The keyboard focus ring. */
  focus: string;
  cluster: string;
  uncertainty: string;
  font: string;
}

/** The bundled Noto fonts first, then a generic stack (also used in exported SVG). */
export const FONT_STACK = "'Noto Sans', 'Noto Sans Arabic', system-ui, -apple-system, 'Segoe UI', sans-serif";

export const LIGHT_THEME: TimelineTheme = {
  background: '#ffffff',
  laneStripe: '#f5f6f8',
  laneRule: '#e1e4e8',
  text: '#1f2328',
  mutedText: '#59636e',
  markStroke: '#1f2328',
  halo: 'rgba(255,255,255,0.9)',
  selection: '#0a3069',
  hover: '#0969da',
  focus: '#0550ae',
  cluster: '#3d4651',
  uncertainty: 'rgba(31,35,40,0.55)',
  font: `12px ${FONT_STACK}`,
};

/** For `theme=dark`. Type colours stay the same (they are the legend); what surrounds them darkens. */
export const DARK_THEME: TimelineTheme = {
  background: '#0d1117',
  laneStripe: '#161b22',
  laneRule: '#30363d',
  text: '#e6edf3',
  mutedText: '#9198a1',
  markStroke: '#e6edf3',
  halo: 'rgba(13,17,23,0.9)',
  selection: '#79c0ff',
  hover: '#58a6ff',
  focus: '#79c0ff',
  cluster: '#6e7681',
  uncertainty: 'rgba(230,237,243,0.6)',
  font: `12px ${FONT_STACK}`,
};

export const THEMES: Record<ThemeName, TimelineTheme> = { light: LIGHT_THEME, dark: DARK_THEME };

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `fill`: a cluster's count on an orange mark is black. */
export function textColourOn(fill: string): string {
  return contrastRatio(fill, '#ffffff') >= contrastRatio(fill, '#1f2328') ? '#ffffff' : '#1f2328';
}
