// The data server over HTTP (node:http): the JSON query API under /api/ and the built app at /.
// Each /api/ answer is the engine's answer to the app's own query; errors are JSON with a message,
// never a stack trace or SQL. A client that goes away stops its query in the engine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { QueryTimeoutError, type Engine } from './engine.ts';
import { API_LIMITS, DEFAULTS, laneRequestOf, laneSubsetOf, mapRequestOf, parseParams, viewQueryOf, PARAMS_OF, type ApiPath } from './apiParams.ts';
import { originVerdict, PREFLIGHT_HEADERS, tokenAccepted, type AccessRules } from './apiSecurity.ts';
import { serveStatic } from './staticFiles.ts';

/** Longer URLs are refused before anything is parsed (414). */
export const MAX_URL_LENGTH = 8192;

export interface ServerOptions extends AccessRules {
  /** The engine answering now: --watch swaps it, so it is asked for each request. */
  engine: () => Engine;
  /** The built app (dist/), or null to serve the API only. */
  staticRoot: string | null;
  /** Where failures the client is not told about are written (stderr in serve.ts). */
  log: (line: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const API_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>, head: boolean): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(head ? undefined : text);
}

const isApiPath = (name: string): name is ApiPath => Object.hasOwn(PARAMS_OF, name);

/** The answer to one /api/ path, from checked parameters. */
async function answer(path: ApiPath, params: URLSearchParams, engine: Engine, signal: AbortSignal): Promise<unknown> {
  const parsed = parseParams(path, params);
  if (!parsed.ok) throw new HttpError(400, parsed.error);
  const values = parsed.value;
  const view = () => {
    const query = viewQueryOf(values, path === 'bins');
    if (!query.ok) throw new HttpError(400, query.error);
    return query.value;
  };
  switch (path) {
    case 'info': {
      const { dataset, count, extent } = await engine.info(signal);
      return { engine: engine.name, count, extent, dataset };
    }
    case 'report':
      return { reports: (await engine.info(signal)).reports };
    case 'bins': {
      if (values.bins === undefined) throw new HttpError(400, `bins: missing; give the number of bins (1 to ${API_LIMITS.maxBins})`);
      const query = view();
      return { from: query.from, to: query.to, bins: values.bins, lanes: await engine.bins(query, laneRequestOf(values), values.bins, signal) };
    }
    case 'marks':
      return engine.marks(view(), values.limit ?? DEFAULTS.marksLimit, signal);
    case 'events': {
      const limit = values.limit ?? DEFAULTS.pageLimit;
      if (limit > API_LIMITS.maxPage) throw new HttpError(400, `limit: must be at most ${API_LIMITS.maxPage}`);
      const offset = values.offset ?? 0;
      const lanes = laneSubsetOf(values);
      if (!lanes.ok) throw new HttpError(400, lanes.error);
      const page = lanes.value ? await engine.laneEvents(view(), lanes.value, offset, limit, signal) : await engine.events(view(), offset, limit, signal);
      return { total: page.total, offset, events: page.events };
    }
    case 'event': {
      if (values.id === undefined) throw new HttpError(400, 'id: missing');
      const event = await engine.event(values.id, signal);
      if (!event) throw new HttpError(404, 'no event has this id');
      return { event };
    }
    case 'counts':
      return engine.facetCounts(view(), signal);
    case 'places':
      return engine.placeCounts(view(), signal);
    case 'map': {
      const map = mapRequestOf(values);
      if (!map.ok) throw new HttpError(400, map.error);
      return engine.map(view(), map.value, signal);
    }
  }
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, options: ServerOptions): Promise<void> {
  const head = req.method === 'HEAD';
  const origin = originVerdict(req.headers.origin, req.headers.host, options);
  if (!origin.allowed) throw new HttpError(403, 'this origin may not call the API (the server lists the origins that may with --allow-origin)');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...origin.corsHeaders, ...(Object.keys(origin.corsHeaders).length ? PREFLIGHT_HEADERS : {}), Allow: 'GET, HEAD, OPTIONS' });
    res.end();
    return;
  }
  if (!tokenAccepted(req.headers.authorization, options.token)) {
    throw new HttpError(401, 'this server needs a token: send it as "Authorization: Bearer TOKEN"', { ...origin.corsHeaders, 'WWW-Authenticate': 'Bearer' });
  }
  const name = url.pathname.slice('/api/'.length);
  if (!isApiPath(name)) throw new HttpError(404, `no such path; the API has ${Object.keys(PARAMS_OF).map((p) => `/api/${p}`).join(', ')}`, origin.corsHeaders);
  // Stops the query in the engine when the client goes before the answer is sent.
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let body: unknown;
  try {
    body = await answer(name, url.searchParams, options.engine(), abort.signal);
  } catch (error) {
    if (error instanceof HttpError) throw new HttpError(error.status, error.message, { ...origin.corsHeaders, ...error.headers });
    if (abort.signal.aborted) return;
    if (error instanceof QueryTimeoutError) throw new HttpError(503, `${error.message}; narrow the window or the filters`, origin.corsHeaders);
    options.log(`/api/${name} failed: ${(error as Error).message}`);
    throw new HttpError(500, 'the query failed', origin.corsHeaders);
  }
  if (!abort.signal.aborted) sendJson(res, 200, body, origin.corsHeaders, head);
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions): Promise<void> {
  const rawUrl = req.url ?? '/';
  const head = req.method === 'HEAD';
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') throw new HttpError(405, 'only GET, HEAD and OPTIONS are allowed', { Allow: 'GET, HEAD, OPTIONS' });
    if (rawUrl.length > MAX_URL_LENGTH) throw new HttpError(414, `the URL is longer than ${MAX_URL_LENGTH} characters`);
    let url: URL;
    try {
      url = new URL(rawUrl, 'http://server.invalid');
    } catch {
      throw new HttpError(400, 'the URL is malformed');
    }
    // By the parsed path: "/api/../x" is /x, and "/api%2Finfo" is not the API.
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return await handleApi(req, res, url, options);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { Allow: 'GET, HEAD, OPTIONS' });
      res.end();
      return;
    }
    if (options.staticRoot === null) throw new HttpError(404, 'this server serves the API only, under /api/');
    await serveStatic(options.staticRoot, url.pathname, res, head);
  } catch (error) {
    const known = error instanceof HttpError ? error : null;
    if (!known) options.log(`${req.method} ${rawUrl.slice(0, 200)} failed: ${(error as Error).message}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, known?.status ?? 500, { error: known?.message ?? 'the server failed' }, known?.headers ?? {}, head);
  }
}

/** The HTTP server; listen() is the caller's, so that tests can take port 0. */
export function createDataServer(options: ServerOptions): Server {
  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 60_000 }, (req, res) => {
    void handle(req, res, options);
  });
  // A malformed request gets 400 and closes; it never reaches the handler, nor throws.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"error":"malformed request"}');
    else socket.destroy();
  });
  return server;
}
