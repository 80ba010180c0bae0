import { useEffect, useMemo, useState } from 'react';
import { geoPath } from 'd3-geo';
import { EVENT_TYPE_INFO, type EventType } from '../model/taxonomy.ts';
import type { GeoPrecision } from '../model/schema.ts';
import { geoPrecisionCode } from '../table/eventTable.ts';
import { mapFrame } from '../layout/mapView.ts';
import { frameProjection } from '../layout/mapProjection.ts';
import { mercatorY } from '../layout/mercator.ts';
import { spreadPx } from '../layout/mapMarks.ts';
import { loadBasemap, type Basemap } from '../render/basemap.ts';
import { MAP_THEMES } from '../render/mapTheme.ts';
import { usePageOptions, useUiLocale } from './StoreContext.tsx';

const SIZE = { width: 240, height: 120 };
/** About 20° of longitude across: enough to recognise the country around the place. */
const ZOOM = 4;

/**
 * The details' small locator, shown while the map is hidden: where the event happened, on the
 * coarse basemap, drawn as the map draws it (an area for a place known only to a region).
 */
export default function PlaceLocator({ lon, lat, precision, type, place }: { lon: number; lat: number; precision: GeoPrecision | undefined; type: EventType; place: string }) {
  const { t } = useUiLocale();
  const { theme } = usePageOptions();
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  useEffect(() => {
    let live = true;
    loadBasemap('110m').then((b) => live && setBasemap(b), () => {});
    return () => {
      live = false;
    };
  }, []);
  const frame = useMemo(() => mapFrame({ lon, lat, zoom: ZOOM }, SIZE), [lon, lat]);
  const paths = useMemo(() => {
    if (!basemap) return null;
    const path = geoPath(frameProjection(frame).clipExtent([[-2, -2], [SIZE.width + 2, SIZE.height + 2]]));
    return { land: path(basemap.countries) ?? '', borders: path(basemap.borders) ?? '' };
  }, [basemap, frame]);
  const colours = MAP_THEMES[theme];
  const info = EVENT_TYPE_INFO[type];
  const code = geoPrecisionCode(precision);
  const spread = spreadPx(code, mercatorY(lat), frame);
  const x = SIZE.width / 2;
  const y = SIZE.height / 2;
  const area = precision === 'district' || precision === 'region' || precision === 'country';
  return (
    <svg className="place-locator" width={SIZE.width} height={SIZE.height} viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={t.locatorLabel(place)}>
      {paths && (
        <>
          <path d={paths.land} fill={colours.land} stroke={colours.coast} strokeWidth={0.75} />
          <path d={paths.borders} fill="none" stroke={colours.border} strokeWidth={0.6} />
        </>
      )}
      {spread > 0 && <circle cx={x} cy={y} r={Math.max(spread, area ? 10 : 7)} fill={info.colour} fillOpacity={area ? 0.2 : 0.1} stroke={info.colour} strokeDasharray={area ? '4 3' : undefined} />}
      {!area && <circle cx={x} cy={y} r={4.5} fill={info.colour} stroke="#1f2328" />}
    </svg>
  );
}
