// A compact file straight to packed events (see packedEvents.ts), without a million event objects
// and without the schema run once per event. The columns are checked as columns:
// - each distinct string once, with the schema's own rule for its field (an event type, a language
//   code, an actor id that the file's actors define…);
// - each shared part (a time, a source list, a count list) once, with the schema's rule for it;
// - each cell with the check of its kind that the decoder makes (EventReader's, reused here).
//
// Only for files the full path reads unchanged. When anything is off (a bad cell, a blank title, an
// unknown actor, a repeated id, an end before its start, fields kept in `extra`) this gives null:
// then the full path (decodeCompact, then every event through the schema) reads the file and
// reports each problem with its event. A test holds the two to the same table.
import type { z } from 'zod';
import { actorRefSchema, eventSchema, placeSchema, timeSchema, type Count, type DatasetInfo, type TimeValue } from '../model/schema.ts';
import { checkHeader, checkLayout, EventReader, isObject, type CompactProblem, type Layout } from './compact.ts';
import { JoinedBuilder, newTimeColumns, type JoinedStrings, type PackedEvents, type TimeColumns } from '../table/packedEvents.ts';
import { NONE } from './intern.ts';

/** Thrown where the full path must read the file; caught in packCompact. */
const DECLINED = Symbol('declined');
function decline(): never {
  throw DECLINED;
}

const accepts = (schema: z.ZodType) => (value: unknown) => schema.safeParse(value).success;

/** Verdicts on the strings a column indexes: one per distinct string. */
class StringRule {
  private readonly verdicts: Uint8Array;

  constructor(
    private readonly strings: readonly string[],
    private readonly rule: (text: string) => boolean,
  ) {
    this.verdicts = new Uint8Array(strings.length);
  }

  /** The cell, when it indexes a string the rule accepts; declines otherwise. */
  check(cell: unknown): number {
    if (typeof cell !== 'number' || cell >>> 0 !== cell || cell >= this.strings.length) decline();
    let verdict = this.verdicts[cell];
    if (verdict === 0) this.verdicts[cell] = verdict = this.rule(this.strings[cell]!) ? 1 : 2;
    if (verdict !== 1) decline();
    return cell;
  }

  /** As check, for a cell that may be null: 0 for null, else the index + 1. */
  optional(cell: unknown): number {
    return cell === null ? 0 : this.check(cell) + 1;
  }
}

/** Verdicts on shared parts (the decoder gives one frozen object per distinct part): one per part. */
function partRule<T extends object>(rule: (part: T) => boolean): (part: T) => void {
  const verdicts = new Map<T, boolean>();
  return (part) => {
    let ok = verdicts.get(part);
    if (ok === undefined) verdicts.set(part, (ok = rule(part)));
    if (!ok) decline();
  };
}

/** A title, description or place name in one language: the schema's `z.string().trim().min(1)`. */
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The packed events of a compact file that the full path would read whole and unchanged, else null. */
export function packCompact(input: unknown, info: DatasetInfo, actorIds: ReadonlySet<string>): PackedEvents | null {
  try {
    const problems: CompactProblem[] = [];
    const header = checkHeader(input, problems);
    if (!header) return null;
    if (header.extra !== undefined && !(isObject(header.extra) && Object.keys(header.extra).length === 0)) return null;
    const layout = checkLayout(header.events, problems);
    if (!layout) return null;
    const packed = new CompactPacker(layout, header.strings, actorIds, problems).pack(info);
    return problems.length ? null : packed;
  } catch {
    // Declined, or a file so odd that reading it threw: the full path reads it and says why.
    return null;
  }
}

interface TimeCells {
  /** Index of `at` in the packed strings. */
  at: number;
  /** Date.parse(at), as the full path compares an end with its start. */
  instant: number;
}

class CompactPacker {
  private readonly reader: EventReader;
  private readonly c: Layout['columns'];
  /** The file's strings, then each `at` rebuilt from the time columns. */
  private readonly strings: string[];
  private readonly atIndex = new Map<string, number>();
  private readonly times = new Map<TimeValue, TimeCells>();
  private readonly parts: unknown[] = [];
  private readonly partIndex = new Map<unknown, number>();
  private readonly rules: Record<'type' | 'language' | 'actor' | 'role' | 'anyText' | 'country', StringRule>;
  private readonly checkTime = partRule<TimeValue>(accepts(timeSchema));
  private readonly checkAdmin = partRule<string[]>(accepts(placeSchema.shape.admin));
  private readonly checkSources = partRule(accepts(eventSchema.shape.sources));
  private readonly checkTags = partRule(accepts(eventSchema.shape.tags));
  private readonly checkCounts: (counts: Count[]) => void;
  /** The highest source index a count list names, -1 for none. */
  private readonly countSources = new Map<Count[], number>();

