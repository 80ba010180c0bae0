// `npm run serve -- --clickhouse URL`: the engine over a ClickHouse that `npm run load` filled,
// asked once for its dataset before serving, so that a wrong URL, a server that does not answer or
// a database with nothing loaded is said at start, not at the first request.
import type { LoadedSource } from './duckdbSource.ts';
import { createClickHouseEngine } from './clickhouseEngine.ts';

export async function loadClickHouseSource(options: { url: string; database: string | null; cluster: string | null }): Promise<LoadedSource> {
  const engine = createClickHouseEngine({ url: options.url, ...(options.database ? { database: options.database } : {}), ...(options.cluster ? { cluster: options.cluster } : {}) });
  try {
    const info = await engine.info();
    return { ok: true, engine, count: info.count, lines: [], dispose: () => engine.close() };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
