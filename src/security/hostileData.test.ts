// Hostile text in every field of imported data stays text: in the CSV export (no formula cells),
// the SVG export (no markup but ours), the JSON export and the import report.
import { uiLocaleOf } from '../i18n/locale.ts';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { importText } from '../io/importer.ts';
import { reportToCsv } from '../io/report.ts';
import type { Dataset } from '../model/schema.ts';
import { createAppStore } from '../store/store.ts';
import { LIGHT_THEME } from '../render/theme.ts';
import { buildViewSvg } from '../export/viewSvg.ts';
import { viewSvgInput } from '../export/viewExport.ts';
import { eventsToCsv } from '../export/eventsCsv.ts';
import { datasetToJson, eventsToDataset } from '../export/eventsJson.ts';
import { acledCsv, acledRow } from '../testing/acledFixture.ts';
import { ALL_HOSTILE_TEXT, FORMULA_PAYLOADS, XSS_PAYLOADS, hostileDataset } from '../testing/hostileText.ts';

function importHostile(): Dataset {
  const result = importText({ text: JSON.stringify(hostileDataset()), fileName: 'hostile.json' });
  if (result.kind !== 'done') throw new Error(`not imported: ${JSON.stringify(result)}`);
  expect(result.report.rejectedRows).toBe(0);
  return result.dataset;
}

/** A cell a spreadsheet would run: it starts with =, +, -, @, a tab or a carriage return and is not a plain number. */
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

const SVG_TAGS = new Set(['svg', 'defs', 'title', 'desc', 'g', 'rect', 'line', 'path', 'circle', 'text', 'tspan', 'polygon', 'clipPath', 'a']);

describe('hostile text in every field', () => {
  it('imports as it was written: no event rejected, every payload kept as text', () => {
    const dataset = importHostile();
    expect(dataset.events).toHaveLength(ALL_HOSTILE_TEXT.length);
    const titles = dataset.events.map((e) => e.title.en);
    for (const payload of XSS_PAYLOADS) expect(titles).toContain(payload);
    expect(dataset.events.map((e) => e.sources[0]!.url)).toContain('javascript:window.__xss=1');
  });

  it('the CSV export defuses every formula cell and keeps the markup as plain text', () => {
    const dataset = importHostile();
    const csv = eventsToCsv(dataset.events, dataset.actors, 'en');
    const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(dataset.events.length + 1);
    const cells = parsed.data.flat();
    expect(cells.filter(isFormula)).toEqual([]);
    for (const payload of FORMULA_PAYLOADS.filter((p) => !/^[\t\r]/.test(p))) expect(cells).toContain(`'${payload}`);
    expect(cells).toContain(XSS_PAYLOADS[1]);
  });

  it('the SVG export holds only its own elements and attributes; the payloads are escaped text', () => {
    const store = createAppStore({ dataset: importHostile() });
    store.getState().setWindow({ from: Date.UTC(2022, 8, 9), to: Date.UTC(2022, 8, 21) });
    store.getState().setPlotSize({ width: 1200, height: 600 });
    store.getState().select('hostile-event-1');
    const { svg } = buildViewSvg(
      viewSvgInput(store.getState(), { ui: uiLocaleOf('en'), theme: LIGHT_THEME, measure: (t, size) => t.length * size * 0.55, now: new Date(Date.UTC(2026, 10, 25)), permalink: 'http://localhost/?x=<script>' }),
    );
    const tags = new Set([...svg.matchAll(/<([A-Za-z][\w:-]*)/g)].map((m) => m[1]!));
    expect([...tags].filter((tag) => !SVG_TAGS.has(tag))).toEqual([]);
    const attributes = new Set([...svg.matchAll(/\s([A-Za-z_:][\w:.-]*)="/g)].map((m) => m[1]!));
    expect([...attributes].filter((name) => /^on/i.test(name) || name === 'style' || /href/i.test(name))).toEqual([]);
    expect(svg).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; Hostile dataset');
  });

  it('the JSON export re-imports to the same text', () => {
    const dataset = importHostile();
    const { dataset: exported } = eventsToDataset(dataset, dataset.events, { description: 'test' });
    const again = importText({ text: datasetToJson(exported), fileName: 'again.json' });
    expect(again.kind).toBe('done');
    if (again.kind !== 'done') return;
    expect(again.dataset.events.map((e) => e.title)).toEqual(dataset.events.map((e) => e.title));
    expect(again.dataset.actors.map((a) => a.names)).toEqual(dataset.actors.map((a) => a.names));
  });

  it('an ACLED file with hostile cells imports them as text, and the report CSV is defused', () => {
    const rows = ALL_HOSTILE_TEXT.slice(0, 12).map((text, i) =>
      acledRow({ event_id_cnty: `ARM${i}`, actor1: text, notes: text, location: text, source: `${text}; =cmd`, assoc_actor_1: text, event_date: i === 3 ? text : '2022-09-13' }),
    );
    const result = importText({ text: acledCsv(rows, { layout: 'pre2023' }), fileName: '<b>acled</b>.csv' });
    expect(result.kind).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.report.rowsRead).toBe(12);
    expect(result.report.imported + result.report.rejectedRows).toBe(12);
    expect(result.dataset.events.map((e) => e.description?.en)).toContain(XSS_PAYLOADS[0]);
    const reportCells = Papa.parse<string[]>(reportToCsv(result.report), { skipEmptyLines: true }).data.flat();
    expect(reportCells.filter(isFormula)).toEqual([]);
    const csvCells = Papa.parse<string[]>(eventsToCsv(result.dataset.events, result.dataset.actors, 'en').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data.flat();
    expect(csvCells.filter(isFormula)).toEqual([]);
  });
});
