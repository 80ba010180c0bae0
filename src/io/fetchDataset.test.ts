// The `data` parameter: only http(s) links are fetched, with their progress; a refusal, a 404, a
// download that stops arriving, one cancelled, or a file too large is explained with the URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDataUrl, fetchDataset, shownUrl, type DataLinkProblem, type Refused } from './fetchDataset.ts';
import { en } from '../i18n/messages.en.ts';
import { ar } from '../i18n/messages.ar.ts';

const BASE = 'https://timeline.example/app/';

/** What the page says of an answer, in English: a refusal's message (Messages.dataLinkProblem). */
const said = (answer: { ok: true } | Refused) => (answer.ok ? answer : { ok: false, message: en.dataLinkProblem(answer.problem) });

describe('checkDataUrl', () => {
  it('accepts http(s) links, and a relative link as the app’s own origin', () => {
    expect(checkDataUrl('https://data.example.org/a.csv', BASE)).toMatchObject({ ok: true });
    expect(checkDataUrl('http://127.0.0.1:9000/a.json', BASE)).toMatchObject({ ok: true });
    const relative = checkDataUrl('data/a.csv', BASE);
    expect(relative.ok && relative.url.href).toBe('https://timeline.example/app/data/a.csv');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    ' javascript:alert(1)',
    'data:text/csv,event_id_cnty,event_date',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/a.csv',
    'blob:https://timeline.example/1234',
  ])('refuses %s as not http(s)', (link) => {
    expect(said(checkDataUrl(link, BASE))).toMatchObject({ ok: false, message: `The data link "${link}" is not an http(s) URL, so it was not opened.` });
  });

  it('refuses what is not a URL, and links with a password in them', () => {
    expect(said(checkDataUrl('https://[::1', BASE))).toMatchObject({ ok: false, message: 'The data link "https://[::1" is not a URL.' });
    expect(said(checkDataUrl('https://user:secret@data.example.org/a.csv', BASE))).toMatchObject({
      ok: false,
      message: 'The data link "data.example.org/a.csv" has a user name or password in it, so it was not opened.',
    });
  });

  it('shortens a very long link in its message', () => {
    const long = `javascript:${'a'.repeat(100_000)}`;
    const checked = checkDataUrl(long, BASE);
    expect(!checked.ok && en.dataLinkProblem(checked.problem).length).toBeLessThan(250);
    expect(shownUrl('x'.repeat(200))).toBe(`${'x'.repeat(160)}…`);
  });
});

