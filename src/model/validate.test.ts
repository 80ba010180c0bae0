import { describe, expect, it } from 'vitest';
import { isText, validateDataset } from './validate.ts';

const base = () => ({
  title: 'Test',
  attribution: 'Test data',
  actors: [{ id: 'a', names: { en: 'A' }, kind: 'government' }],
  events: [
    {
      id: 'e1',
      type: 'clash',
      title: { en: 'One' },
      originalLanguage: 'en',
      start: { at: '2022-09-13T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' },
      actors: [{ actor: 'a', role: 'initiator' }],
      sources: [{ publisher: 'P', date: '2022-09-15', language: 'en' }],
    },
  ],
});

describe('validateDataset', () => {
  it('accepts a minimal dataset and fills defaults', () => {
    const r = validateDataset(base());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dataset.events[0]!.counts).toEqual([]);
  });

  it('names the field and the reason when a value is wrong', () => {
    const d = base();
    (d.events[0]!.start as { at: string }).at = '2022-09-13 00:00';
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: 'events[0].start.at', message: expect.stringContaining('ISO 8601') });
  });

  it('requires at least one source per event', () => {
    const d = base();
    d.events[0]!.sources = [];
    const r = validateDataset(d);
    expect(!r.ok && r.problems[0]!.message).toContain('at least one source');
  });

  it('rejects unknown time zones, types and precisions', () => {
    const d = base();
    Object.assign(d.events[0]!, { type: 'battle' });
    Object.assign(d.events[0]!.start, { tz: 'Mars/Olympus', precision: 'second' });
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['events[0].start.precision', 'events[0].start.tz', 'events[0].type']);
  });

  it('finds references to actors and events that do not exist, and duplicate ids', () => {
    const d = base();
    d.events.push({ ...d.events[0]!, actors: [{ actor: 'nobody', role: 'target' }] });
    Object.assign(d.events[1]!, { relations: [{ kind: 'reacts-to', event: 'missing' }] });
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ path: 'events[1].id', message: 'duplicate event id "e1"' });
      expect(r.problems).toContainEqual({ path: 'events[1].actors[0].actor', message: 'unknown actor "nobody"' });
      expect(r.problems).toContainEqual({ path: 'events[1].relations[0].event', message: 'unknown event "missing"' });
    }
  });

  it('rejects an end before the start', () => {
    const d = base();
    Object.assign(d.events[0]!, { end: { at: '2022-09-12T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' } });
    const r = validateDataset(d);
    expect(!r.ok && r.problems[0]).toEqual({ path: 'events[0].end', message: 'ends before it starts' });
  });
});

describe('isText', () => {
  it('is the schema\'s rule, trimmed and not empty, with or without its quick test', () => {
    const samples = ['', ' ', '\u00a0', '\ufeff', '\u2003', '\t\n', 'a', ' a', '\u2003x ', 'é', 'حدث', '\u0000', '\u007f', '\u0085', '!', '~', ' \u3000 '];
    for (const value of [...samples, 42, null, undefined, ['a']]) expect(isText(value), JSON.stringify(value)).toBe(typeof value === 'string' && value.trim() !== '');
  });
});
