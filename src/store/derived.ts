// Values derived from the store, memoised on the identity of their inputs. Each returns the very
// same object when its result has not changed, so "did it change?" is an identity check.
import { facetActive, filterMask, type FilterFacet, type Filters } from '../table/filter.ts';
import { EVENT_TYPES } from '../model/taxonomy.ts';
import { lowerBound, rowsInWindow, upperBound, type EventTable } from '../table/eventTable.ts';
import { createRowPartsReader } from '../table/search.ts';
import { builtWordIndex, createWordIndexBuilder, createWordMatcher, type TextMatcher, type WordIndex, type WordIndexBuilder } from '../table/wordIndex.ts';
import { buildTypeRowsIndex, laneCountInWindow, type LaneIndex } from '../layout/laneIndex.ts';
import type { AppState } from './store.ts';

const wordIndexes = new WeakMap<EventTable, WordIndexBuilder>();
function wordIndexBuilderOf(table: EventTable): WordIndexBuilder {
  let builder = wordIndexes.get(table);
  if (!builder) wordIndexes.set(table, (builder = createWordIndexBuilder(table.size, createRowPartsReader(table))));
  return builder;
}

/** The table's search index, finished here if preparing it in the background has not. */
export function searchIndexOf(table: EventTable): WordIndex {
  return wordIndexBuilderOf(table).index();
}

/** How long each background slice of indexing may take: well inside a frame. */
const INDEX_SLICE_MS = 6;

/**
 * Search indexes on their way from the import worker, which builds one after each file it reads:
 * preparing waits for it rather than building it here. `waiting` holds what prepareSearchIndex
 * was asked to do meanwhile (call back, or just prepare).
 */
const incoming = new WeakMap<EventTable, { progress: number; waiting: Set<{ onReady?: () => void }> }>();

/**
 * Says that the table's search index is coming (from the import worker). Tell the handle how far
 * it has got, then give it the index, or null if none comes: then the page builds it, as usual.
 */
export function awaitSearchIndex(table: EventTable): { progress(fraction: number): void; arrived(index: WordIndex | null): void } {
  const entry = { progress: 0, waiting: new Set<{ onReady?: () => void }>() };
  incoming.set(table, entry);
  return {
    progress(fraction) {
      entry.progress = fraction;
    },
    arrived(index) {
      if (incoming.get(table) !== entry) return;
      incoming.delete(table);
      if (index && index.size === table.size && !wordIndexBuilderOf(table).done) wordIndexes.set(table, builtWordIndex(index));
      for (const { onReady } of entry.waiting) prepareSearchIndex(table, onReady);
    },
  };
}

/** Whether the table's search index is ready, and how much of it is (0 to 1). */
export function searchIndexState(table: EventTable): { ready: boolean; progress: number } {
  const builder = wordIndexBuilderOf(table);
  const coming = incoming.get(table);
  return { ready: builder.done, progress: !builder.done && coming ? coming.progress : builder.progress };
}

/**
 * Starts indexing the table's text between frames (a few ms at a time), so that the first search
 * of a large dataset finds the index ready, or mostly so, instead of freezing the page to build it.
 * Where the import worker is building it, waits for that instead. `onReady` is called once it is
 * done (at once if it already is).
 */
const preparing = new WeakMap<EventTable, { stop(): void; ready: Set<() => void> }>();
/** Returns a function that stops the preparation (when the table is replaced, say). */
export function prepareSearchIndex(table: EventTable, onReady?: () => void): () => void {
  const builder = wordIndexBuilderOf(table);
  if (builder.done) {
    onReady?.();
    return () => {};
  }
  const coming = incoming.get(table);
  if (coming) {
    const waiter = onReady ? { onReady } : {};
    coming.waiting.add(waiter);
    return () => coming.waiting.delete(waiter);
  }
  const running = preparing.get(table);
  if (running) {
    if (onReady) running.ready.add(onReady);
    return running.stop;
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const ready = new Set<() => void>(onReady ? [onReady] : []);
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    preparing.delete(table);
  };
  const slice = () => {
    if (builder.buildUntil(performance.now() + INDEX_SLICE_MS)) {
      stop();
      for (const callback of ready) callback();
    } else timer = setTimeout(slice, 0);
  };
  preparing.set(table, { stop, ready });
  timer = setTimeout(slice, 0);
  return stop;
}

