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
function actorsNeeded(registry: readonly Actor[], events: readonly ConflictEvent[]): Actor[] {
  const byId = new Map(registry.map((actor) => [actor.id, actor]));
  const needed = new Set<string>();
  const add = (id: string | undefined) => {
    while (id !== undefined && !needed.has(id)) {
      needed.add(id);
      id = byId.get(id)?.parent;
    }
  };
  for (const event of events) actorIdsNamedBy(event).forEach(add);
  return registry.filter((actor) => needed.has(actor.id));
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
  const keptEvents = events.map((event) => {
    const dangling = event.relations.filter((relation) => !exportedIds.has(relation.event));
    if (!dangling.length) return event;
    for (const relation of dangling) droppedRelations.push({ from: event.id, kind: relation.kind, to: relation.event });
    return { ...event, relations: event.relations.filter((relation) => exportedIds.has(relation.event)) };
  });
  return {
    dataset: {
      ...dataset,
      description: note.description,
      actors: actorsNeeded(dataset.actors, keptEvents),
      events: keptEvents,
    },
    droppedRelations,
  };
}

/** The dataset as the app's JSON file: indented by 2 spaces, ending with a newline. */
export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
