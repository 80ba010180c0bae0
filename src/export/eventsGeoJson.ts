// Events as GeoJSON (RFC 7946) for GIS tools: a FeatureCollection with one feature per event, a
// Point at the place's coordinates. An event without coordinates is still listed, with a null
// geometry (the RFC's "unlocated" feature), so that the file holds every exported event. Text goes
// through JSON.stringify only: nothing is ever read as markup. Pure: text in, text out.
import type { ConflictEvent } from '../model/schema.ts';
import { pickText } from '../model/text.ts';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    id: string;
    type: string;
    title: string;
    start: string;
    end: string | null;
    place: string | null;
    country: string | null;
    admin1: string | null;
    /** point, near, district, region or country; null when the source does not say. */
    precision: string | null;
  };
}

export function eventFeature(event: ConflictEvent, lang: string): GeoJsonFeature {
  const place = event.place;
  const located = place && Number.isFinite(place.lon) && Number.isFinite(place.lat);
  return {
    type: 'Feature',
    id: event.id,
    // GeoJSON positions are [longitude, latitude], in that order.
    geometry: located ? { type: 'Point', coordinates: [place.lon!, place.lat!] } : null,
    properties: {
      id: event.id,
      type: event.type,
      title: pickText(event.title, lang, event.originalLanguage).text,
      start: event.start.at,
      end: event.end?.at ?? null,
      place: place ? pickText(place.name, lang, event.originalLanguage).text : null,
      country: place?.country ?? null,
      admin1: place?.admin?.[0] ?? null,
      precision: place?.precision ?? null,
    },
  };
}

export interface EventsGeoJsonWriter {
  head: string;
  /** The next events' features, in order, as they go in the file. */
  features(batch: readonly ConflictEvent[]): string;
  tail(): string;
}

/**
 * The FeatureCollection in parts, to be joined in a Blob a batch at a time (a million events make
 * a text longer than a string can be). One feature per line, so that a large file still reads.
 */
export function createEventsGeoJson(lang: string): EventsGeoJsonWriter {
  let first = true;
  return {
    head: '{"type":"FeatureCollection","features":[',
    features(batch) {
      if (!batch.length) return '';
      const text = batch.map((event) => `\n${JSON.stringify(eventFeature(event, lang))}`).join(',');
      const part = first ? text : `,${text}`;
      first = false;
      return part;
    },
    tail: () => `${first ? '' : '\n'}]}\n`,
  };
}

/** All of it at once, for tests and small sets. */
export function eventsToGeoJson(events: readonly ConflictEvent[], lang: string): string {
  const writer = createEventsGeoJson(lang);
  return writer.head + writer.features(events) + writer.tail();
}