function memoOn2<A extends object, B extends object, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  const cache = new WeakMap<A, WeakMap<B, { value: R }>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new WeakMap()));
    let hit = inner.get(b);
    if (!hit) inner.set(b, (hit = { value: fn(a, b) }));
    return hit.value;
  };
}

const textMatchers = new WeakMap<EventTable, TextMatcher>();
/** The table's text matcher: it remembers the rows of recent words, so typing the next word does not look up the earlier ones again. */
function textMatcherOf(table: EventTable): TextMatcher {
  let matcher = textMatchers.get(table);
  if (!matcher) textMatchers.set(table, (matcher = createWordMatcher(() => searchIndexOf(table))));
  return matcher;
}

/** Rows passing all filters (null: every row passes). */
export const maskOf = memoOn2((table: EventTable, filters: Filters) => filterMask(table, filters, textMatcherOf(table)));

const facetMasks = new Map<FilterFacet, (table: EventTable, filters: Filters) => Uint8Array | null>();
/** Rows passing every filter but one, for the counts beside that filter's options. */
export function maskWithout(table: EventTable, filters: Filters, facet: FilterFacet): Uint8Array | null {
  // A facet that filters nothing leaves the whole mask: the same rows, worked out once (at a
  // million events, a mask takes about 15 ms; an actor filter asked for both).
  if (!facetActive(filters, facet)) return maskOf(table, filters);
  let fn = facetMasks.get(facet);
  if (!fn) {
    fn = memoOn2((t: EventTable, f: Filters) => filterMask(t, f, textMatcherOf(t), facet));
    facetMasks.set(facet, fn);
  }
  return fn(table, filters);
}

