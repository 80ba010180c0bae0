// The formats the app opens, for menus and messages.

export const FORMATS = ['json', 'acled', 'ucdp', 'app-csv', 'csv'] as const;
export type ImportFormat = (typeof FORMATS)[number];

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  json: 'Conflict Timeline JSON',
  acled: 'ACLED CSV',
  ucdp: 'UCDP GED CSV',
  'app-csv': 'Conflict Timeline CSV',
  csv: 'Other CSV (map the columns)',
};
