// The engine's cache of searches: made once however many ask, the least recently used dropped
// past its capacity, but never while a query still reads it.
import { describe, expect, it } from 'vitest';
import { createLeasedCache } from './leasedCache.ts';

function cacheOf(capacity: number) {
  const made: string[] = [];
  const dropped: string[] = [];
  const cache = createLeasedCache<string>({
    capacity,
    make: async (key) => {
      made.push(key);
      if (key === 'broken') throw new Error('could not make it');
      return `value of ${key}`;
    },
    drop: async (value) => void dropped.push(value),
  });
  return { cache, made, dropped };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('createLeasedCache', () => {
  it('makes a value once for everyone who asks, and keeps it', async () => {
    const { cache, made } = cacheOf(2);
    const answers = await Promise.all([1, 2, 3].map(() => cache.lease('a', async (v) => v)));
    expect(answers).toEqual(['value of a', 'value of a', 'value of a']);
    await cache.lease('a', async (v) => v);
    expect(made).toEqual(['a']);
  });

  it('drops the least recently used past its capacity', async () => {
    const { cache, made, dropped } = cacheOf(2);
    await cache.lease('a', async () => {});
    await cache.lease('b', async () => {});
    await cache.lease('a', async () => {});
    await cache.lease('c', async () => {});
    await settle();
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(dropped).toEqual(['value of b']);
    await cache.lease('b', async () => {});
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('drops a value pushed out while in use only when its last use ends', async () => {
    const { cache, dropped } = cacheOf(1);
    let finish!: () => void;
    const reading = cache.lease('a', (v) => new Promise<string>((done) => (finish = () => done(v))));
    await settle();
    await cache.lease('b', async () => {});
    await settle();
    expect(dropped).toEqual([]);
    finish();
    expect(await reading).toBe('value of a');
    await settle();
    expect(dropped).toEqual(['value of a']);
  });

  it('forgets a value it could not make, and tries again', async () => {
    const { cache, made } = cacheOf(2);
    await expect(cache.lease('broken', async (v) => v)).rejects.toThrow('could not make it');
    await expect(cache.lease('broken', async (v) => v)).rejects.toThrow('could not make it');
    expect(made).toEqual(['broken', 'broken']);
    expect(cache.keys()).toEqual([]);
  });
});
