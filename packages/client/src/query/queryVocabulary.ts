// The values autocomplete can offer: what the loaded events hold. Collected from events the viewer
// already has, so suggesting costs no request and never shows what the viewer may not see.
import type { AuditEvent } from '@getimmutable/contract';

export interface QueryVocabulary {
  /** Actors by id, with the name they were last seen with. */
  actors: ReadonlyArray<{ id: string; name: string | null }>;
  actions: readonly string[];
  /** Resource types. */
  resources: readonly string[];
  /** Target types. */
  targetTypes: readonly string[];
}

export const EMPTY_VOCABULARY: QueryVocabulary = {
  actors: [],
  actions: [],
  resources: [],
  targetTypes: [],
};

const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b));

/** The distinct actors, actions, resource types and target types of `events`, each sorted. */
export function queryVocabulary(events: Iterable<AuditEvent>): QueryVocabulary {
  const actors = new Map<string, string | null>();
  const actions = new Set<string>();
  const resources = new Set<string>();
  const targetTypes = new Set<string>();
  for (const event of events) {
    actors.set(event.actor_id, event.actor_name ?? actors.get(event.actor_id) ?? null);
    actions.add(event.action);
    if (event.resource) resources.add(event.resource);
    for (const target of event.targets) targetTypes.add(target.type);
  }
  return {
    actors: sorted(actors.keys()).map((id) => ({ id, name: actors.get(id) ?? null })),
    actions: sorted(actions),
    resources: sorted(resources),
    targetTypes: sorted(targetTypes),
  };
}
