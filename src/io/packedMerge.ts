// Packed events read in parts (a file split across workers: see fileParts.ts) made one, as if one
// writer had packed every row in order. Each part has its own strings and parts: a later part's
// string indexes are mapped into the first's table, and its part indexes moved past the parts
// before it. The parts come as posted (their text as UTF-8, encoded in each part's worker), and
// the whole goes to the page so: the bytes are joined, not decoded. Pure: the caller decides
// whether the parts may be joined at all.
import type { DatasetInfo } from '../model/schema.ts';
import type { TimeColumns } from '../table/packedEvents.ts';
import { utf8Column } from '../table/utf8Column.ts';
import type { PostedJoined, PostedPackedEvents } from './packedPost.ts';

/** Where each entry starts, then its end: `start`, or a column of `size` empty entries. */
const startsOf = (column: PostedJoined | undefined, size: number) => column?.start ?? new Uint32Array(size + 1);

/** Entries' starts of several columns one after another, each moved past the ends of those before. */
function startsConcat(starts: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(starts.reduce((n, s) => n + s.length - 1, 0) + 1);
  let row = 0;
  let shift = 0;
  for (const start of starts) {
    const size = start.length - 1;
    for (let i = 0; i < size; i++) out[row + i] = shift + start[i]!;
    row += size;
    shift += start[size]!;
  }
  out[row] = shift;
  return out;
}

/** Joined columns one after another (a part without the column: its rows have no entry). */
function joinedConcat(columns: (PostedJoined | undefined)[], sizes: readonly number[]): PostedJoined {
  const total = sizes.reduce((a, b) => a + b, 0);
  const start = startsConcat(columns.map((column, k) => startsOf(column, sizes[k]!)));
  let present: Uint8Array | undefined;
  if (columns.some((column) => !column || column.present)) {
    present = new Uint8Array(total);
    let row = 0;
    columns.forEach((column, k) => {
      if (column) present!.set(column.present ?? new Uint8Array(sizes[k]!).fill(1), row);
      row += sizes[k]!;
    });
  }
  const moved = columns.filter((column) => column !== undefined);
  // Every part's text as UTF-8 (the usual case): the bytes one after another.
  if (moved.every((column) => 'utf8' in column)) {
    const bytes = new Uint8Array(moved.reduce((n, column) => n + column.utf8.bytes.length, 0));
    let at = 0;
    for (const { utf8 } of moved) {
      bytes.set(utf8.bytes, at);
      at += utf8.bytes.length;
    }
    // Byte starts where some part's text goes beyond ASCII (else they are the character starts).
    const byteStarts = moved.some((column) => column.utf8.start) ? startsConcat(columns.map((column, k) => (column && 'utf8' in column ? (column.utf8.start ?? column.start) : startsOf(column, sizes[k]!)))) : undefined;
    return { utf8: { bytes, ...(byteStarts ? { start: byteStarts } : {}) }, start, ...(present ? { present } : {}) };
  }
  // Some part's text could not go as UTF-8 (a lone surrogate): every part's as text.
  const text = columns.map((column) => (!column ? '' : 'text' in column ? column.text : utf8Column(column).text)).join('');
  return { text, start, ...(present ? { present } : {}) };
}

/** A text's columns by language, joined: the languages in the first part's order, then new ones as met; null where two parts order the same languages differently. */
function textConcat(parts: readonly PostedPackedEvents[], pick: (part: PostedPackedEvents) => [string, PostedJoined][]): [string, PostedJoined][] | null {
  const languages: string[] = [];
  for (const part of parts) {
    // A row's text is rebuilt in the columns' order: a part's languages must come in the order
    // of those before it, its new ones last, as one writer would have kept them.
    let last = -1;
    for (const [language] of pick(part)) {
      const at = languages.indexOf(language);
      if (at < 0) last = languages.push(language) - 1;
      else if (at < last) return null;
      else last = at;
    }
  }
  const sizes = parts.map((part) => part.size);
  return languages.map((language) => [language, joinedConcat(parts.map((part) => new Map(pick(part)).get(language)), sizes)]);
}

type Numbers = Uint32Array | Uint8Array | Float64Array;

