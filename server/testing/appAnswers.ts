// What the app itself computes in memory for a dataset, filters and window: the reference the
// server's answers are held to in tests (the app's functions, not a copy of them).
import type { Dataset } from '../../src/model/schema.ts';
import { EVENT_TYPES, type EventType } from '../../src/model/taxonomy.ts';
import { buildEventTable } from '../../src/table/eventTable.ts';
import { filterMask, type Filters } from '../../src/table/filter.ts';
import { textMatcherFor } from '../../src/table/wordIndex.ts';
import { densityBins } from '../../src/layout/density.ts';
import { actorLanes, placeLanes, typeLanes, type LaneAssignment } from '../../src/layout/lanes.ts';
import { actorCounts, placeCounts, typeCounts, visibleRows } from '../../src/store/derived.ts';
import { boxContains, type GeoBox } from '../../src/model/geo.ts';
import { mercatorCell } from '../../src/layout/mercator.ts';
import { NO_FILTERS } from '../../src/table/filter.ts';
import { MAP_POINT_LIMIT, OTHER_ACTORS_LANE, PLACE_LIMIT, type LaneBins, type LaneSubset, type MapAnswer, type MapCell, type MapRequest, type PlaceCounts } from '../engine.ts';

export interface Window {
  from: number;
  to: number;
}

