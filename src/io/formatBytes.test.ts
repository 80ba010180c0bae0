import { expect, it } from 'vitest';
import { formatBytes } from './formatBytes.ts';

it('sizes read as a file manager shows them', () => {
  expect([1, 812, 1024, 4300, 46 * 1024 ** 2, 1.3 * 1024 ** 3].map(formatBytes)).toEqual(['1 byte', '812 bytes', '1.0 KB', '4.2 KB', '46 MB', '1.3 GB']);
});
