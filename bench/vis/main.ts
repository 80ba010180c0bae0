// The peer: vis-timeline 8.5 with the bench's events (id, start, content = title, group = event
// type), in its default box style and stacking, at the size the app's timeline has. The runner
// calls window.loadVis(url), then window.openVis(), then zooms with the wheel as it does in the app.
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataItem, type DataGroup } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

declare global {
  interface Window {
    /** Fetches and parses the items file: not timed, the peer is handed its items ready made. */
    loadVis(url: string): Promise<void>;
    /** ms from creating the DataSet and the Timeline to their first drawn frame. */
    openVis(): Promise<number>;
  }
}

let items: DataItem[] = [];
let groups: DataGroup[] = [];

window.loadVis = async (url) => {
  const data = (await (await fetch(url)).json()) as { groups: string[]; items: [string, number, string, string][] };
  items = data.items.map(([id, start, content, group]) => ({ id, start, content, group }));
  groups = data.groups.map((id) => ({ id, content: id }));
};

window.openVis = async () => {
  const t0 = performance.now();
  // onInitialDrawComplete is vis-timeline's own "rendered": after the first redraw and the fit to the items.
  await new Promise<void>((resolve) => {
    new Timeline(document.getElementById('timeline')!, new DataSet(items), new DataSet(groups), { height: 700, onInitialDrawComplete: resolve });
  });
  return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
};
