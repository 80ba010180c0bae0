import { describe, expect, it } from 'vitest';
import { sparseLaneKeys } from './sparseLanes.ts';

describe('sparseLaneKeys', () => {
  const lanes = [
    { key: 'clash', counts: [40, 40] },
    { key: 'protest', counts: [1, 2] },
    { key: 'riot', counts: [0, 0] },
    { key: 'statement', counts: [30, 31] },
  ];

  it('keeps the lanes with at most the layout limit in the window, in the lanes’ order, empty ones too', () => {
    expect(sparseLaneKeys(lanes, 61)).toEqual(['protest', 'riot', 'statement']);
    expect(sparseLaneKeys(lanes, 80)).toEqual(['clash', 'protest', 'riot', 'statement']);
    expect(sparseLaneKeys(lanes, 2)).toEqual(['riot']);
  });

  it('leaves the busiest sparse lanes as densities past the budget of events', () => {
    expect(sparseLaneKeys(lanes, 80, 70)).toEqual(['protest', 'riot', 'statement']);
    expect(sparseLaneKeys(lanes, 80, 10)).toEqual(['protest', 'riot']);
  });
});
