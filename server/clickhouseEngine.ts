// The data server's engine over ClickHouse's HTTP interface (one server, or a cluster's front
// server with Distributed tables). Read only, with a time and result-size limit per query; a
// query whose client has gone is killed in ClickHouse too.
import type { ConflictEvent, GeoPrecision } from '../src/model/schema.ts';
import type { EventType } from '../src/model/taxonomy.ts';
import { MAP_POINT_LIMIT, type Engine, type EngineInfo, type FacetCounts, type MapAnswer, type MarkRow, type ViewQuery } from './engine.ts';
import { actorLaneKeys, binsOfLanes, laneBinsOf, placeLaneKeys, typeLaneKeys } from './laneBins.ts';
import { createClickHouseClient, parseClickHouseUrl, type ClickHouseClient } from './clickhouseHttp.ts';
import { EVENT_COUNT_SQL, mostHeldQuery, WORDS_CHECKED_FOR_ALL, actorBinsQuery, actorlessQuery, actorRankingQuery, actorTotalsQuery, onlyTypeFilter, wordMatchesQuery, type SearchedView, type WordMatches, countQuery, otherActorBinsQuery, typeBinsQuery, TYPES_PRESENT_SQL, DEFAULT_DATABASE, eventQuery, eventsPageQuery, EXTENT_SQL, facetQuery, identifier, INFO_SQL, marksQuery, type BuiltQuery } from './clickhouseSql.ts';
import type { StoredInfo } from './clickhouseLoad.ts';
import { countryCountsQuery, eventsOfRowsQuery, laneCountQuery, laneEventsPageQuery, mapCellsQuery, mapCountQuery, mapPointsQuery, placeBinsQuery, placeGroupsQuery, placeRankingQuery } from './clickhouseSql.ts';
import { mapCellsOf } from './mapCells.ts';
import { countedPageQuery, pageAnchorsOf, pageAnchorsQuery, type PageAnchorsRow } from './clickhouseSql.ts';
import { countedBy, inTypeLanes } from './countsAtLoad.ts';
import { placeCountsOf } from './placeCounts.ts';

export interface ClickHouseEngineOptions {
  /** e.g. http://user:password@127.0.0.1:8123/?database=conflict_timeline */
  url: string;
  /** The cluster the data was loaded on (`npm run load -- --cluster`): queries read its Distributed tables, which keep the plain names. */
  cluster?: string | null;
  /** Overrides the URL's database; else conflict_timeline. */
  database?: string;
  maxExecutionSeconds?: number;
  maxResultRows?: number;
}

/** The settings every serving query runs under. `readonly=1` comes last, as ClickHouse takes no settings after it. */
export function servingSettings(database: string, maxExecutionSeconds: number, maxResultRows: number): Record<string, string> {
  return {
    database,
    max_execution_time: String(maxExecutionSeconds),
    max_result_rows: String(maxResultRows),
    result_overflow_mode: 'throw',
    // A search's IN (SELECT … FROM word_rows) reads each shard's own word_rows_local (an event's words sit on its shard).
    distributed_product_mode: 'local',
    readonly: '1',
  };
}

interface MarkLine {
  id: string;
  type: EventType;
  start_ms: number;
  end_ms: number | null;
  actor_ids: string[];
  title: string;
  language: string;
}

