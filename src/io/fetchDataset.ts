// The `data` URL parameter: a dataset fetched from an http(s) URL, so that a permalink carries
// its data. Only http(s); a size limit, checked as the bytes arrive; a timeout; each failure
// explained with the URL.
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

/** Reads a body up to `limit` bytes; null when it is larger (the download is cancelled at once). */
async function readUpTo(response: Response, limit: number): Promise<Blob | null> {
  if (!response.body) {
    const blob = await response.blob();
    return blob.size > limit ? null : blob;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
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

export async function fetchDataset(url: URL, fetcher: typeof fetch = fetch, limit = MAX_FILE_BYTES, timeoutMs = FETCH_TIMEOUT_MS): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const where = shownUrl(url.href);
  const tooLarge = (size: number | null) => refused({ kind: 'too-large', url: where, megabytes: size, limitMegabytes: megabytes(limit) });
  try {
    const response = await fetcher(url.href, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) return refused({ kind: 'status', url: where, status: `${response.status} ${response.statusText}`.trim() });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > limit) {
      await response.body?.cancel();
      return tooLarge(megabytes(length));
    }
    const blob = await readUpTo(response, limit);
    if (!blob) return tooLarge(null);
    return { ok: true, blob, fileName: fileNameOf(url) };
  } catch (error) {
    if (controller.signal.aborted) return refused({ kind: 'timeout', url: where, seconds: timeoutMs / 1000 });
    return refused({ kind: 'unreachable', url: where, detail: String((error as Error)?.message ?? error) });
  } finally {
    clearTimeout(timer);
  }
}
