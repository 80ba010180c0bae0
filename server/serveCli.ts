// The command line behind `npm run serve`: argument parsing and the messages, pure, apart from the
// process handling in serve.ts (as scripts/importCli.ts is apart from scripts/import.ts).

export const SERVE_USAGE = `Usage: npm run serve -- FILE… [--host 127.0.0.1] [--port 8787] [--watch]
                      [--allow-origin ORIGIN]… [--token TOKEN]
       npm run serve -- --clickhouse URL [--database NAME] [--cluster NAME] [--host …] [--port …] …
Serves the app at / and its query API under /api/, with DuckDB embedded. FILE is any file the app
opens (ACLED or UCDP CSV or Parquet, the app's Parquet or JSON, Arrow), several merged in order,
or one DuckDB database written by this server. With --clickhouse, it serves the events that
npm run load put in that ClickHouse (database conflict_timeline unless --database or the URL's
?database= says otherwise; --cluster for a Distributed table over shards).
  --watch              reload when a file changes (the old data is served until the new is ready)
  --allow-origin O     let pages of origin O (e.g. https://reports.example) call the API; repeatable
  --token T            require "Authorization: Bearer T" on /api/ (or set CONFLICT_TIMELINE_TOKEN,
                       which keeps the token out of the process list)`;

export const TOKEN_ENV = 'CONFLICT_TIMELINE_TOKEN';

export interface ServeOptions {
  files: string[];
  /** Serve from ClickHouse (loaded by npm run load) instead of files in DuckDB. */
  clickhouse: { url: string; database: string | null; cluster: string | null } | null;
  host: string;
  port: number;
  watch: boolean;
  allowOrigins: string[];
  token: string | null;
}

/** An origin exactly as a browser sends it: scheme, host and port, nothing after. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

export function parseServeArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ServeOptions | { error: string } {
  const options: ServeOptions = { files: [], clickhouse: null, host: '127.0.0.1', port: 8787, watch: false, allowOrigins: [], token: env[TOKEN_ENV] || null };
  let database: string | null = null;
  let cluster: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i];
    if (arg === '--watch') options.watch = true;
    else if (arg === '--host') {
      const host = value();
      if (!host) return { error: '--host needs a host name or address' };
      options.host = host;
    } else if (arg === '--port') {
      const port = value() ?? '';
      if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return { error: `--port needs a port number (0 to 65535), not "${port}"` };
      options.port = Number(port);
    } else if (arg === '--allow-origin') {
      const origin = value() ?? '';
      if (!isOrigin(origin)) return { error: `--allow-origin needs an origin such as https://reports.example (scheme, host, port; no path), not "${origin}"` };
      if (!options.allowOrigins.includes(origin)) options.allowOrigins.push(origin);
    } else if (arg === '--token') {
      const token = value();
      if (!token) return { error: '--token needs a value' };
      options.token = token;
    } else if (arg === '--clickhouse') {
      const url = value() ?? '';
      if (!/^https?:\/\/[^/]/.test(url)) return { error: `--clickhouse needs the http(s) URL of a ClickHouse server, such as http://127.0.0.1:8123/, not "${url}"` };
      options.clickhouse = { url, database: null, cluster: null };
    } else if (arg === '--database' || arg === '--cluster') {
      const name = value() ?? '';
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { error: `${arg} needs a plain name (letters, digits, _), not "${name}"` };
      if (arg === '--database') database = name;
      else cluster = name;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else options.files.push(arg);
  }
  if (options.clickhouse) {
    if (options.files.length) return { error: `with --clickhouse the events come from the database that npm run load filled; give no file (${options.files.join(', ')})` };
    if (options.watch) return { error: '--watch reloads files; with --clickhouse, run npm run load again instead' };
    options.clickhouse = { ...options.clickhouse, database, cluster };
    return options;
  }
  if (database !== null || cluster !== null) return { error: `${database !== null ? '--database' : '--cluster'} goes with --clickhouse` };
  if (!options.files.length) return { error: 'no file given' };
  return options;
}

/** Where the events come from, for the serving line: the files (DuckDB), or the ClickHouse (its password hidden). */
export function sourceLabel(options: Pick<ServeOptions, 'files' | 'clickhouse'>, redact: (url: string) => string): string {
  if (!options.clickhouse) return `${options.files.join(', ')} (DuckDB)`;
  const { url, database, cluster } = options.clickhouse;
  return `ClickHouse at ${redact(url)}${database ? ` (database ${database})` : ''}${cluster ? ` (cluster ${cluster})` : ''}`;
}

/** The line that says the server is up. */
export function servingLine(count: number, source: string, host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `Serving ${count.toLocaleString('en-GB')} event${count === 1 ? '' : 's'} from ${source} on http://${shownHost}:${port}/`;
}

/** Where to open the app reading from this server: its own page, with `source` set to itself. */
export function pageLine(host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${shownHost}:${port}/`;
  return `Open ${origin}?source=${origin} to browse it in the app; the API is under /api/ (README: Data server).`;
}

/** Whether the host is reachable from this machine only. */
export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);
