import { describe, expect, it } from 'vitest';
import { sparseLaneKeys, withCarriedMarks } from './sparseLanes.ts';
import { buildEventTable } from '../table/eventTable.ts';
import type { RemoteAnswer } from '../store/remoteView.ts';

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

describe('withCarriedMarks', () => {
  const empty = buildEventTable({ events: [], actors: [] });
  const held = buildEventTable({ events: [], actors: [] });
  const answer = (over: Partial<RemoteAnswer>): RemoteAnswer => ({
    key: 'k',
    window: { from: 0, to: 10 },
    lanes: 'type',
    laneBins: [{ key: 'clash', counts: [900] }, { key: 'protest', counts: [3] }, { key: 'riot', counts: [4] }],
    table: empty,
    complete: false,
    sparseLanes: [],
    counts: { visible: 907, types: {}, actors: {} },
    ...over,
  });
  const last = answer({ key: 'before', table: held, sparseLanes: ['protest'] });

  it('keeps the last marks of lanes sparse then and now while only the window changed', () => {
    const next = answer({ key: 'after', window: { from: 2, to: 8 } });
    expect(withCarriedMarks(next, ['protest', 'riot'], last, true)).toEqual({ ...next, table: held, sparseLanes: ['protest'] });
  });

  it('keeps nothing when the filters, the lane mode or the lanes changed, or no lane was sparse before', () => {
    const next = answer({ key: 'after' });
    expect(withCarriedMarks(next, ['protest'], last, false)).toBe(next);
    expect(withCarriedMarks(next, ['protest'], { ...last, lanes: 'actor' }, true)).toBe(next);
    expect(withCarriedMarks(next, ['protest'], { ...last, laneBins: last.laneBins.slice(1) }, true)).toBe(next);
    expect(withCarriedMarks(next, ['riot'], last, true)).toBe(next);
    expect(withCarriedMarks(next, ['protest'], null, true)).toBe(next);
  });

  it('takes any lane from a complete answer: it held every event of its window', () => {
    const next = answer({ key: 'after' });
    expect(withCarriedMarks(next, ['riot'], { ...last, complete: true }, true).sparseLanes).toEqual(['riot']);
  });
});
