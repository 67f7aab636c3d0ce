import {
  checkChain,
  checkEvent,
  type AuditEvent,
  type ChainLinkCheck,
  type EventCheck,
} from '@getimmutable/client';
import { useMemo } from 'react';

/** One row's integrity: its own hash, and its link to the predecessor. */
export interface IntegrityCheck {
  hash: EventCheck;
  link: ChainLinkCheck;
}

// Hashing is the costly part: once per event object. Query results keep their event objects
// across renders, refetches (structural sharing) and loaded pages.
const hashes = new WeakMap<AuditEvent, EventCheck>();
function hashOf(event: AuditEvent): EventCheck {
  let hash = hashes.get(event);
  if (!hash) hashes.set(event, (hash = checkEvent(event)));
  return hash;
}

/** Recomputes one event's hash here, in the browser, and (given its predecessor) checks the link. */
export function useEventIntegrity(
  event: AuditEvent | null | undefined,
  previous?: AuditEvent | null,
): { hash: EventCheck | null; link: ChainLinkCheck | null } {
  return useMemo(() => {
    if (!event) return { hash: null, link: null };
    const links = checkChain(previous ? [event, previous] : [event]);
    return { hash: hashOf(event), link: links[0] ?? null };
  }, [event, previous]);
}

/** By event id; an event's hash is computed when its entry is first read (a row rendered). */
class LazyIntegrityChecks implements ReadonlyMap<string, IntegrityCheck> {
  readonly #events: readonly AuditEvent[];
  readonly #links: ChainLinkCheck[];
  // Ids are indexed as far as lookups needed: rows on screen are found near where they render.
  readonly #index = new Map<string, number>();
  #indexed = 0;
  readonly #checks = new Map<number, IntegrityCheck>();

  constructor(events: readonly AuditEvent[]) {
    this.#events = events;
    this.#links = checkChain(events);
  }

  /** The index of the event with this id (indexing up to it); with no id, indexes them all. */
  #find(id?: string): number | undefined {
    const found = id === undefined ? undefined : this.#index.get(id);
    if (found !== undefined) return found;
    const events = this.#events;
    while (this.#indexed < events.length) {
      const i = this.#indexed++;
      const eventId = events[i]!.id;
      if (!this.#index.has(eventId)) this.#index.set(eventId, i);
      if (eventId === id) return i;
    }
    return undefined;
  }

  #at(i: number): IntegrityCheck {
    let check = this.#checks.get(i);
    if (!check)
      this.#checks.set(i, (check = { hash: hashOf(this.#events[i]!), link: this.#links[i]! }));
    return check;
  }

  /** Every entry, computed: for iteration (which reads every event anyway). */
  #all(): Map<string, IntegrityCheck> {
    const all = new Map<string, IntegrityCheck>();
    this.#find();
    for (const [id, i] of this.#index) all.set(id, this.#at(i));
    return all;
  }

  get size() {
    this.#find();
    return this.#index.size;
  }
  has(id: string) {
    return this.#find(id) !== undefined;
  }
  get(id: string) {
    const i = this.#find(id);
    return i === undefined ? undefined : this.#at(i);
  }
  keys() {
    this.#find();
    return this.#index.keys();
  }
  values() {
    return this.#all().values();
  }
  entries() {
    return this.#all().entries();
  }
  [Symbol.iterator]() {
    return this.#all()[Symbol.iterator]();
  }
  forEach(
    callback: (
      value: IntegrityCheck,
      key: string,
      map: ReadonlyMap<string, IntegrityCheck>,
    ) => void,
    thisArg?: unknown,
  ) {
    this.#all().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
}

/**
 * Per-row checks for a list, by event id: the hash always, the link only where the predecessor
 * is in the list. Links are checked for the whole list at once (cheap: no hashing); an event's
 * hash is recomputed only when its entry is first read, so a long list costs only what renders.
 */
export function useIntegrityChecks(
  events: readonly AuditEvent[],
): ReadonlyMap<string, IntegrityCheck> {
  return useMemo(() => new LazyIntegrityChecks(events), [events]);
}