function sameRows(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// The last answer per table (and key): memos of the inputs' identity, so that two apps' tables never share one.
const lastRows = new WeakMap<EventTable, Map<string, { mask: Uint8Array | null; window: AppState['window']; rows: Uint32Array }>>();

/**
 * Rows in the window passing `mask`. Nothing is recomputed while table, mask and window stay the
 * same objects (a hover re-runs every selector), and the previous array comes back when the same
 * rows come out again.
 */
function stableRowsInWindow(key: string, table: EventTable, mask: Uint8Array | null, window: AppState['window']): Uint32Array {
  let ofTable = lastRows.get(table);
  if (!ofTable) lastRows.set(table, (ofTable = new Map()));
  const last = ofTable.get(key);
  if (last && last.mask === mask && last.window === window) return last.rows;
  const rows = rowsInWindow(table, mask, window.from, window.to);
  if (last && last.mask === mask && sameRows(last.rows, rows)) {
    last.window = window;
    return last.rows;
  }
  ofTable.set(key, { mask, window, rows });
  return rows;
}

/** Rows in the window that pass the filters, in time order: the N of "Showing N of M events". */
export function visibleRows(state: Pick<AppState, 'table' | 'filters' | 'window'>): Uint32Array {
  return stableRowsInWindow('all', state.table, maskOf(state.table, state.filters), state.window);
}

const passPrefixes = new WeakMap<Uint8Array, Uint32Array>();
/** prefix[i]: how many of rows 0 … i−1 pass the mask. */
function passPrefix(mask: Uint8Array): Uint32Array {
  let prefix = passPrefixes.get(mask);
  if (!prefix) {
    prefix = new Uint32Array(mask.length + 1);
    for (let i = 0; i < mask.length; i++) prefix[i + 1] = prefix[i]! + mask[i]!;
    passPrefixes.set(mask, prefix);
  }
  return prefix;
}

/**
 * The rows in view that start before the window and reach into it (long events), in time order.
 * Only rows that start at most `longestDuration` before the window can; usually there are few.
 */
function rowsReachingIn(table: EventTable, mask: Uint8Array | null, from: number): number[] {
  const out: number[] = [];
  const lo = lowerBound(table.start, from);
  for (let i = lowerBound(table.start, from - table.longestDuration); i < lo; i++) {
    if (table.end[i]! >= from && (!mask || mask[i] === 1)) out.push(i);
  }
  return out;
}

/**
 * How many events are in view: visibleRows(state).length without listing them, in O(log n) plus
 * the few long events that start before the window. The status line reads it on every frame.
 */
export function visibleCount(state: Pick<AppState, 'table' | 'filters' | 'window'>): number {
  const { table, window } = state;
  const mask = maskOf(table, state.filters);
  const lo = lowerBound(table.start, window.from);
  const hi = upperBound(table.start, window.to);
  const starting = mask ? passPrefix(mask)[hi]! - passPrefix(mask)[lo]! : hi - lo;
  return starting + rowsReachingIn(table, mask, window.from).length;
}

/** A part of visibleRows(state), found without listing the rest: what a scrolled table shows. */
export interface VisibleSlice {
  /** visibleRows(state).length */
  total: number;
  /** visibleRows(state).subarray(first, last) */
  rows: Uint32Array;
  /** The index of `row` in visibleRows(state), or −1 when it is not in view. */
  indexOf(row: number): number;
}

/**
 * Rows first … last−1 of visibleRows(state). The rows that start in the window are counted with
 * the filter's prefix sum, so the cost is a binary search plus the rows asked for, however many
 * events are in view.
 */
export function visibleSlice(state: Pick<AppState, 'table' | 'filters' | 'window'>, first: number, last: number): VisibleSlice {
  const { table, window } = state;
  const mask = maskOf(table, state.filters);
  const early = rowsReachingIn(table, mask, window.from);
  const lo = lowerBound(table.start, window.from);
  const hi = upperBound(table.start, window.to);
  const prefix = mask ? passPrefix(mask) : null;
  /** How many rows in [lo, i) pass. */
  const passedBefore = (i: number) => (prefix ? prefix[i]! - prefix[lo]! : i - lo);
  const total = early.length + passedBefore(hi);
  const from = Math.max(0, Math.min(first, total));
  const to = Math.max(from, Math.min(last, total));
  const rows = new Uint32Array(to - from);
  let n = 0;
  for (let k = from; k < Math.min(to, early.length); k++) rows[n++] = early[k]!;
  if (n < rows.length) {
    // The first row of [lo, hi) with (from − early.length) passing rows before it.
    const skip = Math.max(0, from - early.length);
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (passedBefore(mid + 1) <= skip) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < hi && n < rows.length; i++) if (!mask || mask[i] === 1) rows[n++] = i;
  }
  return {
    total,
    rows,
    indexOf(row) {
      const at = early.indexOf(row);
      if (at >= 0) return at;
      if (row < lo || row >= hi || (mask && mask[row] !== 1)) return -1;
      return early.length + passedBefore(row);
    },
  };
}

/** Rows in the window passing every filter but `facet`. */
export function visibleRowsWithout(state: Pick<AppState, 'table' | 'filters' | 'window'>, facet: FilterFacet): Uint32Array {
  return stableRowsInWindow(facet, state.table, maskWithout(state.table, state.filters, facet), state.window);
}

const actorCountCache = new WeakMap<Uint32Array, Uint32Array>();
/** Per actor (registry row): events in the window under the other filters. */
export function actorCounts(state: Pick<AppState, 'table' | 'filters' | 'window'>): Uint32Array {
  const rows = visibleRowsWithout(state, 'actors');
  let counts = actorCountCache.get(rows);
  if (!counts) {
    counts = new Uint32Array(state.table.actors.length);
    const { actorOffset, actorIndex } = state.table;
    for (const row of rows) for (let k = actorOffset[row]!; k < actorOffset[row + 1]!; k++) counts[actorIndex[k]!]!++;
    actorCountCache.set(rows, counts);
  }
  return counts;
}

