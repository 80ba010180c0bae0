// `npm run serve -- FILE… [--host H] [--port P] [--watch] [--allow-origin O]… [--token T]`: the data
// server with DuckDB embedded, or `--clickhouse URL` for one that npm run load filled. The process
// around serveCli.ts: the source, the HTTP server, reloads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDataServer } from './api.ts';
import { loadDuckDbSource, type LoadedSource } from './duckdbSource.ts';
import { loadClickHouseSource } from './clickhouseSource.ts';
import { redactedUrl } from './clickhouseHttp.ts';
import { isLoopback, pageLine, parseServeArgs, SERVE_USAGE, servingLine, sourceLabel } from './serveCli.ts';
import { watchFiles } from './watchFiles.ts';

type Loaded = Extract<LoadedSource, { ok: true }>;

async function main(): Promise<number> {
  const options = parseServeArgs(process.argv.slice(2), process.env);
  if ('error' in options) {
    console.error(`${options.error}\n\n${SERVE_USAGE}`);
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'conflict-timeline-serve-'));
  // However the process ends (a signal during the import included), the temporary database goes.
  process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
  // Replaced once serving; until then a signal just ends the process (and the exit handler cleans up).
  let shutdown: () => Promise<void> = async () => {};
  const onSignal = () => void shutdown().finally(() => process.exit(0));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const clickhouse = options.clickhouse;
  const source = sourceLabel(options, redactedUrl);
  const first = clickhouse ? await loadClickHouseSource(clickhouse) : await loadDuckDbSource(options.files, workDir);
  if (!first.ok) {
    console.error(first.message);
    return 2;
  }
  for (const line of first.lines) console.log(line);
  let current: Loaded = first;

  const server = createDataServer({
    engine: () => current.engine,
    staticRoot: resolve(import.meta.dirname, '../dist'),
    allowOrigins: options.allowOrigins,
    token: options.token,
    log: (line) => console.error(line),
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, done);
  }).catch(async (error: NodeJS.ErrnoException) => {
    console.error(`cannot listen on ${options.host}:${options.port} (${error.code ?? error.message})`);
    await current.dispose();
    process.exit(2);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  console.log(servingLine(current.count, source, options.host, port));
  // The page at / without `source` is the app as always (its bundled data, files); this link reads from here.
  console.log(pageLine(options.host, port));
  if (!isLoopback(options.host) && options.token === null) console.error(`Warning: ${options.host} may be reachable from other machines and no --token is set.`);

  // Reloads run one at a time; a change during one runs another after it.
  let reloading: Promise<void> | null = null;
  let again = false;
  const reload = async () => {
    const next = await loadDuckDbSource(options.files, workDir);
    if (!next.ok) {
      console.error(`Reload failed, still serving the previous data: ${next.message}`);
      return;
    }
    for (const line of next.lines) console.log(line);
    const old = current;
    current = next;
    console.log(`Reloaded. ${servingLine(next.count, source, options.host, port)}`);
    await old.dispose();
  };
  const onChange = () => {
    if (reloading) {
      again = true;
      return;
    }
    reloading = reload().finally(() => {
      reloading = null;
      if (again) {
        again = false;
        onChange();
      }
    });
  };
  const stopWatching = options.watch ? watchFiles(options.files, 500, onChange) : () => {};

  shutdown = async () => {
    stopWatching();
    server.close();
    server.closeAllConnections();
    await current.dispose();
  };
  return 0;
}

process.exitCode = await main();