function concat<T extends Numbers>(arrays: T[], make: (n: number) => T, map?: (value: number, k: number) => number): T {
  const out = make(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  arrays.forEach((array, k) => {
    if (map && k > 0) for (let i = 0; i < array.length; i++) out[at + i] = map(array[i]!, k);
    else out.set(array, at);
    at += array.length;
  });
  return out;
}

/**
 * The parts as one: rows of part 1, then of part 2…, with `info` for the whole. Null where their
 * text columns cannot be joined exactly (see textConcat).
 */
export function mergePacked(parts: readonly PostedPackedEvents[], info: DatasetInfo): PostedPackedEvents | null {
  const first = parts[0]!;
  const title = textConcat(parts, (part) => part.title);
  const description = textConcat(parts, (part) => part.description);
  if (!title || !description) return null;
  // The first part's strings keep their indexes; each later part's are looked up, or added.
  const strings = [...first.strings];
  const stringIndex = new Map(strings.map((value, i) => [value, i]));
  const stringMaps = parts.map((part, k) =>
    k === 0
      ? new Uint32Array(0)
      : Uint32Array.from(part.strings, (value) => {
          let at = stringIndex.get(value);
          if (at === undefined) stringIndex.set(value, (at = strings.push(value) - 1));
          return at;
        }),
  );
  const partOffsets = parts.map((_, k) => parts.slice(0, k).reduce((n, part) => n + part.parts.length, 0));
  const rowOffsets = parts.map((_, k) => parts.slice(0, k).reduce((n, part) => n + part.size, 0));
  const refOffsets = parts.map((_, k) => parts.slice(0, k).reduce((n, part) => n + part.actorId.length, 0));
  const u32 = (n: number) => new Uint32Array(n);
  const u8 = (n: number) => new Uint8Array(n);
  const f64 = (n: number) => new Float64Array(n);
  // Indexes into strings; "k" columns hold 0 for none, else the index + 1.
  const string = (value: number, k: number) => stringMaps[k]![value] ?? value;
  const stringOrNone = (value: number, k: number) => (value === 0 ? 0 : stringMaps[k]![value - 1]! + 1);
  // Indexes into parts, the same with 0 for none.
  const part = (value: number, k: number) => value + partOffsets[k]!;
  const partOrNone = (value: number, k: number) => (value === 0 ? 0 : value + partOffsets[k]!);
  const strs = (pick: (p: PostedPackedEvents) => Uint32Array) => concat(parts.map(pick), u32, string);
  const time = (pick: (p: PostedPackedEvents) => TimeColumns): TimeColumns => ({
    at: strs((p) => pick(p).at),
    precision: strs((p) => pick(p).precision),
    tz: strs((p) => pick(p).tz),
    dayPart: concat(parts.map((p) => pick(p).dayPart), u32, stringOrNone),
  });
  const actorOffset = u32(rowOffsets.at(-1)! + parts.at(-1)!.size + 1);
  parts.forEach((p, k) => {
    for (let i = 0; i < p.size; i++) actorOffset[rowOffsets[k]! + i] = p.actorOffset[i]! + refOffsets[k]!;
  });
  actorOffset[actorOffset.length - 1] = refOffsets.at(-1)! + parts.at(-1)!.actorId.length;
  const whole = new Map(parts.flatMap((p, k) => [...p.whole].map(([row, event]) => [row + rowOffsets[k]!, event] as const)));
  return {
    size: actorOffset.length - 1,
    info,
    id: joinedConcat(parts.map((p) => p.id), parts.map((p) => p.size)),
    type: strs((p) => p.type),
    originalLanguage: strs((p) => p.originalLanguage),
    title,
    description,
    start: time((p) => p.start),
    hasEnd: concat(parts.map((p) => p.hasEnd), u8),
    end: time((p) => p.end),
    actorOffset,
    actorId: strs((p) => p.actorId),
    actorRole: strs((p) => p.actorRole),
    actorName: concat(parts.map((p) => p.actorName), u32, stringOrNone),
    actorSide: concat(parts.map((p) => p.actorSide), u8),
    actorSideFirst: concat(parts.map((p) => p.actorSideFirst), u8),
    counts: concat(parts.map((p) => p.counts), u32, part),
    claims: concat(parts.map((p) => p.claims), u32, part),
    sources: concat(parts.map((p) => p.sources), u32, part),
    relations: concat(parts.map((p) => p.relations), u32, part),
    tags: concat(parts.map((p) => p.tags), u32, part),
    hasPlace: concat(parts.map((p) => p.hasPlace), u8),
    placeName: concat(parts.map((p) => p.placeName), u32, part),
    placeCountry: strs((p) => p.placeCountry),
    placeLat: concat(parts.map((p) => p.placeLat), f64),
    placeLon: concat(parts.map((p) => p.placeLon), f64),
    placePrecision: concat(parts.map((p) => p.placePrecision), u8),
    placeAdmin: concat(parts.map((p) => p.placeAdmin), u32, partOrNone),
    strings,
    parts: parts.reduce<unknown[]>((all, p) => {
      for (const kept of p.parts) all.push(kept);
      return all;
    }, []),
    whole,
    ...(parts.some((p) => p.sourcesJson) ? { sourcesJson: joinedConcat(parts.map((p) => p.sourcesJson), parts.map((p) => p.size)) } : {}),
  };
}
