import { afterEach, describe, expect, it, vi } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from './store.ts';
import { readUrlIntoStore, startUrlSync } from './urlSync.ts';
import { startStoryPresentation } from './storyPresentation.ts';
import { addStep, EMPTY_STORY, updateStep } from '../story/story.ts';
import { decodeStoryParam } from '../story/storyCodec.ts';
import { STEP_MOVE_MS } from './windowTween.ts';

const r = validateDataset(seed);
const dataset = (r.ok ? r.dataset : null) as Dataset;

const story = addStep(
  addStep(addStep(EMPTY_STORY, 'from=2022-09-12&to=2022-09-16', { caption: 'The clashes' }), 'from=2022-09-14&to=2022-09-15&types=ceasefire', { caption: 'Ceasefires' }),
  'from=2020-01-01&to=2023-01-01&lanes=actor',
  { caption: 'Who' },
);

/** Enough of a window for the URL sync and the presenter: history, location, frames on demand, and the motion preference. */
function fakeWindow(search: string, reducedMotion = false) {
  const entries = [search];
  let index = 0;
  const listeners: (() => void)[] = [];
  let frames: { id: number; fn: (now: number) => void }[] = [];
  let now = 1000;
  let nextId = 1;
  const toSearch = (url: string) => url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.length);
  return {
    location: { pathname: '/', hash: '', get search() { return entries[index]!; } },
    entries,
    get index() { return index; },
    history: {
      pushState: (_: unknown, __: string, url: string) => { entries.splice(index + 1, Infinity, toSearch(url)); index++; },
      replaceState: (_: unknown, __: string, url: string) => { entries[index] = toSearch(url); },
    },
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    removeEventListener: () => {},
    matchMedia: (query: string) => ({ matches: reducedMotion && query.includes('reduce') }),
    requestAnimationFrame: (fn: (now: number) => void) => { frames.push({ id: nextId, fn }); return nextId++; },
    cancelAnimationFrame: (id: number) => { frames = frames.filter((f) => f.id !== id); },
    /** Runs the frames due `ms` from now. */
    frame(ms = 16) {
      now += ms;
      const due = frames;
      frames = [];
      due.forEach((f) => f.fn(now));
    },
    get pendingFrames() { return frames.length; },
    back() { index--; listeners.forEach((fn) => fn()); },
    forward() { index++; listeners.forEach((fn) => fn()); },
  };
}

function start(search: string, options: { reducedMotion?: boolean; embed?: boolean } = {}) {
  vi.useFakeTimers();
  const win = fakeWindow(search, options.reducedMotion);
  const store = createAppStore({ dataset });
  readUrlIntoStore(store, win.location.search);
  const presentation = startStoryPresentation(store, win as unknown as Window, { writeAddress: !options.embed });
  const stops = [options.embed ? () => {} : startUrlSync(store, win as unknown as Window), presentation.stop];
  // As main.tsx does with a link's story: the address's story= holds it.
  if (search.includes('story=')) presentation.holdsStory(story);
  store.getState().openStory(story);
  const settle = () => {
    for (let i = 0; i < 60 && win.pendingFrames; i++) win.frame(16);
    vi.runAllTimers();
  };
  return { win, store, settle, stop: () => stops.forEach((s) => s()) };
}

const iso = (w: { from: number; to: number }) => [new Date(w.from).toISOString(), new Date(w.to).toISOString()];

