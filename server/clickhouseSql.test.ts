import { describe, expect, it } from 'vitest';
import type { ViewQuery } from './engine.ts';
import { actorBinsQuery, actorlessQuery, actorRankingQuery, countQuery, otherActorBinsQuery, typeBinsQuery, eventQuery, eventsPageQuery, facetQuery, identifier, marksQuery, schemaStatements, searchableText, wordMatchesQuery } from './clickhouseSql.ts';
import { countryCountsQuery, laneCountQuery, laneEventsPageQuery, mapCellsQuery, mapCountQuery, mapPointsQuery, placeBinsQuery, placeGroupsQuery, placeRankingQuery } from './clickhouseSql.ts';
import { parseClickHouseUrl, redactedUrl, tsvField, tsvRows } from './clickhouseHttp.ts';

const HOSTILE = ["clash');DROP TABLE events;--", "' OR 1=1 --", 'tab\there', 'line\nbreak', 'back\\slash'];

const hostileQuery: ViewQuery = {
  filters: { types: ['clash'], actors: HOSTILE, role: 'target', words: HOSTILE, country: HOSTILE[0]!, place: HOSTILE[1]! },
  from: 0,
  to: 1e12,
};

// Numbers no SQL text of ours holds: the boxes and the grid.
const BOX = { west: 44.123456, south: 39.654321, east: 45.987654, north: 40.345678 };
const VIEW = { west: 43.111111, south: 38.222222, east: 46.333333, north: 41.444444 };
const areaQuery: ViewQuery = { ...hostileQuery, filters: { ...hostileQuery.filters, bbox: BOX } };
const map = { view: VIEW, zoom: 7.25, cell: 24 };

describe('the ClickHouse SQL of the area filter, the map and lanes by place', () => {
  it('sends the box, the view, the grid and the areas as external data, never in the SQL', () => {
    const built = [
      countQuery(areaQuery),
      typeBinsQuery(areaQuery, 419),
      facetQuery(areaQuery, 'types'),
      countryCountsQuery(areaQuery),
      placeGroupsQuery(areaQuery),
      placeRankingQuery(areaQuery),
      placeBinsQuery(areaQuery, 419, HOSTILE, false),
      placeBinsQuery(areaQuery, 419, HOSTILE, true),
      laneCountQuery(areaQuery, { mode: 'place', keys: [...HOSTILE, '*'], lanePlaces: HOSTILE }),
      laneEventsPageQuery(areaQuery, { mode: 'place', keys: [...HOSTILE, '*'], lanePlaces: HOSTILE }, 5555, 333),
      mapCountQuery(areaQuery, map),
      mapPointsQuery(areaQuery, map),
      mapCellsQuery(areaQuery, map),
    ];
    for (const { sql, external } of built) {
      for (const value of [...HOSTILE, '44.123456', '39.654321', '45.987654', '40.345678', '43.111111', '46.333333', '7.25', '5555', '333', '419']) expect(sql).not.toContain(value);
      expect(external.find((t) => t.name === '_area')!.rows).toEqual([[BOX.west, BOX.south, BOX.east, BOX.north]]);
    }
    expect(mapCellsQuery(areaQuery, map).external.find((t) => t.name === '_map')!.rows).toEqual([[VIEW.west, VIEW.south, VIEW.east, VIEW.north, (256 * 2 ** 7) / 24]]);
    expect(placeBinsQuery(areaQuery, 419, HOSTILE, true).external.find((t) => t.name === '_place_lanes')!.rows).toEqual(HOSTILE.map((p) => [p]));
    // Without the area filter: no box, and the counts made at load answer bins by type.
    const plain: ViewQuery = { filters: { types: ['clash'], actors: [], role: null, words: [], country: null, place: null }, from: 0, to: 1 };
    expect(countQuery(plain).external.map((t) => t.name)).toEqual(['_view', '_types']);
    expect(typeBinsQuery(plain, 7).sql).toContain('start_counts');
    expect(typeBinsQuery({ ...plain, filters: { ...plain.filters, bbox: BOX } }, 7).sql).not.toContain('start_counts');
  });
});

