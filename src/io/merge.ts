// "Add to current data": the union of two datasets. An incoming actor that answers to a name the
// current registry knows (by id, name or alias, period suffixes aside) becomes that actor; an
// incoming event whose id is already loaded is left out and counted, never silently replaced.
import { createActorResolver } from '../model/actors.ts';
import type { Actor, ConflictEvent, Dataset, DatasetInfo } from '../model/schema.ts';

export interface Merged {
  dataset: Dataset;
  /** Ids of incoming events that were already loaded (the loaded ones were kept). */
  duplicateEvents: string[];
  /** Incoming actors that were recognised as loaded ones: incoming id → loaded id. */
  mergedActors: Map<string, string>;
}

function joinText(a: string, b: string): string {
  return a === b ? a : `${a}; ${b}`;
}

export function mergeDatasets(current: Dataset, incoming: Dataset): Merged {
  const { events, ...info } = current;
  const loaded = new Set(events.map((e) => e.id));
  const merged = mergeInto(info, (id) => loaded.has(id), incoming);
  return { dataset: { ...merged.info, events: [...events, ...merged.added] }, duplicateEvents: merged.duplicateEvents, mergedActors: merged.mergedActors };
}

export interface MergedInto {
  /** The union's title, attribution, licence and actors (the loaded actors first, in their order). */
  info: DatasetInfo;
  /** The incoming events to add, their actors renamed where recognised. */
  added: ConflictEvent[];
  duplicateEvents: string[];
  mergedActors: Map<string, string>;
}

/**
 * The union of loaded data (its dataset info, and whether an event id is loaded) with incoming
 * data, without the loaded events: the page adds a file to a million packed events this way,
 * without building them (see appendEvents).
 */
export function mergeInto(current: DatasetInfo, isLoaded: (id: string) => boolean, incoming: Dataset): MergedInto {
  const resolver = createActorResolver(current.actors);
  const byId = new Map(current.actors.map((a) => [a.id, a]));
  const actorMap = new Map<string, string>();
  const actors: Actor[] = current.actors.map((a) => ({ ...a, aliases: [...a.aliases] }));
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  for (const actor of incoming.actors) {
    const names = [actor.id, ...Object.values(actor.names), ...actor.aliases];
    const known = byId.has(actor.id) ? actor.id : names.map((n) => resolver.resolve(n)).find((id) => id !== undefined);
    if (known === undefined) {
      actors.push(actor);
      actorIndex.set(actor.id, actors.length - 1);
      continue;
    }
    if (known !== actor.id) actorMap.set(actor.id, known);
    const target = actors[actorIndex.get(known)!]!;
    for (const name of [...Object.values(actor.names), ...actor.aliases]) {
      if (!Object.values(target.names).includes(name) && !target.aliases.includes(name)) target.aliases.push(name);
    }
  }
  const rename = (id: string) => actorMap.get(id) ?? id;
  const renameOptional = (id: string | undefined) => (id === undefined ? undefined : rename(id));
  const seen = new Set<string>();
  const duplicateEvents: string[] = [];
  const added: ConflictEvent[] = [];
  for (const event of incoming.events) {
    if (seen.has(event.id) || isLoaded(event.id)) {
      duplicateEvents.push(event.id);
      continue;
    }
    seen.add(event.id);
    added.push(
      actorMap.size === 0
        ? event
        : {
            ...event,
            actors: event.actors.map((r) => ({ ...r, actor: rename(r.actor) })),
            counts: event.counts.map((c) => ({ ...c, claimant: rename(c.claimant), ...(c.of ? { of: renameOptional(c.of)! } : {}) })),
            claims: event.claims.map((c) => ({ ...c, claimant: rename(c.claimant), ...(c.disputedBy ? { disputedBy: c.disputedBy.map(rename) } : {}) })),
          },
    );
  }
  return {
    info: {
      title: current.title === incoming.title ? current.title : `${current.title} + ${incoming.title}`,
      ...(current.description ? { description: current.description } : {}),
      attribution: joinText(current.attribution, incoming.attribution),
      ...(current.license || incoming.license ? { license: joinText(current.license ?? '', incoming.license ?? '').replace(/^; |; $/g, '') } : {}),
      actors,
    },
    added,
    duplicateEvents,
    mergedActors: actorMap,
  };
}
