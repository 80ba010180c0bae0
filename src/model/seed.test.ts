// The bundled dataset: valid, and faithful to the facts in ../shared/seed/README.md.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import seed from '../../data/seed.json';
import { validateDataset } from './validate.ts';
import { formatTime, toUtcMillis } from './time.ts';
import { createActorResolver } from './actors.ts';
import { datasetJsonSchema } from './jsonSchema.ts';
import type { Dataset } from './schema.ts';

const result = validateDataset(seed);
const dataset = (result.ok ? result.dataset : null) as Dataset;
const event = (id: string) => {
  const found = dataset.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

describe('the seed dataset', () => {
  it('is valid against the model, references included', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('gives every event a source and a title in English and Arabic', () => {
    for (const e of dataset.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(e.title.en, e.id).toBeTruthy();
      expect(e.title.ar, e.id).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('has the 14 Sep ceasefire at 20:00 local, 16:00 UTC, to the minute', () => {
    const ceasefire = event('2022-09-14-ceasefire');
    expect(ceasefire.type).toBe('ceasefire');
    expect(new Date(toUtcMillis(ceasefire.start)).toISOString()).toBe('2022-09-14T16:00:00.000Z');
    const shown = formatTime(ceasefire.start, 'en-GB');
    expect(shown.local).toContain('20:00');
    expect(shown.utc).toContain('16:00 UTC');
  });

  it('keeps the first clash in the early hours of 13 Sep, not at midnight', () => {
    const clash = event('2022-09-13-border-clash');
    expect(clash.start.precision).toBe('day');
    expect(clash.start.dayPart).toBe('early-hours');
    expect(formatTime(clash.start, 'en-GB').local).toMatch(/13 Sept? 2022, early hours/);
  });

  it('records the disputed blame as claims from each side', () => {
    const clash = event('2022-09-13-border-clash');
    const claimants = clash.claims.map((c) => c.claimant);
    expect(claimants.some((c) => c.startsWith('am-'))).toBe(true);
    expect(claimants.some((c) => c.startsWith('az-'))).toBe(true);
    expect(clash.claims.every((c) => c.status !== 'confirmed')).toBe(true);
  });

  it("attributes Azerbaijan's 71 killed to its defence ministry on 15 Sep and keeps the other tolls", () => {
    const counts = dataset.events.flatMap((e) => e.counts);
    const seventyOne = counts.find((c) => c.value === 71);
    expect(seventyOne).toMatchObject({ kind: 'killed', claimant: 'az-mod', claimedOn: '2022-09-15' });
    const azerbaijani = counts.filter((c) => c.claimant === 'az-mod' && c.kind === 'killed').map((c) => c.value);
    expect(azerbaijani).toEqual(expect.arrayContaining([50, 71, 80]));
    expect(counts.find((c) => c.value === 105)?.claimant).toBe('pashinyan');
  });

  it('has the context events: 1994, the 2020 war and its ceasefire, the protests and Pashinyan\'s speech', () => {
    expect(event('1994-05-12-ceasefire').type).toBe('ceasefire');
    const war = event('2020-09-27-nagorno-karabakh-war');
    expect(war.end).toBeDefined();
    expect(war.counts.some((c) => c.value === 6500 && c.qualifier === 'more-than')).toBe(true);
    expect(new Date(toUtcMillis(event('2020-11-10-trilateral-ceasefire').start)).toISOString()).toBe('2020-11-09T21:00:00.000Z');
    expect(event('2022-09-14-yerevan-protests').type).toBe('protest');
    expect(event('2022-09-13-russian-ceasefire').relations).toContainEqual({ kind: 'broken-by', event: '2022-09-13-border-clash' });
  });

  it("keeps Pashinyan's quote verbatim from the article", () => {
    const article = readFileSync(new URL('../../../shared/seed/000_36dc49534df94cac.txt', import.meta.url), 'utf8');
    const quotes = event('2022-09-14-pashinyan-statement').sources.flatMap((s) => (s.quote?.ar ? [s.quote.ar] : []));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(article).toContain(q);
  });

  it('repairs the two YouTube links damaged by an Arabic question mark', () => {
    const urls = dataset.events.flatMap((e) => e.sources.map((s) => s.url ?? ''));
    expect(urls).toContain('https://www.youtube.com/watch?v=b2XnNEi6wro');
    expect(urls).toContain('https://www.youtube.com/watch?v=aojI9J-_E88');
    expect(urls.some((u) => u.includes('؟'))).toBe(false);
  });

  it('resolves aliases to one actor: Baku is Azerbaijan, ACLED period suffixes are one actor', () => {
    const resolver = createActorResolver(dataset.actors);
    expect(resolver.resolve('Baku')).toBe('az-government');
    expect(resolver.resolve('Moscow')).toBe('russia');
    expect(resolver.resolve('Military Forces of Armenia (2008-2018)')).toBe(resolver.resolve('Military Forces of Armenia (2018-)'));
    expect(resolver.resolve('Military Forces of Armenia (2018-)')).toBe('am-forces');
  });

  it('ships data/schema.json generated from the model (run `npm run schema` after changing it)', () => {
    const onDisk = JSON.parse(readFileSync(new URL('../../data/schema.json', import.meta.url), 'utf8'));
    expect(onDisk).toEqual(datasetJsonSchema());
  });
});
