import { describe, expect, it } from 'vitest';
import { waitForPing } from './clickhouseHttp.ts';
import { freePort } from './testing/clickhouseServers.ts';

describe('waitForPing', () => {
  it('gives up with a clear error when no server answers', async () => {
    const origin = `http://127.0.0.1:${await freePort()}/`;
    await expect(waitForPing(origin, 300)).rejects.toThrow(`ClickHouse at ${origin} did not answer /ping within 300 ms (Error: connect ECONNREFUSED`);
  });
});
