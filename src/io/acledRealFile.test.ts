// Reads the real ACLED export in ../shared/data (CI always has it beside the checkout; it may not
// be copied into the repository). Without the folder the test is skipped, and CI counts a skip as
// a failure.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from './importer.ts';
import { validateDataset } from '../model/validate.ts';
import { buildEventTable } from '../table/eventTable.ts';

const FILE = resolve(__dirname, '../../../shared/data/acled-armenia-2018-2020-hdx.csv');

describe('the real ACLED export for Armenia, 2018–2020', () => {
  it.skipIf(!existsSync(FILE))('imports all 4,960 events, with nothing rejected', () => {
    const result = importText({ text: readFileSync(FILE, 'utf8'), fileName: 'acled-armenia-2018-2020-hdx.csv' });
    if (result.kind !== 'done') throw new Error(JSON.stringify(result));
    const { dataset, report } = result;
    expect(report.format).toBe('ACLED CSV (pre-2023 layout)');
    expect(report.rowsRead).toBe(4960);
    expect(report.rejections).toEqual([]);
    expect(report.imported).toBe(4960);
    // A clean export needs no repair: its ISO dates are read, not fixed; nothing is merged or missing.
    expect(report.fixedRows).toBe(0);
    expect(report.fixes).toEqual([]);
    expect(report.mergedRows).toBe(0);
    expect(report.missingTokens).toEqual([]);
    expect(report.notes[0]).toMatch(/^row 2 is an HXL hashtag row/);
    expect(dataset.events).toHaveLength(4960);
    expect(validateDataset(dataset).ok).toBe(true);

    // One actor across periods: (2008-2018) and (2018-) are the same armed forces.
    const forces = dataset.actors.filter((a) => a.names.en === 'Military Forces of Armenia');
    expect(forces).toHaveLength(1);
    expect(forces[0]!.aliases).toEqual(expect.arrayContaining(['Military Forces of Armenia (2018-)', 'Military Forces of Armenia (2008-2018)']));
    // No fatalities column: no counts at all, rather than zeros.
    expect(dataset.events.every((e) => e.counts.length === 0)).toBe(true);
    const table = buildEventTable(dataset);
    expect(new Date(table.extent!.from).getUTCFullYear()).toBe(2018);
    expect(dataset.events.filter((e) => e.type === 'protest').length).toBe(918);
  });
});
