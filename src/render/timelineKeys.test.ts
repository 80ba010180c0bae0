import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from '../store/store.ts';
import { lanesForView, laneIndexForView } from './viewLayout.ts';
import { handleTimelineKey } from './timelineKeys.ts';
import { addStep, EMPTY_STORY } from '../story/story.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;
const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

function setUp(window = { from: Date.UTC(2022, 8, 12), to: Date.UTC(2022, 8, 16) }) {
  const store = createAppStore({ dataset });
  store.getState().setWindow(window);
  const nav = () => {
    const lanes = lanesForView(store.getState(), 'en', 10);
    return { lanes, index: laneIndexForView(store.getState(), lanes) };
  };
  const press = (k: string, shift = false) => handleTimelineKey(key(k, shift), store, nav());
  const focusedId = () => {
    const f = store.getState().focus;
    return f ? store.getState().table.eventAt(f.row).id : null;
  };
  return { store, press, focusedId };
}

describe('the timeline keys', () => {
  it('the first arrow lands on the first event in view; the next ones step in time', () => {
    const { press, focusedId, store } = setUp();
    expect(press('ArrowRight')).toBe(true);
    expect(focusedId()).toBe('2022-09-13-border-clash');
    press('ArrowDown');
    press('ArrowDown');
    // Two lanes down, the ceasefire nearest in time: the 14 Sep one, the last ceasefire of all.
    expect(focusedId()).toBe('2022-09-14-ceasefire');
    press('ArrowRight');
    expect(focusedId()).toBe('2022-09-14-ceasefire');
    press('ArrowLeft');
    expect(focusedId()).not.toBe('2022-09-14-ceasefire');
    expect(store.getState().table.eventAt(store.getState().focus!.row).type).toBe('ceasefire');
  });

  it('moving to an event outside the window moves the window, keeping its span', () => {
    const { press, store, focusedId } = setUp();
    press('ArrowRight');
    press('ArrowDown');
    press('ArrowDown');
    const span = store.getState().window.to - store.getState().window.from;
    for (let i = 0; i < 5; i++) press('ArrowLeft');
    expect(focusedId()).toMatch(/^1994/);
    const { from, to } = store.getState().window;
    expect(to - from).toBeCloseTo(span, -3);
    expect(Date.UTC(1994, 4, 12)).toBeGreaterThan(from);
    expect(Date.UTC(1994, 4, 12)).toBeLessThan(to);
  });

  it('Enter opens the focused event; Home and End go to the ends of the data', () => {
    const { press, store, focusedId } = setUp();
    press('End');
    expect(store.getState().table.start[store.getState().focus!.row]).toBe(Math.max(...store.getState().table.start));
    press('Home');
    expect(focusedId()).toBe(store.getState().table.eventAt(0).id);
    expect(store.getState().window.from).toBeLessThan(store.getState().table.start[0]!);
    press('Enter');
    expect(store.getState().selectedId).toBe(focusedId());
  });

  it('+ and − zoom around the focused event; Shift+arrows and Page keys pan; other keys pass', () => {
    const { press, store } = setUp();
    press('ArrowRight');
    const t = store.getState().table.start[store.getState().focus!.row]!;
    const before = store.getState().window;
    const at = (w: typeof before) => (t - w.from) / (w.to - w.from);
    press('+');
    const after = store.getState().window;
    expect(after.to - after.from).toBeCloseTo((before.to - before.from) / 2, -3);
    expect(at(after)).toBeCloseTo(at(before), 5);
    press('-');
    expect(store.getState().window.to - store.getState().window.from).toBeCloseTo(before.to - before.from, -3);
    const from = store.getState().window.from;
    press('ArrowRight', true);
    expect(store.getState().window.from).toBeGreaterThan(from);
    press('PageUp');
    expect(store.getState().window.from).toBeCloseTo(from, -3);
    expect(press('a')).toBe(false);
    expect(handleTimelineKey({ ...key('ArrowRight'), ctrlKey: true }, store, null)).toBe(false);
  });

  it('while a story is presented, Page Up and Page Down are not the timeline’s (they move between steps); the arrows still are', () => {
    const { press, store } = setUp();
    store.getState().openStory(addStep(addStep(EMPTY_STORY, 'types=clash'), 'types=protest'));
    store.getState().present(0);
    const before = store.getState().window;
    expect(press('PageDown')).toBe(false);
    expect(press('PageUp')).toBe(false);
    expect(store.getState().window).toBe(before);
    expect(press('ArrowRight', true)).toBe(true);
    expect(store.getState().window.from).toBeGreaterThan(before.from);
  });
});
