// The `data` URL parameter: a dataset fetched from an http(s) URL, so that a permalink carries
// its data. Only http(s); a size limit, checked as the bytes arrive; a timeout; each failure
// explained with the URL.
import { MAX_FILE_BYTES } from './workerProtocol.ts';

export const FETCH_TIMEOUT_MS = 30_000;

export type Fetched = { ok: true; blob: Blob; fileName: string } | { ok: false; message: string };

/** A URL as messages show it: a hostile link may be very long. */
export function shownUrl(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

export function checkDataUrl(text: string, base: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, message: `The data link "${shownUrl(text)}" is not a URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: `The data link "${shownUrl(text)}" is not an http(s) URL, so it was not opened.` };
  if (url.username || url.password)
    return { ok: false, message: `The data link "${shownUrl(url.host + url.pathname)}" has a user name or password in it, so it was not opened.` };
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
  const tooLarge = (size: string) => `The data at ${where} is ${size}; up to ${megabytes(limit)} can be opened.`;
  try {
    const response = await fetcher(url.href, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) return { ok: false, message: `The data at ${where} could not be loaded: the server answered ${response.status} ${response.statusText}.`.replace(' .', '.') };
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > limit) {
      await response.body?.cancel();
      return { ok: false, message: tooLarge(megabytes(length)) };
    }
    const blob = await readUpTo(response, limit);
    if (!blob) return { ok: false, message: tooLarge(`larger than ${megabytes(limit)}`) };
    return { ok: true, blob, fileName: fileNameOf(url) };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, message: `The data at ${where} did not arrive within ${timeoutMs / 1000} seconds.` };
    return {
      ok: false,
      message: `The data at ${where} could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS). (${(error as Error).message})`,
    };
  } finally {
    clearTimeout(timer);
  }
}
