// The basemap's colours: quiet enough that the event marks (the legend's colours) stand out.
import type { ThemeName } from '../store/pageOptions.ts';

export interface MapTheme {
  water: string;
  land: string;
  border: string;
  coast: string;
  label: string;
  /** The area filter's box and the box being drawn. */
  area: string;
}

export const MAP_THEMES: Record<ThemeName, MapTheme> = {
  light: { water: '#dfe9f2', land: '#f8f8f5', border: '#a3acb6', coast: '#7d8792', label: '#59636e', area: '#0550ae' },
  dark: { water: '#0a1520', land: '#1c2128', border: '#4d5560', coast: '#6e7681', label: '#9198a1', area: '#79c0ff' },
};
