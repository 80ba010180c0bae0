// Test data for the map, the area filter and lanes by place.
import type { Dataset } from '../../src/model/schema.ts';

/**
 * Generated ACLED events with the place's varied: an area (admin1) of seven, some of them hostile
 * text, a precision of each kind, every tenth event without coordinates, and a third of those
 * without a place at all.
 */
export function placedDataset(dataset: Dataset): Dataset {
  const areas = ['Gegharkunik', 'Syunik', 'Vayots Dzor', 'Ararat', "x'); DROP TABLE events; --", 'Tavush', 'Շիրակ'];
  const precisions = ['point', 'near', 'district', 'region', 'country'] as const;
  const events = dataset.events.map((event, i) => {
    if (!event.place) return event;
    if (i % 30 === 3) {
      const { place: _place, ...placeless } = event;
      return placeless;
    }
    const { lat, lon, admin: _admin, ...rest } = event.place;
    const place = i % 10 === 3 ? { ...rest } : { ...rest, lat, lon, precision: precisions[i % 5]! };
    return { ...event, place: i % 13 === 5 ? place : { ...place, admin: [areas[i % areas.length]!] } };
  });
  return { ...dataset, events };
}
