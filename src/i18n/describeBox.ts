// A box of longitudes and latitudes in words: "39.5–40.5°N, 44–45.5°E", in the UI language.
import type { GeoBox } from '../model/geo.ts';
import type { Messages } from './messages.en.ts';

type BoxWords = Pick<Messages, 'mapBox' | 'mapNorth' | 'mapSouth' | 'mapEast' | 'mapWest'>;

/** As many decimals as the box's size needs: whole degrees for a continent, hundredths for a town. */
export function describeBox(box: GeoBox, locale: string, t: BoxWords): string {
  const span = Math.max(box.east - box.west, box.north - box.south);
  const digits = span >= 20 ? 0 : span >= 2 ? 1 : 2;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  const lat = (v: number) => (v >= 0 ? t.mapNorth(n.format(v)) : t.mapSouth(n.format(-v)));
  const lon = (v: number) => (v >= 0 ? t.mapEast(n.format(v)) : t.mapWest(n.format(-v)));
  return t.mapBox(lat(box.south), lat(box.north), lon(box.west), lon(box.east));
}
