import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import type { Dataset } from '../model/schema.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { NO_FILTERS } from '../table/filter.ts';
import { describeFilters, filtersInWords } from './describeFilters.ts';
import { ar } from './messages.ar.ts';

const table = buildEventTable(seed as unknown as Dataset);
const filters = { ...NO_FILTERS, types: ['clash', 'ceasefire', 'casualty-report'] as const, actors: ['am-government', 'az-government'], role: 'claimant' as const, q: 'border' };

describe('the filters in words', () => {
  it('a chip for each type and actor, each removing only itself', () => {
    const chips = describeFilters({ ...filters, types: [...filters.types] }, table, 'en', 'en-GB');
    expect(chips.map((c) => c.label)).toEqual([
      'Actor: Government of Armenia',
      'Actor: Government of Azerbaijan',
      'Role: claimant',
      'Type: Clash',
      'Type: Ceasefire',
      'Type: Casualty report',
      'Text: “border”',
    ]);
  });

  it('to read (exports, embeds, story steps): the types in one phrase and the actors in one, as alternatives', () => {
    expect(filtersInWords({ ...filters, types: [...filters.types] }, table, 'en', 'en-GB')).toEqual([
      'Actor: Government of Armenia or Government of Azerbaijan',
      'Role: claimant',
      'Type: Clash, Ceasefire or Casualty report',
      'Text: “border”',
    ]);
    expect(filtersInWords({ ...NO_FILTERS, types: ['clash', 'ceasefire'] }, table, 'ar', 'ar', ar)).toEqual(['النوع: اشتباك أو وقف إطلاق النار']);
    expect(filtersInWords(NO_FILTERS, table, 'en', 'en-GB')).toEqual([]);
  });
});
