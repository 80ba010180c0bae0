// A compact file straight to packed events (see packedEvents.ts), without a million event objects
// and without the schema run once per event. The columns are checked as columns:
// - each distinct string once, with the schema's own rule for its field (an event type, a language
//   code, an actor id that the file's actors define…), and each distinct time once;
// - each shared list (sources, counts, tags, admin areas) once, with the schema's rule for it;
//   EventReader, the decoder's, reads the lists and checks their cells;
// - every other cell for its kind: an index into `strings`, a number in range, text not blank.
//
// Only for files the full path reads unchanged. When anything is off (a bad cell, a blank title, an
// unknown actor, a repeated id, an end before its start, fields kept in `extra`) this gives null:
// then the full path (decodeCompact, then every event through the schema) reads the file and
// reports each problem with its event. A test holds the two to the same table.
import type { z } from 'zod';
import { accepts, isText } from '../model/validate.ts';
import { actorRefSchema, eventSchema, INSTANT_PATTERN, placeSchema, timeSchema, type Count, type DatasetInfo } from '../model/schema.ts';
import { checkHeader, checkLayout, EventReader, formatInstant, isNullCell, isObject, offsetMinutes, type Column, type CompactProblem, type Layout } from './compact.ts';
import { JoinedBuilder, joinedAt, newEventColumns, type EventColumns, type JoinedStrings, type PackedEvents, type TimeColumns } from '../table/packedEvents.ts';
import { NONE } from './intern.ts';
import type { UnfilledColumns } from './jsonBytes.ts';
import { areUniqueIds, TextRows } from './textRows.ts';
import { TimeTable } from './timeTable.ts';

/** Rows packed between two progress reports. */
const PROGRESS_EVERY = 16_384;

/** Thrown where the full path must read the file; caught in packCompact. */
const DECLINED = Symbol('declined');
function decline(): never {
  throw DECLINED;
}

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
    return isNullCell(cell) ? 0 : this.check(cell) + 1;
  }
}

/**
 * Shared parts (the decoder gives one frozen object per distinct part) of one kind: each checked
 * once with its rule, and kept once in `parts`. Gives the part's index there; declines a part the
 * rule refuses.
 */
function partKind<T extends object>(parts: unknown[], rule: (part: T) => boolean): (part: T) => number {
  const indexes = new Map<T, number>();
  return (part) => {
    let at = indexes.get(part);
    if (at === undefined) {
      if (!rule(part)) decline();
      indexes.set(part, (at = parts.push(part) - 1));
    }
    return at;
  };
}

/**
 * The packed events of a compact file that the full path would read whole and unchanged, else null.
 * `unfilled`: columns that parsing left unfilled in `input` (text joined, numbers typed: see
 * jsonBytes.ts), taken as they are. With `idsCheckedElsewhere`, the ids are not checked here (to be
 * ids, none repeated: see areUniqueIds); the caller must check them, and read the file the full way
 * when they fail.
 */
export function packCompact(input: unknown, info: DatasetInfo, actorIds: ReadonlySet<string>, options: { onProgress?: (fraction: number) => void; unfilled?: UnfilledColumns; idsCheckedElsewhere?: boolean } = {}): PackedEvents | null {
  try {
    const problems: CompactProblem[] = [];
    const header = checkHeader(input, problems);
    if (!header) return null;
    if (header.extra !== undefined && !(isObject(header.extra) && Object.keys(header.extra).length === 0)) return null;
    const layout = checkLayout(header.events, problems);
    if (!layout) return null;
    const packed = new CompactPacker(layout, header.strings, actorIds, problems, options.unfilled, options.idsCheckedElsewhere).pack(info, options.onProgress);
    return problems.length ? null : packed;
  } catch {
    // Declined, or a file so odd that reading it threw: the full path reads it and says why.
    return null;
  }
}

/** A time as packed: its offset (index into the strings), then its rebuilt `at` and Date.parse(at). */
interface TimeCells {
  offset: number;
  /** Index of `at` in the packed strings. */
  at: number;
  /** Date.parse(at), as the full path compares an end with its start. */
  instant: number;
}

/** The time columns of the compact file (start… or end…). */
interface TimeSource {
  ms: Column;
  offset: Column;
  precision: Column;
  tz: Column;
}

