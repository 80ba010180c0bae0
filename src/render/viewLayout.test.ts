import { describe, expect, it } from 'vitest';
import { lanesForView, layoutView, timelineLabel } from './viewLayout.ts';
import seedJson from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { NO_FILTERS } from '../table/filter.ts';
import { EVENT_TYPES } from '../model/taxonomy.ts';
import type { RemoteAnswer } from '../store/remoteView.ts';

describe('timelineLabel', () => {
  it('is the title in the UI language when the data has it', () => {
    expect(timelineLabel({ ar: 'اشتباكات', en: 'Clashes' }, 'en', 'ar')).toBe('Clashes');
    expect(timelineLabel({ ar: 'اشتباكات', en: 'Clashes' }, 'ar', 'ar')).toBe('اشتباكات');
  });

  it('marks a title shown in another language with that language, before the text', () => {
    expect(timelineLabel({ ar: 'اشتباكات' }, 'en', 'ar')).toBe('[AR] اشتباكات');
    expect(timelineLabel({ en: 'Armed clash: Military Forces of Azerbaijan' }, 'ar', 'en')).toBe('[EN] Armed clash: Military Forces of Azerbaijan');
  });
});

describe('a data server view', () => {
  const seed = validateDataset(seedJson);
  if (!seed.ok) throw new Error('the seed is not valid');
  const table = buildEventTable(seed.dataset);
  const empty = buildEventTable({ events: [], actors: seed.dataset.actors });
  const window = { from: 0, to: 3000 };
  const counts = { visible: 9000, types: {}, actors: {} };
  const answer = (over: Partial<RemoteAnswer> = {}): RemoteAnswer => ({
    key: 'k',
    window,
    lanes: 'type',
    laneBins: [{ key: 'clash', counts: [1, 0, 5] }, { key: 'statement', counts: [0, 0, 0] }],
    table: empty,
    complete: false,
    sparseLanes: [],
    counts,
    ...over,
  });
  const size = { width: 9, height: 200 };

  it('takes its lanes from the server, in its order', () => {
    const lanes = lanesForView({ table: empty, filters: NO_FILTERS, window, lanes: 'type', remoteAnswer: answer() }, 'en', 12);
    expect(lanes.lanes.map((l) => l.key)).toEqual(['type:clash', 'type:statement']);
  });

  it('draws the server bins as densities, moved onto the window on screen', () => {
    const remoteAnswer = answer();
    const state = { table: empty, filters: NO_FILTERS, window, lanes: 'type' as const, remoteAnswer };
    const lanes = lanesForView(state, 'en', 12);
    const same = layoutView(state, lanes, size, 'en', () => 10);
    expect(same.marks).toEqual([]);
    // 3 server bins onto 9 bins of 1 px (width 9 → 3 bins of 3 px): the same window, so the same bins.
    expect(same.densities.map((d) => [d.lane, d.total, Array.from(d.counts)])).toEqual([[0, 6, [1, 0, 5]]]);
    const zoomed = layoutView({ ...state, window: { from: 0, to: 1500 } }, lanes, size, 'en', () => 10);
    expect(zoomed.densities.map((d) => d.total)).toEqual([1]);
  });

  it('lays out a complete answer table as a file: a mark per event', () => {
    const remoteAnswer = answer({ table, complete: true, laneBins: [{ key: 'clash', counts: [] }] });
    const state = { table, filters: NO_FILTERS, window: { from: Date.UTC(2022, 8, 12), to: Date.UTC(2022, 8, 16) }, lanes: 'type' as const, remoteAnswer };
    const lanes = lanesForView(state, 'en', 12);
    const layout = layoutView(state, lanes, { width: 1200, height: 200 }, 'en', () => 10);
    expect(layout.densities).toEqual([]);
    expect(layout.marks.length).toBeGreaterThan(0);
    expect(layout.marks.every((m) => m.rows.every((row) => EVENT_TYPES[table.type[row]!] === 'clash'))).toBe(true);
  });

  it('marks the sparse lanes’ events of a window of many, as a file’s, and draws the busy lanes from the bins', () => {
    const ceasefires = buildEventTable({ events: seed.dataset.events.filter((e) => e.type === 'ceasefire'), actors: seed.dataset.actors });
    const window = { from: ceasefires.extent!.from - 86_400_000, to: ceasefires.extent!.to + 86_400_000 };
    const remoteAnswer = answer({
      window,
      table: ceasefires,
      sparseLanes: ['ceasefire'],
      laneBins: [{ key: 'clash', counts: [400, 0, 600] }, { key: 'ceasefire', counts: [0, ceasefires.size, 0] }],
    });
    const state = { table: ceasefires, filters: NO_FILTERS, window, lanes: 'type' as const, remoteAnswer };
    const lanes = lanesForView(state, 'en', 12);
    const layout = layoutView(state, lanes, { width: 9, height: 200 }, 'en', () => 10);
    expect(layout.densities.map((d) => [d.lane, d.total])).toEqual([[0, 1000]]);
    expect(ceasefires.size).toBeGreaterThan(0);
    expect(new Set(layout.marks.map((m) => m.lane))).toEqual(new Set([1]));
    expect(layout.marks.flatMap((m) => m.rows).sort()).toEqual(Array.from({ length: ceasefires.size }, (_, i) => i));
  });
});
