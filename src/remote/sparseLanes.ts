// Which of a data server's lanes are sparse enough in the window to mark each event, as the layout
// decides for a file's lanes (a lane with at most markLimit events in the window gets marks), so
// that a lane of three events beside busy ones shows three marks, not a density.
import type { RemoteAnswer, RemoteLaneBins } from '../store/remoteView.ts';

/** Events fetched for the sparse lanes at most: past it, the busiest of them stay densities. */
export const SPARSE_EVENTS_LIMIT = 5000;

/** The keys of the lanes with at most `limit` events starting in the window (their bins' total), in the lanes' order. */
export function sparseLaneKeys(laneBins: readonly RemoteLaneBins[], limit: number, budget = SPARSE_EVENTS_LIMIT): string[] {
  const totals = laneBins.map((lane) => ({ key: lane.key, total: lane.counts.reduce((a, b) => a + b, 0) }));
  // A lane with none starting in the window is sparse too: a long event may reach into it, as in the app's layout.
  const sparse = totals.filter((lane) => lane.total <= limit).sort((a, b) => a.total - b.total);
  const chosen = new Set<string>();
  let used = 0;
  for (const lane of sparse) {
    if (used + lane.total > budget) break;
    used += lane.total;
    chosen.add(lane.key);
  }
  return totals.filter((lane) => chosen.has(lane.key)).map((lane) => lane.key);
}

/**
 * A view's answer while its sparse lanes' events are on their way: the last answer's marks for the
 * lanes sparse then and now, when only the window changed (the same filters, lanes and lane keys),
 * so that zooming does not turn a sparse lane into a density and back. Its table holds events of the
 * last window only; the layout draws those in this one until the new events come.
 */
export function withCarriedMarks(next: RemoteAnswer, sparse: readonly string[], last: RemoteAnswer | null, sameFilters: boolean): RemoteAnswer {
  if (!last || !sameFilters || last.lanes !== next.lanes) return next;
  const keys = (answer: RemoteAnswer) => answer.laneBins.map((lane) => lane.key).join('\u0000');
  if (keys(last) !== keys(next)) return next;
  // A complete answer holds every event of its window: any lane's marks.
  const had = new Set(last.complete ? sparse : last.sparseLanes);
  const carried = sparse.filter((key) => had.has(key));
  return carried.length ? { ...next, table: last.table, sparseLanes: carried } : next;
}
