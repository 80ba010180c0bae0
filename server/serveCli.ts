// The command line behind `npm run serve`: argument parsing and the messages, pure, apart from the
// process handling in serve.ts (as scripts/importCli.ts is apart from scripts/import.ts).

export const SERVE_USAGE = `Usage: npm run serve -- FILE… [--host 127.0.0.1] [--port 8787] [--watch]
                      [--allow-origin ORIGIN]… [--token TOKEN]
Serves the app at / and its query API under /api/, with DuckDB embedded. FILE is any file the app
opens (ACLED or UCDP CSV or Parquet, the app's Parquet or JSON, Arrow), several merged in order,
or one DuckDB database written by this server.
  --watch              reload when a file changes (the old data is served until the new is ready)
  --allow-origin O     let pages of origin O (e.g. https://reports.example) call the API; repeatable
  --token T            require "Authorization: Bearer T" on /api/ (or set CONFLICT_TIMELINE_TOKEN,
                       which keeps the token out of the process list)`;

export const TOKEN_ENV = 'CONFLICT_TIMELINE_TOKEN';

export interface ServeOptions {
  files: string[];
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
  const options: ServeOptions = { files: [], host: '127.0.0.1', port: 8787, watch: false, allowOrigins: [], token: env[TOKEN_ENV] || null };
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
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else options.files.push(arg);
  }
  if (!options.files.length) return { error: 'no file given' };
  return options;
}

/** The line that says the server is up. */
export function servingLine(count: number, files: readonly string[], host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `Serving ${count.toLocaleString('en-GB')} event${count === 1 ? '' : 's'} from ${files.join(', ')} at http://${shownHost}:${port}/ (DuckDB)`;
}

/** Where to open the app reading from this server: its own page, with `source` set to itself. */
export function pageLine(host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${shownHost}:${port}/`;
  return `Open ${origin}?source=${origin} to browse it in the app; the API is under /api/ (README: Data server).`;
}

/** Whether the host is reachable from this machine only. */
export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);
