// ACLED CSV → our model, for the current 31-column layout and the pre-2023 layout (HDX files
// included), each dyadic (one row per event) or monadic (one row per actor). The mapping is
// documented in README.md, "Importing data". Rows are read in acledRow.ts and packed in
// acledPacked.ts; this names the layout, and builds the event of a row that cannot be packed.
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { NONE } from './intern.ts';
import { acledCounts, acledSources, acledTags, isMonadicAcled, type AcledRowValues } from './acledRow.ts';

export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'actor1'] as const;

/** The layout's name from its header, for the report. */
export function acledLayout(header: readonly string[]): string {
  const h = header.map((c) => c.toLowerCase());
  const era = h.includes('disorder_type') || h.includes('civilian_targeting') ? 'current layout' : 'pre-2023 layout';
  return `ACLED CSV (${era}${isMonadicAcled(header) ? ', monadic: one row per actor' : ''})`;
}

export function missingAcledColumns(header: readonly string[]): string[] {
  const h = new Set(header.map((c) => c.toLowerCase()));
  return ACLED_REQUIRED.filter((c) => !h.has(c));
}

/** What a dataset read from an ACLED file says about itself, besides its actors and events. */
export function acledDatasetInfo(fileName: string): Omit<Dataset, 'actors' | 'events'> {
  return {
    title: `ACLED events from ${fileName}`,
    attribution: 'ACLED (Armed Conflict Location & Event Data Project), acleddata.com',
    license: 'ACLED terms of use: attribution required, no redistribution',
  };
}

/** A row's event, built from its values: for a row whose values the packer cannot take as they are (see acledPacked.ts). */
export function acledEvent(v: AcledRowValues): ConflictEvent {
  const name = v.location || v.admin[0] || v.country;
  return {
    id: v.id,
    type: v.type,
    title: { en: v.title },
    ...(v.notes ? { description: { en: v.notes } } : {}),
    originalLanguage: 'en',
    start: { at: v.start, precision: v.precision, tz: v.zone },
    actors: v.actors,
    ...(v.country
      ? {
          place: {
            name: { en: name },
            country: v.country,
            ...(v.lat !== undefined ? { lat: v.lat } : {}),
            ...(v.lon !== undefined ? { lon: v.lon } : {}),
            ...(v.geoPrecision ? { precision: v.geoPrecision } : {}),
            ...(v.admin.length ? { admin: v.admin } : {}),
          },
        }
      : {}),
    counts: v.fatalities === undefined ? NONE : acledCounts(v.fatalities, v.claimedOn),
    claims: NONE,
    sources: acledSources(v.updated, v.sourceText),
    relations: NONE,
    tags: acledTags(v.disorderType, v.civilianTargeting, v.tags),
  };
}