class CompactPacker {
  private readonly reader: EventReader;
  private readonly c: Layout['columns'];
  private readonly start: TimeSource;
  private readonly end: TimeSource;
  /** The file's strings, then each `at` rebuilt from the time columns. */
  private readonly strings: string[];
  /** Times packed so far, by their epoch ms and offset. */
  private readonly times = new TimeTable<TimeCells>();
  private readonly parts: unknown[] = [];
  private readonly rules: Record<'type' | 'language' | 'precision' | 'tz' | 'offset' | 'actor' | 'role' | 'anyText' | 'country', StringRule>;
  private readonly admin = partKind<string[]>(this.parts, accepts(placeSchema.shape.admin));
  private readonly sources = partKind(this.parts, accepts(eventSchema.shape.sources));
  private readonly tags = partKind(this.parts, accepts(eventSchema.shape.tags));
  private readonly counts: (counts: Count[]) => number;
  /** Per part index of a count list: the highest source index its counts name, -1 for none. */
  private readonly highestSource: number[] = [];

  constructor(
    private readonly layout: Layout,
    fileStrings: string[],
    actorIds: ReadonlySet<string>,
    problems: CompactProblem[],
    private readonly unfilled?: UnfilledColumns,
    private readonly idsCheckedElsewhere = false,
  ) {
    this.reader = new EventReader(layout, fileStrings, new Map(), problems);
    this.placeNames = layout.text.placeName.map(([language, column]) => {
      const strings = unfilled?.text(column);
      return [language, strings ? (i) => joinedAt(strings, i) ?? null : (i) => column[i]];
    });
    const onlyPlaceName = layout.text.placeName.length === 1 ? layout.text.placeName[0]! : undefined;
    const joinedPlaceName = onlyPlaceName && unfilled?.text(onlyPlaceName[1]);
    if (onlyPlaceName && joinedPlaceName) {
      // Each row's first row of the same name: found as the file was read (see firstRowsOfText), or here.
      const rows = unfilled?.firstRowsOf(joinedPlaceName) ?? new TextRows(joinedPlaceName, layout.n);
      this.joinedPlaceNames = { language: onlyPlaceName[0], column: joinedPlaceName, rows, partOfRow: new Int32Array(layout.n).fill(-1) };
    }
    const c = (this.c = layout.columns);
    this.start = { ms: c.start, offset: c.startOffset, precision: c.startPrecision, tz: c.startTz };
    this.end = { ms: c.end, offset: c.endOffset, precision: c.endPrecision, tz: c.endTz };
    this.strings = fileStrings.slice();
    const rule = (schema: z.ZodType) => new StringRule(fileStrings, accepts(schema));
    const isActor = accepts(actorRefSchema.shape.actor);
    this.rules = {
      type: rule(eventSchema.shape.type),
      language: rule(eventSchema.shape.originalLanguage),
      precision: rule(timeSchema.shape.precision),
      tz: rule(timeSchema.shape.tz),
      offset: new StringRule(fileStrings, (text) => offsetMinutes(text) !== null),
      actor: new StringRule(fileStrings, (id) => actorIds.has(id) && isActor(id)),
      role: rule(actorRefSchema.shape.role),
      anyText: new StringRule(fileStrings, () => true),
      country: rule(placeSchema.shape.country),
    };
    const known = (id: string | undefined) => id === undefined || actorIds.has(id);
    const isCounts = accepts(eventSchema.shape.counts);
    this.counts = partKind(this.parts, (counts: Count[]) => {
      if (!isCounts(counts) || !counts.every((k) => known(k.claimant) && known(k.of))) return false;
      let highest = -1;
      for (const count of counts) if (count.source !== undefined) highest = Math.max(highest, count.source);
      // The list, accepted, goes next into `parts`: its index is the length now.
      this.highestSource[this.parts.length] = highest;
      return true;
    });
  }

