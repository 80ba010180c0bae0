// What the data server answered for one view, as the store keeps it. Layout draws it whoever
// computed it: a small table of the window's events (laid out in the page, as a file's), or the
// lanes' counts per bin when the window holds more.
import type { EventTable } from '../table/eventTable.ts';
import type { LaneMode } from '../layout/lanes.ts';
import type { TimeWindow } from './window.ts';
import type { EventType } from '../model/taxonomy.ts';
import type { GeoPrecision } from '../model/schema.ts';

/** /api/info without the dataset (which the store keeps as any dataset). */
export interface RemoteInfo {
  count: number;
  extent: TimeWindow | null;
}

/** /api/places: the place filter's counts for a window and filters (its key: placesUrl). */
export interface RemotePlaces {
  key: string;
  countries: Readonly<Record<string, number>>;
  places: readonly { country: string; name: string; count: number }[];
}

/** /api/counts: in the window, every filter (visible), and each facet under the other filters. */
export interface RemoteCounts {
  visible: number;
  types: Readonly<Record<string, number>>;
  actors: Readonly<Record<string, number>>;
}

export interface RemoteLaneBins {
  /** An event type, an actor id, or "*" for the other actors. */
  key: string;
  counts: readonly number[];
}

export interface RemoteAnswer {
  /** remoteViewKey of the view asked for. */
  key: string;
  /** The window and lane mode asked for (the bins cover this window). */
  window: TimeWindow;
  lanes: LaneMode;
  laneBins: RemoteLaneBins[];
  /**
   * The window's events passing the filters when `complete`; else the events of `sparseLanes`
   * (none when there are none), and the other lanes are drawn from their bins.
   */
  table: EventTable;
  complete: boolean;
  /** When not `complete`: the keys (as in laneBins) of the lanes few enough to mark, whose events `table` holds. */
  sparseLanes: readonly string[];
  counts: RemoteCounts;
}

/** The overview strip's counts from the data server: events passing the filters per equal bin of [from, to). */
export interface RemoteOverview {
  /** The filters' key: the strip is asked again when they change, not when the window does. */
  key: string;
  from: number;
  to: number;
  counts: readonly number[];
}

/** /api/map: the map's view answered as its events (few) or counts per cell of the Web Mercator grid (many); see remote/remoteMap.ts. */
export interface RemoteMapPoint {
  id: string;
  lon: number;
  lat: number;
  type: EventType;
  precision: GeoPrecision | null;
  title: string;
}

/** [col, row, events, index in EVENT_TYPES of the most frequent type]: col and row as mercatorCell(lon, lat, zoom, cell). */
export type RemoteMapCell = readonly [number, number, number, number];

/**
 * The server's answer for a map view (`key`: remoteMapKey of the request). `total`: the events in
 * view (in the window, passing the filters, with coordinates in the box).
 */
export type RemoteMapAnswer = { key: string; total: number } & (
  | { kind: 'points'; points: readonly RemoteMapPoint[] }
  | { kind: 'cells'; zoom: number; cell: number; cells: readonly RemoteMapCell[] }
);