describe('the ClickHouse SQL', () => {
  it('never carries a value of the request: they all go in external tables', () => {
    const built = [countQuery(hostileQuery), typeBinsQuery(hostileQuery, 10), actorBinsQuery(hostileQuery, 10, HOSTILE), otherActorBinsQuery(hostileQuery, 10, HOSTILE), actorRankingQuery(hostileQuery), actorlessQuery(hostileQuery), marksQuery(hostileQuery), eventsPageQuery(hostileQuery, 5, 10), facetQuery(hostileQuery, 'types'), facetQuery(hostileQuery, 'actors'), eventQuery(HOSTILE[0]!)];
    for (const { sql, external } of built) {
      for (const value of [...HOSTILE, 'clash', "'"]) expect(sql).not.toContain(value === "'" ? "''" : value);
      expect(sql).not.toMatch(/\b1e12\b|1000000000000/);
      const values = external.flatMap((table) => table.rows.flat());
      expect(values.length).toBeGreaterThan(0);
    }
    // With the word index's matches, the words that hold them go in _matched, never in the SQL.
    const matches = new Map(HOSTILE.map((w) => [w, [`${w}x`]]));
    const searched = countQuery({ ...hostileQuery, matches });
    for (const value of HOSTILE) expect(searched.sql).not.toContain(value);
    // (A word with a space, which the API never sends, is looked for in the text as before.)
    expect(searched.external.find((t) => t.name === '_matched')!.rows).toEqual(HOSTILE.filter((w) => !w.includes(' ')).map((w, n) => [n, `${w}x`]));
    expect(wordMatchesQuery(HOSTILE[0]!)).toMatchObject({ sql: expect.not.stringContaining('DROP') });
    const count = countQuery(hostileQuery);
    expect(count.external.map((t) => t.name).sort()).toEqual(['_actors', '_types', '_view', '_words']);
    expect(count.external.find((t) => t.name === '_words')!.rows).toEqual(HOSTILE.map((w) => [w]));
  });

  it("cuts an Events page from a number of first rows of its own list, never the request's numbers", () => {
    expect(eventsPageQuery(hostileQuery, 0, 100).sql).toContain('ORDER BY row LIMIT 100)');
    const deep = eventsPageQuery(hostileQuery, 73737, 419);
    expect(deep.sql).toContain('ORDER BY row LIMIT 100000)');
    expect(deep.sql).not.toMatch(/73737|74156|419/);
    expect(deep.external.find((t) => t.name === '_view')!.rows[0]!.slice(-2)).toEqual([73737, 419]);
    // Past the list: every row of the window, as before.
    expect(eventsPageQuery(hostileQuery, 5_000_000, 100).sql).not.toContain('LIMIT');
  });

  it('leaves out the conditions of filters that are not set, and a skipped facet', () => {
    const none: ViewQuery = { filters: { types: [], actors: [], role: null, words: [], country: null, place: null }, from: 0, to: 1 };
    expect(countQuery(none).external.map((t) => t.name)).toEqual(['_view']);
    expect(facetQuery(hostileQuery, 'types').sql).not.toContain('_types');
    expect(facetQuery(hostileQuery, 'actors').sql).not.toContain('_actors');
  });

  it('takes plain identifiers only', () => {
    expect(identifier('conflict_timeline', 'database')).toBe('`conflict_timeline`');
    for (const bad of ['a;DROP', 'a`b', '1abc', '', 'a b', 'ü']) expect(() => identifier(bad, 'database')).toThrow(/not a plain name/);
    expect(() => schemaStatements({ database: 'x', cluster: 'c; DROP' }, true)).toThrow(/cluster/);
  });

  it('creates local tables on every shard and Distributed tables over them on a cluster', () => {
    const onCluster = schemaStatements({ database: 'ct', cluster: 'two' }, true);
    expect(onCluster.shard.every((sql) => sql.includes('ON CLUSTER `two`'))).toBe(true);
    // events and event_actors, sharded by event id; word_rows, words and the counts made at load (six tables) over each shard's own.
    expect(onCluster.front.filter((sql) => sql.includes('Distributed(`two`, `ct`'))).toHaveLength(10);
    const byUrl = schemaStatements({ database: 'ct', cluster: 'two' }, false);
    expect(byUrl.shard.some((sql) => sql.includes('ON CLUSTER'))).toBe(false);
    expect(schemaStatements({ database: 'ct', cluster: null }, false).shard.join('\n')).toContain('CREATE TABLE `ct`.events (');
  });

  it('escapes TSV fields so that any text stays one value', () => {
    expect(tsvField('a\tb\nc\\d\re\0')).toBe('a\\tb\\nc\\\\d\\re\\0');
    expect(tsvRows([['x\ty', 1.5]])).toBe('x\\ty\t1.5\n');
    expect(searchableText('a\0b')).toBe('a\uFDD0b');
  });

  it('reads credentials and the database from the URL, and prints it without the password', () => {
    expect(parseClickHouseUrl('http://me:s%3Acret@127.0.0.1:8123/?database=ct')).toEqual({ origin: 'http://127.0.0.1:8123/', user: 'me', password: 's:cret', database: 'ct' });
    expect(() => parseClickHouseUrl('file:///etc/passwd')).toThrow(/http or https/);
    expect(redactedUrl('http://me:secret@127.0.0.1:8123/')).toBe('http://me:***@127.0.0.1:8123/');
  });
});
