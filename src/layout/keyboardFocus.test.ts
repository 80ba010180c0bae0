import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { filterMask, NO_FILTERS } from '../table/filter.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { actorLanes, typeLanes } from './lanes.ts';
import { buildLaneIndex } from './laneIndex.ts';
import { edgeEvent, positionInLane, settleFocus, stepInTime, stepLane, type EventFocus } from './keyboardFocus.ts';
import { textMatcherFor } from '../table/wordIndex.ts';

const r = validateDataset(seed);
const table = buildEventTable((r.ok ? r.dataset : null) as Dataset);
const lanes = typeLanes(table, 'en');
const index = buildLaneIndex(table, null, lanes);
const idOf = (f: EventFocus | null) => (f ? table.eventAt(f.row).id : null);
const laneKey = (f: EventFocus | null) => (f ? lanes.lanes[f.lane]!.key : null);
const focusOn = (id: string): EventFocus => {
  const row = table.rowOfId.get(id)!;
  return { row, lane: lanes.lanesOf(row)[0]! };
};

describe('keyboard focus on the timeline', () => {
  it('Right and Left walk one lane in time order, and stop at its ends', () => {
    const ceasefireLane = lanes.lanes.findIndex((l) => l.key === 'type:ceasefire');
    let focus: EventFocus | null = { row: index.rows[ceasefireLane]![0]!, lane: ceasefireLane };
    const walked = [idOf(focus)];
    for (;;) {
      const next = stepInTime(index, table, focus!, 1);
      if (!next) break;
      expect(table.start[next.row]!).toBeGreaterThanOrEqual(table.start[focus!.row]!);
      expect(next.lane).toBe(ceasefireLane);
      walked.push(idOf(next));
      focus = next;
    }
    expect(walked[0]).toMatch(/^1994/);
    expect(walked.at(-1)).toBe('2022-09-14-ceasefire');
    expect(walked).toHaveLength(index.rows[ceasefireLane]!.length);
    // And back again, to the first one.
    let back: EventFocus | null = focus;
    for (let i = 1; i < walked.length; i++) back = stepInTime(index, table, back!, -1);
    expect(idOf(back)).toBe(walked[0]);
    expect(stepInTime(index, table, back!, -1)).toBeNull();
  });

  it('Up and Down go to the next lane with events, at the event nearest in time', () => {
    const start = focusOn('2022-09-14-ceasefire');
    const below = stepLane(index, table, start, 1)!;
    expect(below.lane).toBeGreaterThan(start.lane);
    // Nothing in that lane is nearer in time than the chosen event.
    const t = table.start[start.row]!;
    for (const row of index.rows[below.lane]!) expect(Math.abs(table.start[row]! - t)).toBeGreaterThanOrEqual(Math.abs(table.start[below.row]! - t));
    expect(laneKey(stepLane(index, table, { row: index.rows[0]![0]!, lane: 0 }, -1))).toBeNull();
    const last = lanes.lanes.length - 1;
    expect(stepLane(index, table, { row: index.rows[last]![0]!, lane: last }, 1)).toBeNull();
  });

  it('Home and End reach the earliest and latest events that pass the filters', () => {
    expect(idOf(edgeEvent(index, 'first'))).toBe(table.eventAt(0).id);
    const latest = Math.max(...Array.from(table.start));
    expect(table.start[edgeEvent(index, 'last')!.row]).toBe(latest);
    const onlyClashes = buildLaneIndex(table, filterMask(table, { ...NO_FILTERS, types: ['clash'] }, textMatcherFor(table)), lanes);
    expect(table.eventAt(edgeEvent(onlyClashes, 'first')!.row).type).toBe('clash');
    expect(edgeEvent(buildLaneIndex(table, new Uint8Array(table.size), lanes), 'first')).toBeNull();
  });

  it('focus entering the timeline lands on the first event in the window, or the nearest to it', () => {
    const from = Date.UTC(2022, 8, 14);
    const first = settleFocus(index, table, null, { from, to: Date.UTC(2022, 8, 16) })!;
    expect(table.start[first.row]!).toBeGreaterThanOrEqual(from);
    for (const rows of index.rows) for (const row of rows) if (table.start[row]! >= from) expect(table.start[row]!).toBeGreaterThanOrEqual(table.start[first.row]!);
    // An empty window (2005) gets the event nearest to it.
    const empty = settleFocus(index, table, null, { from: Date.UTC(2005, 0, 1), to: Date.UTC(2005, 1, 1) });
    expect(empty).not.toBeNull();
    // A focus that is still there stays; one that the filters removed moves.
    const kept = focusOn('2022-09-14-ceasefire');
    expect(settleFocus(index, table, kept, { from, to: from + 1 })).toBe(kept);
    const noCeasefires = buildLaneIndex(table, filterMask(table, { ...NO_FILTERS, types: ['clash'] }, textMatcherFor(table)), lanes);
    expect(positionInLane(noCeasefires, table, kept)).toBe(-1);
    expect(table.eventAt(settleFocus(noCeasefires, table, kept, { from, to: from + 86_400_000 })!.row).type).toBe('clash');
  });

  it('an event in two actor lanes is stepped through in each of them', () => {
    const big = buildEventTable(makeDataset({ events: 400, actors: 6, seed: 3 }));
    const byActor = actorLanes(big, null, 'en', 10, 'Other actors');
    const idx = buildLaneIndex(big, null, byActor);
    byActor.lanes.forEach((_, lane) => {
      const rows = idx.rows[lane]!;
      let focus: EventFocus | null = rows.length ? { row: rows[0]!, lane } : null;
      let n = 0;
      while (focus) {
        expect(big.start[focus.row]).toBe(idx.starts[lane]![n]);
        n++;
        focus = stepInTime(idx, big, focus, 1);
      }
      expect(n).toBe(rows.length);
    });
  });
});
