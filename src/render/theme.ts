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
  clusterText: string;
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
  clusterText: '#ffffff',
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
  clusterText: '#ffffff',
  uncertainty: 'rgba(230,237,243,0.6)',
  font: `12px ${FONT_STACK}`,
};

export const THEMES: Record<ThemeName, TimelineTheme> = { light: LIGHT_THEME, dark: DARK_THEME };
