import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import type { Dataset } from '../model/schema.ts';
import { validateDataset } from '../model/validate.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { previewTable } from '../table/previewTable.ts';
import { datasetToParquet } from './appParquet.ts';
import { PREVIEW_MIN_ROWS, readAppParquetPreview } from './appParquetPreview.ts';

const validated = validateDataset(seed);
const seedDataset = (validated.ok ? validated.dataset : null) as Dataset;
const bytesOf = (dataset: Dataset) => datasetToParquet(dataset).buffer;

describe('the preview of a large Parquet file in the app layout', () => {
  it('puts each seed event where the full table does: days, parts of a day, hours, ends, and types', async () => {
    const preview = (await readAppParquetPreview(bytesOf(seedDataset), undefined, 0))!;
    expect(preview.title).toBe(seedDataset.title);
    expect(preview.rows).toBe(seedDataset.events.length);
    const full = buildEventTable(seedDataset);
    const drawn = previewTable(preview);
    expect(drawn.size).toBe(full.size);
    expect([...drawn.start]).toEqual([...full.start]);
    expect([...drawn.end]).toEqual([...full.end]);
    // Events that start together may come in another order; their types, taken together, agree.
    const typesAt = (table: typeof full) => [...table.start].map((t, i) => `${t}:${table.type[i]}`).sort();
    expect(typesAt(drawn)).toEqual(typesAt(full));
    expect(drawn.extent).toEqual(full.extent);
    expect(drawn.longestDuration).toBe(full.longestDuration);
  });

  it('has no actors, places or text: the page shows it inert until the table comes', async () => {
    const drawn = previewTable((await readAppParquetPreview(bytesOf(seedDataset), undefined, 0))!);
    expect(drawn.actors).toEqual([]);
    expect(drawn.places).toEqual([]);
    expect(drawn.actorOffset.every((v) => v === 0)).toBe(true);
    expect(Number.isNaN(drawn.lon[0])).toBe(true);
    expect(drawn.titleAt(0).title).toEqual({ en: '' });
  });

  it('is made only for files of PREVIEW_MIN_ROWS rows or more, and only for the app layout', async () => {
    expect(await readAppParquetPreview(bytesOf(seedDataset))).toBeNull();
    const large = makeDataset({ events: PREVIEW_MIN_ROWS, lasting: 0.2 });
    const preview = (await readAppParquetPreview(bytesOf(large)))!;
    expect(preview.rows).toBe(PREVIEW_MIN_ROWS);
    expect([...previewTable(preview).start]).toEqual([...buildEventTable(large).start]);
    expect(await readAppParquetPreview(new TextEncoder().encode('id,type\n1,clash\n').buffer as ArrayBuffer, undefined, 0)).toBeNull();
  });
});