export function createClickHouseEngine(options: ClickHouseEngineOptions): Engine {
  const target = parseClickHouseUrl(options.url);
  const database = options.database ?? target.database ?? DEFAULT_DATABASE;
  identifier(database, 'database');
  const client: ClickHouseClient = createClickHouseClient(target);
  const settings = servingSettings(database, options.maxExecutionSeconds ?? 30, options.maxResultRows ?? 1_000_000);

  const run = <Row>(query: BuiltQuery | string, signal?: AbortSignal) =>
    client.rows<Row>(typeof query === 'string' ? { sql: query, settings, signal } : { ...query, settings, signal });

  const count = async (query: BuiltQuery | string, signal?: AbortSignal) => Number((await run<{ n: string }>(query, signal))[0]?.n ?? 0);

  const perKey = (rows: { key: string; n: string }[]) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

  // A page found from the counts per start anchor: the anchors that hold it, then their events only.
  const countedPage = async (query: SearchedView, offset: number, limit: number, signal?: AbortSignal) => {
    const { total, anchors } = pageAnchorsOf((await run<PageAnchorsRow>(pageAnchorsQuery(query, offset, limit), signal))[0], limit);
    const rows = anchors ? await run<{ json: string }>(countedPageQuery(query, anchors, limit), signal) : [];
    return { total, events: rows.map((r) => JSON.parse(r.json) as ConflictEvent) };
  };

  /** The view with the word index's words for each query word (asked once per word, all at once). */
  const searched = async (query: ViewQuery, signal?: AbortSignal): Promise<SearchedView> => {
    const words = [...new Set(query.filters.words)].filter((w) => !w.includes(' '));
    if (!words.length) return query;
    const found = await Promise.all(words.map((w) => run<{ matched: string }>(wordMatchesQuery(w), signal)));
    const matches: WordMatches = new Map(words.map((w, i) => [w, found[i]!.map((r) => r.matched)]));
    // A query word that every event holds filters nothing: left out, so that a text of such words
    // alone reads the counts made at load, and one with others reads the others' rows only.
    const checked = words.filter((w) => matches.get(w)!.length > 0 && matches.get(w)!.length <= WORDS_CHECKED_FOR_ALL);
    if (!checked.length) return { ...query, matches };
    const [total, most] = await Promise.all([
      count(EVENT_COUNT_SQL, signal),
      Promise.all(checked.map(async (w) => Number((await run<{ n: string }>(mostHeldQuery(matches.get(w)!), signal))[0]?.n ?? 0))),
    ]);
    const everywhere = new Set(checked.filter((_, i) => most[i] === total));
    return { ...query, filters: { ...query.filters, words: query.filters.words.filter((w) => !everywhere.has(w)) }, matches };
  };

  return {
    name: 'clickhouse',

    async info(signal) {
      const [stored, extent] = await Promise.all([run<{ json: string }>(INFO_SQL, signal), run<{ n: string; first: number; last: number }>(EXTENT_SQL, signal)]);
      if (!stored[0]) throw new Error(`ClickHouse database ${database} holds no loaded dataset (run npm run load)`);
      const info = JSON.parse(stored[0].json) as StoredInfo;
      const n = Number(extent[0]?.n ?? 0);
      return {
        dataset: info.dataset,
        count: n,
        extent: n > 0 ? { from: extent[0]!.first, to: extent[0]!.last } : null,
        reports: info.reports,
      } satisfies EngineInfo;
    },

    async bins(view, lanes, bins, signal) {
      if (!Number.isSafeInteger(bins)) throw new RangeError(`bins must be a whole number, not ${bins}`);
      if (bins <= 0 || view.to <= view.from) return [];
      const query = await searched(view, signal);
      const binRows = (rows: { lane: string; bin: number; n: string }[]) => rows.map((r) => ({ key: r.lane, bin: Number(r.bin), n: Number(r.n) }));
      if (lanes.mode === 'type') {
        const [present, rows] = await Promise.all([run<{ type: string }>(TYPES_PRESENT_SQL, signal), run<{ lane: string; bin: number; n: string }>(typeBinsQuery(query, bins), signal)]);
        return laneBinsOf(typeLaneKeys(new Set(present.map((r) => r.type)), query.filters.types), false, binRows(rows), bins);
      }
      if (lanes.mode === 'place') {
        const ranking = await run<{ ranked_place: string; n: string }>(placeRankingQuery(query), signal);
        const counts = new Map(ranking.filter((r) => r.ranked_place !== '').map((r) => [r.ranked_place, Number(r.n)]));
        const unplaced = Number(ranking.find((r) => r.ranked_place === '')?.n ?? 0);
        const { own, keys } = placeLaneKeys(counts, unplaced, lanes.maxLanes);
        const [ownRows, otherRows] = await Promise.all([
          own.length ? run<{ lane: string; bin: number; n: string }>(placeBinsQuery(query, bins, own, false), signal) : [],
          keys.length > own.length ? run<{ lane: string; bin: number; n: string }>(placeBinsQuery(query, bins, own, true), signal) : [],
        ]);
        return binsOfLanes(keys, [...binRows(ownRows), ...binRows(otherRows)], bins);
      }
      const [stored, ranking, actorless] = await Promise.all([
        run<{ json: string }>(INFO_SQL, signal),
        onlyTypeFilter(query.filters)
          ? // The totals made at load: no row is read.
            run<{ ranked_actor: string; actorless: number; n: string }>(actorTotalsQuery(query), signal)
          : run<{ ranked_actor: string; actorless?: number; n: string }>(actorRankingQuery(query), signal),
        // Under an actor filter every event has an actor.
        onlyTypeFilter(query.filters) || query.filters.actors.length ? 0 : count(actorlessQuery(query), signal),
      ]);
      // Ties rank in the registry's order, as actorLanes ranks them.
      const actors = stored[0] ? (JSON.parse(stored[0].json) as StoredInfo).dataset.actors : [];
      const registryOrder = new Map(actors.map((a, i) => [a.id, i]));
      const counts = new Map(ranking.filter((r) => !Number(r.actorless)).map((r) => [r.ranked_actor, Number(r.n)]));
      const totalActorless = actorless + ranking.filter((r) => Number(r.actorless)).reduce((sum, r) => sum + Number(r.n), 0);
      const { own, other } = actorLaneKeys(counts, totalActorless, registryOrder, lanes.maxLanes);
      const [ownRows, otherRows] = await Promise.all([
        own.length ? run<{ lane: string; bin: number; n: string }>(actorBinsQuery(query, bins, own), signal) : [],
        other ? run<{ lane: string; bin: number; n: string }>(otherActorBinsQuery(query, bins, own), signal) : [],
      ]);
      return laneBinsOf(own, other, [...binRows(ownRows), ...binRows(otherRows)], bins);
    },

    async marks(view, limit, signal) {
      const query = await searched(view, signal);
      const total = await count(countQuery(query), signal);
      if (total > limit) return { total, marks: null };
      const rows = await run<MarkLine>(marksQuery(query), signal);
      const marks = rows.map((r): MarkRow => ({ id: r.id, type: r.type, start: r.start_ms, end: r.end_ms, actors: r.actor_ids, title: r.title, language: r.language }));
      return { total, marks };
    },

    async events(view, offset, limit, signal) {
      const query = await searched(view, signal);
      if (countedBy(query.filters)) return countedPage(query, offset, limit, signal);
      const [total, rows] = await Promise.all([count(countQuery(query), signal), limit > 0 ? run<{ json: string }>(eventsPageQuery(query, offset, limit), signal) : []]);
      return { total, events: rows.map((r) => JSON.parse(r.json) as ConflictEvent) };
    },

    async event(id, signal) {
      const rows = await run<{ json: string }>(eventQuery(id), signal);
      return rows[0] ? (JSON.parse(rows[0].json) as ConflictEvent) : null;
    },

    async facetCounts(view, signal) {
      const query = await searched(view, signal);
      const [visible, types, actors] = await Promise.all([
        count(countQuery(query), signal),
        run<{ key: string; n: string }>(facetQuery(query, 'types'), signal),
        run<{ key: string; n: string }>(facetQuery(query, 'actors'), signal),
      ]);
      return { visible, types: perKey(types), actors: perKey(actors) } satisfies FacetCounts;
    },

    async placeCounts(query, signal) {
      const [countries, groups] = await Promise.all([
        run<{ key: string; n: string }>(countryCountsQuery(query), signal),
        run<{ place_country: string; n: string; first_row: number }>(placeGroupsQuery(query), signal),
      ]);
      const named = groups.length ? await run<{ row: number; json: string }>(eventsOfRowsQuery(groups.map((g) => g.first_row)), signal) : [];
      return placeCountsOf(
        perKey(countries),
        groups.map((g) => ({ country: g.place_country, n: Number(g.n), firstRow: Number(g.first_row) })),
        new Map(named.map((r) => [Number(r.row), JSON.parse(r.json) as ConflictEvent])),
      );
    },

    async laneEvents(query, lanes, offset, limit, signal) {
      if (lanes.mode === 'type' && countedBy(query.filters)) {
        const filters = inTypeLanes(query.filters, lanes.keys);
        return filters ? countedPage({ ...query, filters }, offset, limit, signal) : { total: 0, events: [] };
      }
      const [total, rows] = await Promise.all([count(laneCountQuery(query, lanes), signal), limit > 0 ? run<{ json: string }>(laneEventsPageQuery(query, lanes, offset, limit), signal) : []]);
      return { total, events: rows.map((r) => JSON.parse(r.json) as ConflictEvent) };
    },

    async map(view, map, signal): Promise<MapAnswer> {
      const query = await searched(view, signal);
      const total = await count(mapCountQuery(query, map), signal);
      if (total <= MAP_POINT_LIMIT) {
        const rows = await run<{ id: string; lon: number; lat: number; type: string; geo_precision: string | null; title: string }>(mapPointsQuery(query, map), signal);
        const points = rows.map((r) => ({ id: r.id, lon: r.lon, lat: r.lat, type: r.type as EventType, precision: r.geo_precision as GeoPrecision | null, title: r.title }));
        return { kind: 'points', total, points };
      }
      const rows = await run<{ cell_col: number; cell_row: number; type: string; n: string }>(mapCellsQuery(query, map), signal);
      const cells = mapCellsOf(rows.map((r) => ({ col: Number(r.cell_col), row: Number(r.cell_row), type: r.type, n: Number(r.n) })));
      return { kind: 'cells', total, zoom: Math.floor(map.zoom), cell: map.cell, cells };
    },

    async close() {
      // Nothing held open: every query is its own HTTP request.
    },
  };
}
