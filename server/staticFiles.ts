// The built app (dist/) served as files, with the app's security headers, and nothing outside it.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { SECURITY_HEADERS } from '../src/security/contentSecurityPolicy.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
};

export const contentTypeOf = (path: string) => CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file a URL path names under `root`, or null when it could leave it: every segment is
 * decoded and refused when it is "." or "..", holds a slash, a backslash or NUL, or is malformed.
 */
export function staticPathOf(root: string, pathname: string): string | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return join(root, ...(segments.length ? segments : ['index.html']));
}

function sendText(res: ServerResponse, status: number, text: string, head: boolean): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(head ? undefined : text);
}

/** Sends the file, or 404; a link out of `root` (a symlink) counts as missing too. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, head: boolean): Promise<void> {
  const path = staticPathOf(root, pathname);
  if (path === null) return sendText(res, 400, 'Bad path', head);
  try {
    const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    const info = await stat(real);
    if (!real.startsWith(realRoot + sep) || !info.isFile()) return sendText(res, 404, 'Not found', head);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(real), 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
    if (head) {
      res.end();
      return;
    }
    createReadStream(real)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    sendText(res, 404, pathname === '/' ? 'Not found: the app is not built (npm run serve builds it)' : 'Not found', head);
  }
}
