import { describe, expect, it } from 'vitest';
import { buildEventTable, type EventTable } from '../table/eventTable.ts';
import { previewTable } from '../table/previewTable.ts';
import { UCDP_HEADER, ucdpRow } from '../testing/ucdpFixture.ts';
import { importText } from './importer.ts';
import { UCDP_COLUMNS } from './ucdp.ts';
import { readUcdpCsvPreview } from './ucdpPreview.ts';

/** A GED line: the fixture's clash near Jermuk, with some columns changed. */
function line(id: number, changes: Record<string, string> = {}): string {
  const cells = ucdpRow(id).trimEnd().split(',');
  for (const [name, value] of Object.entries(changes)) cells[UCDP_COLUMNS.indexOf(name)] = value;
  return `${cells.join(',')}\n`;
}

// Days, spans and zones as the full read places them, and rows it rejects for their type, dates, longitude or country.
const LINES = [
  line(1),
  line(2, { date_start: '2022-09-13 00:00:00.000', date_end: '2022-09-13 00:00:00.000' }),
  line(3, { date_end: '2022-09-20' }),
  line(4, { date_end: '' }),
  line(5, { type_of_violence: '3' }),
  // Countries of several zones: the longitude chooses (Los Angeles, New York; Kaliningrad, Vladivostok).
  line(6, { country: 'United States of America', latitude: '34.0', longitude: '-118.2' }),
  line(7, { country: 'United States of America', latitude: '40.7', longitude: '-74.0' }),
  line(8, { country: 'Russia (Soviet Union)', latitude: '54.7', longitude: '20.5' }),
  line(9, { country: 'Russia (Soviet Union)', latitude: '43.1', longitude: '131.9', type_of_violence: '2' }),
  line(10, { country: 'NA', latitude: '', longitude: '' }),
  line(11, { type_of_violence: '4' }),
  line(12, { date_start: '2022-02-30' }),
  line(13, { date_end: '2022-09-01' }),
  line(14, { longitude: '200' }),
  line(15, { country: 'Atlantis' }),
];

function fullTable(text: string): EventTable {
  const result = importText({ text, fileName: 'ged.csv', format: 'ucdp' });
  if (result.kind !== 'done') throw new Error(`not imported: ${JSON.stringify(result)}`);
  return buildEventTable(result.dataset);
}

/** Each event's start, end and type, in time order. */
const spans = (table: EventTable) => [...table.start].map((t, i) => `${t}-${table.end[i]}:${table.type[i]}`).sort();

describe('the preview of a large UCDP GED CSV', () => {
  it('puts each event the full read keeps where it puts it, start and end, with its type', () => {
    const text = UCDP_HEADER + LINES.join('');
    const preview = readUcdpCsvPreview(text, 'ged.csv', 1000)!;
    expect(preview).toMatchObject({ title: 'UCDP GED events from ged.csv', rows: LINES.length });
    const full = fullTable(text);
    expect(full.size).toBe(10);
    expect(spans(previewTable(preview))).toEqual(spans(full));
    // New York's midnight is three hours before Los Angeles': the zone was the place's.
    expect(preview.start[6]! - preview.start[5]!).toBe(-3 * 3_600_000);
  });

  it('reads a file without its header row, in GED’s column order', () => {
    const text = LINES.join('');
    expect(spans(previewTable(readUcdpCsvPreview(text, 'ged.csv', 1000)!))).toEqual(spans(fullTable(text)));
  });

  it('gives none where no row can be drawn, or for more rows than allowed', () => {
    expect(readUcdpCsvPreview(UCDP_HEADER + LINES.slice(10).join(''), 'ged.csv', 1000)).toBeNull();
    expect(readUcdpCsvPreview(UCDP_HEADER + LINES.join(''), 'ged.csv', 14)).toBeNull();
    expect(readUcdpCsvPreview(UCDP_HEADER + LINES.join(''), 'ged.csv', 15)).not.toBeNull();
  });
});
