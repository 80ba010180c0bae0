import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore, urlViewOf } from './store.ts';
import { packEvents } from '../table/packedEvents.ts';
import { buildEventTable, computeTableColumns } from '../table/eventTable.ts';
import { allEventsOf, makeDataset } from '../testing/fixtures.ts';
import { previewTable } from '../table/previewTable.ts';
import { visibleRows } from './derived.ts';
import { MAX_SPAN, MIN_SPAN, zoomWindow } from './window.ts';
import { decodeUrl, encodeUrl } from './url.ts';
import { knowledgeOf } from './urlSync.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;

describe('the app store', () => {
  it('loads the seed and shows every event in the initial window', () => {
    const store = createAppStore({ dataset });
    const s = store.getState();
    expect(s.table.size).toBe(dataset.events.length);
    expect(visibleRows(s).length).toBe(dataset.events.length);
  });

  it('shows packed data from the import worker, and adds packed data to what is loaded', () => {
    const { events, ...info } = dataset;
    const packed = (part: Dataset['events']) => [packEvents(info, part), computeTableColumns({ events: part, actors: dataset.actors })] as const;
    const store = createAppStore();
    store.getState().loadPacked(...packed(events));
    let s = store.getState();
    expect(s.dataset).toEqual(info);
    expect(allEventsOf(s.table)).toEqual(allEventsOf(buildEventTable(dataset)));
    // The first half, then the whole packed: the second half is added, the first half counted as already loaded.
    store.getState().loadPacked(...packed(events.slice(0, 8)));
    store.getState().loadPacked(...packed(events), { mode: 'add' });
    s = store.getState();
    expect(s.table.size).toBe(events.length);
    expect(s.notices.at(-1)?.text).toMatch(/^8 events? .*already loaded/);
  });

  it('shows a preview in front of the loaded data, then the file, or the data and view from before when the file fails', () => {
    const { events, ...info } = dataset;
    const store = createAppStore({ dataset });
    store.getState().setFilters({ types: ['clash'] });
    store.getState().select(events[0]!.id);
    const before = store.getState();
    const few = makeDataset({ events: 30 });
    store.getState().showPreview('large.parquet', null, previewTable(buildEventTable(few)));
    let s = store.getState();
    expect(s.previewing?.fileName).toBe('large.parquet');
    expect(s.table.size).toBe(30);
    expect(s.dataset?.title).toBe('large.parquet');
    expect(s.selectedId).toBeNull();
    expect(s.filters.types).toEqual([]);
    expect(s.lastChange).toBe('init'); // the URL is left alone
    store.getState().endPreview();
    s = store.getState();
    expect(s.previewing).toBeNull();
    expect(s.table).toBe(before.table);
    expect(s.dataset).toBe(before.dataset);
    expect(s.filters).toBe(before.filters);
    expect(s.selectedId).toBe(events[0]!.id);
    expect(s.window).toBe(before.window);
    // A preview, then the file read: the preview is gone.
    store.getState().showPreview('large.parquet', 'Large', previewTable(buildEventTable(few)));
    store.getState().loadPacked(packEvents(info, events), computeTableColumns(dataset));
    expect(store.getState().previewing).toBeNull();
    expect(store.getState().table.size).toBe(events.length);
  });

  it('narrows the visible events when zooming into September 2022', () => {
    const store = createAppStore({ dataset });
    store.getState().setWindow({ from: Date.UTC(2022, 8, 12), to: Date.UTC(2022, 8, 16) });
    const rows = visibleRows(store.getState());
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(dataset.events.length);
    // In time order.
    const starts = Array.from(rows, (row) => store.getState().table.start[row]!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('keeps zooming between about an hour and about forty years', () => {
    const store = createAppStore({ dataset });
    for (let i = 0; i < 40; i++) store.getState().zoomBy(2);
    let w = store.getState().window;
    expect(w.to - w.from).toBe(MIN_SPAN);
    for (let i = 0; i < 40; i++) store.getState().zoomBy(0.5);
    w = store.getState().window;
    expect(w.to - w.from).toBeCloseTo(MAX_SPAN, -3);
  });

  it('zooms around the pointer: the instant under it stays put', () => {
    const w = { from: 0, to: 1000 * 3_600_000 };
    const z = zoomWindow(w, 4, 0.25);
    expect(z.from + (z.to - z.from) * 0.25).toBeCloseTo(w.from + (w.to - w.from) * 0.25);
  });

  it('marks zooming as replaceable and selection as a discrete step', () => {
    const store = createAppStore({ dataset });
    store.getState().zoomBy(2, 0.5, 'replace');
    expect(store.getState().lastChange).toBe('replace');
    store.getState().select('2022-09-14-ceasefire');
    expect(store.getState().lastChange).toBe('push');
  });

  it('round-trips its view through the URL', () => {
    const store = createAppStore({ dataset });
    store.getState().setWindow({ from: Date.UTC(2022, 8, 14, 6), to: Date.UTC(2022, 8, 15, 6) });
    store.getState().select('2022-09-14-ceasefire');
    store.getState().setFilters({ types: ['ceasefire'], actors: ['am-government'] });
    store.getState().setLanes('actor');
    const url = encodeUrl(urlViewOf(store.getState()));
    const other = createAppStore({ dataset });
    const { view, ignored } = decodeUrl(url, knowledgeOf(other));
    expect(ignored).toEqual([]);
    other.getState().applyUrlView(view);
    expect(urlViewOf(other.getState())).toEqual(urlViewOf(store.getState()));
    expect(Array.from(visibleRows(other.getState()))).toEqual(Array.from(visibleRows(store.getState())));
  });

  it('returns the same visible-rows array while the set is unchanged, so React need not re-render', () => {
    const store = createAppStore({ dataset });
    store.getState().setWindow({ from: Date.UTC(2022, 8, 12), to: Date.UTC(2022, 8, 16) });
    const a = visibleRows(store.getState());
    store.getState().setWindow({ from: Date.UTC(2022, 8, 12, 0, 1), to: Date.UTC(2022, 8, 16) });
    expect(visibleRows(store.getState())).toBe(a);
  });
});

describe('facet counts', () => {
  it('counts each actor and type under the other filters, within the window', async () => {
    const { actorCounts, typeCounts, placeCounts } = await import('./derived.ts');
    const { EVENT_TYPES } = await import('../model/taxonomy.ts');
    const store = createAppStore({ dataset });
    store.getState().setFilters({ types: ['protest'] });
    const s = store.getState();
    const protesters = s.table.actorRow.get('am-protesters')!;
    expect(actorCounts(s)[protesters]).toBe(2);
    // The type counts ignore the type filter itself.
    expect(typeCounts(s)[EVENT_TYPES.indexOf('ceasefire')]).toBe(4);
    expect(placeCounts(s).countries.get('ARM')).toBe(2);
    store.getState().setWindow({ from: Date.UTC(2022, 8, 14, 19), to: Date.UTC(2022, 8, 14, 21) });
    expect(actorCounts(store.getState())[protesters]).toBeLessThan(2);
  });
});

describe('counting the events in view', () => {
  it('visibleCount equals the number of visible rows, for random windows and filters', async () => {
    const { makeDataset, seededRandom } = await import('../testing/fixtures.ts');
    const { visibleCount } = await import('./derived.ts');
    const store = createAppStore({ dataset: makeDataset({ events: 2000, actors: 20, seed: 4, lasting: 0.2 }) });
    const random = seededRandom(9);
    const { from, to } = store.getState().table.extent!;
    const filters = [{}, { types: ['clash' as const] }, { actors: ['actor-2', 'actor-5'] }, { q: 'actor' }];
    for (let i = 0; i < 200; i++) {
      const a = from + random() * (to - from);
      const span = 3_600_000 + random() * (to - from);
      store.getState().setFilters({ types: [], actors: [], q: '', ...filters[i % filters.length] });
      store.getState().setWindow({ from: a - span / 2, to: a + span / 2 });
      expect(visibleCount(store.getState())).toBe(visibleRows(store.getState()).length);
    }
  });
});

describe('the story slice', () => {
  it('edits, undoes, and keeps the presented step among the steps', async () => {
    const { addStep, deleteStep, updateStep } = await import('../story/story.ts');
    const store = createAppStore();
    const s = () => store.getState();
    s().editStory((story) => addStep(story, 'types=clash'));
    s().editStory((story) => addStep(story, 'types=ceasefire'));
    s().present(1);
    expect(s().presenting).toBe(1);
    s().editStory((story) => deleteStep(story, 1));
    expect(s().presenting).toBe(0);
    s().editStory((story) => updateStep(story, 0, { caption: '' }));
    expect(s().storyPast).toHaveLength(3);
    s().undoStory();
    expect(s().story.steps.map((step) => step.view)).toEqual(['types=clash', 'types=ceasefire']);
    s().editStory((story) => deleteStep(story, 0));
    s().editStory((story) => deleteStep(story, 0));
    expect(s().presenting).toBeNull();
  });
});