  /** The events; `onProgress` hears how far (0 to 1) every PROGRESS_EVERY rows. */
  pack(info: DatasetInfo, onProgress?: (fraction: number) => void): PackedEvents {
    const { n, text } = this.layout;
    const c = this.c;
    const { rules, reader } = this;
    const id = this.ids(n);
    const title = this.textColumns(text.title, n);
    if (!everyRowHasText(title, n)) decline();
    const description = this.textColumns(text.description, n);
    const p = newEventColumns(n);
    const none = this.parts.push(NONE) - 1;
    const [sourceRows, countRows, tagRows] = [reader.listRows('sources'), reader.listRows('counts'), reader.listRows('tags')];
    for (let i = 0; i < n; i++) {
      if (i % PROGRESS_EVERY === 0) onProgress?.(i / n);
      p.type[i] = rules.type.check(c.type[i]);
      p.originalLanguage[i] = rules.language.check(c.originalLanguage[i]);
      const start = this.setTime(p.start, this.start, i);
      if (!isNullCell(c.end[i])) {
        p.hasEnd[i] = 1;
        if (this.setTime(p.end, this.end, i) < start) decline();
      }
      if (!isNullCell(c.placeCountry[i])) this.setPlace(p, i);
      // A list with the same cells as the event before's is that list (see ListRows.sameAsBefore).
      const sameSources = sourceRows.sameAsBefore(i);
      p.sources[i] = sameSources ? p.sources[i - 1]! : this.sources(reader.sources(i));
      const sameCounts = countRows.sameAsBefore(i);
      p.counts[i] = sameCounts ? p.counts[i - 1]! : this.counts(reader.counts(i));
      if (!(sameSources && sameCounts) && this.highestSource[p.counts[i]!]! >= sourceRows.length(i)) decline();
      p.tags[i] = tagRows.sameAsBefore(i) ? p.tags[i - 1]! : this.tags(reader.tags(i));
      p.claims[i] = none;
      p.relations[i] = none;
    }
    return {
      size: n,
      info,
      id,
      title,
      description,
      ...p,
      ...this.actorColumns(),
      strings: this.strings,
      parts: this.parts,
      whole: new Map(),
    };
  }

  /** The ids, each checked (unless idsCheckedElsewhere): an id by the schema's rule, and none repeated. */
  private ids(n: number): JoinedStrings {
    let column = this.unfilled?.text(this.c.id);
    if (!column) {
      const builder = new JoinedBuilder(n);
      for (let i = 0; i < n; i++) {
        const id = this.c.id[i];
        builder.set(i, typeof id === 'string' ? id : decline());
      }
      column = builder.done();
    }
    if (!this.idsCheckedElsewhere && !areUniqueIds(column, n)) decline();
    return column;
  }

  /** Per language, its column of text: each entry text that is not blank, or null. */
  private textColumns(columns: [string, unknown[]][], n: number): [string, JoinedStrings][] {
    return columns.map(([language, column], k): [string, JoinedStrings] => {
      const joined = this.unfilled?.text(column);
      if (joined) {
        if (!joinedIsText(joined, n)) decline();
        return [language, joined];
      }
      const builder = new JoinedBuilder(n, 0, k);
      for (let i = 0; i < n; i++) {
        const value = column[i];
        if (value === null) builder.set(i, undefined);
        else if (isText(value)) builder.set(i, value);
        else decline();
      }
      return [language, builder.done()];
    });
  }

  /**
   * Sets row i of a time's columns from the file's (each cell checked as the decoder checks it,
   * each distinct string with the time schema's rule for its field); gives the time's instant.
   */
  private setTime(columns: TimeColumns, source: TimeSource, i: number): number {
    const ms = source.ms[i];
    if (typeof ms !== 'number' || !Number.isFinite(ms)) decline();
    const offset = this.rules.offset.check(source.offset[i]);
    columns.precision[i] = this.rules.precision.check(source.precision[i]);
    columns.tz[i] = this.rules.tz.check(source.tz[i]);
    let cells = this.times.get(ms, offset);
    if (!cells) {
      const offsetText = this.strings[offset]!;
      const at = formatInstant(ms, offsetMinutes(offsetText)!, offsetText);
      // The schema's rule for `at`: its pattern, and a date that Date.parse reads.
      const instant = Date.parse(at);
      if (!INSTANT_PATTERN.test(at) || Number.isNaN(instant)) decline();
      cells = { offset, at: this.strings.push(at) - 1, instant };
      this.times.add(ms, offset, cells);
    }
    columns.at[i] = cells.at;
    return cells.instant;
  }

