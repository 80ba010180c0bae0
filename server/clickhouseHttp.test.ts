import { describe, expect, it } from 'vitest';
import { isClosedSocket, waitForPing } from './clickhouseHttp.ts';
import { freePort } from './testing/clickhouseServers.ts';

describe('waitForPing', () => {
  it('gives up with a clear error when no server answers', async () => {
    const origin = `http://127.0.0.1:${await freePort()}/`;
    await expect(waitForPing(origin, 300)).rejects.toThrow(`ClickHouse at ${origin} did not answer /ping within 300 ms (Error: connect ECONNREFUSED`);
  });
});

describe('a kept-alive connection the server had closed', () => {
  it("is told from other failures by fetch's cause", () => {
    const failed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(isClosedSocket(failed('UND_ERR_SOCKET'))).toBe(true);
    expect(isClosedSocket(failed('EPIPE'))).toBe(true);
    expect(isClosedSocket(failed('ECONNREFUSED'))).toBe(false);
    expect(isClosedSocket(new Error('no cause'))).toBe(false);
  });
});
