// Some events of a dataset as a dataset of their own, in the app's JSON: the same title,
// attribution and licence, only the actors those events need, and nothing that would fail
// validateDataset (or the importer) when the file is opened again.
import type { Actor, ConflictEvent, Dataset, DatasetInfo } from '../model/schema.ts';

/** A relation left out because the event it points to is not in the export. */
export interface DroppedRelation {
  /** The event that had the relation. */
  from: string;
  kind: ConflictEvent['relations'][number]['kind'];
  /** The event it pointed to, which the export does not hold. */
  to: string;
}

export interface EventsExport {
  dataset: Dataset;
  /**
   * validateDataset rejects relations to events that are not in the dataset (and the importer
   * rejects the whole event), so those relations are dropped, and listed here for the caller to tell.
   */
  droppedRelations: DroppedRelation[];
}

/** Every actor id an event names: its actors, counts (claimant, of) and claims (claimant, disputedBy). */
function actorIdsNamedBy(event: ConflictEvent): string[] {
  return [
    ...event.actors.map((ref) => ref.actor),
    ...event.counts.flatMap((count) => [count.claimant, ...(count.of !== undefined ? [count.of] : [])]),
    ...event.claims.flatMap((claim) => [claim.claimant, ...(claim.disputedBy ?? [])]),
  ];
}

/**
 * The actors the events name, plus the bodies they belong to (`parent`, up the chain): the
 * validator requires a parent to be in the registry. In the registry's order.
 */
function actorsNeeded(registry: readonly Actor[]): { add(event: ConflictEvent): void; actors(): Actor[] } {
  const byId = new Map(registry.map((actor) => [actor.id, actor]));
  const needed = new Set<string>();
  const addId = (id: string | undefined) => {
    while (id !== undefined && !needed.has(id)) {
      needed.add(id);
      id = byId.get(id)?.parent;
    }
  };
  return {
    add: (event) => actorIdsNamedBy(event).forEach(addId),
    actors: () => registry.filter((actor) => needed.has(actor.id)),
  };
}

/** The event without its relations to events not exported, each listed in `dropped`. */
export function withoutDanglingRelations(event: ConflictEvent, exportedIds: ReadonlySet<string>, dropped: DroppedRelation[]): ConflictEvent {
  const dangling = event.relations.filter((relation) => !exportedIds.has(relation.event));
  if (!dangling.length) return event;
  for (const relation of dangling) dropped.push({ from: event.id, kind: relation.kind, to: relation.event });
  return { ...event, relations: event.relations.filter((relation) => exportedIds.has(relation.event)) };
}

/**
 * `events` (normally a subset of `dataset.events`, e.g. the filtered ones) as a dataset: every
 * dataset-level field of `dataset` kept, `description` replaced by the note, the events unchanged
 * and in the order given, except that relations to events not exported are dropped (see
 * EventsExport.droppedRelations). Actors are only those the events need.
 */
export function eventsToDataset(dataset: DatasetInfo, events: readonly ConflictEvent[], note: { description: string }): EventsExport {
  const exportedIds = new Set(events.map((event) => event.id));
  const droppedRelations: DroppedRelation[] = [];
  const keptEvents = events.map((event) => withoutDanglingRelations(event, exportedIds, droppedRelations));
  const needed = actorsNeeded(dataset.actors);
  keptEvents.forEach(needed.add);
  return {
    dataset: {
      ...dataset,
      description: note.description,
      actors: needed.actors(),
      events: keptEvents,
    },
    droppedRelations,
  };
}

/** The dataset as the app's JSON file: indented by 2 spaces, ending with a newline. */
export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

/** Above this many events an export is written without indentation, as `npm run import` writes. */
export const INDENTED_UP_TO = 10_000;

/** What the file says before its events, gathered from all of them first (see createEventsJson). */
export interface ExportedEvents {
  ids: Set<string>;
  add(event: ConflictEvent): void;
  count: number;
  /** The actors the events need, in the registry's order. */
  actors(): Actor[];
}

/** Collects the ids and the actors of the events to export, one at a time. */
export function collectExported(dataset: DatasetInfo): ExportedEvents {
  const ids = new Set<string>();
  const needed = actorsNeeded(dataset.actors);
  return {
    ids,
    count: 0,
    add(event) {
      ids.add(event.id);
      needed.add(event);
      this.count++;
    },
    actors: needed.actors,
  };
}

export interface EventsJsonWriter {
  /** The file up to its events. */
  head: string;
  /** The next events, in order, as they go in the file. */
  events(batch: readonly ConflictEvent[]): string;
  /** The file after its events. */
  tail(): string;
  droppedRelations: DroppedRelation[];
}

/**
 * datasetToJson(eventsToDataset(dataset, events, note).dataset) in parts, to be joined in a Blob:
 * a million events make a text longer than a string can be (V8's limit is about 512 million
 * characters). The events are first all passed to `exported` (collectExported), since their
 * actors come before them in the file; then written a batch at a time, so that they need not all
 * be built at once. Over INDENTED_UP_TO events, nothing is indented (JSON.stringify(dataset) + "\n").
 */
export function createEventsJson(dataset: DatasetInfo, note: { description: string }, exported: ExportedEvents): EventsJsonWriter {
  const indent = exported.count <= INDENTED_UP_TO ? 2 : undefined;
  // The file without its events, with a mark where they go (one no text in the file holds).
  let mark = '';
  let head = '';
  do {
    mark = `events ${Math.random()}`;
    head = JSON.stringify({ ...dataset, description: note.description, actors: exported.actors(), events: mark }, null, indent);
  } while (head.split(JSON.stringify(mark)).length !== 2);
  const [before, after] = head.split(JSON.stringify(mark)) as [string, string];
  const droppedRelations: DroppedRelation[] = [];
  // Indented, the events' list sits one level in: each event's lines take four spaces more.
  const open = indent ? '[\n' : '[';
  const between = indent ? ',\n' : ',';
  const write = (event: ConflictEvent) => {
    const text = JSON.stringify(withoutDanglingRelations(event, exported.ids, droppedRelations), null, indent);
    return indent ? `    ${text.replace(/\n/g, '\n    ')}` : text;
  };
  let first = true;
  return {
    head: before,
    events(batch) {
      if (!batch.length) return '';
      const text = batch.map(write).join(between);
      const part = first ? `${open}${text}` : `${between}${text}`;
      first = false;
      return part;
    },
    tail: () => `${first ? '[]' : indent ? '\n  ]' : ']'}${after}\n`,
    droppedRelations,
  };
}

/**
 * collectExported and createEventsJson over batches of events, all parts at once: the browser's
 * export does the same with a pause between batches (see browserExport.ts), and tests hold this to
 * datasetToJson.
 */
export function eventsToJsonParts(dataset: DatasetInfo, batches: () => Iterable<readonly ConflictEvent[]>, note: { description: string }): { parts: string[]; droppedRelations: DroppedRelation[] } {
  const exported = collectExported(dataset);
  for (const batch of batches()) batch.forEach((event) => exported.add(event));
  const writer = createEventsJson(dataset, note, exported);
  const parts = [writer.head];
  for (const batch of batches()) parts.push(writer.events(batch));
  parts.push(writer.tail());
  return { parts, droppedRelations: writer.droppedRelations };
}
