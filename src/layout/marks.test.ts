import { describe, expect, it } from 'vitest';
import { buildEventTable, rowsInWindow } from '../table/eventTable.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { actorLanes, typeLanes } from './lanes.ts';
import { CLUSTER_RADIUS, fitLabel, layoutTimeline, markExtent, type TimelineLayout } from './marks.ts';

const measure = (s: string) => s.length * 6.5;

function layoutFor(events: number, from: number, to: number, seed = 1, lasting = 0.05): { layout: TimelineLayout; rows: Uint32Array } {
  const table = buildEventTable(makeDataset({ events, seed, lasting }));
  const rows = rowsInWindow(table, null, from, to);
  const layout = layoutTimeline({
    table,
    rows,
    lanes: typeLanes(table, 'en'),
    from,
    to,
    width: 1000,
    height: 500,
    labelOf: (r) => table.eventAt(r).title.en!,
    measure,
  });
  return { layout, rows };
}

function labelBoxes(layout: TimelineLayout) {
  return layout.marks
    .filter((m) => m.label)
    .map((m) => ({ lane: m.lane, row: m.laneRow, x0: m.labelX, x1: m.labelX + m.labelWidth, owner: m }));
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;

describe('layoutTimeline', () => {
  const windows: [string, number, number][] = [
    ['five years', Date.UTC(2018, 0, 1), Date.UTC(2023, 0, 1)],
    ['one month', Date.UTC(2020, 5, 1), Date.UTC(2020, 6, 1)],
    ['one day', Date.UTC(2020, 5, 1), Date.UTC(2020, 5, 2)],
  ];

  for (const [name, from, to] of windows) {
    it(`never overlaps two labels, or a label and a mark (${name})`, () => {
      for (const seed of [1, 2, 3]) {
        const { layout } = layoutFor(3000, from, to, seed);
        const boxes = labelBoxes(layout);
        const sameRow = (a: { lane: number; row: number }, b: { lane: number; laneRow: number }) => a.lane === b.lane && a.row === b.laneRow;
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            if (a.lane === b.lane && a.row === b.row) expect(overlaps(a, b)).toBe(false);
          }
          for (const mark of layout.marks) {
            if (!sameRow(boxes[i]!, mark) || mark === boxes[i]!.owner) continue;
            // A label inside a bar may sit over the bar itself, but over no other mark.
            if (boxes[i]!.owner.labelInside && mark.kind === 'bar' && boxes[i]!.owner.kind === 'bar' && mark !== boxes[i]!.owner) {
              expect(overlaps(boxes[i]!, { x0: mark.x - mark.radius, x1: mark.x2 })).toBe(false);
              continue;
            }
            const extent = { x0: mark.x - mark.radius, x1: mark.kind === 'bar' ? mark.x2 : mark.x + mark.radius };
            expect(overlaps(boxes[i]!, extent)).toBe(false);
          }
        }
      }
    });

    it(`accounts for every visible event exactly once per lane (${name})`, () => {
      const { layout, rows } = layoutFor(3000, from, to, 4);
      const drawn = layout.marks.flatMap((m) => m.rows).sort((a, b) => a - b);
      expect(drawn).toEqual(Array.from(rows).sort((a, b) => a - b));
    });
  }

  it('merges points that would overlap into a cluster with a count, and splits them when zoomed in', () => {
    const dataset = makeDataset({ events: 3, seed: 9, lasting: 0 });
    dataset.events.forEach((e, i) => {
      e.type = 'clash';
      e.start = { at: `2022-09-13T0${i}:00:00Z`, precision: 'minute', tz: 'UTC' };
    });
    const table = buildEventTable(dataset);
    const at = (from: number, to: number) =>
      layoutTimeline({ table, rows: rowsInWindow(table, null, from, to), lanes: typeLanes(table, 'en'), from, to, width: 1000, height: 200, labelOf: () => 'x', measure });
    const year = at(Date.UTC(2022, 0, 1), Date.UTC(2023, 0, 1));
    expect(year.marks).toHaveLength(1);
    expect(year.marks[0]).toMatchObject({ kind: 'cluster', label: '3 events', radius: CLUSTER_RADIUS });
    expect(year.marks[0]!.rows).toHaveLength(3);
    const day = at(Date.UTC(2022, 8, 12, 22), Date.UTC(2022, 8, 13, 4));
    expect(day.marks.map((m) => m.kind)).toEqual(['point', 'point', 'point']);
  });

  it('draws lasting events as bars and short ones as points', () => {
    const dataset = makeDataset({ events: 1, lasting: 0 });
    dataset.events[0]!.start = { at: '2020-09-27T00:00:00Z', precision: 'day', tz: 'UTC' };
    dataset.events[0]!.end = { at: '2020-11-10T00:00:00Z', precision: 'day', tz: 'UTC' };
    const table = buildEventTable(dataset);
    const at = (from: number, to: number) =>
      layoutTimeline({ table, rows: rowsInWindow(table, null, from, to), lanes: typeLanes(table, 'en'), from, to, width: 1000, height: 200, labelOf: () => '2020 war', measure }).marks[0]!;
    expect(at(Date.UTC(2020, 8, 1), Date.UTC(2020, 11, 1)).kind).toBe('bar');
    expect(at(Date.UTC(1980, 0, 1), Date.UTC(2020, 0, 1) + 20 * 365 * 86_400_000).kind).toBe('point');
  });

  it('puts an event with two actors in both actor lanes', () => {
    const dataset = makeDataset({ events: 1, actors: 2, lasting: 0 });
    dataset.events[0]!.actors = [{ actor: 'actor-0', role: 'initiator' }, { actor: 'actor-1', role: 'target' }];
    const table = buildEventTable(dataset);
    const lanes = actorLanes(table, null, 'en', 10, 'Other actors');
    expect(lanes.lanes.map((l) => l.label)).toEqual(['Actor 0', 'Actor 1']);
    expect(lanes.lanesOf(0)).toEqual([0, 1]);
  });

  it('gathers actors beyond the lane limit into "Other actors"', () => {
    const table = buildEventTable(makeDataset({ events: 500, actors: 30 }));
    const lanes = actorLanes(table, null, 'en', 5, 'Other actors');
    expect(lanes.lanes).toHaveLength(5);
    expect(lanes.lanes[4]!.label).toBe('Other actors');
    for (let r = 0; r < table.size; r++) expect(lanes.lanesOf(r).length).toBeGreaterThan(0);
  });

  it('shortens a label with an ellipsis, or drops it when too little would show', () => {
    const fitted = fitLabel('Negotiated ceasefire takes effect', 100, measure)!;
    expect(fitted.text).toBe('Negotiated cea…');
    expect(fitted.width).toBeLessThanOrEqual(100);
    expect(fitLabel('Negotiated ceasefire', 20, measure)).toBeNull();
    expect(fitLabel('Short', 100, measure)).toEqual({ text: 'Short', width: 32.5 });
  });

  it('reports the extent a mark occupies', () => {
    const { layout } = layoutFor(50, Date.UTC(2018, 0, 1), Date.UTC(2023, 0, 1));
    for (const m of layout.marks) {
      const e = markExtent(m);
      expect(e.x1).toBeGreaterThan(e.x0);
    }
  });
});