  private setPlace(p: EventColumns, i: number): void {
    const c = this.c;
    p.hasPlace[i] = 1;
    p.placeCountry[i] = this.rules.country.check(c.placeCountry[i]);
    const lat = c.placeLat[i];
    const lon = c.placeLon[i];
    // The schema's bounds: lat within ±90, lon within ±180 (text fails both comparisons).
    if (!isNullCell(lat)) p.placeLat[i] = typeof lat === 'number' && lat >= -90 && lat <= 90 ? lat : decline();
    if (!isNullCell(lon)) p.placeLon[i] = typeof lon === 'number' && lon >= -180 && lon <= 180 ? lon : decline();
    p.placeName[i] = this.placeName(i);
    const admin = this.reader.admin(i);
    if (admin.length) p.placeAdmin[i] = this.admin(admin) + 1;
  }

  /** Per language, row i's place name (or null), from the file's column or its joined text. */
  private readonly placeNames: [string, (i: number) => unknown][];

  /** Place names in one language (the usual case), found by their text. */
  private readonly namesByLanguage = new Map<string, Map<string, number>>();

  /**
   * Place names in one language, read joined (the usual case in a large file): found by their text
   * where it lies, and the part of the row where each text came first (-1 until it is made). Rows
   * found as the file was read are of every row with a name, with a country or not: a name's first
   * row may have none, and then its part is made with the first row that has.
   */
  private readonly joinedPlaceNames?: { language: string; column: JoinedStrings; rows: TextRows | Int32Array; partOfRow: Int32Array };

  /** The part index of row i's place name, made as the decoder makes it (its languages in column order). */
  private placeName(i: number): number {
    const joined = this.joinedPlaceNames;
    if (joined) {
      const { column, rows, partOfRow } = joined;
      if ((column.present && column.present[i] === 0) || !isTextAt(column, i)) decline();
      const first = rows instanceof TextRows ? rows.firstWithTextOf(i) : rows[i]!;
      if (first >= 0 && partOfRow[first]! >= 0) return (partOfRow[i] = partOfRow[first]!);
      const part = this.parts.push({ [joined.language]: joinedAt(column, i) }) - 1;
      if (first >= 0) partOfRow[first] = part;
      return (partOfRow[i] = part);
    }
    const columns = this.placeNames;
    if (columns.length === 1) {
      // One language (the usual case): no object per event to find the name by its text.
      const [language, cell] = columns[0]!;
      const text = cell(i);
      if (!isText(text)) decline();
      const byText = this.namesIn(language);
      let at = byText.get(text);
      if (at === undefined) byText.set(text, (at = this.parts.push({ [language]: text }) - 1));
      return at;
    }
    let name: Record<string, string> | undefined;
    let only: string | undefined;
    for (const [language, cell] of columns) {
      const value = cell(i);
      if (value === null) continue;
      if (!isText(value)) decline();
      only = name ? undefined : language;
      (name ??= {})[language] = value;
    }
    if (!name) decline();
    if (only === undefined) return this.parts.push(name) - 1;
    const byText = this.namesIn(only);
    const text = name[only]!;
    let at = byText.get(text);
    if (at === undefined) byText.set(text, (at = this.parts.push(name) - 1));
    return at;
  }

  /** Part indexes of the place names given in one language only, by their text. */
  private namesIn(language: string): Map<string, number> {
    let byText = this.namesByLanguage.get(language);
    if (!byText) this.namesByLanguage.set(language, (byText = new Map()));
    return byText;
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
    return { actorOffset: Uint32Array.from(c.actorOffsets as ArrayLike<number>), actorId, actorRole, actorName, actorSide, actorSideFirst: new Uint8Array(rows) };
  }
}

/** Whether every entry a joined column has is text that is not blank (as isText says of each). */
function joinedIsText(column: JoinedStrings, n: number): boolean {
  const { present } = column;
  for (let i = 0; i < n; i++) if (!(present && present[i] === 0) && !isTextAt(column, i)) return false;
  return true;
}

/** Whether row i of a joined column is text that is not blank, as isText says of its string. */
function isTextAt({ text, start }: JoinedStrings, i: number): boolean {
  const from = start[i]!;
  const to = start[i + 1]!;
  if (to === from) return false;
  // Most text starts with a printable ASCII character, which is not a space.
  const first = text.charCodeAt(from);
  return (first > 0x20 && first < 0x7f) || isText(text.slice(from, to));
}

/** Whether each row has a title in at least one language. */
function everyRowHasText(columns: [string, JoinedStrings][], n: number): boolean {
  if (columns.some(([, column]) => !column.present)) return true;
  for (let i = 0; i < n; i++) if (!columns.some(([, column]) => column.present![i] === 1)) return false;
  return true;
}
