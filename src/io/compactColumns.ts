// The table's columns of a compact file, from its columns as read (numbers typed, ids and place
// names joined: see jsonBytes.ts), without packing the file first. A helper worker computes them
// while the lead packs (see importJob.ts). For a file the packed way reads, they are the columns
// computeColumns gives for its packed events; a test holds the two to that.
import { computeColumns, type ColumnReader, type TableColumns } from '../table/eventTable.ts';
import { compareJoined, indexedReader, joinedAt, joinedChars, type JoinedStrings } from '../table/packedEvents.ts';
import { anchorTime } from '../model/time.ts';
import { formatInstant, isNullCell, offsetMinutes, type Column } from './compact.ts';
import type { Actor, Place, Precision, TimeValue } from '../model/schema.ts';
import type { UnfilledColumns } from './jsonBytes.ts';
import { TextRows } from './textRows.ts';
import { TimeTable } from './timeTable.ts';

/** A compact file's columns as read. */
export interface CompactColumns {
  strings: readonly string[];
  /** The lists of numbers, by name (see CompactEvents); a column that may hold null may be left out. */
  numbers: Readonly<Record<string, Column | undefined>>;
  id: JoinedStrings;
  /** Per language, in the file's order. */
  placeName: readonly [string, JoinedStrings][];
  /** For a place name in one language: each row's first row of the same name (see firstRowsOfText), if found already. */
  placeFirstRows?: Int32Array;
}

/** The table's columns (see computeColumns); `actors` as the dataset's info has them. */
export function compactTableColumns(columns: CompactColumns, actors: readonly Actor[]): TableColumns {
  return computeColumns(compactColumnReader(columns), actors);
}

/** The number column of that name; throws when a column that cannot be left out is missing. */
function numbersOf(numbers: CompactColumns['numbers'], name: string): Column {
  const column = numbers[name];
  if (!column) throw new Error(`no column ${name}`);
  return column;
}

function compactColumnReader({ strings, numbers, id, placeName, placeFirstRows }: CompactColumns): ColumnReader {
  const size = id.start.length - 1;
  const column = (name: string) => numbersOf(numbers, name);
  const start = { ms: column('start'), offset: column('startOffset'), precision: column('startPrecision'), tz: column('startTz') };
  const end = numbers.end && { ms: column('end'), offset: column('endOffset'), precision: column('endPrecision'), tz: column('endTz') };
  const type = column('type');
  const placeCountry = numbers.placeCountry;
  const actorOffset = column('actorOffsets');
  const actorId = column('actor');
  const actorRole = column('actorRole');
  // anchorTime per distinct time: by its epoch ms and offset, then the rest of it (as packing makes its `at`).
  const anchors = new TimeTable<{ precision: number; tz: number; anchor: number }[]>();
  const anchorAt = (time: typeof start, i: number): number => {
    const ms = time.ms[i] as number;
    const offset = time.offset[i] as number;
    const precision = time.precision[i] as number;
    const tz = time.tz[i] as number;
    let known = anchors.get(ms, offset);
    if (known) for (const k of known) if (k.precision === precision && k.tz === tz) return k.anchor;
    const offsetText = strings[offset]!;
    const value: TimeValue = { at: formatInstant(ms, offsetMinutes(offsetText)!, offsetText), precision: strings[precision] as Precision, tz: strings[tz]! };
    const anchor = anchorTime(value);
    if (!known) anchors.add(ms, offset, (known = []));
    known.push({ precision, tz, anchor });
    return anchor;
  };
  // A place's name as packing makes it (its languages in the file's order), one object per text.
  // In one language (the usual case), rows of the same name are found by their text where it lies
  // (see TextRows): a string per row to look the name up by took a quarter of a second at a million.
  const [onlyLanguage, onlyTexts] = placeName.length === 1 ? placeName[0]! : [];
  const rowsByName = onlyTexts && (placeFirstRows ?? new TextRows(onlyTexts, size));
  /** Per row that first had a name's text, that name. */
  const names = new Map<number, Place['name']>();
  const places = new Map<Place['name'], Pick<Place, 'name' | 'country'>>();
  const nameAt = (i: number): Place['name'] => {
    if (rowsByName) {
      const first = rowsByName instanceof TextRows ? rowsByName.firstWithTextOf(i) : rowsByName[i]!;
      const row = first >= 0 ? first : i;
      let name = names.get(row);
      if (!name) names.set(row, (name = { [onlyLanguage!]: joinedAt(onlyTexts!, i)! }));
      return name;
    }
    const name: Place['name'] = {};
    for (const [language, texts] of placeName) {
      const text = joinedAt(texts, i);
      if (text !== undefined) name[language] = text;
    }
    return name;
  };
  return {
    size,
    idAt: (i) => joinedAt(id, i)!,
    compareIds: (a, b) => compareJoined(id, a, b),
    idChars: () => joinedChars(id),
    startAnchorAt: (i) => anchorAt(start, i),
    endAnchorAt: (i) => (end && !isNullCell(end.ms[i]) ? anchorAt(end, i) : null),
    typeAt: (i) => strings[type[i] as number]!,
    placeAt: (i) => {
      if (!placeCountry || isNullCell(placeCountry[i])) return null;
      const name = nameAt(i);
      const country = strings[placeCountry[i] as number]!;
      let place = places.get(name);
      if (place?.country !== country) places.set(name, (place = { name, country }));
      return place;
    },
    forEachActor: (i, visit) => {
      for (let r = actorOffset[i] as number; r < (actorOffset[i + 1] as number); r++) visit(strings[actorId[r] as number]!, strings[actorRole[r] as number]!);
    },
    indexed: (actorRow) => indexedReader({ strings, type: type as ArrayLike<number>, actorOffset: actorOffset as ArrayLike<number>, actorId: actorId as ArrayLike<number>, actorRole: actorRole as ArrayLike<number> }, actorRow),
  };
}

/**
 * The columns of a compact file parsed with its text read joined (see UnfilledColumns), before it
 * is filled in; null when its ids or place names were not read joined.
 */
export function compactColumnsOf(value: unknown, unfilled: UnfilledColumns): CompactColumns | null {
  const { strings, events } = value as { strings: string[]; events: Record<string, unknown> };
  const id = unfilled.text(events.id);
  const placeName = Object.entries(events.placeName as Record<string, unknown>).map(([language, column]): [string, JoinedStrings | undefined] => [language, unfilled.text(column)]);
  if (!id || placeName.some(([, texts]) => !texts)) return null;
  const numbers: Record<string, Column> = {};
  for (const name of TABLE_NUMBER_COLUMNS) if (events[name] !== undefined) numbers[name] = events[name] as Column;
  return { strings, numbers, id, placeName: placeName as [string, JoinedStrings][] };
}

/** The lists of numbers the table's columns are computed from. */
export const TABLE_NUMBER_COLUMNS: readonly string[] = ['start', 'startOffset', 'startPrecision', 'startTz', 'end', 'endOffset', 'endPrecision', 'endTz', 'type', 'placeCountry', 'actorOffsets', 'actor', 'actorRole'];