  constructor(
    private readonly layout: Layout,
    fileStrings: string[],
    actorIds: ReadonlySet<string>,
    problems: CompactProblem[],
  ) {
    this.reader = new EventReader(layout, fileStrings, new Map(), problems);
    this.c = layout.columns;
    this.strings = fileStrings.slice();
    const rule = (schema: z.ZodType) => new StringRule(fileStrings, accepts(schema));
    const isActor = accepts(actorRefSchema.shape.actor);
    this.rules = {
      type: rule(eventSchema.shape.type),
      language: rule(eventSchema.shape.originalLanguage),
      actor: new StringRule(fileStrings, (id) => actorIds.has(id) && isActor(id)),
      role: rule(actorRefSchema.shape.role),
      anyText: new StringRule(fileStrings, () => true),
      country: rule(placeSchema.shape.country),
    };
    const known = (id: string | undefined) => id === undefined || actorIds.has(id);
    this.checkCounts = partRule((counts: Count[]) => accepts(eventSchema.shape.counts)(counts) && counts.every((k) => known(k.claimant) && known(k.of)));
  }

  pack(info: DatasetInfo): PackedEvents {
    const { n, text } = this.layout;
    const c = this.c;
    const { rules, reader } = this;
    const id = new JoinedBuilder(n);
    const seen = new Set<string>();
    const isId = accepts(eventSchema.shape.id);
    const title = text.title.map(([language], k): [string, JoinedBuilder] => [language, new JoinedBuilder(n, 0, k)]);
    const description = text.description.map(([language], k): [string, JoinedBuilder] => [language, new JoinedBuilder(n, 0, k)]);
    const p = {
      type: new Uint32Array(n),
      originalLanguage: new Uint32Array(n),
      start: newTimeColumns(n),
      hasEnd: new Uint8Array(n),
      end: newTimeColumns(n),
      counts: new Uint32Array(n),
      claims: new Uint32Array(n),
      sources: new Uint32Array(n),
      relations: new Uint32Array(n),
      tags: new Uint32Array(n),
      hasPlace: new Uint8Array(n),
      placeName: new Uint32Array(n),
      placeCountry: new Uint32Array(n),
      placeLat: new Float64Array(n).fill(NaN),
      placeLon: new Float64Array(n).fill(NaN),
      placeAdmin: new Uint32Array(n),
    };
    const none = this.part(NONE);
    for (let i = 0; i < n; i++) {
      const eventId = c.id[i];
      if (typeof eventId !== 'string' || seen.has(eventId) || !isId(eventId)) decline();
      seen.add(eventId);
      id.set(i, eventId);
      p.type[i] = rules.type.check(c.type[i]);
      if (this.setText(title, text.title, i) === 0) decline();
      this.setText(description, text.description, i);
      p.originalLanguage[i] = rules.language.check(c.originalLanguage[i]);
      const start = this.setTime(p.start, reader.startOf(i), i, c.startPrecision, c.startTz);
      if (c.end[i] !== null) {
        p.hasEnd[i] = 1;
        if (this.setTime(p.end, reader.endOf(i), i, c.endPrecision, c.endTz) < start) decline();
      }
      if (c.placeCountry[i] !== null) this.setPlace(p, i);
      const counts = reader.counts(i);
      const sources = reader.sources(i);
      this.checkCounts(counts);
      this.checkSources(sources);
      if (this.highestCountSource(counts) >= sources.length) decline();
      const tags = reader.tags(i);
      this.checkTags(tags);
      p.counts[i] = this.part(counts);
      p.claims[i] = none;
      p.sources[i] = this.part(sources);
      p.relations[i] = none;
      p.tags[i] = this.part(tags);
    }
    return {
      size: n,
      info,
      id: id.done(),
      title: done(title),
      description: done(description),
      ...p,
      ...this.actorColumns(),
      strings: this.strings,
      parts: this.parts,
      whole: new Map(),
    };
  }

  /** Sets row i of each language's column; the number of languages the row has text in. */
  private setText(builders: [string, JoinedBuilder][], columns: [string, unknown[]][], i: number): number {
    let present = 0;
    for (let k = 0; k < columns.length; k++) {
      const value = columns[k]![1][i];
      if (value === null) builders[k]![1].set(i, undefined);
      else if (isText(value)) {
        builders[k]![1].set(i, value);
        present++;
      } else decline();
    }
    return present;
  }

