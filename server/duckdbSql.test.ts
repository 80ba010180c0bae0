// The DuckDB engine's SQL: every value of a request is a bound parameter, never SQL text.
import { describe, expect, it } from 'vitest';
import type { MapRequest, ViewQuery } from './engine.ts';
import {
  actorBinsSql,
  actorCountsSql,
  actorRankingSql,
  countryCountsSql,
  countSql,
  eventByIdSql,
  eventsPageSql,
  laneCountSql,
  laneEventsPageSql,
  mapCellsSql,
  mapCountSql,
  mapPointsSql,
  marksSql,
  otherActorBinsSql,
  placeBinsSql,
  placeGroupsSql,
  placeRankingSql,
  typeBinsSql,
  typeCountsSql,
} from './duckdbSql.ts';

const HOSTILE = ["clash');DROP TABLE events;--", "' OR 1=1 --", 'tab\there', 'line\nbreak', 'back\\slash'];
// Numbers no SQL text of ours holds: the window, the boxes and the grid.
const BOX = { west: 44.123456, south: 39.654321, east: 45.987654, north: 40.345678 };
const VIEW = { west: 43.111111, south: 38.222222, east: 46.333333, north: 41.444444 };
const hostileQuery: ViewQuery = {
  filters: { types: ['clash'], actors: HOSTILE, role: 'target', words: HOSTILE, country: HOSTILE[0]!, place: HOSTILE[1]!, bbox: BOX },
  from: 1234567890123,
  to: 1334567890123,
};
const map: MapRequest = { view: VIEW, zoom: 7.25, cell: 24 };

describe('the DuckDB SQL', () => {
  it('never carries a value of the request: lists, words, the window, the area filter and the map view are all bound', () => {
    const built = [
      countSql(hostileQuery),
      typeBinsSql(hostileQuery, 419),
      actorBinsSql(hostileQuery, 419, HOSTILE),
      otherActorBinsSql(hostileQuery, 419, HOSTILE),
      actorRankingSql(hostileQuery.filters),
      placeRankingSql(hostileQuery.filters),
      placeBinsSql(hostileQuery, 419, HOSTILE),
      marksSql(hostileQuery, 999),
      eventsPageSql(hostileQuery, 5555, 333),
      eventByIdSql(HOSTILE[0]!),
      typeCountsSql(hostileQuery),
      actorCountsSql(hostileQuery),
      countryCountsSql(hostileQuery),
      placeGroupsSql(hostileQuery),
      laneCountSql(hostileQuery, { mode: 'place', keys: [...HOSTILE, '*'], lanePlaces: HOSTILE }),
      laneEventsPageSql(hostileQuery, { mode: 'actor', keys: [...HOSTILE, '*'], laneActors: HOSTILE }, 5555, 333),
      mapCountSql(hostileQuery, map),
      mapPointsSql(hostileQuery, map),
      mapCellsSql(hostileQuery, map),
    ];
    for (const { sql, values } of built) {
      for (const value of [...HOSTILE, "'clash'", '1234567890123', '1334567890123', '44.123456', '39.654321', '45.987654', '40.345678', '43.111111', '46.333333', '7.25', '5555', '333', '999', '419']) {
        expect(sql).not.toContain(value);
      }
      expect(values.length).toBeGreaterThan(0);
    }
  });

  it('binds the area filter to every query of the view, and the map view to the map', () => {
    for (const { values } of [countSql(hostileQuery), typeBinsSql(hostileQuery, 7), marksSql(hostileQuery, 5), typeCountsSql(hostileQuery), placeGroupsSql(hostileQuery), mapCountSql(hostileQuery, map)]) {
      expect(values).toEqual(expect.arrayContaining([BOX.west, BOX.south, BOX.east, BOX.north]));
    }
    expect(mapCellsSql(hostileQuery, map).values).toEqual(expect.arrayContaining([VIEW.west, VIEW.south, VIEW.east, VIEW.north, 256 * 2 ** 7 / 24]));
    // Without the area filter, no box (and the counts made at load answer bins by type).
    const plain: ViewQuery = { ...hostileQuery, filters: { types: ['clash'], actors: [], role: null, words: [], country: null, place: null } };
    expect(typeBinsSql(plain, 7).sql).toContain('start_counts');
    expect(typeBinsSql({ ...plain, filters: { ...plain.filters, bbox: BOX } }, 7).sql).not.toContain('start_counts');
    expect(countSql(plain).sql).not.toContain('e.lon');
  });
});