export function appAnswers(dataset: Pick<Dataset, 'events' | 'actors'>) {
  const table = buildEventTable(dataset);
  const text = textMatcherFor(table);
  const laneBins = (lanes: LaneAssignment, mask: Uint8Array | null, window: Window, bins: number): LaneBins[] =>
    lanes.lanes.map((lane, l) => {
      const inLane = new Uint8Array(table.size);
      for (let row = 0; row < table.size; row++) if ((!mask || mask[row] === 1) && lanes.lanesOf(row).includes(l)) inLane[row] = 1;
      return { key: lane.key.replace(/^(type|actor):/, ''), counts: [...densityBins(table.start, inLane, window.from, window.to, bins)] };
    });
  return {
    table,
    visibleIds(filters: Filters, window: Window): string[] {
      return [...visibleRows({ table, filters, window })].map((row) => table.eventAt(row).id);
    },
    counts(filters: Filters, window: Window) {
      const state = { table, filters, window };
      const types: Record<string, number> = {};
      typeCounts(state).forEach((n, t) => n && (types[EVENT_TYPES[t]!] = n));
      const actors: Record<string, number> = {};
      actorCounts(state).forEach((n, a) => n && (actors[table.actors[a]!.id] = n));
      return { visible: visibleRows(state).length, types, actors };
    },
    /** The place filter's counts, as many places as the server lists. */
    places(filters: Filters, window: Window): PlaceCounts {
      const { countries, places } = placeCounts({ table, filters, window });
      return { countries: Object.fromEntries(countries), places: places.slice(0, PLACE_LIMIT).map(({ country, name, count }) => ({ country, name, count })) };
    },
    /**
     * The lanes of a view (by type, or by actor with `maxLanes`), the lanes `pick` chooses of them
     * as the API's subset, and the ids of the events in the window in those lanes, in time order.
     */
    laneEvents(filters: Filters, window: Window, mode: 'type' | 'actor', maxLanes: number, pick: (keys: string[]) => string[]) {
      const lanes = mode === 'type' ? typeLanes(table, 'en', filters.types) : actorLanes(table, filterMask(table, filters, text), 'en', maxLanes, 'Other actors');
      const keys = lanes.lanes.map((lane) => lane.key.replace(/^(type|actor):/, ''));
      const picked = pick(keys);
      const wanted = new Set(picked.map((key) => keys.indexOf(key)));
      const ids = [...visibleRows({ table, filters, window })].filter((row) => lanes.lanesOf(row).some((l) => wanted.has(l))).map((row) => table.eventAt(row).id);
      const subset: LaneSubset =
        mode === 'type' ? { mode, keys: picked as EventType[] } : { mode, keys: picked, laneActors: keys.filter((k) => k !== OTHER_ACTORS_LANE) };
      return { keys, subset, ids };
    },
    typeBins(filters: Filters, window: Window, bins: number): LaneBins[] {
      return laneBins(typeLanes(table, 'en', filters.types), filterMask(table, filters, text), window, bins);
    },
    actorBins(filters: Filters, window: Window, bins: number, maxLanes: number): LaneBins[] {
      const mask = filterMask(table, filters, text);
      return laneBins(actorLanes(table, mask, 'en', maxLanes, 'Other actors'), mask, window, bins);
    },
    /**
     * The answers under the filters and the area filter `box` (the app's own filters do not hold
     * it yet: the box is applied to their mask here, as boxContains has it).
     */
    inArea(filters: Filters, window: Window, box: GeoBox | null) {
      const inBox = (row: number) => !Number.isNaN(table.lon[row]!) && !Number.isNaN(table.lat[row]!) && (!box || boxContains(box, table.lon[row]!, table.lat[row]!));
      const maskOf = (base: Uint8Array | null) => Uint8Array.from({ length: table.size }, (_, row) => ((!base || base[row] === 1) && (!box || inBox(row)) ? 1 : 0));
      const mask = maskOf(filterMask(table, filters, text));
      const inWindow = [...visibleRows({ table, filters: NO_FILTERS, window })];
      const visible = inWindow.filter((row) => mask[row] === 1);
      const tally = (skip: 'types' | 'actors') => {
        const m = maskOf(filterMask(table, filters, text, skip));
        const counts: Record<string, number> = {};
        for (const row of inWindow) {
          if (m[row] !== 1) continue;
          const keys = skip === 'types' ? [table.eventAt(row).type] : [...new Set(table.eventAt(row).actors.map((a) => a.actor))];
          for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
        }
        return counts;
      };
      return {
        ids: visible.map((row) => table.eventAt(row).id),
        counts: { visible: visible.length, types: tally('types'), actors: tally('actors') },
        typeBins: (bins: number) => laneBins(typeLanes(table, 'en', filters.types), mask, window, bins),
        actorBins: (bins: number, maxLanes: number) => laneBins(actorLanes(table, mask, 'en', maxLanes, 'Other actors'), mask, window, bins),
        /** Lanes by place as the page makes them (placeLanes), keys without their "place:". */
        placeBins(bins: number, maxLanes: number): LaneBins[] {
          const lanes = placeLanes(table, mask, maxLanes, { locale: 'en', otherPlaces: 'Other places', noPlace: 'No place' });
          return laneBins(lanes, mask, window, bins).map((lane) => ({ ...lane, key: lane.key.replace(/^place:/, '') }));
        },
        /** The map's answer: the points of the events in the view, or counts per mercatorCell with the most frequent type. */
        map(request: MapRequest): MapAnswer {
          const rows = visible.filter((row) => boxContains(request.view, table.lon[row]!, table.lat[row]!));
          if (rows.length <= MAP_POINT_LIMIT) {
            const points = rows.map((row) => {
              const event = table.eventAt(row);
              return { id: event.id, lon: table.lon[row]!, lat: table.lat[row]!, type: event.type, precision: event.place!.precision ?? null, title: event.title[event.originalLanguage] ?? Object.values(event.title)[0] ?? '' };
            });
            return { kind: 'points', total: rows.length, points };
          }
          const zoom = Math.floor(request.zoom);
          const perCell = new Map<string, number[]>();
          for (const row of rows) {
            const { type } = table.eventAt(row);
            const [col, r] = mercatorCell(table.lon[row]!, table.lat[row]!, zoom, request.cell);
            const key = `${r}:${col}`;
            const counts = perCell.get(key) ?? new Array<number>(EVENT_TYPES.length).fill(0);
            counts[EVENT_TYPES.indexOf(type)]!++;
            perCell.set(key, counts);
          }
          const cells = [...perCell.entries()].map(([key, counts]): MapCell => {
            const [r, col] = key.split(':').map(Number) as [number, number];
            return [col, r, counts.reduce((a, b) => a + b, 0), counts.indexOf(Math.max(...counts))];
          });
          cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
          return { kind: 'cells', total: rows.length, zoom, cell: request.cell, cells };
        },
      };
    },
  };
}

/** The filters and window as the API's query string (the app's URL names; the window in ms). */
export function queryStringOf(filters: Filters, window: Window, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams({ from: String(window.from), to: String(window.to) });
  if (filters.types.length) p.set('types', filters.types.join(','));
  if (filters.actors.length) p.set('actors', filters.actors.join(','));
  if (filters.role) p.set('role', filters.role);
  if (filters.q) p.set('q', filters.q);
  if (filters.country) p.set('country', filters.country);
  if (filters.place) p.set('place', filters.place);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}
