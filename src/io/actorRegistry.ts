// Builds the actor registry while rows are read. Names that differ only by a period suffix
// ("Military Forces of Armenia (2008-2018)" and "(2018-)") become one actor whose aliases keep
// every suffixed name, so that filtering finds the actor across periods.
import type { Actor } from '../model/schema.ts';
import { actorNameKey, withoutPeriod } from '../model/actors.ts';
import { slug } from './cells.ts';

type Kind = Actor['kind'];

export interface ActorRegistryBuilder {
  /** The id for a name, adding the actor on first sight. `kind` upgrades an actor first seen as 'other'. */
  idFor(name: string, kind?: Kind, country?: string): string;
  /** Adds a fixed actor (the data provider). */
  add(actor: Actor): void;
  /** The registry's (English) name for an id. */
  nameOf(id: string): string | undefined;
  actors(): Actor[];
}

export function createActorRegistry(): ActorRegistryBuilder {
  const byKey = new Map<string, Actor>();
  const usedIds = new Set<string>();
  const fixed: Actor[] = [];
  const byId = new Map<string, Actor>();
  const uniqueId = (base: string) => {
    let id = base || 'actor';
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  return {
    idFor(name, kind, country) {
      const k = actorNameKey(name);
      let actor = byKey.get(k);
      if (!actor) {
        const base = withoutPeriod(name);
        actor = {
          id: uniqueId(slug(base)),
          names: { en: base },
          aliases: [],
          kind: kind ?? 'other',
          ...(country ? { country } : {}),
        };
        byKey.set(k, actor);
        byId.set(actor.id, actor);
      } else if (kind && actor.kind === 'other') {
        actor.kind = kind;
      }
      if (name !== actor.names.en && !actor.aliases.includes(name)) actor.aliases.push(name);
      return actor.id;
    },
    add(actor) {
      usedIds.add(actor.id);
      fixed.push(actor);
      byId.set(actor.id, actor);
    },
    nameOf(id) {
      return byId.get(id)?.names.en;
    },
    actors() {
      return [...fixed, ...byKey.values()];
    },
  };
}
