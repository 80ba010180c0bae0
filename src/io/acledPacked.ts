// ACLED rows straight into packed events (see packedEvents.ts): rows are read by acledRow.ts, but
// no event object is built and the schema does not run once per row. What a row's values can fail
// is checked as packing goes:
// - the id against the schema's pattern, and the title and notes for text;
// - each distinct type, time, actor reference, country, admin list, count list, source list and
//   tag list once, with the schema's own rule for it.
// A row that fails any of these is built into its event (acled.ts) and checked whole: it is then
// rejected with the schema's reason, or kept whole. In the monadic layout an event's second row
// merges into the first's event: its actors and title are kept aside, and packed() rebuilds the
// actor and title columns when some row merged.
import type { FileForm } from './dates.ts';
import { accepts, isText } from '../model/validate.ts';
import { actorRefSchema, eventSchema, ID_MAX_LENGTH, ID_PATTERN, placeSchema, timeSchema, type ConflictEvent } from '../model/schema.ts';
import { createPackedWriter, joinedAt, JoinedBuilder, type JoinedStrings, type PackedEvents } from '../table/packedEvents.ts';
import { ACLED_PROVIDER, acledCounts, acledSources, acledTags, createAcledRowReader, type AcledActorRef, type AcledRowValues } from './acledRow.ts';
import { acledDatasetInfo, acledEvent, acledLayout } from './acled.ts';
import { createEventCheck } from './acceptEvent.ts';
import { createRowState } from './rowState.ts';
import { keyOf, NONE } from './intern.ts';
import type { PackedCsvImport } from './csv.ts';

/**
 * Values of one kind found by a key: each made and checked once, then kept at an index. Gives -1
 * for a value its rule refuses.
 */
function keyedValues<T>(keep: (value: T) => number, rule: (value: T) => boolean) {
  const known = new Map<string, number>();
  return (key: string, make: () => T): number => {
    let at = known.get(key);
    if (at === undefined) {
      const value = make();
      known.set(key, (at = rule(value) ? keep(value) : -1));
    }
    return at;
  };
}

/**
 * Packs the rows of one ACLED file. `capacity`: at least the number of rows (the text's line
 * count will do); the columns are cut to the rows kept. `rejectedIds`, where given, gets the id of
 * each row rejected after its id was read (a part of a file: see fileParts.ts). `form`: how the
 * file writes dates and decimals.
 */
