// The `data` URL parameter: a dataset fetched from an http(s) URL, so that a permalink carries
// its data. Only http(s); a size limit, checked as the bytes arrive; progress; a timeout when
// nothing arrives; a way to stop; each failure explained with the URL.
import { MAX_FILE_BYTES } from './workerProtocol.ts';
import type { DataLinkProblem } from './dataLinkProblem.ts';

export type { DataLinkProblem };

export const FETCH_TIMEOUT_MS = 30_000;

/** A refusal, with its reason (the page says it in its language: Messages.dataLinkProblem). */
export type Refused = { ok: false; problem: DataLinkProblem };
const refused = (problem: DataLinkProblem): Refused => ({ ok: false, problem });

export type Fetched = { ok: true; blob: Blob; fileName: string } | Refused;

/** A URL as messages show it: a hostile link may be very long. */
export function shownUrl(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const megabytes = (bytes: number) => Math.round(bytes / 1048576);

export function checkDataUrl(text: string, base: string): { ok: true; url: URL } | Refused {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return refused({ kind: 'not-a-url', link: shownUrl(text) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refused({ kind: 'not-http', link: shownUrl(text) });
  if (url.username || url.password) return refused({ kind: 'credentials', link: shownUrl(url.host + url.pathname) });
  return { ok: true, url };
}

/** How a download goes: its bytes so far, and all of them where the server said (else null). */
export type OnDownload = (received: number, total: number | null) => void;

/**
 * Reads a body up to `limit` bytes; null when it is larger (the download is cancelled at once).
 * `onChunk` hears the bytes so far after each piece. `signal` cancels the body where it is, and
 * throws: a body that is not the fetch's own may not hear the fetch's abort.
 */
async function readUpTo(response: Response, limit: number, onChunk: (received: number) => void, signal: AbortSignal): Promise<Blob | null> {
  if (!response.body) {
    const blob = await response.blob();
    return blob.size > limit ? null : blob;
  }
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel);
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      size += value.byteLength;
      onChunk(size);
      if (size > limit) {
        await reader.cancel();
        return null;
      }
      parts.push(value);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  return new Blob(parts as BlobPart[], { type: response.headers.get('content-type') ?? '' });
}

function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() || url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // malformed percent-encoding: the name as written
  }
}

/** How fetchDataset fetches: `fetcher` (fetch unless given), `limit` bytes at most, `timeoutMs` of silence at most. */
export interface FetchOptions {
  fetcher?: typeof fetch;
  limit?: number;
  timeoutMs?: number;
  stop?: AbortSignal;
  onProgress?: OnDownload;
}

/**
 * Fetches the file at `url`, up to `limit` bytes. It is given up when nothing arrives for
 * `timeoutMs` (no answer, or a body that stops), not after a fixed time: a large file on a slow
 * line arrives for as long as it keeps arriving, its progress told to `onProgress`. `stop` ends it
 * at once (the reader's Cancel, or another file opened meanwhile): a 'cancelled' refusal.
 */
export async function fetchDataset(url: URL, options: FetchOptions = {}): Promise<Fetched> {
  const { fetcher = fetch, limit = MAX_FILE_BYTES, timeoutMs = FETCH_TIMEOUT_MS } = options;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitAgain = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const stop = () => controller.abort();
  options.stop?.addEventListener('abort', stop);
  const where = shownUrl(url.href);
  const tooLarge = (size: number | null) => refused({ kind: 'too-large', url: where, megabytes: size, limitMegabytes: megabytes(limit) });
  try {
    if (options.stop?.aborted) throw new DOMException('stopped', 'AbortError');
    waitAgain();
    const response = await fetcher(url.href, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) return refused({ kind: 'status', url: where, status: `${response.status} ${response.statusText}`.trim() });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > limit) {
      await response.body?.cancel();
      return tooLarge(megabytes(length));
    }
    // A compressed body's length is not the length of what is read: no total then.
    const total = length > 0 && !response.headers.get('content-encoding') ? length : null;
    options.onProgress?.(0, total);
    const blob = await readUpTo(
      response,
      limit,
      (received) => {
        waitAgain();
        options.onProgress?.(received, total);
      },
      controller.signal,
    );
    if (!blob) return tooLarge(null);
    return { ok: true, blob, fileName: fileNameOf(url) };
  } catch (error) {
    if (timedOut) return refused({ kind: 'timeout', url: where, seconds: timeoutMs / 1000 });
    if (options.stop?.aborted) return refused({ kind: 'cancelled', url: where });
    return refused({ kind: 'unreachable', url: where, detail: String((error as Error)?.message ?? error) });
  } finally {
    clearTimeout(timer);
    options.stop?.removeEventListener('abort', stop);
  }
}
