// The basemap: Natural Earth country borders and coastlines from world-atlas, served as assets of
// the app's own origin (no tile server, no CDN). The 1:110m atlas (about 40 KB gzipped) is fetched
// when the map is first shown; the 1:50m one only when the map is zoomed in.
import countries110m from 'world-atlas/countries-110m.json?url';
import countries50m from 'world-atlas/countries-50m.json?url';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import isoCountries from 'i18n-iso-countries';

export type AtlasScale = '110m' | '50m';

/** From this zoom the finer atlas is drawn (and fetched, the first time). */
export const FINE_ATLAS_ZOOM = 4;

/** The basemap's outlines in world units × REFERENCE_PX: the renderer scales them to any zoom. */
export const REFERENCE_PX = 1024;

export interface BasemapCountry {
  /** ISO 3166-1 numeric, as world-atlas gives it (missing for a few disputed areas). */
  id: string | undefined;
  /** Natural Earth's English short name, used when the UI language has no name for it. */
  name: string;
  /** Where its label goes and how much room it has, in reference pixels. */
  centroid: [number, number];
  bounds: [[number, number], [number, number]];
}

export interface Basemap {
  scale: AtlasScale;
  countries: FeatureCollection;
  /** Borders between countries (drawn thin) and coastlines (each arc once). */
  borders: MultiLineString;
  coasts: MultiLineString;
  labels: BasemapCountry[];
}

/** The basemap's outlines as Path2D in reference pixels: made once, then scaled to any view. */
export interface BasemapPaths {
  countries: Path2D;
  borders: Path2D;
  coasts: Path2D;
}

const referenceProjection = () => geoMercator().scale(REFERENCE_PX / (2 * Math.PI)).translate([REFERENCE_PX / 2, REFERENCE_PX / 2]);

export function basemapPaths(basemap: Basemap): BasemapPaths {
  const reference = referenceProjection();
  const trace = (object: FeatureCollection | MultiLineString) => {
    const path = new Path2D();
    // A Path2D has the moveTo/lineTo/closePath/arc that geoPath draws with.
    geoPath(reference, path as unknown as CanvasRenderingContext2D)(object);
    return path;
  };
  return { countries: trace(basemap.countries), borders: trace(basemap.borders), coasts: trace(basemap.coasts) };
}

export type Atlas = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

const URLS: Record<AtlasScale, string> = { '110m': countries110m, '50m': countries50m };

export function buildBasemap(topology: Atlas, scale: AtlasScale): Basemap {
  const countries = feature(topology, topology.objects.countries) as FeatureCollection;
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const coasts = mesh(topology, topology.objects.countries, (a, b) => a === b);
  const measure = geoPath(referenceProjection());
  const labels = countries.features.map((f) => ({
    id: f.id === undefined ? undefined : String(f.id),
    name: String((f.properties as { name?: string } | null)?.name ?? ''),
    centroid: measure.centroid(f) as [number, number],
    bounds: measure.bounds(f) as [[number, number], [number, number]],
  }));
  return { scale, countries, borders, coasts, labels };
}

/** The country's name in the UI language (Intl knows them; world-atlas ids are ISO numeric). */
export function countryLabel(country: BasemapCountry, names: Intl.DisplayNames | null): string {
  const alpha2 = country.id ? isoCountries.numericToAlpha2(country.id) : undefined;
  if (alpha2 && names) {
    try {
      const name = names.of(alpha2);
      if (name && name !== alpha2) return name;
    } catch {
      // An id Intl does not know: Natural Earth's name below.
    }
  }
  return country.name;
}

// One fetch per atlas for the page's life: the files never change, and the map, the details'
// locator and the image export all draw the same one.
const loading = new Map<AtlasScale, Promise<Basemap>>();

export function loadBasemap(scale: AtlasScale): Promise<Basemap> {
  let basemap = loading.get(scale);
  if (!basemap) {
    basemap = fetch(URLS[scale])
      .then((response) => {
        if (!response.ok) throw new Error(`the ${scale} basemap answered ${response.status}`);
        return response.json() as Promise<Atlas>;
      })
      .then((topology) => buildBasemap(topology, scale));
    // A failed fetch (offline before the file was cached) may be tried again later.
    basemap.catch(() => loading.delete(scale));
    loading.set(scale, basemap);
  }
  return basemap;
}

/** Which atlas a zoom draws. */
export const atlasFor = (zoom: number): AtlasScale => (zoom >= FINE_ATLAS_ZOOM ? '50m' : '110m');