describe('presenting a story', () => {
  afterEach(() => vi.useRealTimers());

  it('Back from a presentation entered again at once, before the address caught up with the last step, returns to that step’s view', () => {
    const { win, store, settle, stop } = start('?from=2022-09-13&to=2022-09-15');
    store.getState().present(0);
    settle();
    store.getState().present(1);
    // The second step's window and types are on screen; End, and Present again before the address settles.
    for (let i = 0; i < 60 && win.pendingFrames; i++) win.frame(16);
    store.getState().present(null);
    store.getState().present(0);
    settle();
    win.back();
    settle();
    const params = new URLSearchParams(win.location.search);
    expect(params.get('types')).toBe('ceasefire');
    expect([params.get('from'), params.get('to')]).toEqual(['2022-09-14', '2022-09-15']);
    expect(store.getState().filters.types).toEqual(['ceasefire']);
    stop();
  });

  it('entering is one history entry naming the step, with the step’s view; moving and ending replace it; Back leaves', () => {
    const { win, store, settle, stop } = start('?story=z1.x&from=2022-09-13&to=2022-09-15');
    store.getState().present(0);
    settle();
    expect(win.entries).toEqual(['?story=z1.x&from=2022-09-13&to=2022-09-15', '?story=z1.x&step=1&from=2022-09-12&to=2022-09-16']);
    store.getState().present(1);
    settle();
    expect(win.entries).toEqual(['?story=z1.x&from=2022-09-13&to=2022-09-15', '?story=z1.x&step=2&from=2022-09-14&to=2022-09-15&types=ceasefire']);
    expect(store.getState().filters.types).toEqual(['ceasefire']);
    store.getState().present(null);
    settle();
    expect(win.entries).toEqual(['?story=z1.x&from=2022-09-13&to=2022-09-15', '?story=z1.x&from=2022-09-14&to=2022-09-15&types=ceasefire']);
    // Presenting again, Back leaves the presentation for the view before it, in one press.
    store.getState().present(0);
    settle();
    store.getState().present(2);
    settle();
    expect(win.entries).toHaveLength(3);
    win.back();
    expect(store.getState().presenting).toBeNull();
    expect(iso(store.getState().window)).toEqual(['2022-09-14T00:00:00.000Z', '2022-09-15T00:00:00.000Z']);
    expect(store.getState().lanes).toBe('type');
    win.back();
    expect(iso(store.getState().window)).toEqual(['2022-09-13T00:00:00.000Z', '2022-09-15T00:00:00.000Z']);
    expect(store.getState().filters.types).toEqual([]);
    stop();
  });

  it('Forward into a step’s entry presents that step again, with the view its address holds', () => {
    const { win, store, settle, stop } = start('?story=z1.x');
    store.getState().present(0);
    settle();
    store.getState().present(2);
    settle();
    store.getState().zoomBy(2, 0.5, 'replace');
    settle();
    const zoomed = win.entries[1];
    win.back();
    expect(store.getState().presenting).toBeNull();
    win.forward();
    expect(store.getState().presenting).toBe(2);
    settle();
    expect(win.entries[1]).toBe(zoomed);
    expect(store.getState().lanes).toBe('actor');
    stop();
  });

  it('between steps the window glides: filters at once, the window between the two, then exactly the next step’s', () => {
    const { win, store, settle, stop } = start('');
    store.getState().present(0);
    settle();
    expect(iso(store.getState().window)).toEqual(['2022-09-12T00:00:00.000Z', '2022-09-16T00:00:00.000Z']);
    store.getState().present(1);
    expect(store.getState().filters.types).toEqual(['ceasefire']);
    expect(iso(store.getState().window)).toEqual(['2022-09-12T00:00:00.000Z', '2022-09-16T00:00:00.000Z']);
    win.frame(0);
    win.frame(STEP_MOVE_MS / 2);
    const { from, to } = store.getState().window;
    expect(from).toBeGreaterThan(Date.UTC(2022, 8, 12));
    expect(to).toBeLessThan(Date.UTC(2022, 8, 16));
    expect(to - from).toBeGreaterThan(86_400_000);
    win.frame(STEP_MOVE_MS / 2);
    expect(iso(store.getState().window)).toEqual(['2022-09-14T00:00:00.000Z', '2022-09-15T00:00:00.000Z']);
    expect(win.pendingFrames).toBe(0);
    settle();
    stop();
  });

  it('under prefers-reduced-motion, the window jumps', () => {
    const { win, store, stop } = start('', { reducedMotion: true });
    store.getState().present(0);
    store.getState().present(1);
    expect(iso(store.getState().window)).toEqual(['2022-09-14T00:00:00.000Z', '2022-09-15T00:00:00.000Z']);
    expect(win.pendingFrames).toBe(0);
    stop();
  });

  it('a zoom by the reader during the glide stops it where the reader left it', () => {
    const { win, store, stop } = start('');
    store.getState().present(0);
    store.getState().present(2);
    win.frame(0);
    win.frame(100);
    store.getState().zoomBy(2, 0.5, 'replace');
    const zoomed = store.getState().window;
    win.frame(STEP_MOVE_MS);
    expect(store.getState().window).toBe(zoomed);
    expect(win.pendingFrames).toBe(0);
    stop();
  });

  it('in an embed, the address and its history are never written', () => {
    const { win, store, settle, stop } = start('?embed=1&story=z1.x&step=1', { embed: true });
    store.getState().present(0);
    store.getState().present(1);
    store.getState().present(null);
    settle();
    expect(win.entries).toEqual(['?embed=1&story=z1.x&step=1']);
    expect(store.getState().filters.types).toEqual(['ceasefire']);
    stop();
  });

  it('names what a step’s view asks for that the data cannot show, once', () => {
    const { store, settle, stop } = start('');
    store.getState().editStory((s) => addStep(s, 'actors=nobody&types=clash', { caption: 'Ghost' }));
    store.getState().present(3);
    settle();
    expect(store.getState().filters.types).toEqual(['clash']);
    store.getState().present(0);
    store.getState().present(3);
    settle();
    expect(store.getState().notices.map((n) => n.text)).toEqual(['Step 4 of the story: ignored actor "nobody" is not in the data.']);
    stop();
  });

  it('a story written in the page goes into the address while presented, and out of it once it is edited', () => {
    const { win, store, settle, stop } = start('?from=2022-09-13&to=2022-09-15');
    store.getState().present(1);
    settle();
    const address = new URLSearchParams(win.location.search);
    expect(address.get('step')).toBe('2');
    const decoded = decodeStoryParam(address.get('story')!);
    expect(decoded.ok && decoded.story.steps.map((s) => s.caption)).toEqual(['The clashes', 'Ceasefires', 'Who']);
    // An edit while presenting: the address holds the edited story once typing pauses.
    store.getState().editStory((s) => updateStep(s, 1, { caption: 'Ceasefires, again' }));
    settle();
    const edited = decodeStoryParam(new URLSearchParams(win.location.search).get('story')!);
    expect(edited.ok && edited.story.steps[1]!.caption).toBe('Ceasefires, again');
    expect(win.entries).toHaveLength(2);
    store.getState().present(null);
    settle();
    // Not presenting, the address keeps the story it holds until the story changes again.
    expect(new URLSearchParams(win.location.search).has('story')).toBe(true);
    store.getState().editStory((s) => updateStep(s, 0, { caption: 'Changed' }));
    settle();
    expect(win.location.search).toBe('?from=2022-09-14&to=2022-09-15&types=ceasefire');
    stop();
  });

  it('the story a link opened stays in the address as the link wrote it', () => {
    const { win, store, settle, stop } = start('?story=z1.asWritten');
    store.getState().present(0);
    settle();
    expect(new URLSearchParams(win.location.search).get('story')).toBe('z1.asWritten');
    stop();
  });
});