/** Per actor (registry row): 1 when some event of the table names it among its actors. */
export function actorsInEvents(table: Pick<EventTable, 'actors' | 'actorIndex'>): Uint8Array {
  const named = new Uint8Array(table.actors.length);
  for (const actor of table.actorIndex) named[actor] = 1;
  return named;
}

const typeRowsIndexes = new WeakMap<EventTable, { mask: Uint8Array | null; index: LaneIndex }>();
const unfilteredTypeRows = new WeakMap<EventTable, LaneIndex>();
/**
 * Rows per event type under `mask`, kept for the last mask of each table (lanes by type and the
 * type counts share it), and kept for good without a mask: clearing a filter then rebuilds
 * nothing (at a million events that took 15 to 30 ms and 12 MB of new arrays).
 */
export function typeRowsIndexOf(table: EventTable, mask: Uint8Array | null): LaneIndex {
  if (mask === null) {
    let whole = unfilteredTypeRows.get(table);
    if (!whole) unfilteredTypeRows.set(table, (whole = buildTypeRowsIndex(table, null)));
    return whole;
  }
  let hit = typeRowsIndexes.get(table);
  if (!hit || hit.mask !== mask) typeRowsIndexes.set(table, (hit = { mask, index: buildTypeRowsIndex(table, mask) }));
  return hit.index;
}

const lastTypeCounts = new WeakMap<EventTable, { mask: Uint8Array | null; window: AppState['window']; counts: Uint32Array }>();
/**
 * Per event type (index into EVENT_TYPES): events in the window under the other filters. A binary
 * search per type in the rows per type, plus the long events reaching into the window. The same
 * array comes back while the counts stay the same.
 */
export function typeCounts(state: Pick<AppState, 'table' | 'filters' | 'window'>): Uint32Array {
  const { table, window } = state;
  const mask = maskWithout(table, state.filters, 'types');
  const last = lastTypeCounts.get(table);
  if (last && last.mask === mask && last.window === window) return last.counts;
  const index = typeRowsIndexOf(table, mask);
  const counts = new Uint32Array(EVENT_TYPES.length);
  for (let t = 0; t < counts.length; t++) counts[t] = laneCountInWindow(index, t, window.from, window.to);
  for (const row of rowsReachingIn(table, mask, window.from)) counts[table.type[row]!]!++;
  const same = last && last.counts.every((c, t) => c === counts[t]);
  const kept = same ? last.counts : counts;
  lastTypeCounts.set(table, { mask, window, counts: kept });
  return kept;
}

export interface PlaceCount {
  country: string;
  name: string;
  count: number;
}

const placeCache = new WeakMap<Uint32Array, { countries: Map<string, number>; places: PlaceCount[] }>();
/** Countries and place names in the window under the other filters, busiest first. */
export function placeCounts(state: Pick<AppState, 'table' | 'filters' | 'window'>) {
  const rows = visibleRowsWithout(state, 'place');
  let result = placeCache.get(rows);
  if (!result) {
    const { placeOf, places: all } = state.table;
    const perPlace = new Uint32Array(all.length);
    for (const row of rows) if (placeOf[row]! >= 0) perPlace[placeOf[row]!]!++;
    const countries = new Map<string, number>();
    const places = new Map<string, PlaceCount>();
    perPlace.forEach((count, i) => {
      if (!count) return;
      const place = all[i]!;
      countries.set(place.country, (countries.get(place.country) ?? 0) + count);
      const key = `${place.country}\u0000${place.name}`;
      const entry = places.get(key) ?? { country: place.country, name: place.name, count: 0 };
      entry.count += count;
      places.set(key, entry);
    });
    result = { countries, places: [...places.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)) };
    placeCache.set(rows, result);
  }
  return result;
}
