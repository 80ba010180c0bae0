import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from './readDataset.ts';

const ACLED = join(import.meta.dirname, '../../shared/data/acled-armenia-2018-2020-hdx.csv');
const SEED = join(import.meta.dirname, '../data/seed.json');

describe('readDataset', () => {
  it('reads the real ACLED export and the seed with the app importers, merged, with a report per file', async () => {
    const read = await readDataset([SEED, ACLED]);
    if (!read.ok) throw new Error(read.message);
    expect(read.reports.map((r) => r.fileName)).toEqual(['seed.json', 'acled-armenia-2018-2020-hdx.csv']);
    expect(read.dataset.events.length).toBe(read.reports[0]!.imported + read.reports[1]!.imported);
    expect(read.lines[0]).toMatch(/^seed\.json: read as /);
  });

  it('says how many events of a later file an earlier one already holds, which are kept from the earlier', async () => {
    const read = await readDataset([ACLED, SEED, ACLED]);
    if (!read.ok) throw new Error(read.message);
    const [acled, seed] = read.reports;
    expect(read.dataset.events.length).toBe(acled!.imported + seed!.imported);
    expect(read.lines.at(-1)).toBe(`acled-armenia-2018-2020-hdx.csv: ${acled!.imported.toLocaleString('en-GB')} events were already read from an earlier file (same id, e.g. "ARM4966"), and the earlier ones are kept`);
  });

  it('names the file that cannot be read and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-read-'));
    try {
      writeFileSync(join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
      expect(await readDataset([join(dir, 'picture.png')])).toEqual({ ok: false, message: expect.stringMatching(/^picture\.png is .*PNG.*, not a dataset\.$/) });
      expect(await readDataset([join(dir, 'missing.csv')])).toEqual({ ok: false, message: `${join(dir, 'missing.csv')} could not be read (ENOENT)` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
