// The `data` URL parameter: a dataset fetched from an http(s) URL, so that a permalink carries
// its data. Only http(s); a size limit; a timeout; each failure explained with the URL.
import { MAX_FILE_BYTES } from './workerProtocol.ts';

export const FETCH_TIMEOUT_MS = 30_000;

export type Fetched = { ok: true; blob: Blob; fileName: string } | { ok: false; message: string };

export function checkDataUrl(text: string, base: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, message: `The data link "${text.slice(0, 120)}" is not a URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: `The data link "${text.slice(0, 120)}" is not an http(s) URL, so it was not opened.` };
  return { ok: true, url };
}

export async function fetchDataset(url: URL, fetcher: typeof fetch = fetch): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  const where = url.href;
  try {
    const response = await fetcher(url.href, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) return { ok: false, message: `The data at ${where} could not be loaded: the server answered ${response.status} ${response.statusText}.`.replace(' .', '.') };
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_FILE_BYTES)
      return { ok: false, message: `The data at ${where} is ${Math.round(length / 1048576)} MB; up to ${MAX_FILE_BYTES / 1048576} MB can be opened.` };
    const blob = await response.blob();
    if (blob.size > MAX_FILE_BYTES)
      return { ok: false, message: `The data at ${where} is ${Math.round(blob.size / 1048576)} MB; up to ${MAX_FILE_BYTES / 1048576} MB can be opened.` };
    const name = decodeURIComponent(url.pathname.split('/').pop() || url.hostname);
    return { ok: true, blob, fileName: name };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, message: `The data at ${where} did not arrive within ${FETCH_TIMEOUT_MS / 1000} seconds.` };
    return {
      ok: false,
      message: `The data at ${where} could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS). (${(error as Error).message})`,
    };
  } finally {
    clearTimeout(timer);
  }
}
