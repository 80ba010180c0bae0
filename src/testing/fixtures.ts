// Seeded random datasets for tests (and benchmarks): same seed, same data, no clock, no network.
import { EVENT_TYPES } from '../model/taxonomy.ts';
import type { Actor, ConflictEvent, Dataset } from '../model/schema.ts';
import type { EventTable } from '../table/eventTable.ts';

/** Every event of a table, built, in row (time) order: what tests compare tables by. */
export function allEventsOf(table: Pick<EventTable, 'size' | 'eventAt'>): ConflictEvent[] {
  return Array.from({ length: table.size }, (_, row) => table.eventAt(row));
}

/** mulberry32: a small seeded PRNG, so that every run sees the same "random" data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureOptions {
  events: number;
  actors?: number;
  from?: number;
  to?: number;
  /** Share of events that last (have an end). */
  lasting?: number;
  seed?: number;
}

export function makeDataset(options: FixtureOptions): Dataset {
  const random = seededRandom(options.seed ?? 1);
  const from = options.from ?? Date.UTC(2018, 0, 1);
  const to = options.to ?? Date.UTC(2023, 0, 1);
  const actors: Actor[] = Array.from({ length: options.actors ?? 12 }, (_, i) => ({
    id: `actor-${i}`,
    names: { en: `Actor ${i}` },
    aliases: [],
    kind: 'armed-group',
  }));
  const events: ConflictEvent[] = Array.from({ length: options.events }, (_, i) => {
    const t = from + Math.floor(random() * (to - from) / 60_000) * 60_000;
    const lasting = random() < (options.lasting ?? 0.05);
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const a = Math.floor(random() * actors.length);
    const b = Math.floor(random() * actors.length);
    return {
      id: `e${i}`,
      type: EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!,
      title: { en: `Event ${i} ${'x'.repeat(Math.floor(random() * 40))}` },
      originalLanguage: 'en',
      start: { at: iso(t), precision: 'minute', tz: 'UTC' },
      ...(lasting ? { end: { at: iso(t + Math.floor(random() * 60) * 86_400_000), precision: 'day', tz: 'UTC' } } : {}),
      actors: a === b ? [{ actor: actors[a]!.id, role: 'participant' }] : [{ actor: actors[a]!.id, role: 'initiator' }, { actor: actors[b]!.id, role: 'target' }],
      counts: [],
      claims: [],
      sources: [{ publisher: 'Fixture', date: '2022-01-01', language: 'en' }],
      relations: [],
      tags: [],
    } satisfies ConflictEvent;
  });
  return { title: 'Fixture', attribution: 'Generated', actors, events };
}
