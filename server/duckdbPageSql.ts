// The Events table's pages on DuckDB when counts made at load answer the view (countedBy: no
// filter but types, or one actor and types). Rows are numbered in the app's time order (start
// anchor, then id), so the events of one start anchor are consecutive rows, and the counts per
// anchor say which rows hold a page; only those rows are read. Reading the window's events instead
// scanned every row of the table (the window's end test has no zone map), 0.2 s a page at 10M
// events, and a page deep in the table sorted the window's rows up to it (0.7 to 3 s).
import type { ViewQuery } from './engine.ts';
import { countedBy } from './countsAtLoad.ts';
import { bound, countConditions, createParams, roleBits, spanWindow, whereOf, windowCondition, type BoundSql } from './duckdbSql.ts';

/** The rows that hold a page: `skip` of the view's events in them come before it. */
export interface PageRows {
  firstRow: number;
  lastRow: number;
  skip: number;
  limit: number;
}

/** Whether the counts made at load find this view's pages. */
export const pagedByCounts = (query: ViewQuery) => countedBy(query.filters) !== null;

/**
 * The view's total and where events `offset` … `offset + limit − 1` lie, in one row: per start
 * anchor of the window its events passing the filters (counts per start and last anchor, as
 * countSql reads them) and how many come up to it; the first anchor past `offset` and the first
 * that reaches the page's end (else the last); their rows from the counts per start, numbered as
 * the rows are. `skip` is NULL when the page is empty.
 */
export function pageRowsSql(query: ViewQuery, offset: number, limit: number): BoundSql {
  const p = createParams();
  const counts = query.filters.actors.length ? 'actor_span_counts s' : 'span_counts s';
  const o = p.number(offset);
  const end = p.number(offset + limit);
  return bound(
    p,
    `WITH counted AS (
  SELECT s.start_ms, sum(s.n) AS n FROM ${counts} ${whereOf([...countConditions(query.filters, p), spanWindow(query, p)])} GROUP BY s.start_ms HAVING sum(s.n) > 0
), upto AS (
  SELECT start_ms, n, sum(n) OVER (ORDER BY start_ms ROWS UNBOUNDED PRECEDING) AS through FROM counted
), page AS (
  SELECT coalesce(sum(n), 0) AS total, min(start_ms) FILTER (WHERE through > ${o}) AS first_start,
    coalesce(min(start_ms) FILTER (WHERE through >= ${end}), max(start_ms)) AS last_start,
    arg_min(${o} - (through - n), start_ms) FILTER (WHERE through > ${o}) AS skip
  FROM upto
)
SELECT page.total::BIGINT AS total, page.skip::BIGINT AS skip,
  (SELECT coalesce(sum(c.n), 0) FROM start_counts c WHERE c.start_ms < page.first_start)::BIGINT AS first_row,
  (SELECT coalesce(sum(c.n), 0) FROM start_counts c WHERE c.start_ms <= page.last_start)::BIGINT - 1 AS last_row
FROM page`,
  );
}

/** pageRowsSql's answer: the total, and the page's rows (null: an empty page). */
export function pageRowsOf(row: Record<string, unknown> | undefined, limit: number): { total: number; rows: PageRows | null } {
  const total = Number(row?.total ?? 0);
  if (!row || row.skip === null || limit <= 0) return { total, rows: null };
  return { total, rows: { firstRow: Number(row.first_row), lastRow: Number(row.last_row), skip: Number(row.skip), limit } };
}

/**
 * The page's row numbers within `rows`: the view's events there in row order, less the first
 * `skip`. The row bounds are constants, so DuckDB reads those row groups only, of events and of
 * event_actors (both are stored in row order), and no wide column.
 */
export function pageRowNumbersSql(query: ViewQuery, rows: PageRows): BoundSql {
  const p = createParams();
  const { filters } = query;
  const lo = p.integer(rows.firstRow);
  const hi = p.integer(rows.lastRow);
  const where = [`e.row BETWEEN ${lo} AND ${hi}`];
  if (filters.types.length) where.push(`list_contains(${p.texts(filters.types)}, e.type)`);
  if (filters.actors.length) {
    where.push(`e.row IN (SELECT a.row FROM event_actors a WHERE a.row BETWEEN ${lo} AND ${hi} AND a.actor = ${p.text(filters.actors[0]!)} AND (a.roles & ${p.integer(roleBits(filters.role))}) <> 0)`);
  }
  where.push(windowCondition(query, p));
  return bound(p, `SELECT e.row FROM events e ${whereOf(where)} ORDER BY e.row LIMIT ${p.integer(rows.limit)} OFFSET ${p.integer(rows.skip)}`);
}

/**
 * The events (as JSON) of a page's rows (ascending, at least one), in row order. Bounded by its
 * first and last row, so that the wide json column is read near those rows only: for a page of
 * consecutive rows a few thousand values, not the anchors' every event (a day's or more).
 */
export function pageEventsSql(rows: readonly number[]): BoundSql {
  const p = createParams();
  const list = p.integers(rows);
  return bound(p, `SELECT e.json FROM events e WHERE e.row BETWEEN ${p.integer(rows[0]!)} AND ${p.integer(rows.at(-1)!)} AND e.row IN (SELECT unnest(${list})) ORDER BY e.row`);
}
