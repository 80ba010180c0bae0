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
  /** What the registry holds, to send to another registry's absorb(). */
  snapshot(): RegistrySnapshot;
  /**
   * Takes in a registry built from the rows after this one's, when the result equals one registry
   * fed all the rows in order: each shared actor has the same id and English name in both, and no
   * new actor's id is taken here. Otherwise changes nothing and answers false.
   */
  absorb(later: RegistrySnapshot): boolean;
}

export interface RegistrySnapshot {
  /** [name key, actor] in the order first seen; fixed actors are not included. */
  actors: [string, Actor][];
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
    snapshot() {
      return { actors: [...byKey] };
    },
    absorb(later) {
      for (const [key, actor] of later.actors) {
        const known = byKey.get(key);
        if (known ? known.id !== actor.id || known.names.en !== actor.names.en : usedIds.has(actor.id)) return false;
      }
      for (const [key, actor] of later.actors) {
        const known = byKey.get(key);
        if (!known) {
          const copy = { ...actor, aliases: [...actor.aliases] };
          byKey.set(key, copy);
          byId.set(copy.id, copy);
          usedIds.add(copy.id);
          continue;
        }
        // As if its rows had come here: a kind given later upgrades 'other'; new aliases follow.
        if (known.kind === 'other') known.kind = actor.kind;
        for (const alias of actor.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
      }
      return true;
    },
  };
}
