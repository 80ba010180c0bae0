import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../model/taxonomy.ts';
import { remoteActorCounts, remoteTypeCounts, remoteTypesPresent } from './remoteCounts.ts';

const counts = { visible: 7, types: { clash: 5, statement: 2 }, actors: { 'az-forces': 4 } };

describe('remote counts', () => {
  it('puts the server counts where the filter panel reads them, absent keys 0', () => {
    const types = remoteTypeCounts(counts);
    expect(types[EVENT_TYPES.indexOf('clash')]).toBe(5);
    expect(types[EVENT_TYPES.indexOf('protest')]).toBe(0);
    expect(Array.from(remoteActorCounts(counts, [{ id: 'am-forces' }, { id: 'az-forces' }]))).toEqual([0, 4]);
  });

  it('lists the types with events and the ticked ones', () => {
    const present = remoteTypesPresent(counts, ['protest']);
    expect(EVENT_TYPES.filter((_, i) => present[i])).toEqual(EVENT_TYPES.filter((t) => ['clash', 'statement', 'protest'].includes(t)));
  });
});
