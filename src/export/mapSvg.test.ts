import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from '../store/store.ts';
import { LIGHT_THEME } from '../render/theme.ts';
import { MAP_THEMES } from '../render/mapTheme.ts';
import { buildBasemap, type Atlas } from '../render/basemap.ts';
import { ENGLISH } from '../i18n/locale.ts';
import { buildViewSvg } from './viewSvg.ts';
import { viewSvgInput } from './viewExport.ts';
import { mapSvgInput } from './mapExport.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const measure = (text: string, size: number) => text.length * size * 0.55;
const options = { ui: ENGLISH, theme: LIGHT_THEME, measure, now: new Date(Date.UTC(2026, 10, 25)), permalink: null };
const atlas = JSON.parse(readFileSync(new URL('../../node_modules/world-atlas/countries-110m.json', import.meta.url), 'utf8')) as Atlas;
const basemap = buildBasemap(atlas, '110m');
const size = { width: 480, height: 360 };

function septemberStore() {
  const store = createAppStore({ dataset });
  store.getState().setWindow({ from: Date.UTC(2022, 8, 12, 12), to: Date.UTC(2022, 8, 16) });
  store.getState().setPlotSize({ width: 900, height: 420 });
  return store;
}

describe('the map in an exported image', () => {
  it('is left out while the map is hidden', () => {
    const state = septemberStore().getState();
    expect(mapSvgInput(state, basemap, size, ENGLISH, MAP_THEMES.light, measure)).toBeNull();
    expect(buildViewSvg(viewSvgInput(state, options)).svg).not.toContain('class="map"');
  });

  it('holds the basemap, country names, the events in view, the scale bar and "Natural Earth"', () => {
    const store = septemberStore();
    store.getState().showMap({ lon: 46.5, lat: 40.2, zoom: 6.5 });
    store.getState().select('2022-09-14-gyumri-protest');
    const map = mapSvgInput(store.getState(), basemap, size, ENGLISH, MAP_THEMES.light, measure)!;
    // Yerevan's five events merge; Gyumri, Jermuk, Stepanakert and Baku stand alone.
    expect(map.layout.marks.map((m) => m.rows.length).sort()).toEqual([1, 1, 1, 1, 5]);
    expect(map.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Armenia', 'Azerbaijan']));
    const { svg, width } = buildViewSvg(viewSvgInput(store.getState(), { ...options, map }));
    expect(width).toBeGreaterThanOrEqual(size.width);
    expect(svg).toContain('<g class="map" transform="translate(16,');
    expect(svg).toContain('<clipPath id="map-clip">');
    expect(svg).toMatch(/>Borders: Natural Earth<\/text>/);
    expect(svg).toMatch(/>\d+ km<\/text>/);
    expect(svg).toMatch(/<text x="[\d.]+" y="[\d.]+">Armenia<\/text>/);
    // The selected event is ringed on the map too.
    expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="10" fill="none" stroke="#0a3069" stroke-width="3"\/>/);
  });

  it('draws an event placed only to a region as an area, and says so in the legend', () => {
    const events = dataset.events.map((e) => (e.id === '2022-09-13-border-clash' ? { ...e, place: { ...e.place!, precision: 'region' as const } } : e));
    const store = createAppStore({ dataset: { ...dataset, events } });
    store.getState().setWindow({ from: Date.UTC(2022, 8, 12, 12), to: Date.UTC(2022, 8, 16) });
    store.getState().showMap({ lon: 46.5, lat: 40.2, zoom: 6.5 });
    const map = mapSvgInput(store.getState(), null, size, ENGLISH, MAP_THEMES.light, measure)!;
    expect(map.layout.marks.filter((m) => m.kind === 'area')).toHaveLength(1);
    const { svg } = buildViewSvg(viewSvgInput(store.getState(), { ...options, map }));
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toContain('Placed only to a district, region or country: drawn as an area');
  });
});
