// ClickHouse over its HTTP interface with Node's fetch. Request values travel as external data
// (temporary tables sent with the query as multipart/form-data), never in the SQL text:
// ClickHouse 18.16, the version Debian ships, has no query parameters.
import { randomUUID } from 'node:crypto';

/** Where a ClickHouse server answers, and as whom. */
export interface ClickHouseTarget {
  /** The server's HTTP root, without credentials or parameters. */
  origin: string;
  user: string | null;
  password: string | null;
  /** The database named in the URL (`?database=`), if any. */
  database: string | null;
}

/** A temporary table sent with one query: `rows` become TSV, typed by `structure` (e.g. "w String"). */
export interface ExternalTable {
  name: string;
  structure: string;
  rows: readonly (readonly (string | number)[])[];
}

export interface ClickHouseQuery {
  sql: string;
  external?: readonly ExternalTable[];
  /** URL settings (ClickHouse settings or HTTP options), from the code, never from a request. */
  settings?: Readonly<Record<string, string>>;
  /** The body for an INSERT (the SQL then goes in the URL). */
  body?: string;
  signal?: AbortSignal;
}

/** A ClickHouse error: `message` is safe to show; `detail` (the server's text, which may quote SQL) is for logs. */
export class ClickHouseError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'ClickHouseError';
  }
}

export function parseClickHouseUrl(url: string): ClickHouseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${url} is not a URL (say e.g. http://127.0.0.1:8123/)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${url}: ClickHouse is reached over http or https`);
  return {
    origin: `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/*$/, '/')}`,
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
    database: parsed.searchParams.get('database'),
  };
}

/** The URL to print: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** A TSV field as ClickHouse reads it: backslash, tab and line ends escaped, so any text stays one value. */
export function tsvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r\0]/g, (c) => TSV_ESCAPES[c]!);
}
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

export function tsvRows(rows: ExternalTable['rows']): string {
  return rows.map((row) => `${row.map(tsvField).join('\t')}\n`).join('');
}

const QUERY_ID = /^[0-9a-f-]{36}$/;

export interface ClickHouseClient {
  readonly target: ClickHouseTarget;
  /** Runs the query and returns the body. Aborting `signal` aborts the request and kills the query in ClickHouse. */
  text(query: ClickHouseQuery): Promise<string>;
  /** Runs a `FORMAT JSONEachRow` query and parses its rows. */
  rows<Row>(query: ClickHouseQuery): Promise<Row[]>;
}

/**
 * fetch's error for a connection the server had closed before the request went out: undici's
 * UND_ERR_SOCKET ("other side closed"), or EPIPE when the close came as the body was being
 * written (a 10M load, whose batches took about ClickHouse's 3 s of keep-alive to prepare, failed
 * so twice in a row at its start).
 */
export function isClosedSocket(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'EPIPE';
}

export function createClickHouseClient(target: ClickHouseTarget): ClickHouseClient {
  const headers: Record<string, string> = {};
  if (target.user !== null) headers.authorization = `Basic ${Buffer.from(`${target.user}:${target.password ?? ''}`).toString('base64')}`;

  async function post(params: URLSearchParams, body: string | FormData, signal?: AbortSignal): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(`${target.origin}?${params}`, { method: 'POST', headers, body, signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        // ClickHouse closes a kept-alive connection after 3 s idle. When this process was busy
        // (building a million rows) it cannot have seen that, and sends on the closed socket: the
        // request never reached the server, so it goes once more, on a new connection.
        if (attempt === 1 && isClosedSocket(error)) continue;
        throw new ClickHouseError(`ClickHouse at ${target.origin} is not answering`, null, String((error as Error).cause ?? error));
      }
    }
  }

  /** 18.16 has no cancel_http_readonly_queries_on_client_close: a dropped request leaves its query running, so kill it by id. */
  function kill(queryId: string): void {
    if (!QUERY_ID.test(queryId)) return;
    const params = new URLSearchParams({ wait_end_of_query: '1' });
    post(params, `KILL QUERY WHERE query_id = '${queryId}' ASYNC`).then(
      (response) => response.body?.cancel(),
      () => {},
    );
  }

  async function text(query: ClickHouseQuery): Promise<string> {
    query.signal?.throwIfAborted();
    const queryId = randomUUID();
    // wait_end_of_query: the answer is buffered, so an error after the first rows still comes as an error status.
    const params = new URLSearchParams({ query_id: queryId, wait_end_of_query: '1', ...query.settings });
    let body: string | FormData;
    const external = query.external ?? [];
    if (external.length) {
      if (query.body !== undefined) throw new Error('a query with external data has no body of its own');
      params.set('query', query.sql);
      const form = new FormData();
      for (const table of external) {
        params.set(`${table.name}_structure`, table.structure);
        params.set(`${table.name}_format`, 'TabSeparated');
        form.append(table.name, new Blob([tsvRows(table.rows)]), table.name);
      }
      body = form;
    } else if (query.body !== undefined) {
      params.set('query', query.sql);
      body = query.body;
    } else body = query.sql;

    const onAbort = () => kill(queryId);
    query.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await post(params, body, query.signal);
      const answer = await response.text();
      if (!response.ok) {
        const code = Number(/^Code: (\d+)/.exec(answer)?.[1] ?? NaN);
        throw new ClickHouseError(`ClickHouse answered with error ${Number.isNaN(code) ? response.status : code}`, Number.isNaN(code) ? null : code, answer.trim());
      }
      return answer;
    } finally {
      query.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    target,
    text,
    async rows<Row>(query: ClickHouseQuery): Promise<Row[]> {
      const answer = await text(query);
      return answer
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Row);
    },
  };
}

/** Waits until the server answers /ping with "Ok.", or throws after `timeoutMs`. */
export async function waitForPing(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}ping`, { signal: AbortSignal.timeout(1000) });
      const body = await response.text();
      if (body.trim() === 'Ok.') return;
      last = `answered ${response.status} ${body.slice(0, 80)}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ClickHouse at ${origin} did not answer /ping within ${timeoutMs} ms (${last})`);
}
