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
  cluster: '#3d4651',
  clusterText: '#ffffff',
  uncertainty: 'rgba(31,35,40,0.55)',
  font: `12px ${FONT_STACK}`,
};
