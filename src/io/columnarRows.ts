// A typed value from a Parquet or Arrow column as the text a CSV cell would hold, so that the
// columnar readers feed the same row readers (ACLED, UCDP GED) as the CSV path, with the same
// validation and report.

const DAY_MS = 86_400_000;

/** Day `day` (days since 1970-01-01) as YYYY-MM-DD. */
function dayText(day: number): string {
  const iso = new Date(day * DAY_MS).toISOString();
  return iso.slice(0, iso.indexOf('T'));
}

/** A date as YYYY-MM-DD (UTC, as Parquet's DATE and TIMESTAMP are); '' for an invalid date. */
function dateText(date: Date): string {
  const ms = date.getTime();
  return Number.isFinite(ms) ? dayText(Math.floor(ms / DAY_MS)) : '';
}

/**
 * The cell text of a value: null and undefined are empty cells; numbers and bigints their decimal
 * text; dates (DATE, TIMESTAMP) YYYY-MM-DD; bytes without a text annotation decoded as UTF-8;
 * anything else (a list, a struct) as JSON, which no ACLED or UCDP column holds.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch {
    return String(value);
  }
}

/**
 * Rows of typed values as cells, for one file: a million dated rows name a few thousand days, so
 * each day's text is made once (formatting each row's date was a sixteenth of an import).
 */
export function createRowCells(): (values: readonly unknown[]) => string[] {
  const textOfDay = new Map<number, string>();
  const cell = (value: unknown): string => {
    if (!(value instanceof Date)) return cellText(value);
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return '';
    const day = Math.floor(ms / DAY_MS);
    let text = textOfDay.get(day);
    if (text === undefined) textOfDay.set(day, (text = dayText(day)));
    return text;
  };
  return (values) => values.map(cell);
}
