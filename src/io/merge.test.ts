import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { datasetSchema } from '../model/schema.ts';
import { mergeDatasets } from './merge.ts';
import { importText } from './importer.ts';
import { acledCsv, acledRow } from '../testing/acledFixture.ts';
import { createAppStore } from '../store/store.ts';

const seedData = datasetSchema.parse(seed);

function acled() {
  const result = importText({ text: acledCsv([acledRow({ event_id_cnty: 'ARM100' }), acledRow({ event_id_cnty: 'ARM101', actor1: 'Protesters (Armenia)', actor2: '' })]), fileName: 'a.csv' });
  if (result.kind !== 'done') throw new Error(result.kind);
  return result.dataset;
}

describe('adding data to what is loaded', () => {
  it('resolves incoming actors to loaded ones by name and alias, period suffixes aside', () => {
    const merged = mergeDatasets(seedData, acled());
    expect(merged.mergedActors.get('military-forces-of-armenia')).toBe('am-forces');
    expect(merged.mergedActors.get('military-forces-of-azerbaijan')).toBe('az-forces');
    expect(merged.mergedActors.get('protesters-armenia')).toBe('am-protesters');
    const added = merged.dataset.events.find((e) => e.id === 'ARM100')!;
    expect(added.actors.map((a) => a.actor)).toEqual(['az-forces', 'am-forces']);
    expect(merged.dataset.events).toHaveLength(seedData.events.length + 2);
    expect(merged.dataset.actors.filter((a) => a.id === 'am-forces')).toHaveLength(1);
    expect(merged.dataset.attribution).toContain('ACLED');
  });

  it('never replaces a loaded event: a repeated id is counted and left out', () => {
    const once = mergeDatasets(seedData, acled()).dataset;
    const twice = mergeDatasets(once, acled());
    expect(twice.duplicateEvents).toEqual(['ARM100', 'ARM101']);
    expect(twice.dataset.events).toHaveLength(once.events.length);
  });

  it('in the store: Replace clears filters, Add keeps them, and a notice counts duplicates', () => {
    const store = createAppStore({ dataset: seedData });
    store.getState().setFilters({ types: ['clash'] });
    store.getState().loadDataset(acled(), { mode: 'add' });
    expect(store.getState().filters.types).toEqual(['clash']);
    expect(store.getState().table.size).toBe(seedData.events.length + 2);
    store.getState().loadDataset(acled(), { mode: 'add' });
    expect(store.getState().notices.at(-1)!.text).toBe('2 events were already loaded (same id, e.g. "ARM100") and were not added again.');
    store.getState().loadDataset(acled(), { mode: 'replace' });
    expect(store.getState().filters.types).toEqual([]);
    expect(store.getState().table.size).toBe(2);
  });
});