describe('fetchDataset', () => {
  afterEach(() => vi.useRealTimers());
  const url = new URL('https://data.example.org/events%20sept.csv');

  it('returns the file and its name', async () => {
    const fetched = await fetchDataset(url, { fetcher: async () => new Response('a,b\n1,2\n') });
    expect(fetched.ok && fetched.fileName).toBe('events sept.csv');
    expect(fetched.ok && (await fetched.blob.text())).toBe('a,b\n1,2\n');
  });

  it('explains a 404 with the URL', async () => {
    const fetched = await fetchDataset(url, { fetcher: async () => new Response('nope', { status: 404, statusText: 'Not Found' }) });
    expect(said(fetched)).toMatchObject({ ok: false, message: 'The data at https://data.example.org/events%20sept.csv could not be loaded: the server answered 404 Not Found.' });
  });

  it('explains a refusal (CORS or no answer) with the URL', async () => {
    const fetched = await fetchDataset(url, { fetcher: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(said(fetched)).toMatchObject({
      ok: false,
      message: 'The data at https://data.example.org/events%20sept.csv could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS). (Failed to fetch)',
    });
  });

  it('gives up when nothing arrives for the timeout: no answer, or a body that stops', async () => {
    vi.useFakeTimers();
    const never = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const waiting = fetchDataset(url, { fetcher: never as typeof fetch });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(said(await waiting)).toMatchObject({ ok: false, message: 'Nothing arrived from https://data.example.org/events%20sept.csv for 30 seconds, so the download was stopped.' });

    const stalled = (_: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('a,b\n')); init?.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError'))); } })));
    const stopped = fetchDataset(url, { fetcher: stalled as typeof fetch, limit: 1000, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(said(await stopped)).toMatchObject({ ok: false, message: 'Nothing arrived from https://data.example.org/events%20sept.csv for 5 seconds, so the download was stopped.' });
  });

  /** A body of `chunks` pieces of 1,000 bytes, one every `everyMs`, its length given; `sent` counts what went. */
  const trickle = (chunks: number, everyMs: number) => {
    const state = { sent: 0 };
    const fetcher = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((resume) => setTimeout(resume, everyMs));
            controller.enqueue(new Uint8Array(1000).fill(0x61));
            if (++state.sent === chunks) controller.close();
          },
        }),
        { headers: { 'content-length': String(chunks * 1000) } },
      );
    return { fetcher, state };
  };

  it('keeps a slow download that keeps arriving, past the timeout, and tells its progress', async () => {
    vi.useFakeTimers();
    const { fetcher } = trickle(10, 4000);
    const heard: [number, number | null][] = [];
    const slow = fetchDataset(url, { fetcher, limit: 1_000_000, timeoutMs: 5000, onProgress: (received, total) => heard.push([received, total]) });
    await vi.advanceTimersByTimeAsync(40_000);
    const fetched = await slow;
    expect(fetched.ok && fetched.blob.size).toBe(10_000);
    expect(heard).toEqual([[0, 10_000], ...Array.from({ length: 10 }, (_, k): [number, number] => [(k + 1) * 1000, 10_000])]);
  });

  it('stops at once when told, as cancelled', async () => {
    vi.useFakeTimers();
    const { fetcher, state } = trickle(10, 1000);
    const stop = new AbortController();
    const cancelled = fetchDataset(url, { fetcher, limit: 1_000_000, timeoutMs: 5000, stop: stop.signal });
    await vi.advanceTimersByTimeAsync(3500);
    stop.abort();
    expect(said(await cancelled)).toMatchObject({ ok: false, message: 'The download of https://data.example.org/events%20sept.csv was cancelled.' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.sent).toBeLessThan(5);
  });

  it('refuses a file over the limit from its Content-Length, or as soon as the bytes pass the limit', async () => {
    const declared = await fetchDataset(url, { fetcher: async () => new Response('x', { headers: { 'content-length': String(600 * 1048576) } }) });
    expect(said(declared)).toMatchObject({ ok: false, message: 'The data at https://data.example.org/events%20sept.csv is 600 MB; up to 500 MB can be opened. Convert it to Parquet with npm run import, or serve it with npm run serve.' });

    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const streamed = await fetchDataset(url, { fetcher: async () => new Response(endless), limit: 3 * 1048576 });
    expect(said(streamed)).toMatchObject({ ok: false, message: 'The data at https://data.example.org/events%20sept.csv is larger than 3 MB; up to 3 MB can be opened. Convert it to Parquet with npm run import, or serve it with npm run serve.' });
    expect(sent).toBeLessThan(8 * 1048576);
  });

  it('names a file whose URL has malformed percent-encoding as written', async () => {
    const fetched = await fetchDataset(new URL('https://data.example.org/%E0%A4%A.csv'), { fetcher: async () => new Response('a') });
    expect(fetched.ok && fetched.fileName).toBe('%E0%A4%A.csv');
  });
});

describe('a data link’s problem in the UI language', () => {
  const problems: DataLinkProblem[] = [
    { kind: 'not-a-url', link: 'https://[::1' },
    { kind: 'not-http', link: 'javascript:alert(1)' },
    { kind: 'credentials', link: 'data.example.org/a.csv' },
    { kind: 'status', url: 'https://data.example.org/a.csv', status: '404 Not Found' },
    { kind: 'too-large', url: 'https://data.example.org/a.csv', megabytes: 600, limitMegabytes: 512 },
    { kind: 'too-large', url: 'https://data.example.org/a.csv', megabytes: null, limitMegabytes: 512 },
    { kind: 'timeout', url: 'https://data.example.org/a.csv', seconds: 30 },
    { kind: 'cancelled', url: 'https://data.example.org/a.csv' },
    { kind: 'unreachable', url: 'https://data.example.org/a.csv', detail: 'Failed to fetch' },
  ];
  it.each(problems)('names the link in English and in Arabic: $kind', (problem) => {
    const link = 'link' in problem ? problem.link : problem.url;
    for (const words of [en, ar]) expect(words.dataLinkProblem(problem)).toContain(link);
    expect(ar.dataLinkProblem(problem)).toMatch(/[\u0600-\u06ff]/);
    expect(ar.dataLinkProblem(problem)).not.toBe(en.dataLinkProblem(problem));
  });
});
