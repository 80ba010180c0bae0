import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { buildEventTable } from './eventTable.ts';
import { allEventsOf } from '../testing/fixtures.ts';
import { buildSearchIndex, fullNormalise, normaliseForSearch } from './search.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { filterMask, NO_FILTERS } from './filter.ts';
import { textMatcherFor } from './wordIndex.ts';

const r = validateDataset(seed);
const table = buildEventTable((r.ok ? r.dataset : null) as Dataset);
const ids = (mask: Uint8Array | null) => allEventsOf(table).filter((_, i) => mask === null || mask[i] === 1).map((e) => e.id);

describe('search normalisation', () => {
  it('ignores case, Latin accents, Arabic diacritics and letter variants', () => {
    expect(normaliseForSearch('CeaseFIRE')).toBe('ceasefire');
    expect(normaliseForSearch('Bakı')).toBe(normaliseForSearch('baki'.replace('i', 'ı')));
    expect(normaliseForSearch('إطلاق')).toBe(normaliseForSearch('اطلاق'));
    expect(normaliseForSearch('أرمينيا')).toBe(normaliseForSearch('ارمينيا'));
    expect(normaliseForSearch('حكومة')).toBe(normaliseForSearch('حكومه'));
    expect(normaliseForSearch('مستشفى')).toBe(normaliseForSearch('مستشفي'));
    expect(normaliseForSearch('وَقْفُ')).toBe('وقف');
  });
});

describe('filters over the seed', () => {
  const search = (q: string) => ids(filterMask(table, { ...NO_FILTERS, q }, textMatcherFor(table)));

  it('finds the ceasefires in English and in Arabic', () => {
    const english = search('ceasefire');
    expect(english).toContain('2022-09-14-ceasefire');
    expect(english).toContain('1994-05-12-ceasefire');
    const arabic = search('وقف إطلاق النار');
    expect(arabic).toContain('2022-09-14-ceasefire');
    expect(search('وقف اطلاق النار')).toEqual(arabic);
  });

  it('finds events by actor alias and place name', () => {
    expect(search('Baku').length).toBeGreaterThan(0);
    expect(search('Yerevan')).toContain('2022-09-14-yerevan-protests');
  });

  it('passes an event when any of its actors is selected, and narrows by role', () => {
    const any = ids(filterMask(table, { ...NO_FILTERS, actors: ['pashinyan'] }, textMatcherFor(table)));
    expect(any).toContain('2022-09-14-yerevan-protests');
    expect(any).toContain('2022-09-14-pashinyan-statement');
    const asTarget = ids(filterMask(table, { ...NO_FILTERS, actors: ['pashinyan'], role: 'target' }, textMatcherFor(table)));
    expect(asTarget).toContain('2022-09-14-yerevan-protests');
    expect(asTarget).not.toContain('2022-09-14-pashinyan-statement');
  });

  it('combines filters with AND across kinds, OR within a kind', () => {
    const mask = filterMask(table, { ...NO_FILTERS, types: ['ceasefire', 'protest'], q: 'Gyumri' }, textMatcherFor(table));
    expect(ids(mask)).toEqual(['2022-09-14-gyumri-protest']);
  });

  it('returns null when nothing is filtered, and can leave one filter out for facet counts', () => {
    expect(filterMask(table, NO_FILTERS, textMatcherFor(table))).toBeNull();
    const f = { ...NO_FILTERS, types: ['ceasefire' as const], actors: ['pashinyan'] };
    const withoutTypes = ids(filterMask(table, f, textMatcherFor(table), 'types'));
    expect(withoutTypes).toContain('2022-09-14-pashinyan-statement');
  });
});

describe('the search index', () => {
  /** The plain way: every row's texts joined, then normalised as one. */
  const naiveIndex = allEventsOf(table).map((event, row) => {
    const parts = [...Object.values(event.title), ...Object.values(event.description ?? {})];
    for (const a of table.actorIndex.subarray(table.actorOffset[row], table.actorOffset[row + 1])) {
      const actor = table.actors[a]!;
      parts.push([...Object.values(actor.names), ...actor.aliases].join(' '));
    }
    if (event.place) parts.push(...Object.values(event.place.name), event.place.country);
    return normaliseForSearch(parts.join(' \u0001 '));
  });

  it('matches the same rows as normalising each row in one piece, for words cut from the data', () => {
    const index = buildSearchIndex(table);
    let queries = 0;
    for (const text of naiveIndex) {
      for (const word of text.split(' ').filter((w) => w !== '\u0001')) {
        const cut = word.slice(Math.floor(word.length / 3));
        if (!cut) continue;
        queries++;
        const rows = (idx: readonly string[]) => idx.flatMap((t, i) => (t.includes(cut) ? [i] : []));
        expect(rows(index)).toEqual(rows(naiveIndex));
      }
    }
    expect(queries).toBeGreaterThan(500);
  });

  it('takes the quick path only for ASCII, dashes and curly quotes, with the same result as the full path', () => {
    expect(normaliseForSearch('  Armed   Group\tOF Armenia ')).toBe('armed group of armenia');
    expect(normaliseForSearch('Café  Ağdam')).toBe('cafe agdam');
    expect(normaliseForSearch('Armed Clash: Group A – Group B, “Berd”')).toBe('armed clash: group a – group b, “berd”');
    const random = seededRandom(17);
    const alphabet = [...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)), '\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(normaliseForSearch(text)).toBe(fullNormalise(text));
    }
  });
});
