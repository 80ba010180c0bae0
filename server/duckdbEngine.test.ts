// The DuckDB engine on its own: a query its caller gives up on stops; the files it writes and knows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDuckDbDatabase, isDuckDbFile, openDuckDbEngine } from './duckdbEngine.ts';
import type { Engine, ViewQuery } from './engine.ts';
import { readDataset } from './readDataset.ts';
import { ALL_TIME } from './apiParams.ts';

const SEED = join(import.meta.dirname, '../data/seed.json');
const dir = mkdtempSync(join(tmpdir(), 'ct-duckdb-'));
const path = join(dir, 'seed.duckdb');
const everything: ViewQuery = { filters: { types: [], actors: [], role: null, words: [], country: null, place: null }, ...ALL_TIME };
let engine: Engine;

beforeAll(async () => {
  const read = await readDataset([SEED]);
  if (!read.ok) throw new Error(read.message);
  await createDuckDbDatabase(read.dataset, path, read.reports);
  const opened = await openDuckDbEngine(path);
  if (!opened.ok) throw new Error(opened.message);
  engine = opened.engine;
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the DuckDB engine', () => {
  it('gives up a query whose caller aborts, before or while it runs', async () => {
    const before = new AbortController();
    before.abort();
    await expect(engine.events(everything, 0, 10, before.signal)).rejects.toThrow(/abort/i);
    const during = new AbortController();
    const pending = engine.bins(everything, { mode: 'actor', maxLanes: 10 }, 4096, during.signal);
    during.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    expect((await engine.events(everything, 0, 1)).total).toBe(16);
  });

  it('will not write a file that exists, and knows its own files', async () => {
    const read = await readDataset([SEED]);
    if (!read.ok) throw new Error(read.message);
    await expect(createDuckDbDatabase(read.dataset, path)).rejects.toThrow(/exists already/);
    const { readFileSync } = await import('node:fs');
    expect(isDuckDbFile(readFileSync(path).subarray(0, 16))).toBe(true);
    expect(isDuckDbFile(readFileSync(SEED).subarray(0, 16))).toBe(false);
  });

  it('refuses a database of an older format, saying to write it again', async () => {
    const read = await readDataset([SEED]);
    if (!read.ok) throw new Error(read.message);
    const older = join(dir, 'older.duckdb');
    await createDuckDbDatabase(read.dataset, older, read.reports);
    const instance = await DuckDBInstance.create(older);
    const connection = await instance.connect();
    await connection.run("UPDATE dataset_info SET format = 'conflict-timeline-duckdb-4'");
    connection.closeSync();
    instance.closeSync();
    const opened = await openDuckDbEngine(older);
    expect(opened).toEqual({ ok: false, message: expect.stringMatching(/older\.duckdb was written by an older npm run serve \(format conflict-timeline-duckdb-4; this one reads conflict-timeline-duckdb-5.*write it again from the original files/) });
  });

  it('answers searches asked at once right when it keeps only one (a search pushed out is dropped once no query reads it)', async () => {
    const small = await openDuckDbEngine(path, { searchesKept: 1 });
    if (!small.ok) throw new Error(small.message);
    try {
      const texts = [['ceasefire'], ['وقف', 'اطلاق'], ['protest', 'a'], ['nothing-holds-this']];
      const ask = (e: Engine, words: string[]) => {
        const query = { ...everything, filters: { ...everything.filters, words } };
        return Promise.all([e.facetCounts(query), e.bins(query, { mode: 'actor', maxLanes: 3 }, 50), e.bins(query, { mode: 'type' }, 50), e.events(query, 0, 5)]);
      };
      const expected = [];
      for (const words of texts) expected.push(await ask(engine, words));
      const together = await Promise.all([...texts, ...texts].map((words) => ask(small.engine, words)));
      expect(together).toEqual([...expected, ...expected]);
      expect(expected[0]![0].visible).toBeGreaterThan(0);
    } finally {
      await small.engine.close();
    }
  });

  it("keeps each event's coordinates, precision and area", async () => {
    const all = await engine.map(everything, { view: { west: -180, south: -85, east: 180, north: 85 }, zoom: 3, cell: 16 });
    // The seed's ten located events, in time order; Bishkek first.
    expect(all.kind).toBe('points');
    if (all.kind !== 'points') return;
    expect(all.total).toBe(10);
    expect(all.points[0]).toEqual({ id: '1994-05-05-bishkek-protocol', lon: 74.5698, lat: 42.8746, type: expect.any(String), precision: null, title: expect.any(String) });
  });

});
