import { describe, expect, it } from 'vitest';
import { generatedAcledRows } from './acledFixture.ts';

describe('generatedAcledRows', () => {
  it('gives the rows from row `first` on as a longer run ends with them (the bench imports chunks apart)', () => {
    expect(generatedAcledRows(30, 7, 400, 70)).toEqual(generatedAcledRows(100).slice(70));
    expect(generatedAcledRows(5, 3, 40, 0)).toEqual(generatedAcledRows(5, 3, 40));
  });
});
