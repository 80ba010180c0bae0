// The fields a plain CSV's columns can be mapped to: shared by the Map columns dialog and the importer.

export const MAPPED_FIELDS = [
  'date',
  'title',
  'endDate',
  'type',
  'actors',
  'description',
  'place',
  'country',
  'latitude',
  'longitude',
  'source',
  'url',
  'fatalities',
  'id',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export const MAPPED_FIELD_LABEL: Record<MappedField, string> = {
  date: 'Date (required)',
  title: 'Title (required)',
  endDate: 'End date',
  type: 'Event type',
  actors: 'Actors (separated by ;)',
  description: 'Description',
  place: 'Place',
  country: 'Country',
  latitude: 'Latitude',
  longitude: 'Longitude',
  source: 'Source name',
  url: 'Source URL',
  fatalities: 'Fatalities',
  id: 'Event id',
};

/** Column names per field; '' means not mapped. */
export type ColumnMapping = Record<MappedField, string> & {
  /** The IANA zone the file's dates and times are in. */
  timeZone: string;
  /** The language of the titles and descriptions. */
  language: string;
};
