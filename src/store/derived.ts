// Values derived from the store, memoised on the identity of their inputs. Each returns the very
// same object when its result has not changed, so "did it change?" is an identity check.
import { filterMask, type FilterFacet, type Filters } from '../table/filter.ts';
import { rowsInWindow, type EventTable } from '../table/eventTable.ts';
import { buildSearchIndex } from '../table/search.ts';
import type { AppState } from './store.ts';

const searchIndexes = new WeakMap<EventTable, string[]>();
export function searchIndexOf(table: EventTable): string[] {
  let index = searchIndexes.get(table);
  if (!index) {
    index = buildSearchIndex(table);
    searchIndexes.set(table, index);
  }
  return index;
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

/** Rows passing all filters (null: every row passes). */
export const maskOf = memoOn2((table: EventTable, filters: Filters) => filterMask(table, filters, () => searchIndexOf(table)));

const facetMasks = new Map<FilterFacet, (table: EventTable, filters: Filters) => Uint8Array | null>();
/** Rows passing every filter but one, for the counts beside that filter's options. */
export function maskWithout(table: EventTable, filters: Filters, facet: FilterFacet): Uint8Array | null {
  let fn = facetMasks.get(facet);
  if (!fn) {
    fn = memoOn2((t: EventTable, f: Filters) => filterMask(t, f, () => searchIndexOf(t), facet));
    facetMasks.set(facet, fn);
  }
  return fn(table, filters);
}

function sameRows(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let lastVisible: { table: EventTable; mask: Uint8Array | null; rows: Uint32Array } | null = null;

/** Rows in the window that pass the filters, in time order: the N of "Showing N of M events". */
export function visibleRows(state: Pick<AppState, 'table' | 'filters' | 'window'>): Uint32Array {
  const mask = maskOf(state.table, state.filters);
  const rows = rowsInWindow(state.table, mask, state.window.from, state.window.to);
  if (lastVisible && lastVisible.table === state.table && lastVisible.mask === mask && sameRows(lastVisible.rows, rows)) {
    return lastVisible.rows;
  }
  lastVisible = { table: state.table, mask, rows };
  return rows;
}
