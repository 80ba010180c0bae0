// hyparquet reads a list of one level by a shorter way than other nested columns (see
// patches/hyparquet+1.33.0.patch): null lists, empty ones, null entries and lists across
// pages and row groups must read back as they were written.
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';

const LIST_CELLS: (string | null)[][] = [['a'], ['b', null, 'c'], [], [null], ['d', 'e', 'f', 'g']];

describe('Parquet lists as hyparquet reads them', () => {
  it('gives optional and required lists back as written: null lists, empty lists, null entries, over many pages and row groups', async () => {
    const rows = 3000;
    // Every fifth row's optional list is null; the others cycle through LIST_CELLS.
    const tags = Array.from({ length: rows }, (_, i) => (i % 5 === 4 ? null : LIST_CELLS[i % LIST_CELLS.length]!.map((v) => (v === null ? null : `${v}${i}`))));
    const codes = Array.from({ length: rows }, (_, i) => Array.from({ length: i % 4 }, (_, k) => i * 10 + k));
    const file = parquetWriteBuffer({
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'OPTIONAL', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
        { name: 'codes', repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'REQUIRED', type: 'INT32' },
      ],
      columnData: [
        { name: 'tags', data: tags },
        { name: 'codes', data: codes },
      ],
      rowGroupSize: 1000,
      pageSize: 2048,
    });
    const read = await parquetReadObjects({ file });
    expect(read.map((row) => row.tags)).toEqual(tags);
    expect(read.map((row) => row.codes)).toEqual(codes);
    expect(read[4]!.tags).toBeNull();
    expect(read[2]!.tags).toEqual([]);
    expect(read[3]!.tags).toEqual([null]);
    expect(read[0]!.codes).toEqual([]);
  });
});