export function createAcledPackedImport(header: readonly string[], fileName: string, capacity: number, rejectedIds?: string[], form: FileForm = {}): PackedCsvImport {
  const state = createRowState();
  // The id the row being read looked up last: the reader asks where each row's id was kept before.
  let idRead: string | undefined;
  const ids = rejectedIds ? { ...state, placeOfId: (id: string) => state.placeOfId((idRead = id)) } : state;
  const acceptEvent = createEventCheck();
  const { registry } = state;
  registry.add(ACLED_PROVIDER);
  const reader = createAcledRowReader(header, registry, ids, form);

  const w = createPackedWriter(capacity);
  const { string: s, keepPart, columns: p, whole } = w;
  const none = keepPart(NONE);
  const english = s('en');

  // Each distinct value checked once, with the schema's rule for its place in an event.
  const types = keyedValues((type: string) => s(type), accepts(eventSchema.shape.type));
  const countries = keyedValues((country: string) => s(country), accepts(placeSchema.shape.country));
  const isTime = accepts(timeSchema);
  /** Times by their `at`, then precision and zone: [at, precision, tz] as string indexes, or null where the schema refuses the time. */
  const times = new Map<string, { precision: string; zone: string; cells: [number, number, number] | null }[]>();
  const isRef = accepts(actorRefSchema);
  /** Per actor reference (the reader shares one object per distinct reference): its packed cells, or null where the schema refuses it. */
  const refCells = new Map<AcledActorRef, { id: number; role: number; name: number; sideFirst: number } | null>();
  const placeNames = keyedValues(keepPart, (name: { en: string }) => isText(name.en));
  const admins = keyedValues(keepPart, accepts(placeSchema.shape.admin));
  const counts = keyedValues(keepPart, accepts(eventSchema.shape.counts));
  const sources = keyedValues(keepPart, accepts(eventSchema.shape.sources));
  const tags = keyedValues(keepPart, accepts(eventSchema.shape.tags));

  const timeOf = (v: AcledRowValues) => {
    let known = times.get(v.start);
    if (!known) times.set(v.start, (known = []));
    for (const time of known) if (time.precision === v.precision && time.zone === v.zone) return time.cells;
    const cells: [number, number, number] | null = isTime({ at: v.start, precision: v.precision, tz: v.zone }) ? [s(v.start), s(v.precision), s(v.zone)] : null;
    known.push({ precision: v.precision, zone: v.zone, cells });
    return cells;
  };
  const cellsOfRef = (ref: AcledActorRef) => {
    let cells = refCells.get(ref);
    if (cells === undefined) {
      // The reference is written actor, role, side, then its name.
      cells = isRef(ref) ? { id: s(ref.actor), role: s(ref.role), name: ref.name === undefined ? 0 : s(ref.name) + 1, sideFirst: ref.name === undefined ? 0 : 1 } : null;
      refCells.set(ref, cells);
    }
    return cells;
  };

  /** Writes a checked reference's cells (see cellsOfRef) with `ref`. */
  const pushRef = (ref: AcledActorRef, to: (actor: number, role: number, name: number, side: number, sideFirst: number) => void) => {
    const cells = refCells.get(ref)!;
    to(cells.id, cells.role, cells.name, ref.side, cells.sideFirst);
  };

  /** Packs the next row from its values; false, packing nothing, where a value fails its check. */
  const pack = (v: AcledRowValues): boolean => {
    if (v.id.length > ID_MAX_LENGTH || !ID_PATTERN.test(v.id) || !isText(v.title) || (v.notes !== '' && !isText(v.notes))) return false;
    const type = types(v.type, () => v.type);
    const time = timeOf(v);
    if (type < 0 || !time || !v.actors.every(cellsOfRef)) return false;
    let country = -1;
    let placeName = -1;
    let admin = 0;
    if (v.country) {
      country = countries(v.country, () => v.country);
      const name = v.location || v.admin[0] || v.country;
      placeName = placeNames(name, () => ({ en: name }));
      if (v.admin.length && (admin = admins(keyOf(...v.admin), () => v.admin) + 1) === 0) return false;
      // The schema's bounds, which readCoordinate keeps too.
      const latOk = v.lat === undefined || (v.lat >= -90 && v.lat <= 90);
      const lonOk = v.lon === undefined || (v.lon >= -180 && v.lon <= 180);
      if (country < 0 || placeName < 0 || !latOk || !lonOk) return false;
    }
    const countList = v.fatalities === undefined ? none : counts(`${v.fatalities}|${v.claimedOn}`, () => acledCounts(v.fatalities!, v.claimedOn));
    const sourceList = sources(keyOf(v.updated, v.sourceText), () => acledSources(v.updated, v.sourceText));
    const tagList = tags(keyOf(v.disorderType, v.civilianTargeting, v.tags), () => acledTags(v.disorderType, v.civilianTargeting, v.tags));
    if (countList < 0 || sourceList < 0 || tagList < 0) return false;

    const i = w.startRow(v.id, { en: v.title }, v.notes ? { en: v.notes } : undefined);
    p.type[i] = type;
    p.originalLanguage[i] = english;
    w.setSpan(i, time);
    for (const ref of v.actors) pushRef(ref, w.ref);
    if (v.country) w.setPlace(i, placeName, country, v.lat, v.lon, v.geoPrecision, admin);
    p.counts[i] = countList;
    p.claims[i] = none;
    p.sources[i] = sourceList;
    p.relations[i] = none;
    p.tags[i] = tagList;
    w.endRow();
    return true;
  };

  /** A row whose values failed a check: its event checked whole, then rejected, or kept whole. */
  const keepWhole = (v: AcledRowValues, report: Parameters<PackedCsvImport['row']>[2]): boolean => {
    const kept: ConflictEvent[] = [];
    if (!acceptEvent(acledEvent(v), report, kept, 'candidate')) return false;
    w.keepWhole(kept[0]!);
    return true;
  };

  /** Monadic layout: the merged values of each packed event that a second row merged into. */
  const merged = new Map<number, AcledRowValues>();
  /** Packed events that a merge turned into events kept whole. */
  const wentWhole = new Set<number>();

  /** A monadic event's second row: its actors and title kept aside for packed(), or its event checked and kept whole. */
  const mergeInto = (v: AcledRowValues, report: Parameters<PackedCsvImport['row']>[2]): boolean => {
    const i = v.merge!;
    if (!whole.has(i) && isText(v.title) && v.actors.every(cellsOfRef)) {
      merged.set(i, v);
      return true;
    }
    const kept: ConflictEvent[] = [];
    if (!acceptEvent(acledEvent(v), report, kept, 'candidate')) return false;
    if (!whole.has(i)) wentWhole.add(i);
    whole.set(i, kept[0]!);
    merged.delete(i);
    return true;
  };

  /** The text column with merged events' titles (or, for events now kept whole, none) in their rows. */
  const withMerges = (column: JoinedStrings, size: number, textOf: (v: AcledRowValues) => string | undefined): JoinedStrings => {
    const rebuilt = new JoinedBuilder(size);
    for (let i = 0; i < size; i++) {
      const v = merged.get(i);
      rebuilt.set(i, wentWhole.has(i) ? undefined : v ? textOf(v) : joinedAt(column, i));
    }
    return rebuilt.done(size);
  };

  /** The actor columns, with merged events' actors in their rows. */
  const actorColumns = (packed: PackedEvents) => {
    const offset = new Uint32Array(packed.size + 1);
    const out = { id: [] as number[], role: [] as number[], name: [] as number[], side: [] as number[], sideFirst: [] as number[] };
    const push = (actor: number, role: number, name: number, side: number, sideFirst: number) => {
      out.id.push(actor);
      out.role.push(role);
      out.name.push(name);
      out.side.push(side);
      out.sideFirst.push(sideFirst);
    };
    for (let i = 0; i < packed.size; i++) {
      const v = merged.get(i);
      if (v) for (const ref of v.actors) pushRef(ref, push);
      else if (!wentWhole.has(i)) for (let r = packed.actorOffset[i]!; r < packed.actorOffset[i + 1]!; r++) push(packed.actorId[r]!, packed.actorRole[r]!, packed.actorName[r]!, packed.actorSide[r]!, packed.actorSideFirst[r]!);
      offset[i + 1] = out.id.length;
    }
    return { actorOffset: offset, actorId: Uint32Array.from(out.id), actorRole: Uint32Array.from(out.role), actorName: Uint32Array.from(out.name), actorSide: Uint8Array.from(out.side), actorSideFirst: Uint8Array.from(out.sideFirst) };
  };

  return {
    layout: acledLayout(header),
    row(cells, line, report, sheetRow) {
      idRead = undefined;
      const values = reader.read(cells, report);
      if (values && values.merge !== undefined) {
        if (mergeInto(values, report)) {
          report.merge();
          reader.kept(values, values.merge, line, sheetRow);
        }
      } else if (values && (pack(values) || keepWhole(values, report))) {
        reader.kept(values, w.size - 1, line, sheetRow);
      }
      if (report.rejected) {
        reader.rejected(line, sheetRow);
        if (idRead !== undefined) rejectedIds?.push(idRead);
      }
    },
    packed: () => {
      const packed = w.done({ ...acledDatasetInfo(fileName), actors: registry.actors() });
      if (!merged.size && !wentWhole.size) return packed;
      const merge = (columns: [string, JoinedStrings][], textOf: (v: AcledRowValues) => string | undefined) => columns.map(([language, column]): [string, JoinedStrings] => [language, withMerges(column, packed.size, textOf)]);
      return { ...packed, title: merge(packed.title, (v) => v.title), description: merge(packed.description, (v) => v.notes || undefined), ...actorColumns(packed) };
    },
  };
}
