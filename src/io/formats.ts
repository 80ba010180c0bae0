// The formats the app opens, for menus and messages.

export const FORMATS = ['json', 'acled', 'ucdp', 'csv'] as const;
export type ImportFormat = (typeof FORMATS)[number];

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  json: 'Conflict Timeline JSON',
  acled: 'ACLED CSV',
  ucdp: 'UCDP GED CSV',
  csv: 'Other CSV (map the columns)',
};

/**
 * Whether a large file of this format is read by two workers, each mapping half its rows (see
 * importer.ts, importCsvFirstPart): a UCDP file, and a plain CSV read with a column mapping. An
 * ACLED file is packed by one worker as it is read (acledPacked.ts), faster than two workers that
 * build its events; JSON is never read in parts.
 */
export function readsInTwoParts(format: ImportFormat, mapped: boolean): boolean {
  return format === 'ucdp' || (format === 'csv' && mapped);
}
