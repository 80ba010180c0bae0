// A Parquet file opened with hyparquet (pure JavaScript: the CSP allows no WebAssembly), its rows
// read a row group at a time. Snappy is hyparquet's own; gzip, zstd, brotli and LZ4 come from
// hyparquet-compressors' JavaScript functions, imported one by one: its `compressors` object
// would start a WebAssembly snappy as the module loads.
import { parquetMetadata, parquetRead, parquetSchema, type Compressors, type FileMetaData } from 'hyparquet';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';
import { decompress as decompressZstd } from 'fzstd';
import { endsWhole, type ColumnarTable } from './columnarFormat.ts';
import { createFloat32Decimals } from './columnarRows.ts';

/** The decompressors besides hyparquet's own snappy. */
export const COMPRESSORS: Compressors = {
  GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
  BROTLI: decompressBrotli,
  ZSTD: (input) => decompressZstd(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

/** The file's metadata, or throws with why it cannot be read. */
function metadataOf(bytes: ArrayBuffer): FileMetaData {
  if (!endsWhole(new Uint8Array(bytes), 'parquet')) throw new Error('it is cut short: a whole Parquet file ends with PAR1');
  return parquetMetadata(bytes);
}

/** The file's columns and row groups; `metadata` where it was parsed already (a preview has it). */
export function openParquet(bytes: ArrayBuffer, metadata: FileMetaData = metadataOf(bytes)): ColumnarTable {
  // Top-level columns only: ACLED and UCDP files are flat; a nested column reads as JSON text.
  const children = parquetSchema(metadata).children;
  const columns = children.map((child) => child.element.name);
  const floats = new Set(children.filter((child) => child.element.type === 'FLOAT').map((child) => child.element.name));
  const decimalOf = createFloat32Decimals();
  let rowStart = 0;
  const groups = metadata.row_groups.map((group) => {
    const rows = Number(group.num_rows);
    const range = { rowStart, rowEnd: rowStart + rows };
    rowStart += rows;
    return {
      rows,
      read: (wanted: readonly string[]) =>
        new Promise<unknown[][]>((resolve, reject) => {
          let got: unknown[][] = [];
          parquetRead({ file: bytes, metadata, columns: [...wanted], ...range, compressors: COMPRESSORS, rowFormat: 'array', onComplete: (read) => (got = read) }).then(() => {
            const floatAt = wanted.flatMap((name, k) => (floats.has(name) ? [k] : []));
            for (const row of got) for (const k of floatAt) row[k] = decimalOf(row[k]);
            resolve(got);
          }, reject);
        }),
    };
  });
  const textColumns = new Set(children.filter((child) => child.element.type === 'BYTE_ARRAY').map((child) => child.element.name));
  return { columns, textColumns, groups, groupName: 'row group' };
}
