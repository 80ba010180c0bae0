// ACLED-shaped CSV written by the project itself, for tests and benchmarks. (The real export in
// ../shared/data may not be copied into the repository.)
import { seededRandom } from './fixtures.ts';

export const ACLED_CURRENT_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source',
  'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export const ACLED_PRE2023_COLUMNS = [
  'data_id', 'event_id_cnty', 'event_id_no_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'region', 'country', 'admin1',
  'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'timestamp', 'iso3',
] as const;

export type AcledRow = Partial<Record<(typeof ACLED_CURRENT_COLUMNS)[number] | (typeof ACLED_PRE2023_COLUMNS)[number], string>>;

/** A valid battle on the Armenia–Azerbaijan border; override what a test needs. */
export function acledRow(overrides: AcledRow = {}): AcledRow {
  return {
    data_id: '1',
    event_id_cnty: 'ARM100',
    event_id_no_cnty: '100',
    event_date: '2022-09-13',
    year: '2022',
    time_precision: '1',
    disorder_type: 'Political violence',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Military Forces of Azerbaijan (2003-)',
    assoc_actor_1: '',
    inter1: 'State forces',
    actor2: 'Military Forces of Armenia (2018-)',
    assoc_actor_2: '',
    inter2: 'State forces',
    interaction: 'State forces-State forces',
    civilian_targeting: '',
    iso: '51',
    iso3: 'ARM',
    region: 'Caucasus and Central Asia',
    country: 'Armenia',
    admin1: 'Gegharkunik',
    admin2: '',
    admin3: '',
    location: 'Sotk',
    latitude: '40.2000',
    longitude: '45.9333',
    geo_precision: '1',
    source: 'Armenpress; News.am',
    source_scale: 'National',
    notes: 'On 13 September 2022, Azerbaijani forces clashed with Armenian forces near Sotk.',
    fatalities: '3',
    tags: '',
    timestamp: '1663632000',
    ...overrides,
  };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The columns that ACLED's monadic layout (one row per actor) leaves out. */
export const ACLED_DYADIC_ONLY = ['actor2', 'assoc_actor_2', 'inter2'] as const;

/**
 * `monadic`: ACLED's monadic layout, without actor2, assoc_actor_2 and inter2 (give the rows
 * toMonadic makes).
 */
export function acledCsv(rows: readonly AcledRow[], options: { layout?: 'current' | 'pre2023'; hxl?: boolean; eol?: string; monadic?: boolean } = {}): string {
  const all: readonly string[] = options.layout === 'pre2023' ? ACLED_PRE2023_COLUMNS : ACLED_CURRENT_COLUMNS;
  const columns = options.monadic ? all.filter((c) => !(ACLED_DYADIC_ONLY as readonly string[]).includes(c)) : all;
  const eol = options.eol ?? '\n';
  const lines = [columns.join(',')];
  if (options.hxl) lines.push(columns.map((c) => `#${c.replace(/_/g, '+')}`).join(','));
  for (const row of rows) lines.push(columns.map((c) => cell((row as Record<string, string | undefined>)[c] ?? '')).join(','));
  return lines.join(eol) + eol;
}

/**
 * Rows as a spreadsheet in much of Europe saves an ACLED export it opened: cells separated by
 * semicolons (quoted where they hold one), coordinates with decimal commas, dates day.month.year.
 */
export function europeanSpreadsheetCsv(rows: readonly AcledRow[]): string {
  const saved = rows.map((row) => ({
    ...row,
    ...(row.latitude ? { latitude: row.latitude.replace('.', ',') } : {}),
    ...(row.longitude ? { longitude: row.longitude.replace('.', ',') } : {}),
    ...(row.event_date ? { event_date: row.event_date.split('-').reverse().join('.') } : {}),
  }));
  const semicolonCell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [ACLED_CURRENT_COLUMNS.join(';'), ...saved.map((row) => ACLED_CURRENT_COLUMNS.map((c) => semicolonCell((row as Record<string, string | undefined>)[c] ?? '')).join(';'))];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Dyadic rows as ACLED's monadic layout gives them: a row per actor, the second actor's row with
 * that actor as actor1 (and its associates and inter code), everything else the same.
 */
export function toMonadic(rows: readonly AcledRow[]): AcledRow[] {
  return rows.flatMap((row) => {
    const { actor2, assoc_actor_2, inter2, ...rest } = row;
    return actor2 ? [rest, { ...rest, actor1: actor2, assoc_actor_1: assoc_actor_2 ?? '', inter1: inter2 ?? '' }] : [rest];
  });
}

const SUB_TYPES: readonly [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Protests', 'Peaceful protest'],
  ['Riots', 'Violent demonstration'],
  ['Violence against civilians', 'Attack'],
  ['Strategic developments', 'Agreement'],
];

/** Draws of the seeded generator per generated row (see generatedAcledRows). */
const DRAWS_PER_ROW = 9;

/**
 * n generated rows with seeded variety, in time order from 2018 (benchmarks and big-file tests);
 * from row `first` on: the rows generatedAcledRows(first + n) ends with, without making the first.
 */
export function generatedAcledRows(n: number, seed = 7, actorCount = 400, first = 0): AcledRow[] {
  const random = seededRandom(seed);
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2024, 0, 1) - start;
  const rows: AcledRow[] = [];
  for (let skip = 0; skip < first * DRAWS_PER_ROW; skip++) random();
  for (let i = first; i < first + n; i++) {
    const [eventType, subType] = SUB_TYPES[Math.floor(random() * SUB_TYPES.length)]!;
    const date = new Date(start + Math.floor((random() * span) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    const a = Math.floor(random() * actorCount);
    const b = Math.floor(random() * actorCount);
    rows.push(
      acledRow({
        event_id_cnty: `GEN${i + 1}`,
        event_date: date,
        year: date.slice(0, 4),
        event_type: eventType,
        sub_event_type: subType,
        actor1: `Armed group ${a} (2018-)`,
        actor2: b === a ? '' : `Armed group ${b}`,
        inter1: String(1 + (a % 8)),
        inter2: b === a ? '' : String(1 + (b % 8)),
        location: `Village ${Math.floor(random() * 2000)}`,
        latitude: (39 + random() * 2).toFixed(4),
        longitude: (44 + random() * 2).toFixed(4),
        notes: `On ${date}, generated event ${i + 1} with a note long enough to look like ACLED's: ${'lorem ipsum dolor sit amet '.repeat(1 + Math.floor(random() * 6)).trimEnd()}.`,
        fatalities: String(Math.floor(random() * 5)),
      }),
    );
  }
  return rows;
}