describe('type lanes under a type filter', () => {
  it('keep only the filtered types, in the taxonomy order, and put no row in a missing lane', () => {
    const table = buildEventTable(makeDataset({ events: 300, seed: 3 }));
    const all = typeLanes(table, 'en');
    const some = typeLanes(table, 'en', ['ceasefire', 'clash']);
    expect(all.lanes.length).toBeGreaterThan(2);
    expect(some.lanes.map((l) => l.key)).toEqual(['type:clash', 'type:ceasefire']);
    for (let row = 0; row < table.size; row++) {
      for (const lane of some.lanesOf(row)) expect(lane).toBeLessThan(2);
    }
  });
});

describe('density bars', () => {
  it('one bar per bin with events, the tallest filling the lane, none for empty bins', async () => {
    const { densityBars } = await import('./densityBars.ts');
    const lane = { key: 'k', label: 'Clash', colour: '#000', y: 100, height: 123, rowCount: 5 };
    const bars = densityBars({ lane: 0, total: 105, counts: Uint32Array.from([0, 1, 100, 4]), binWidth: 3, from: 0, binSpan: 1 }, lane);
    expect(bars.map((b) => [b.x, b.count])).toEqual([[3, 1], [6, 100], [9, 4]]);
    expect(bars[1]!.y).toBe(120);
    expect(bars[1]!.y + bars[1]!.height).toBe(220);
    expect(bars[0]!.height).toBeCloseTo(10);
  });
});
