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
 * A 32-bit float (Parquet FLOAT, Arrow Float32: pandas' float32, which halves a coordinate column)
 * as the shortest decimal that is the same float32: 39.9624, where widening it to a double gives
 * 39.962398529052734. That is the value its writer wrote, as numpy and DuckDB print it. Any other
 * value is given back as it is.
 */
export function float32Decimal(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.fround(value) !== value) return value;
  // Nine significant digits tell every float32 apart, so the loop always finds one.
  for (let digits = 1; digits < 9; digits++) {
    const decimal = Number(value.toPrecision(digits));
    if (Math.fround(decimal) === value) return decimal;
  }
  return value;
}

/** float32Decimal, worked out once per distinct value (coordinates repeat from row to row). */
export function createFloat32Decimals(): (value: unknown) => unknown {
  const known = new Map<number, unknown>();
  return (value) => {
    if (typeof value !== 'number') return value;
    let decimal = known.get(value);
    if (decimal === undefined) known.set(value, (decimal = float32Decimal(value)));
    return decimal;
  };
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
