// The files named on the command line made into a DuckDB engine: a database of ours is opened as
// it is; any other file is read with the app's importers and written to a new database in
// `workDir`, which the caller removes with the returned `dispose`.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Engine } from './engine.ts';
import { createDuckDbDatabase, isDuckDbFile, openDuckDbEngine } from './duckdbEngine.ts';
import { readDataset } from './readDataset.ts';

export type LoadedSource = { ok: true; engine: Engine; count: number; lines: string[]; dispose(): Promise<void> } | { ok: false; message: string };

async function headOf(path: string): Promise<Uint8Array | null> {
  try {
    const file = await open(path, 'r');
    try {
      const head = new Uint8Array(16);
      const { bytesRead } = await file.read(head, 0, 16, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}

/**
 * The DuckDB database among the files, when one is: it must come alone (`verb` says what the
 * command does with it, for the message). Null when none is.
 */
export async function duckDbDatabaseAmong(files: readonly string[], verb: string): Promise<{ ok: true; path: string } | { ok: false; message: string } | null> {
  const heads = await Promise.all(files.map(headOf));
  const databases = files.filter((_, i) => heads[i] && isDuckDbFile(heads[i]!));
  if (!databases.length) return null;
  if (files.length > 1) return { ok: false, message: `${databases[0]} is a DuckDB database: ${verb} it alone, not with other files` };
  return { ok: true, path: databases[0]! };
}

export async function loadDuckDbSource(files: readonly string[], workDir: string): Promise<LoadedSource> {
  const database = await duckDbDatabaseAmong(files, 'serve');
  if (database && !database.ok) return database;
  if (database) {
    const opened = await openDuckDbEngine(database.path);
    if (!opened.ok) return opened;
    const info = await opened.engine.info();
    return { ok: true, engine: opened.engine, count: info.count, lines: [], dispose: () => opened.engine.close() };
  }
  const read = await readDataset(files);
  if (!read.ok) return read;
  const path = join(workDir, `${randomUUID()}.duckdb`);
  const dispose = async (engine?: Engine) => {
    await engine?.close();
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  };
  try {
    await createDuckDbDatabase(read.dataset, path, read.reports);
  } catch (error) {
    await dispose();
    return { ok: false, message: `the database could not be written (${(error as Error).message})` };
  }
  const opened = await openDuckDbEngine(path);
  if (!opened.ok) {
    await dispose();
    return opened;
  }
  return { ok: true, engine: opened.engine, count: read.dataset.events.length, lines: read.lines, dispose: () => dispose(opened.engine) };
}
