import { describe, expect, it } from 'vitest';
import { importText } from './importer.ts';
import { UCDP_COLUMNS } from './ucdp.ts';

const BASE: Record<string, string> = {
  id: '424242', relid: 'ARM-2022-1', year: '2022', type_of_violence: '1', conflict_name: 'Armenia - Azerbaijan',
  dyad_name: 'Government of Armenia - Government of Azerbaijan', side_a: 'Government of Armenia', side_b: 'Government of Azerbaijan',
  source_office: 'Armenpress;Reuters', source_date: '2022-09-14', source_headline: 'Heavy fighting on the border',
  where_coordinates: 'Jermuk town', adm_1: 'Vayots Dzor province', latitude: '39.8414', longitude: '45.6722',
  country: 'Armenia', date_prec: '1', date_start: '2022-09-13', date_end: '2022-09-14', deaths_a: '10', deaths_b: '0', best: '15', low: '12', high: '20',
};

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const row = (over: Record<string, string> = {}) => UCDP_COLUMNS.map((c) => cell({ ...BASE, ...over }[c] ?? '')).join(',');
const file = (rows: string[], header = true) => [...(header ? [UCDP_COLUMNS.join(',')] : []), ...rows].join('\n') + '\n';

function run(text: string) {
  const result = importText({ text, fileName: 'ged.csv' });
  if (result.kind !== 'done') throw new Error(JSON.stringify(result));
  return result;
}

describe('UCDP GED CSV', () => {
  it('maps an interstate event: a date range, both governments, the place and the fatality estimate', () => {
    const { dataset, report } = run(file([row()]));
    expect(report).toMatchObject({ format: 'UCDP GED CSV', rowsRead: 1, imported: 1 });
    const [event] = dataset.events;
    expect(event).toMatchObject({
      id: 'ucdp-424242',
      type: 'clash',
      start: { at: '2022-09-13T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      end: { at: '2022-09-14T00:00:00+04:00' },
      place: { name: { en: 'Jermuk town' }, country: 'ARM', admin: ['Vayots Dzor province'] },
      tags: ['UCDP date precision: 1'],
    });
    expect(event!.actors.map((a) => [a.actor, a.role, a.side])).toEqual([
      ['government-of-armenia', 'participant', 1],
      ['government-of-azerbaijan', 'participant', 2],
    ]);
    expect(event!.counts[0]).toMatchObject({ kind: 'killed', value: 15, low: 12, high: 20, qualifier: 'about', claimant: 'ucdp' });
    expect(event!.counts[1]).toMatchObject({ value: 10, of: 'government-of-armenia' });
    expect(dataset.actors.find((a) => a.id === 'government-of-armenia')!.kind).toBe('state-forces');
    expect(event!.sources.map((s) => s.publisher)).toEqual(['UCDP GED', 'Armenpress', 'Reuters']);
  });

  it('reads a file without its header row', () => {
    const { dataset, report } = run(file([row(), row({ id: '2', date_end: '2022-09-13' })], false));
    expect(report.notes[0]).toMatch(/no header row/);
    expect(dataset.events).toHaveLength(2);
    expect(dataset.events[1]!.end).toBeUndefined();
  });

  it('makes one-sided violence an attack on civilians with an initiator and a target; an empty best is unknown', () => {
    const { dataset } = run(file([row({ type_of_violence: '3', side_b: 'Civilians', best: '', low: '', high: '', deaths_a: '' })]));
    expect(dataset.events[0]!.type).toBe('violence-against-civilians');
    expect(dataset.events[0]!.actors.map((a) => a.role)).toEqual(['initiator', 'target']);
    expect(dataset.events[0]!.counts).toEqual([]);
  });

  it.each([
    [{ type_of_violence: '4' }, 'type_of_violence', 'is not 1, 2 or 3'],
    [{ date_start: '2022-13-01' }, 'date_start', 'is not a date'],
    [{ date_end: '2022-09-01' }, 'date_end', 'is before date_start'],
    [{ best: 'many' }, 'best', 'is not a whole number of 0 or more'],
    [{ country: 'Atlantis' }, 'country', 'is not a country we know'],
    [{ side_a: '' }, 'side_a', 'is empty'],
    [{ date_prec: '9' }, 'date_prec', 'is not 1 to 5'],
  ])('rejects %j on its line', (over, field, message) => {
    const { report } = run(file([row({ id: '1' }), row({ id: '2', ...over })]));
    expect(report).toMatchObject({ rowsRead: 2, imported: 1, rejectedRows: 1 });
    expect(report.rejections[0]).toMatchObject({ line: 3, field, message });
  });

  it('reads a historical country name in brackets', () => {
    const { dataset } = run(file([row({ country: 'Russia (Soviet Union)', latitude: '55.75', longitude: '37.61' })]));
    expect(dataset.events[0]!.place!.country).toBe('RUS');
    // Of Russia's zones, one at UTC+3, nearest Moscow's longitude.
    expect(dataset.events[0]!.start.at).toBe('2022-09-13T00:00:00+03:00');
  });
});
