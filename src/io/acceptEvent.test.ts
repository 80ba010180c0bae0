// validateEventParts checks a shared part once; its verdicts must stay exactly eventSchema's.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { eventSchema } from '../model/schema.ts';
import { seededRandom } from '../testing/fixtures.ts';
import { validateEventParts, type PartVerdicts } from './acceptEvent.ts';

const BAD_VALUES: unknown[] = [undefined, null, '', ' ', 'x', '<b>', -1, 0, 1.5, 95, 1e20, NaN, true, [], {}, [{}], { en: '' }, 'not-a-date', '2022-13-45T99:00:00Z'];

/** A copy of a seed event with 1–3 fields, or fields of its parts, replaced by a bad value. */
function damaged(random: () => number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const event = structuredClone(pick(seed.events)) as Record<string, unknown>;
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
    let target: Record<string, unknown> = event;
    let key = pick(Object.keys(target).concat('unknownField'));
    // Sometimes go one or two levels down, into a time, a place, a list or one of its items.
    for (let depth = 0; depth < 2 && random() < 0.6; depth++) {
      const inner = target[key];
      if (typeof inner !== 'object' || inner === null) break;
      const keys = Object.keys(inner);
      if (!keys.length) break;
      target = inner as Record<string, unknown>;
      key = pick(keys);
    }
    if (random() < 0.15) delete target[key];
    else target[key] = pick(BAD_VALUES);
  }
  return event;
}

/** Freezes every object inside, as importers freeze the parts they share. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** `verdicts`: the verdicts kept on frozen parts, shared between calls as within one import. */
function expectSameVerdict(candidate: unknown, verdicts: PartVerdicts = new Map()): void {
  const expected = eventSchema.safeParse(candidate);
  const actual = validateEventParts(candidate, verdicts);
  expect(actual.success).toBe(expected.success);
  if (expected.success && actual.success) expect(actual.data).toEqual(expected.data);
  if (!expected.success && !actual.success) {
    expect(actual.issue.path).toEqual(expected.error.issues[0]!.path);
    expect(actual.issue.message).toBe(expected.error.issues[0]!.message);
  }
}

describe('validateEventParts', () => {
  it('accepts every seed event, with the output eventSchema gives', () => {
    for (const event of seed.events) expectSameVerdict(event);
  });

  it('gives the same verdict and first issue as eventSchema on 3,000 damaged events', () => {
    const random = seededRandom(7);
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const candidate = damaged(random);
      expectSameVerdict(candidate);
      if (!eventSchema.safeParse(candidate).success) rejected++;
    }
    // The damage must mostly break events, or the comparison above proves little.
    expect(rejected).toBeGreaterThan(2000);
  });

  it('gives the same verdicts when damaged parts are frozen and shared between events', () => {
    const random = seededRandom(11);
    const events = Array.from({ length: 600 }, () => deepFreeze(damaged(random)) as Record<string, unknown>);
    // Events that share the parts of others, in both orders: a cached verdict must still be right.
    const mixed = events.map((event, i) => ({ ...events[(i * 7) % events.length], start: event.start, place: event.place, actors: event.actors }));
    const verdicts: PartVerdicts = new Map();
    for (const candidate of [...events, ...mixed, ...events]) expectSameVerdict(candidate, verdicts);
  });

  it('rejects what is not an object, as eventSchema does', () => {
    for (const candidate of [null, 'event', 3, []]) expectSameVerdict(candidate);
  });
});
