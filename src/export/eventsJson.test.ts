import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import { importText } from '../io/importer.ts';
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { datasetToJson, eventsToDataset, eventsToJsonParts, INDENTED_UP_TO } from './eventsJson.ts';
import { makeDataset } from '../testing/fixtures.ts';

const validated = validateDataset(seed);
const full = (validated.ok ? validated.dataset : null) as Dataset;
const byId = (id: string) => {
  const found = full.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

// The clash, the ceasefire that ends it (which also follows an earlier ceasefire, not exported)
// and a casualty report that is part of the clash.
const subset = ['2022-09-14-ceasefire', '2022-09-13-border-clash', '2022-09-15-azerbaijan-casualty-report'].map(byId);
const note = { description: 'Filtered: the September 2022 border clash' };

/** The actor ids an event names, written out again here so that the test does not trust the module. */
function namedActors(event: ConflictEvent): string[] {
  return [
    ...event.actors.map((a) => a.actor),
    ...event.counts.flatMap((c) => [c.claimant, c.of ?? []].flat()),
    ...event.claims.flatMap((c) => [c.claimant, ...(c.disputedBy ?? [])]),
  ];
}

describe('events as the app’s JSON', () => {
  it('starts from a valid seed', () => {
    expect(validated.ok ? [] : validated.problems).toEqual([]);
  });

  it('keeps the dataset’s fields, sets the description, and passes validation', () => {
    const { dataset } = eventsToDataset(full, subset, note);
    expect(validateDataset(dataset)).toEqual({ ok: true, dataset });
    expect(dataset.title).toBe(full.title);
    expect(dataset.attribution).toBe(full.attribution);
    expect(dataset.license).toBe(full.license);
    expect(dataset.$schema).toBe(full.$schema);
    expect(dataset.description).toBe(note.description);
  });

  it('holds exactly the events given, in order, and drops only relations to events left out', () => {
    const { dataset, droppedRelations } = eventsToDataset(full, subset, note);
    expect(dataset.events.map((e) => e.id)).toEqual(subset.map((e) => e.id));
    expect(droppedRelations).toEqual([{ from: '2022-09-14-ceasefire', kind: 'follows', to: '2022-09-13-russian-ceasefire' }]);
    const [ceasefire, clash, report] = dataset.events;
    expect(ceasefire!.relations).toEqual([{ kind: 'ends', event: '2022-09-13-border-clash' }]);
    expect(ceasefire).toEqual({ ...subset[0]!, relations: ceasefire!.relations });
    // Events without dangling relations are passed through as they are.
    expect(clash).toBe(subset[1]);
    expect(report).toBe(subset[2]);
    // The input is not changed.
    expect(subset[0]!.relations).toHaveLength(2);
  });

  it('lists only the actors the events name, and the bodies they belong to', () => {
    const { dataset } = eventsToDataset(full, subset, note);
    const named = new Set(subset.flatMap(namedActors));
    const parents = new Set([...named].map((id) => full.actors.find((a) => a.id === id)?.parent).filter((p) => p !== undefined));
    const ids = dataset.actors.map((a) => a.id);
    expect(new Set(ids)).toEqual(new Set([...named, ...parents]));
    expect(ids.length).toBeLessThan(full.actors.length);
    // In the registry's order.
    expect(ids).toEqual(full.actors.map((a) => a.id).filter((id) => ids.includes(id)));
  });

  it('adds the parent of a named actor even when no event names the parent, so that the export validates', () => {
    const report = byId('2022-09-15-azerbaijan-casualty-report');
    const { dataset, droppedRelations } = eventsToDataset(full, [report], note);
    expect(namedActors(report)).not.toContain('az-government');
    expect(dataset.actors.map((a) => a.id)).toEqual(['az-government', 'az-mod', 'az-forces']);
    expect(droppedRelations.map((r) => r.to)).toEqual(['2022-09-13-border-clash', '2022-09-14-ceasefire']);
    expect(dataset.events[0]!.relations).toEqual([]);
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('writes pretty JSON that the importer reads back to the same events', () => {
    const { dataset } = eventsToDataset(full, subset, note);
    const text = datasetToJson(dataset);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
    const result = importText({ text, fileName: 'x.json' });
    expect(result.kind).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.report.rejectedRows).toBe(0);
    expect(result.dataset.events).toEqual(dataset.events);
    expect(result.dataset.actors).toEqual(dataset.actors);
    expect(result.dataset.description).toBe(note.description);
  });

  it('exports all events without dropping anything', () => {
    const { dataset, droppedRelations } = eventsToDataset(full, full.events, note);
    expect(droppedRelations).toEqual([]);
    expect(dataset.events).toEqual(full.events);
    expect(validateDataset(dataset).ok).toBe(true);
  });
});

/** The events in batches of `size`, as the browser's export reads a large table. */
const inBatches = (events: readonly ConflictEvent[], size: number) => () =>
  Array.from({ length: Math.ceil(events.length / size) }, (_, k) => events.slice(k * size, (k + 1) * size));

describe('events as the app’s JSON, in parts', () => {
  it('joins to the file datasetToJson writes, whatever the batches, with the same relations dropped', () => {
    const generated = makeDataset({ events: 120, actors: 9, seed: 6 });
    const cases: [Dataset, ConflictEvent[]][] = [
      [full, full.events],
      [full, subset],
      [full, []],
      [generated, generated.events],
      // Text that looks like JSON and like the mark where the events go, in the dataset's own fields.
      [{ ...generated, title: 'events 0.5 "events": [', description: '\n  ]' }, generated.events.slice(0, 7)],
    ];
    for (const [dataset, events] of cases) {
      const whole = eventsToDataset(dataset, events, note);
      for (const size of [1, 2, 5, 1000]) {
        const { parts, droppedRelations } = eventsToJsonParts(dataset, inBatches(events, size), note);
        expect(parts.join('')).toBe(datasetToJson(whole.dataset));
        expect(droppedRelations).toEqual(whole.droppedRelations);
      }
    }
    // Over INDENTED_UP_TO events, nothing is indented.
    const large = makeDataset({ events: INDENTED_UP_TO + 1, actors: 5, seed: 2 });
    const { parts } = eventsToJsonParts(large, inBatches(large.events, 4000), note);
    expect(parts.join('')).toBe(`${JSON.stringify(eventsToDataset(large, large.events, note).dataset)}\n`);
    // The subset drops relations, or the test does not test that.
    expect(eventsToDataset(full, subset, note).droppedRelations.length).toBeGreaterThan(0);
  });
});


describe('coordinates and their precision in exports', () => {
  it('JSON keeps lat, lon and place.precision, also for events read back from the import worker’s packed form', async () => {
    const { packEvents, packedEvents } = await import('../table/packedEvents.ts');
    const located = { ...byId('2022-09-13-border-clash') };
    located.place = { name: { en: 'Jermuk' }, country: 'ARM', lat: 39.8414, lon: 45.6722, precision: 'near', admin: ['Vayots Dzor'] };
    const { events: _events, ...info } = full;
    const packed = packedEvents(packEvents(info, [located]));
    const back = packed.eventAt(0);
    expect(back.place).toEqual(located.place);
    const { dataset } = eventsToDataset(full, [back], note);
    expect(JSON.parse(datasetToJson(dataset)).events[0].place).toEqual({ name: { en: 'Jermuk' }, country: 'ARM', lat: 39.8414, lon: 45.6722, precision: 'near', admin: ['Vayots Dzor'] });
  });
});
