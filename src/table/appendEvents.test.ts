// Adding events to a table (the page's "Add to current data") must give the table that merging the
// datasets and building the table from all their events gives: the same rows, columns, places and
// lookups by id, without building the table's events.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/schema.ts';
import { importText } from '../io/importer.ts';
import { mergeDatasets, mergeInto } from '../io/merge.ts';
import { acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { assembleEventTable, buildEventTable, computeTableColumns, type EventTable } from './eventTable.ts';
import { allEventsOf } from '../testing/fixtures.ts';
import { packEvents, packedEvents } from './packedEvents.ts';
import { appendEvents } from './appendEvents.ts';

function acled(rows: Record<string, string>[], fileName: string): Dataset {
  const result = importText({ text: acledCsv(rows), fileName });
  if (result.kind !== 'done') throw new Error(result.kind);
  return result.dataset;
}

/** The table of a dataset as the page has it after an import: packed, with the worker's columns. */
function packedTable(dataset: Dataset): EventTable {
  const { events, ...info } = dataset;
  return assembleEventTable(dataset.actors, packedEvents(structuredClone(packEvents(info, events))), computeTableColumns(dataset));
}

/** Adds `incoming` to `current` both ways and holds the tables to each other; gives the fast way's table. */
function addBothWays(current: Dataset, table: EventTable, incoming: Dataset): EventTable {
  const full = mergeDatasets(current, incoming);
  const expected = buildEventTable(full.dataset);
  const { events: _events, ...info } = current;
  const merged = mergeInto({ ...info, actors: table.actors as Dataset['actors'] }, (id) => table.rowOfId.has(id), incoming);
  expect(merged.duplicateEvents).toEqual(full.duplicateEvents);
  expect({ ...merged.info, events: full.dataset.events }).toEqual(full.dataset);
  const added = appendEvents(table, merged.added, merged.info.actors);
  expect(added.size).toBe(expected.size);
  expect(allEventsOf(added)).toEqual(allEventsOf(expected));
  for (const key of ['start', 'end', 'type', 'actorOffset', 'actorIndex', 'actorRoles'] as const) expect(Array.from(added[key])).toEqual(Array.from(expected[key]));
  const placeOfRow = (t: EventTable) => Array.from(t.placeOf, (at) => (at < 0 ? null : { ...t.places[at]! }));
  expect(placeOfRow(added)).toEqual(placeOfRow(expected));
  expect(new Set(added.places.map((p) => p.key))).toEqual(new Set(expected.places.map((p) => p.key)));
  expect(added.places).toHaveLength(expected.places.length);
  for (const [row, event] of allEventsOf(expected).entries()) {
    expect(added.rowOfId.get(event.id)).toBe(row);
    expect(added.idAt(row)).toBe(event.id);
  }
  expect(added.rowOfId.has('no-such-event')).toBe(false);
  expect(added.extent).toEqual(expected.extent);
  expect(added.longestDuration).toBe(expected.longestDuration);
  expect(added.actors).toEqual(expected.actors);
  return added;
}

describe('adding events to a table', () => {
  const base = acled(generatedAcledRows(600, 21, 40), 'first.csv');
  // Other ids on the same days (ties of time, sorted by id), some actors and places shared, some new; two ids already loaded.
  const more = acled(
    [
      ...generatedAcledRows(150, 22, 60).map((row) => ({ ...row, event_id_cnty: `MORE${row.event_id_cnty}` })),
      acledRow({ event_id_cnty: 'GEN5' }),
      acledRow({ event_id_cnty: 'GEN6', location: 'New place' }),
      acledRow({ event_id_cnty: 'AAA-FIRST', event_date: '2018-01-01' }),
      acledRow({ event_id_cnty: 'ZZZ-LAST', event_date: '2030-01-01', latitude: '', longitude: '' }),
    ],
    'second.csv',
  );

  it('gives the table that merging and building gives, from a packed table and from events', () => {
    addBothWays(base, packedTable(base), more);
    addBothWays(base, buildEventTable(base), more);
  });

  it('adds again to a table that was added to, and adds to an empty table and nothing to a table', () => {
    const once = addBothWays(base, packedTable(base), more);
    const third = acled(generatedAcledRows(80, 23, 50).map((row) => ({ ...row, event_id_cnty: `THIRD${row.event_id_cnty}` })), 'third.csv');
    const merged = mergeDatasets(base, more).dataset;
    addBothWays(merged, once, third);
    const empty: Dataset = { ...base, events: [], actors: [] };
    addBothWays(empty, buildEventTable(empty), more);
    addBothWays(base, packedTable(base), { ...more, events: [] });
  });

  it('renames the actors it recognises under another id, as the merge does', () => {
    const current = makeDataset({ events: 200, actors: 10, seed: 4, lasting: 0.3 });
    const incoming = makeDataset({ events: 50, actors: 10, seed: 5, lasting: 0.3 });
    const renamed: Dataset = {
      ...incoming,
      actors: incoming.actors.map((a) => ({ ...a, id: `other-${a.id}` })),
      events: incoming.events.map((e) => ({ ...e, id: `in-${e.id}`, actors: e.actors.map((r) => ({ ...r, actor: `other-${r.actor}` })) })),
    };
    addBothWays(current, packedTable(current), renamed);
  });
});
