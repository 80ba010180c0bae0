// The peer: vis-timeline 8.5 with the bench's events (id, start, content = title, group = event
// type), in its default box style and stacking, at the size the app's timeline has. The runner
// calls window.openVis(url) and then zooms with the wheel as it does in the app.
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataItem, type DataGroup } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

declare global {
  interface Window {
    /** Loads the items file, then returns ms from creating the DataSet and Timeline to their first drawn frame. */
    openVis(url: string): Promise<number>;
  }
}

window.openVis = async (url) => {
  // Fetching and parsing the file is not timed: the peer is handed its items ready made.
  const data = (await (await fetch(url)).json()) as { groups: string[]; items: [string, number, string, string][] };
  const items = data.items.map(([id, start, content, group]): DataItem => ({ id, start, content, group }));
  const groups = data.groups.map((id): DataGroup => ({ id, content: id }));
  const container = document.getElementById('timeline')!;
  const t0 = performance.now();
  // onInitialDrawComplete is vis-timeline's own "rendered": after the first redraw and the fit to the items.
  const drawn = new Promise<void>((resolve) => {
    new Timeline(container, new DataSet(items), new DataSet(groups), { height: 700, onInitialDrawComplete: resolve });
  });
  await drawn;
  return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
};