  /** Sets row i of a time's columns; the time's instant. */
  private setTime(columns: TimeColumns, time: TimeValue, i: number, precision: unknown[], tz: unknown[]): number {
    let cells = this.times.get(time);
    if (!cells) {
      this.checkTime(time);
      let at = this.atIndex.get(time.at);
      if (at === undefined) this.atIndex.set(time.at, (at = this.strings.push(time.at) - 1));
      this.times.set(time, (cells = { at, instant: Date.parse(time.at) }));
    }
    columns.at[i] = cells.at;
    // The reader checked these cells as indexes, and the time rule their strings.
    columns.precision[i] = precision[i] as number;
    columns.tz[i] = tz[i] as number;
    return cells.instant;
  }

  private setPlace(p: { hasPlace: Uint8Array; placeName: Uint32Array; placeCountry: Uint32Array; placeLat: Float64Array; placeLon: Float64Array; placeAdmin: Uint32Array }, i: number): void {
    const c = this.c;
    p.hasPlace[i] = 1;
    p.placeCountry[i] = this.rules.country.check(c.placeCountry[i]);
    const lat = c.placeLat[i];
    const lon = c.placeLon[i];
    // The schema's bounds: lat within ±90, lon within ±180 (NaN and text fail both comparisons).
    if (lat !== null) p.placeLat[i] = typeof lat === 'number' && lat >= -90 && lat <= 90 ? lat : decline();
    if (lon !== null) p.placeLon[i] = typeof lon === 'number' && lon >= -180 && lon <= 180 ? lon : decline();
    p.placeName[i] = this.placeName(i);
    const admin = this.reader.admin(i);
    if (admin.length) {
      this.checkAdmin(admin);
      p.placeAdmin[i] = this.part(admin) + 1;
    }
  }

  /** Place names in one language (the usual case), found by their text. */
  private readonly namesByLanguage = new Map<string, Map<string, number>>();

  /** The part index of row i's place name, made as the decoder makes it (its languages in column order). */
  private placeName(i: number): number {
    let name: Record<string, string> | undefined;
    let only: string | undefined;
    for (const [language, column] of this.layout.text.placeName) {
      const value = column[i];
      if (value === null) continue;
      if (!isText(value)) decline();
      only = name ? undefined : language;
      (name ??= {})[language] = value;
    }
    if (!name) decline();
    if (only === undefined) return this.parts.push(name) - 1;
    let byText = this.namesByLanguage.get(only);
    if (!byText) this.namesByLanguage.set(only, (byText = new Map()));
    const text = name[only]!;
    let at = byText.get(text);
    if (at === undefined) byText.set(text, (at = this.parts.push(name) - 1));
    return at;
  }

  private highestCountSource(counts: Count[]): number {
    let highest = this.countSources.get(counts);
    if (highest === undefined) {
      highest = -1;
      for (const count of counts) if (count.source !== undefined) highest = Math.max(highest, count.source);
      this.countSources.set(counts, highest);
    }
    return highest;
  }

  /** The actor columns, read straight from the file's once every cell is checked. */
  private actorColumns(): Pick<PackedEvents, 'actorOffset' | 'actorId' | 'actorRole' | 'actorName' | 'actorSide' | 'actorSideFirst'> {
    const c = this.c;
    const rows = c.actor.length;
    const actorId = new Uint32Array(rows);
    const actorRole = new Uint32Array(rows);
    const actorName = new Uint32Array(rows);
    const actorSide = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      actorId[r] = this.rules.actor.check(c.actor[r]);
      actorRole[r] = this.rules.role.check(c.actorRole[r]);
      actorName[r] = this.rules.anyText.optional(c.actorName[r]);
      const side = c.actorSide[r];
      actorSide[r] = side === 0 || side === 1 || side === 2 ? side : decline();
    }
    // The decoder writes a reference's name before its side.
    return { actorOffset: Uint32Array.from(c.actorOffsets as number[]), actorId, actorRole, actorName, actorSide, actorSideFirst: new Uint8Array(rows) };
  }

  private part(value: unknown): number {
    let at = this.partIndex.get(value);
    if (at === undefined) this.partIndex.set(value, (at = this.parts.push(value) - 1));
    return at;
  }
}

const done = (builders: [string, JoinedBuilder][]) => builders.map(([language, builder]): [string, JoinedStrings] => [language, builder.done()]);
