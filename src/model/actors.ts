// One actor behind many names: registry ids, aliases ("Baku"), and ACLED names whose period
// suffix changes ("Military Forces of Armenia (2008-2018)" and "(2018-)" are one actor).
import type { Actor } from './schema.ts';

const PERIOD = /\s*\(\d{4}-(\d{4})?\)/g;

/** The name without ACLED's period ("(2018-)"), wherever it sits: "Military Forces of Armenia (2018-) Border Guard". */
export function withoutPeriod(name: string): string {
  return name.replace(PERIOD, '').replace(/\s+/g, ' ').trim();
}

/** A key for matching names: no period suffix, case folded, spaces collapsed. */
export function actorNameKey(name: string): string {
  return withoutPeriod(name).toLocaleLowerCase('en');
}

export interface ActorResolver {
  /** The registry id a name or alias stands for, or undefined when nobody answers to it. */
  resolve(name: string): string | undefined;
}

export function createActorResolver(actors: readonly Actor[]): ActorResolver {
  const byKey = new Map<string, string>();
  for (const actor of actors) {
    byKey.set(actorNameKey(actor.id), actor.id);
    for (const name of Object.values(actor.names)) byKey.set(actorNameKey(name), actor.id);
    for (const alias of actor.aliases) byKey.set(actorNameKey(alias), actor.id);
  }
  return { resolve: (name) => byKey.get(actorNameKey(name)) };
}

/** The actor's name in the wanted language, falling back to English, then to any. */
export function actorName(actor: Actor, lang: string): string {
  return actor.names[lang] ?? actor.names.en ?? Object.values(actor.names)[0] ?? actor.id;
}
