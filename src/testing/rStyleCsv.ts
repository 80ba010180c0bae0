// CSV as R's write.csv(row.names = FALSE) writes it, for tests: strings quoted, numbers bare, and
// a missing value (null here) as NA, bare. Written by the project itself.

/** A string, a number, null (missing: NA), or text written as it is (another tool's token: NULL). */
export type RCell = string | number | null | { raw: string };

function rCell(value: RCell): string {
  if (value === null) return 'NA';
  if (typeof value === 'object') return value.raw;
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/"/g, '""')}"`;
}

/** The header, then one line per row; each row gives its cells by column name (absent is NA). */
export function rStyleCsv(columns: readonly string[], rows: readonly Partial<Record<string, RCell>>[]): string {
  const lines = [columns.map((c) => rCell(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => rCell(row[c] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}
